#include "app/backup_command.h"

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "app/messages.h"
#include "core/atomic_file.h"
#include "core/file_kind.h"
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

// What a check found, as the one line a command prints: whole, or the first problem and how many.
std::string what_was_found(const std::string& name, const db::FileCheck& check) {
  if (!check.raekoda) return trf("error.db.foreign_database", name);
  if (check.problems.empty())
    return trf("cli.verify.whole", name, megabytes(check.bytes), check.schema_version);
  auto problems = static_cast<std::int64_t>(check.problems.size());
  return trn("cli.verify.damaged", problems, name, format_count(problems), check.problems.front());
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
  switch (file_kind(name)) {
    case FileKind::regular:
    case FileKind::missing:  // said by the open, as for any command
      return;
    case FileKind::folder:
      throw Refusal{trf("error.file.not_regular.folder", name)};
    case FileKind::pipe:
      throw Refusal{trf("error.file.not_regular.pipe", name)};
    case FileKind::device:
      throw Refusal{trf("error.file.not_regular.device", name)};
    case FileKind::socket:
      throw Refusal{trf("error.file.not_regular.socket", name)};
    case FileKind::other:
      throw Refusal{trf("error.file.not_regular.other", name)};
  }
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
    open_checks(command.db_path);
    db::FileCheck check = db::check_file(command.db_path);
    std::string said = what_was_found(command.db_path, check);
    if (!check.whole()) throw Refusal{said};
    out << said << '\n';
    return 0;
  });
}

}  // namespace raekoda::app
