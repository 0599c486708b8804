#include "report/report.h"

#include <stdexcept>
#include <system_error>

#include "core/atomic_file.h"
#include "core/i18n.h"
#include "report/pdf_document.h"
#include "report/report_figures.h"
#include "report/report_sections.h"

namespace raekoda::report {

ReportResult write_report(db::Database& db, const ReportRequest& request, DateTime now) {
  if (request.areas.empty()) throw std::runtime_error(tr("report.error.no_areas"));
  std::filesystem::path folder = request.out.parent_path();
  std::error_code error;
  if (!folder.empty() && !std::filesystem::is_directory(folder, error))
    throw std::runtime_error(trf("report.error.no_folder", folder.string()));
  ReportFigures figures = load_report_figures(db, request, now);

  std::string city = figures.city.empty() ? tr("report.city_unnamed") : figures.city;
  PageFrame frame{trf("report.document_title", city, report_period_label(request.period)),
                  city + " · " + tr("report.title"), report_period_label(request.period),
                  trf("report.footer", figures.made_at.display()), 0};
  // A first pass finds the page count and the page each area starts on, for the contents and
  // the "lk 3 / 9" of every page; the second writes them.
  std::vector<int> area_pages;
  {
    PdfDocument counting(nullptr, frame);
    area_pages = compose_report(counting, figures, {});
    frame.total_pages = counting.finish();
  }
  std::string bytes;
  {
    PdfDocument document(&bytes, frame);
    compose_report(document, figures, area_pages);
    document.finish();
  }
  // Written beside the file, each write checked, and renamed when whole: a report that fails
  // half-way never replaces a good one.
  std::string problem = write_file_atomically(request.out, bytes);
  if (!problem.empty())
    throw std::runtime_error(trf("report.error.write", request.out.string(), problem));
  return {request.out, frame.total_pages};
}

}  // namespace raekoda::report
