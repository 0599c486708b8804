#include "app/report_command.h"

#include <stdexcept>

#include "app/messages.h"
#include "core/i18n.h"
#include "db/database.h"
#include "db/integrity_check.h"
#include "db/people_queries.h"
#include "report/report.h"

namespace raekoda::app {

int run_report_command(const ReportCommand& command, std::ostream& out, std::ostream& err) {
  try {
    auto period = parse_report_period(command.period);
    if (!period) {
      // Two dates the wrong way round are said as such, not as a period of no known shape.
      auto dots = command.period.find("..");
      auto from = Date::parse_iso(command.period.substr(0, dots));
      auto until = dots == std::string::npos ? std::nullopt
                                             : Date::parse_iso(command.period.substr(dots + 2));
      err << "raekoda: "
          << (from && until ? trf("error.cli.period_reversed", from->display(), until->display())
                            : trf("error.cli.bad_period", command.period))
          << '\n';
      return 1;
    }
    report::ReportRequest request;
    request.period = *period;
    if (!command.areas.empty()) {
      auto areas = parse_report_areas(command.areas);
      if (!areas) {
        err << "raekoda: " << trf("error.cli.bad_areas", command.areas) << '\n';
        return 1;
      }
      request.areas = *areas;
    }
    request.out = command.out;
    db::Database database = db::Database::open(command.db_path, db::OpenMode::existing);
    // A report is a record the city keeps: figures read past a damaged page are not printed.
    if (db::IntegrityResult check = db::check_integrity(database); !check.whole)
      throw db::damage_of(check);
    if (!command.as.empty() && database.backend() == db::Backend::postgresql) {
      err << "raekoda: " << tr("error.cli.as_on_server") << '\n';
      return 1;
    }
    DateTime now = DateTime::now();
    if (command.today) now = DateTime::end_of(*command.today);
    // Personal data follows the role of whoever makes the report, as on screen.
    if (db::logins_set_up(database)) {
      std::string login = command.as.empty() ? db::session_login(database) : command.as;
      Viewer viewer = db::find_viewer(database, login, now.date);
      // Asked for by name, a person who is not there is refused rather than reported as a viewer.
      if (!command.as.empty() && !viewer.person) {
        err << "raekoda: " << trf("error.cli.unknown_as", command.as) << '\n';
        return 1;
      }
      database.set_viewer(viewer);
    }
    report::ReportResult result = report::write_report(database, request, now);
    out << result.path.string() << '\n';
    return 0;
  } catch (const db::DatabaseError& error) {
    err << "raekoda: " << describe_opening(error, {command.db_path}) << '\n';
  } catch (const std::exception& error) {
    err << "raekoda: " << error.what() << '\n';
  }
  return 1;
}

}  // namespace raekoda::app
