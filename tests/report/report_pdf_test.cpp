// The monthly report read back as a reader's tools read it: its text with pdftotext, its fonts
// with pdffonts, its images with pdfimages (poppler-utils).
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <vector>

#include "app/run_command.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/roles.h"
#include "db/access_queries.h"
#include "db/dashboard_queries.h"
#include "db/deadline_queries.h"
#include "db/demo_writer.h"
#include "db/incident_queries.h"
#include "db/media_queries.h"
#include "db/people_queries.h"
#include "report/report.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using testing::quoted;
using testing::run_command;

namespace {

const Date today = *Date::from_ymd(2026, 11, 22);
const DateTime made{today, 18 * 60};

// True when nothing in `folder` is a part a write left behind (`NAME.part-XXXXXX`).
bool no_part_left(const std::filesystem::path& folder) {
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().filename().string().find(".part") != std::string::npos) return false;
  return true;
}

// One demo city for every case: a year of it takes seconds to write.
db::Database& demo() {
  static db::Database db = [] {
    db::Database fresh = testing::open_test_database();
    db::write_demo_data(fresh, DemoOptions{3, 1, 1, today});
    return fresh;
  }();
  return db;
}

std::string pdf_text(const std::filesystem::path& pdf) {
  return run_command("pdftotext -layout " + quoted(pdf.string()) + " -").output;
}

int pdf_pages(const std::filesystem::path& pdf) {
  std::string info = run_command("pdfinfo " + quoted(pdf.string())).output;
  std::smatch match;
  if (!std::regex_search(info, match, std::regex("Pages:\\s+(\\d+)"))) return -1;
  return std::stoi(match[1]);
}

// The cells after `label` on its line: the period's figure, the previous one, the change.
std::vector<std::string> cells_after(const std::string& text, const std::string& label) {
  auto at = text.find(label);
  if (at == std::string::npos) return {"(no line " + label + ")"};
  auto end = text.find('\n', at);
  std::string rest = text.substr(at + label.size(), end - at - label.size());
  // Cells are set apart by two spaces or more; one space joins a number's digits.
  std::vector<std::string> cells;
  for (auto first = rest.find_first_not_of(' '); first != std::string::npos;) {
    auto next = rest.find("  ", first);
    cells.push_back(
        rest.substr(first, next == std::string::npos ? std::string::npos : next - first));
    first = next == std::string::npos ? next : rest.find_first_not_of(' ', next);
  }
  return cells;
}

std::string figure_after(const std::string& text, const std::string& label) {
  return cells_after(text, label).front();
}

// The language a case speaks, put back to Estonian when it ends, passed or failed.
struct Speaking {
  explicit Speaking(Language language) { set_language(language); }
  ~Speaking() { set_language(Language::et); }
  Speaking(const Speaking&) = delete;
  Speaking& operator=(const Speaking&) = delete;
};

// pdftotext writes a no-break space as a space.
std::string plain_spaces(std::string text) {
  for (auto at = text.find("\u00a0"); at != std::string::npos; at = text.find("\u00a0"))
    text.replace(at, 2, " ");
  return text;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

report::ReportRequest november(const std::filesystem::path& out) {
  return {*parse_report_period("2026-11"), {report_areas.begin(), report_areas.end()}, out};
}

}  // namespace

TEST_CASE("a November report holds the figures the views show for November") {
  Speaking et(Language::et);
  testing::TempDir dir;
  db::Database& db = demo();
  auto result = report::write_report(db, november(dir / "november.pdf"), made);
  REQUIRE(std::filesystem::exists(dir / "november.pdf"));
  CHECK(no_part_left(dir.path()));
  std::string text = pdf_text(result.path);

  DeadlineFigures deadlines = db::load_deadline_figures(db, today, db::load_working_calendar(db));
  CHECK(figure_after(text, tr("report.deadlines.overdue") + std::string(" (täna)")) ==
        plain_spaces(format_count(deadlines.overdue_now)));
  CHECK(figure_after(text, tr("report.deadlines.answered")) ==
        plain_spaces(format_count(deadlines.answered_this_month)));
  REQUIRE(deadlines.answered_this_month > 0);
  CHECK(figure_after(text, tr("report.deadlines.on_time") + std::string(" (eesmärk 95 %)")) ==
        plain_spaces(format_percent(static_cast<double>(deadlines.answered_on_time_this_month) /
                                        static_cast<double>(deadlines.answered_this_month),
                                    1)));

  MediaFigures media = db::load_media_figures(db, today, PeriodChoice{PeriodKind::this_month, {}});
  REQUIRE(media.items() > 0);
  CHECK(figure_after(text, tr("report.media.items")) == plain_spaces(format_count(media.items())));
  CHECK(figure_after(text, tr("report.media.rebuttals") + std::string(" (täna)")) ==
        format_count(static_cast<std::int64_t>(media.open_rebuttals.size())));

  IncidentFigures incidents =
      db::load_incident_figures(db, made, db::load_working_calendar(db), false);
  CHECK(figure_after(text, tr("report.incidents.open") + std::string(" (täna)")) ==
        format_count(static_cast<std::int64_t>(incidents.open.size())));
  AccessFigures access = db::load_access_figures(db, today, 0);
  CHECK(figure_after(text, tr("report.access.leavers") + std::string(" (täna)")) ==
        format_count(static_cast<std::int64_t>(access.leaver_accounts.size())));

  // Every page is headed with the city and numbered of the whole.
  int pages = pdf_pages(result.path);
  CHECK(pages == result.pages);
  CHECK(pages >= 6);  // the title page and one or more per area
  for (int page = 1; page <= pages; ++page)
    CHECK(occurrences(text, "lk " + std::to_string(page) + " / " + std::to_string(pages)) == 1);
  CHECK(occurrences(text, "Rannalinn · Juhtkonna aruanne") == static_cast<std::size_t>(pages));
  // The contents name each area with its page.
  for (const char* area : {"1. Meedia", "2. Dokumentide tähtajad", "3. Kommunikatsiooniplaan",
                           "4. IT-intsidendid", "5. Juurdepääsuõigused"})
    CHECK(occurrences(text, area) == 2);  // in the contents and as the section's heading
}

TEST_CASE("the report's text is embedded DejaVu Sans and its charts are vectors, not images") {
  Speaking et(Language::et);
  testing::TempDir dir;
  auto result = report::write_report(demo(), november(dir / "r.pdf"), made);
  std::string fonts = run_command("pdffonts " + quoted(result.path.string())).output;
  std::istringstream lines(fonts);
  std::string line;
  int listed = 0;
  std::getline(lines, line);  // the header
  std::getline(lines, line);  // its rule
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++listed;
    CHECK(line.find("DejaVuSans") != std::string::npos);
    // Columns: name type encoding emb sub uni object ID.
    CHECK(std::regex_search(line, std::regex("\\s+yes\\s+yes\\s+yes\\s+")));
  }
  CHECK(listed >= 2);  // regular and bold

  std::string images = run_command("pdfimages -list " + quoted(result.path.string())).output;
  CHECK(occurrences(images, "\n") == 2);  // the header and its rule: no image at all
}

TEST_CASE("a report of a month without data says so in every area instead of drawing axes") {
  Speaking et(Language::et);
  testing::TempDir dir;
  report::ReportRequest request = november(dir / "empty.pdf");
  request.period = *parse_report_period("2010-03");  // before any of the data
  auto result = report::write_report(demo(), request, made);
  std::string text = pdf_text(result.path);
  CHECK(occurrences(text, "selles valdkonnas andmeid ei olnud") == 5);
  CHECK(occurrences(text, tr("report.media.trend")) == 0);
  CHECK(occurrences(text, tr("report.deadlines.on_time_trend")) == 0);
  CHECK(result.pages == 6);
}

TEST_CASE("a report in Russian speaks Russian with Cyrillic text") {
  Speaking ru(Language::ru);
  testing::TempDir dir;
  report::ReportRequest request = november(dir / "ru.pdf");
  request.areas = {View::deadlines};
  auto result = report::write_report(demo(), request, made);
  std::string text = pdf_text(result.path);
  CHECK(occurrences(text, "Отчёт для руководства") >= 2);
  CHECK(occurrences(text, "стр. 1 / " + std::to_string(result.pages)) == 1);
  CHECK(occurrences(text, "1. Сроки документов") == 2);
  DeadlineFigures deadlines =
      db::load_deadline_figures(demo(), today, db::load_working_calendar(demo()));
  CHECK(figure_after(text, tr("report.deadlines.overdue") + std::string(" (на сегодня)")) ==
        plain_spaces(format_count(deadlines.overdue_now, Language::ru)));
}

TEST_CASE("a report's personal data follows the role of whoever makes it") {
  Speaking et(Language::et);
  testing::TempDir dir;
  db::Database& db = demo();
  report::ReportRequest request = november(dir / "access.pdf");
  request.areas = {View::access};
  AccessFigures access = db::load_access_figures(db, today, 0);
  REQUIRE_FALSE(access.leaver_accounts.empty());
  const std::string name = access.leaver_accounts.front().person;  // in full: nobody is set yet
  const std::string username = access.leaver_accounts.front().username;

  db.set_viewer(db::find_viewer(db, testing::login_of(db, "it_lead"), today));  // reads names
  std::string as_it_lead = pdf_text(report::write_report(db, request, made).path);
  db.set_viewer(db::find_viewer(db, testing::login_of(db, "council_chair"), today));  // initials
  std::string as_chair = pdf_text(report::write_report(db, request, made).path);
  db.set_viewer(unrestricted_viewer());

  CHECK(occurrences(as_it_lead, name) >= 1);
  CHECK(occurrences(as_chair, name) == 0);
  CHECK(occurrences(as_it_lead, username) >= 1);
  CHECK(occurrences(as_chair, username) == 0);  // a user name would give the name away
  CHECK(occurrences(as_chair, initials(name)) >= 1);
}

TEST_CASE("a report of a period not yet begun is refused and writes nothing") {
  Speaking en(Language::en);
  testing::TempDir dir;
  report::ReportRequest request = november(dir / "future.pdf");
  request.period = *parse_report_period("2027-01");
  CHECK_THROWS_WITH(report::write_report(demo(), request, made),
                    "The period January 2027 has not begun yet: there is nothing to report.");
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("a report into a folder that does not exist is refused with the folder named") {
  Speaking en(Language::en);
  testing::TempDir dir;
  report::ReportRequest request = november(dir / "missing" / "r.pdf");
  CHECK_THROWS_WITH(
      report::write_report(demo(), request, made),
      "The folder " + (dir / "missing").string() + " does not exist: the report was not written.");
}

TEST_CASE("a new report replaces an older one of the same name only when it is whole") {
  Speaking et(Language::et);
  testing::TempDir dir;
  testing::write_file(dir / "r.pdf", "an older report");
  report::ReportRequest request = november(dir / "r.pdf");
  request.areas = {View::media};
  auto result = report::write_report(demo(), request, made);
  CHECK(testing::read_file(result.path).rfind("%PDF-", 0) == 0);
  CHECK(no_part_left(dir.path()));
}

TEST_CASE("a report that cannot be put in place says why and leaves no part behind") {
  Speaking en(Language::en);
  testing::TempDir dir;
  // Where the report would go there is a folder with a file in it: renaming onto it fails.
  std::filesystem::create_directory(dir / "r.pdf");
  testing::write_file(dir / "r.pdf" / "kept", "a colleague's file");
  report::ReportRequest request = november(dir / "r.pdf");
  request.areas = {View::media};
  try {
    report::write_report(demo(), request, made);
    FAIL("written over a folder");
  } catch (const std::runtime_error& error) {
    std::string message = error.what();
    CHECK(message.rfind("The report " + (dir / "r.pdf").string() + " could not be written: ", 0) ==
          0);
    CHECK(message.find("Success") == std::string::npos);
  }
  CHECK(testing::read_file(dir / "r.pdf" / "kept") == "a colleague's file");
  CHECK(no_part_left(dir.path()));
}

TEST_CASE(
    "a whole past month is counted as the views count it and compared with the month before") {
  Speaking et(Language::et);
  testing::TempDir dir;
  db::Database& db = demo();
  report::ReportRequest request = november(dir / "october.pdf");
  request.period = *parse_report_period("2026-10");
  std::string october = pdf_text(report::write_report(db, request, made).path);
  request.out = dir / "september.pdf";
  request.period = *parse_report_period("2026-09");
  std::string september = pdf_text(report::write_report(db, request, made).path);

  // The deadlines view's months and the access view's grants and revocations by month.
  DeadlineFigures deadlines = db::load_deadline_figures(db, today, db::load_working_calendar(db));
  AccessFigures access = db::load_access_figures(db, today, 0);
  auto index = month_index(deadlines.months, *Date::from_ymd(2026, 10, 1));
  REQUIRE(index);
  std::int64_t answered = deadlines.answered_per_month[*index];
  REQUIRE(answered > 0);
  CHECK(figure_after(october, tr("report.deadlines.answered")) ==
        plain_spaces(format_count(answered)));
  CHECK(figure_after(october, tr("report.deadlines.on_time") + std::string(" (eesmärk 95 %)")) ==
        plain_spaces(format_percent(static_cast<double>(deadlines.on_time_per_month[*index]) /
                                        static_cast<double>(answered),
                                    1)));
  auto access_month = month_index(access.months, *Date::from_ymd(2026, 10, 1));
  REQUIRE(access_month);
  CHECK(figure_after(october, tr("report.access.revoked")) ==
        plain_spaces(format_count(access.revocations_per_month[*access_month])));
  CHECK(figure_after(october, tr("report.access.granted")) ==
        plain_spaces(format_count(access.grants_per_month[*access_month])));

  // October's previous column is September's own figure, states at the month's end included.
  for (std::string label :
       {tr("report.deadlines.answered"), tr("report.incidents.opened"), tr("report.media.items")})
    CHECK(cells_after(october, label).at(1) == cells_after(september, label).at(0));
  std::string at_end = tr("report.deadlines.overdue") + std::string(" (perioodi lõpus)");
  CHECK(cells_after(october, at_end).at(1) == cells_after(september, at_end).at(0));
  CHECK(october.find("Periood: oktoober 2026 (01.10.2026 – 31.10.2026) · võrreldud: 01.09.2026 – "
                     "30.09.2026") != std::string::npos);
}
