// The PDF report asked for in the Report… dialog. Anyone may write one: it holds what the
// viewer may see, as the database layer masks what it reads for the viewer.

#include <stdexcept>

#include "app/controller.h"
#include "app/messages.h"
#include "app/paths.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "report/report.h"
#include "ui/report_choice.h"

namespace raekoda::app {

void Controller::write_report(report::ReportRequest request) {
  // The dialog names the file; the folder is the application's to know.
  std::filesystem::path name =
      request.out.empty()
          ? std::filesystem::path(ui::report_file_name(request.period, current_language()))
          : request.out.filename();
  request.out = documents_folder() / name;
  try {
    report::ReportResult written = report::write_report(database_, request, now());
    tell(trn("report.written", written.pages, written.path.string(), format_count(written.pages)));
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  } catch (const std::runtime_error& error) {
    warn(error.what());
  }
  redraw_ = true;
}

}  // namespace raekoda::app
