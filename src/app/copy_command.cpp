#include "app/copy_command.h"

#include <chrono>
#include <filesystem>

#include "app/messages.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "db/database.h"
#include "db/database_copy.h"

namespace raekoda::app {
namespace {

struct Refusal {
  std::string message;
};

// Copying a file onto itself would wait on its own read lock and then report the file busy.
bool same_database(const CopyCommand& command) {
  if (db::names_server(command.from) || db::names_server(command.to))
    return command.from == command.to;
  std::error_code error;
  return std::filesystem::equivalent(command.from, command.to, error);
}

std::string reason(const db::DatabaseError& error, const CopyCommand& command) {
  // The general sentence speaks of demo data; a copy's refusal says what to do instead.
  if (error.kind() == db::ErrorKind::not_empty) return trf("error.copy.not_empty", error.what());
  return describe_opening(error, {command.from, command.to});
}

// A file this run created holds nothing of the city's when the copy failed: it goes, with the
// journal SQLite may have left beside it.
void remove_created_file(const std::string& path) {
  std::error_code error;
  std::filesystem::remove(path, error);
  std::filesystem::remove(path + "-journal", error);
}

}  // namespace

int run_copy_command(const CopyCommand& command, std::ostream& out, std::ostream& err) {
  std::error_code exists_error;
  bool creates_file =
      !db::names_server(command.to) && !std::filesystem::exists(command.to, exists_error);
  try {
    if (same_database(command)) throw Refusal{trf("error.copy.same", command.to)};
    auto started = std::chrono::steady_clock::now();
    db::Database source = db::Database::open(command.from, db::OpenMode::as_it_is);
    db::Database target = db::Database::open(command.to, db::OpenMode::create_if_missing);
    if (target.read_only()) throw db::DatabaseError(db::ErrorKind::read_only, command.to);
    db::CopyReport report = db::copy_database(source, target);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::int64_t rows = report.rows();
    out << trn("cli.copy.done", rows, format_count(rows), source.display_name(),
               target.display_name(), format_decimal(took.count(), 1))
        << '\n';
    return 0;
  } catch (const Refusal& refusal) {
    err << "raekoda: " << refusal.message << '\n';
  } catch (const db::DatabaseError& error) {
    err << "raekoda: " << reason(error, command) << '\n';
  } catch (const std::exception& error) {
    err << "raekoda: " << trf("error.unexpected", error.what()) << '\n';
  }
  if (creates_file) remove_created_file(command.to);
  return 1;
}

}  // namespace raekoda::app
