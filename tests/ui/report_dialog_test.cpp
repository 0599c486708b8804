// The Report… dialog clicked as a user would: what it asks for, and the PDF that comes of it.

#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/i18n.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

// Frames drawn as the window draws them, with what the user asked for kept rather than carried
// out: the request the Write button makes, as it leaves the dialog.
struct KeptRequest {
  explicit KeptRequest(Session& on) : session(on) {}
  Session& session;
  std::optional<report::ReportRequest> request;

  void draw() {
    ui::Actions actions;
    ui::draw_dashboard(session.figures(), session.controller.session(), session.ui(),
                       session.imgui.fonts(), actions);
    if (actions.write_report) request = actions.write_report;
  }
  void frame() {
    session.imgui.frame([&] { draw(); });
  }
  void click(std::string_view item) {
    frame();
    frame();
    INFO(item);
    REQUIRE(session.probe.has(item));
    session.imgui.click(session.probe.centre(item), [&] { draw(); });
  }
};

void open_dialog_on_deadlines(Session& session, KeptRequest& kept) {
  session.click("switcher.deadlines");
  session.frame();
  REQUIRE(session.figures().deadlines);
  kept.click("report.open");
  kept.frame();
  REQUIRE(session.ui().report_dialog.open);
}

}  // namespace

TEST_CASE("the deadlines view's Report… asks for the quarter and the areas ticked") {
  set_language(Language::et);
  Session session;
  KeptRequest kept(session);
  open_dialog_on_deadlines(session, kept);
  kept.click("report.kind.quarter");
  kept.click("report.area.media");
  kept.click("report.area.access");
  kept.click("report.write");
  REQUIRE(kept.request);
  CHECK(kept.request->period == Period{day("2026-10-01"), day("2026-12-31")});
  CHECK(kept.request->areas == std::vector<View>{View::deadlines, View::plan, View::incidents});
  CHECK(kept.request->out == "raekoda-aruanne-2026-Q4.pdf");
  kept.frame();
  CHECK_FALSE(session.ui().report_dialog.open);
}

TEST_CASE("the dialog starts on this month, and steps back through the months") {
  set_language(Language::en);
  Session session;
  KeptRequest kept(session);
  open_dialog_on_deadlines(session, kept);
  kept.click("report.month.previous");
  kept.click("report.month.previous");
  kept.click("report.month.next");
  kept.click("report.write");
  REQUIRE(kept.request);
  CHECK(kept.request->period == Period{day("2026-10-01"), day("2026-10-31")});
  CHECK(kept.request->areas.size() == 5);
  CHECK(kept.request->out == "raekoda-report-2026-10.pdf");
}

TEST_CASE("with no area ticked or a range that is no period, nothing is asked for") {
  set_language(Language::ru);
  Session session;
  KeptRequest kept(session);
  open_dialog_on_deadlines(session, kept);
  for (const char* area : {"media", "deadlines", "plan", "incidents", "access"})
    kept.click(std::string("report.area.") + area);
  kept.click("report.write");
  CHECK_FALSE(kept.request);
  CHECK(session.ui().report_dialog.open);  // the button is disabled, the dialog stays

  kept.click("report.area.plan");
  kept.click("report.kind.range");
  session.ui().report_dialog.choice.range_text = {"22.11.2026", "01.11.2026"};
  kept.click("report.write");
  CHECK_FALSE(kept.request);
  session.ui().report_dialog.choice.range_text = {"02.11.2026", "20.11.2026"};
  kept.click("report.write");
  REQUIRE(kept.request);
  CHECK(kept.request->period == Period{day("2026-11-02"), day("2026-11-20")});
  CHECK(kept.request->areas == std::vector<View>{View::plan});
  CHECK(kept.request->out == "raekoda-otchet-2026-11-02..2026-11-20.pdf");
}

TEST_CASE("Cancel closes the dialog and asks for nothing") {
  set_language(Language::et);
  Session session;
  KeptRequest kept(session);
  open_dialog_on_deadlines(session, kept);
  kept.click("report.cancel");
  kept.frame();
  CHECK_FALSE(session.ui().report_dialog.open);
  CHECK_FALSE(kept.request);
}

TEST_CASE("Write PDF writes the report to the documents folder and says where") {
  set_language(Language::et);
  Session session;
  setenv("XDG_DOCUMENTS_DIR", session.dir.path().c_str(), 1);
  // Anyone may write a report: it holds what they may see.
  session.act_as("tundmatu");
  session.click("switcher.overview");
  session.click("report.open");
  session.frame();
  CHECK(session.ui().report_dialog.folder == session.dir.path());
  session.click("report.write");
  std::filesystem::path pdf = session.dir / "raekoda-aruanne-2026-11.pdf";
  REQUIRE(std::filesystem::exists(pdf));
  CHECK(testing::read_file(pdf).starts_with("%PDF"));
  const ui::SessionInfo& info = session.controller.session();
  CHECK_FALSE(info.notice_is_problem);
  CHECK(info.notice.find(pdf.string()) != std::string::npos);
  CHECK(info.notice.find(" lk)") != std::string::npos);
  unsetenv("XDG_DOCUMENTS_DIR");
}

TEST_CASE("a report that cannot be written is said as a problem") {
  set_language(Language::en);
  Session session;
  std::filesystem::path missing = session.dir / "no-such-folder";
  setenv("XDG_DOCUMENTS_DIR", missing.c_str(), 1);
  session.click("switcher.deadlines");
  session.click("report.open");
  session.click("report.write");
  const ui::SessionInfo& info = session.controller.session();
  CHECK(info.notice_is_problem);
  CHECK(info.notice.find(missing.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(missing));
  unsetenv("XDG_DOCUMENTS_DIR");
}
