// The city secretary's page, clicked as she would: every bar and day opens exactly the documents
// it counts; a reminder goes to the clipboard; the on-time target is changed in the editor.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "db/dashboard_queries.h"
#include "db/deadline_queries.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

const DeadlineFigures& open_deadlines(Session& session) {
  session.click("switcher.deadlines");
  session.frame();
  session.frame();
  REQUIRE(session.figures().deadlines);
  return *session.figures().deadlines;
}

// The middle of row `row` of a ranking chart.
ImVec2 ranking_row(Session& session, std::string_view chart, int row) {
  auto rect = session.probe.items.at(std::string(chart));
  float height = ImGui::GetTextLineHeight() * 1.6f;
  return ImVec2((rect.min.x + rect.max.x) / 2,
                rect.min.y + height * (static_cast<float>(row) + 0.5f));
}

void back(Session& session) {
  session.click("records.back");
  REQUIRE_FALSE(session.ui().table);
}

}  // namespace

TEST_CASE("a responder's bar opens exactly that responder's overdue documents") {
  set_language(Language::et);
  Session session;
  const DeadlineFigures& f = open_deadlines(session);
  const auto& first = f.responders.at(0);
  REQUIRE(first.overdue > 0);
  session.click_at(ranking_row(session, "plot.deadlines.responders", 0));
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == first.overdue);
  for (const Record& row : session.ui().table->rows) CHECK(row.value("responder_id") == first.key);
  CHECK(session.ui().table->title.find(first.name) != std::string::npos);
}

TEST_CASE("each ageing bar opens the overdue documents of that age") {
  set_language(Language::et);
  Session session;
  const DeadlineFigures f = open_deadlines(session);
  for (int b = 0; b < 4; ++b) {
    INFO(b);
    session.frame();
    session.click_at(ranking_row(session, "plot.deadlines.ageing", b));
    session.frame();
    REQUIRE(session.ui().table);
    CHECK(session.ui().table->total == f.ageing[static_cast<std::size_t>(b)]);
    back(session);
  }
}

TEST_CASE("each coming working day opens the documents falling due on it") {
  set_language(Language::et);
  Session session;
  const DeadlineFigures f = open_deadlines(session);
  auto rect = session.probe.items.at("plot.deadlines.coming");
  float width = (rect.max.x - rect.min.x - 4 * 9) / 10;
  std::int64_t opened = 0;
  for (int i = 0; i < 10; ++i) {
    INFO(f.coming_days[static_cast<std::size_t>(i)].iso());
    session.frame();
    session.click_at(ImVec2(rect.min.x + (width + 4) * static_cast<float>(i) + width / 2,
                            (rect.min.y + rect.max.y) / 2));
    session.frame();
    REQUIRE(session.ui().table);
    CHECK(session.ui().table->total == f.due_on_day[static_cast<std::size_t>(i)]);
    opened += session.ui().table->total;
    back(session);
  }
  CHECK(opened > 0);
}

TEST_CASE("a week's bar of the overdue trend opens what was overdue at that week's end") {
  set_language(Language::et);
  Session session;
  const DeadlineFigures f = open_deadlines(session);
  const std::size_t week = 20;
  // Below the fold for a responder, whose own tiles come first.
  session.scroll_to("plot.deadlines.overdue");
  auto x = session.bucket_x("plot.deadlines.overdue", "deadlines_overdue", week);
  REQUIRE(x);
  REQUIRE(session.click_bar_until("plot.deadlines.overdue", *x, [](auto&) { return true; }));
  CHECK(session.ui().table->total == f.overdue_at_week_end[week]);
  CHECK(f.overdue_at_week_end[week] > 0);
}

TEST_CASE("Copy reminder puts the responder's open documents on the clipboard") {
  set_language(Language::et);
  Session session;
  const DeadlineFigures f = open_deadlines(session);
  session.scroll_to("plot.deadlines.units");  // the reminders beside it, at the page's end
  session.click("deadlines.remind.0");
  std::string text = ImGui::GetClipboardText();
  Id responder = std::stoll(f.responders.at(0).key);
  auto items = db::open_documents_of(session.controller.database(), responder);
  REQUIRE_FALSE(items.empty());
  CHECK(text.starts_with("Tere, " + f.responders[0].name + "!"));
  for (const ReminderItem& item : items) CHECK(text.find(item.reg_number) != std::string::npos);
  CHECK(session.controller.session().notice.find("Meeldetuletus kopeeritud") == 0);
}

namespace {

// The first demo login that answers `condition` (SQL over people p).
std::string login_where(Session& session, const std::string& condition) {
  auto select = session.controller.database().prepare(
      "SELECT p.login FROM people p WHERE p.login IS NOT NULL AND " + condition +
      " ORDER BY (SELECT count(*) FROM documents d WHERE d.responder_id = p.id AND d.answered_on "
      "IS NULL AND d.due_on IS NOT NULL) DESC, p.id");
  REQUIRE(select.step());
  return select.text(0);
}
const std::string responder =
    "EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = 'responder')";
const std::vector<std::string> mine_tiles = {"tile.deadlines.mine.open", "tile.deadlines.mine.week",
                                             "tile.deadlines.mine.on_time"};

}  // namespace

TEST_CASE("a responder's own tiles open exactly their documents, others have no such tiles") {
  set_language(Language::et);
  Session session;
  session.act_as(login_where(session, responder));
  const DeadlineFigures f = open_deadlines(session);
  REQUIRE(f.mine.shown);
  REQUIRE(f.mine.open > 0);
  for (const auto& tile : mine_tiles) CHECK(session.probe.has(tile));

  session.click("tile.deadlines.mine.open");
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == f.mine.open);
  CHECK(session.ui().table->title == "Minu avatud dokumendid");
  // Earliest due first, by the due date in force; due dates on a day off and the working day
  // before it count as the same working day, and keep their id order.
  WorkingCalendar calendar = db::load_working_calendar(session.controller.database());
  Date long_ago = *Date::parse_iso("2000-01-01");
  int previous = 0;
  for (const Record& row : session.ui().table->rows) {
    CHECK(row.value("responder_id") == std::to_string(f.mine.person));
    CHECK_FALSE(row.value("answered_on"));
    auto due_text =
        row.value("extended_due_on") ? row.value("extended_due_on") : row.value("due_on");
    REQUIRE(due_text);
    int due = calendar.working_days_between(long_ago, *Date::parse_iso(*due_text));
    CHECK(due >= previous);
    previous = due;
  }
  back(session);

  session.click("tile.deadlines.mine.week");
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == f.mine.due_this_week);
  for (const Record& row : session.ui().table->rows)
    CHECK(row.value("responder_id") == std::to_string(f.mine.person));
  back(session);

  // Someone with a role but not a responder's, and a login nobody has: no tiles of their own.
  for (const std::string& login :
       {login_where(session,
                    "EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id) AND "
                    "NOT " +
                        responder),
        std::string("nobody.at.all")}) {
    INFO(login);
    session.act_as(login);
    session.probe.items.clear();
    session.frame();
    session.frame();
    REQUIRE(session.figures().deadlines);
    CHECK_FALSE(session.figures().deadlines->mine.shown);
    CHECK(session.probe.has("tile.deadlines.overdue"));
    for (const auto& tile : mine_tiles) CHECK_FALSE(session.probe.has(tile));
  }
}

TEST_CASE("the on-time target is changed in the editor, audited, and the figures follow") {
  set_language(Language::en);
  Session session;
  const DeadlineFigures& f = open_deadlines(session);
  CHECK(f.target == Approx(0.95));
  session.click("deadlines.edit_target");
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->spec == &settings_spec());
  session.click("edit.on_time_target_percent");
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.type("150");
  session.frame();
  REQUIRE(session.ui().editor->errors.size() == 1);
  CHECK(session.ui().editor->errors[0].message == "The largest value allowed is 100");
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.type("90");
  session.click("edit.save");
  CHECK(session.ui().editor->message == "Saved.");
  session.frame();
  CHECK(session.figures().deadlines->target == Approx(0.90));
  auto history = db::record_history(session.controller.database(), settings_spec(), 1);
  REQUIRE(history.size() == 1);
  CHECK(history[0].before == "95");
  CHECK(history[0].after == "90");
  set_language(Language::et);
}
