#include "app/import_command.h"

#include <fstream>
#include <sstream>

#include "app/messages.h"
#include "app/paths.h"
#include "core/i18n.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/integrity_check.h"
#include "db/server_roles.h"
#include "import/import_run.h"

namespace raekoda::app {
namespace {

std::optional<char> separator_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (text == "tab" || text == "\\t") return '\t';
  return text[0];
}

std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw import::ImportError(trf("import.error.cannot_read", path.string()));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

int run_import_command(const ImportCommand& command, std::ostream& out, std::ostream& err) {
  std::string file_name = std::filesystem::path(command.file).filename().string();
  try {
    import::ImportRequest request;
    request.file = command.file;
    request.kind = import::kind_from_key(command.into);
    if (!request.kind) throw import::ImportError(trf("import.error.unknown_kind", command.into));
    if (!command.preset.empty()) request.preset = command.preset;
    if (!command.mapping_file.empty())
      request.mapping_file =
          import::preset_from_json(read_text_file(command.mapping_file), /*built_in=*/false);
    if (!command.encoding.empty()) request.read.encoding = command.encoding;
    request.read.separator = separator_of(command.separator);
    if (!command.sheet.empty()) request.read.sheet = command.sheet;
    request.system = command.system;
    request.dry_run = command.dry_run;
    request.conflicts.take_all = command.on_conflict == "take";
    std::vector<std::string> preset_problems;
    request.presets = import::load_user_presets(user_presets_folder(), &preset_problems);
    for (const std::string& problem : preset_problems) err << "raekoda: " << problem << '\n';

    db::Database database = db::Database::open(command.db_path, db::OpenMode::existing);
    if (database.read_only()) {
      if (auto role = db::server_role_of(database))
        throw db::DatabaseError(db::ErrorKind::role_read_only, *role);
      throw db::DatabaseError(db::ErrorKind::read_only, command.db_path);
    }
    // As the window does before its first save: nothing is written into a damaged file.
    if (!command.dry_run)
      if (db::IntegrityResult check = db::check_integrity(database); !check.whole)
        throw db::damage_of(check);
    DateTime now = DateTime::now();
    if (command.today) now = DateTime{*command.today, 12 * 60};
    ValidationContext context = db::load_validation_context(database, now);
    import::ImportReport report = import::run_import(database, request, context);

    for (const import::RefusedRow& refused : report.refused)
      out << file_name << ':' << refused.line << ": " << refused.reason << '\n';
    for (const db::ImportConflict& conflict : report.conflicts)
      out << file_name << ':' << conflict.line << ": " << trf("import.conflict_line", conflict.key)
          << '\n';
    for (const import::LawDifference& difference : report.law_differences)
      out << file_name << ':' << difference.line << ": "
          << trf("import.law_difference", difference.reg_number, difference.register_due.display(),
                 difference.law_due.display())
          << '\n';
    if (report.counts.names_added > 0)
      out << trf("import.names_added", report.counts.names_added) << '\n';
    if (report.counts.conflicts > 0)
      out << trf("import.conflicts_kept", report.counts.conflicts) << '\n';
    out << import::summary_line(report.counts) << '\n';
    if (!report.failure.empty()) {
      err << "raekoda: " << file_name << ": " << report.failure << '\n';
      return 1;
    }
    return 0;
  } catch (const import::ReadError& error) {
    err << "raekoda: " << file_name << ": " << error.what() << '\n';
  } catch (const import::ImportError& error) {
    err << "raekoda: " << file_name << ": " << error.what() << '\n';
  } catch (const db::DatabaseError& error) {
    err << "raekoda: " << describe_opening(error, {command.db_path}) << '\n';
  } catch (const std::runtime_error& error) {  // a malformed mapping file
    err << "raekoda: " << error.what() << '\n';
  }
  return 1;
}

}  // namespace raekoda::app
