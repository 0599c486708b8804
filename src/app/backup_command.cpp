#include "app/backup_command.h"

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "app/messages.h"
#include "core/atomic_file.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "db/backup.h"
#include "db/database.h"

namespace raekoda::app {
namespace {

struct Refusal {
  std::string message;
};

std::string megabytes(std::int64_t bytes) {
  return format_decimal(static_cast<double>(bytes) / (1024.0 * 1024.0), 1);
}

std::string shown_moment(const std::string& moment) {
  auto parsed = DateTime::parse_iso(std::string_view(moment).substr(0, 16));
  return parsed ? parsed->display() : moment;
}

// The audit chain's state as one line: whole with its row count and the head's first 16 hex
// digits (what the IT lead notes on paper), or where it breaks.
std::string what_the_chain_says(const std::string& name, const db::AuditChainCheck& chain,
                                int schema_version) {
  using Finding = db::AuditChainCheck::Finding;
  switch (chain.finding) {
    case Finding::whole:
      // An empty log has no head to quote: sixteen zeros would read as a value.
      if (chain.rows == 0) return trf("cli.verify.chain.empty", name);
      return trn("cli.verify.chain.whole", chain.rows, name, format_count(chain.rows),
                 chain.head.substr(0, 16));
    case Finding::changed:
      return trf("cli.verify.chain.changed", name, chain.row_id, chain.change_id,
                 shown_moment(chain.changed_at));
    case Finding::inserted:
      return trf("cli.verify.chain.inserted", name, chain.row_id, chain.change_id,
                 shown_moment(chain.changed_at));
    case Finding::removed:
      return trf("cli.verify.chain.removed", name, chain.missing_id, chain.row_id, chain.change_id,
                 shown_moment(chain.changed_at));
    case Finding::removed_end:
      return trf("cli.verify.chain.removed_end", name, chain.missing_id, chain.head_id);
    case Finding::head_missing:
      return trf("cli.verify.chain.head_missing", name);
    case Finding::unsealed:
      return trf("cli.verify.chain.unsealed", name, schema_version);
  }
  return {};
}

// SQLite's first problem may run over several lines under a heading of its own
// ("*** in database main ***"): the command's one line takes the first line that says something.
std::string first_problem(const std::vector<std::string>& problems) {
  std::string_view text = problems.front();
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && !line.starts_with("***")) return std::string(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return problems.front();
}

// What a check found, as the one line a command prints: whole, or the first problem and how many.
std::string what_was_found(const std::string& name, const db::FileCheck& check) {
  if (!check.raekoda) return trf("error.db.foreign_database", name);
  if (!check.problems.empty()) {
    auto problems = static_cast<std::int64_t>(check.problems.size());
    return trn("cli.verify.damaged", problems, name, format_count(problems),
               first_problem(check.problems));
  }
  if (!check.chain_whole()) return what_the_chain_says(name, check.chain, check.schema_version);
  return trf("cli.verify.whole", name, megabytes(check.bytes), check.schema_version);
}

void refuse_server(const std::string& target) {
  if (db::names_server(target)) throw Refusal{tr("error.backup.server")};
}

// Runs `body`, which prints its one line and returns 0; what refuses or fails it is said in one
// line on `err` instead, with exit code 1.
template <class Body>
int said_in_one_line(std::ostream& err, Body body) {
  try {
    return body();
  } catch (const Refusal& refusal) {
    err << "raekoda: " << refusal.message << '\n';
  } catch (const db::DatabaseError& error) {
    err << "raekoda: " << describe(error) << '\n';
  }
  return 1;
}

// Before SQLite opens it: a pipe would make the command wait for a writer that never comes.
void refuse_non_regular(const std::string& name) {
  if (auto said = not_a_database_file(name)) throw Refusal{*said};
}

// A writer killed mid-save leaves the file whole and its save to roll back; a read-only open
// cannot, so the file is opened for writing once, if it may be.
void finish_unfinished_save(const std::string& name) {
  if (!db::roll_back_unfinished_save(name))
    throw Refusal{trf("error.backup.unfinished_save", name)};
}

void open_checks(const std::string& name) {
  refuse_server(name);
  refuse_non_regular(name);
  finish_unfinished_save(name);
}

// Reasons are phrases ("the disk is full") or sentences; the message goes on with a sentence.
std::string as_sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
  return text;
}

}  // namespace

int run_backup_command(const BackupCommand& command, std::ostream& out, std::ostream& err) {
  return said_in_one_line(err, [&] {
    open_checks(command.db_path);
    refuse_server(command.out);
    std::error_code error;
    if (std::filesystem::equivalent(command.db_path, command.out, error))
      throw Refusal{trf("error.backup.same", command.out)};
    auto started = std::chrono::steady_clock::now();
    db::FileCheck check;
    // The copy is checked where it was written, before it replaces the backup of last night.
    std::string problem =
        write_file_atomically(command.out, [&](const std::filesystem::path& copy) {
          try {
            db::backup_file(command.db_path, copy);
            check = db::check_file(copy);
          } catch (const db::DatabaseError& failure) {
            throw std::runtime_error(describe(failure));
          }
          if (!check.whole()) throw std::runtime_error(what_was_found(command.out, check));
        });
    if (!problem.empty())
      throw Refusal{trf("error.backup.write", command.out, as_sentence(problem))};
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    out << trf("cli.backup.done", command.out, megabytes(check.bytes), check.schema_version,
               format_decimal(took.count(), 1))
        << '\n';
    return 0;
  });
}

int run_verify_command(const BackupCommand& command, std::ostream& out, std::ostream& err) {
  return said_in_one_line(err, [&] {
    if (db::names_server(command.db_path)) {
      // A server checks its own pages; what only Raekoda can tell is whether its log is whole.
      db::Database database = db::Database::open(command.db_path, db::OpenMode::as_it_is);
      db::AuditChainCheck chain = db::check_server_audit_chain(database);
      std::string said =
          what_the_chain_says(database.display_name(), chain, database.schema_version());
      // A server not yet upgraded has no chain to break, as a file of version 7 has none.
      if (!chain.whole() && chain.finding != db::AuditChainCheck::Finding::unsealed)
        throw Refusal{said};
      out << said << '\n';
      return 0;
    }
    open_checks(command.db_path);
    db::FileCheck check = db::check_file(command.db_path);
    std::string said = what_was_found(command.db_path, check);
    if (!check.whole()) throw Refusal{said};
    out << said << '\n';
    out << what_the_chain_says(command.db_path, check.chain, check.schema_version) << '\n';
    return 0;
  });
}

}  // namespace raekoda::app
