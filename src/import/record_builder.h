#pragma once
// One row of a file, its cells read for their fields, turned into the record Raekoda saves:
// names found or added, what the file leaves out filled in the way the city's systems mean it
// (a disabled directory account is revoked, a solved ticket is resolved), and the key that finds
// the row again at the next import.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/record_spec.h"
#include "db/import_writer.h"
#include "import/import_kind.h"

namespace raekoda::import {

// A row's values by target field key, as read_cell() stored them; a field the file does not
// give is absent.
using FieldValues = std::map<std::string, std::string, std::less<>>;

struct BuildOptions {
  std::string system;  // accounts: the system of the list; incidents: the helpdesk
  Date today;
};

struct BuiltRecord {
  const TableSpec* spec = nullptr;
  db::NaturalKey key;
  Record values;                      // the columns to write
  std::vector<std::string> problems;  // in the user's language; the row is refused if any
  // Documents: the register's due date differs from the one the law gives.
  std::optional<Date> register_due;
  std::optional<Date> law_due;
};

BuiltRecord build_record(ImportKind kind, const FieldValues& values, db::ImportWriter& writer,
                         const BuildOptions& options);

// The table a kind's records are written to.
const TableSpec& table_of(ImportKind kind);

}  // namespace raekoda::import
