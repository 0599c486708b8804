// The city secretary's page, clicked as she would: every bar and day opens exactly the documents
// it counts; a reminder goes to the clipboard; the on-time target is changed in the editor.

#include <catch2/catch.hpp>

#include "core/i18n.h"
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
  REQUIRE(session.controller.figures().deadlines);
  return *session.controller.figures().deadlines;
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
  session.click("deadlines.remind.0");
  std::string text = ImGui::GetClipboardText();
  Id responder = std::stoll(f.responders.at(0).key);
  auto items = db::open_documents_of(session.controller.database(), responder);
  REQUIRE_FALSE(items.empty());
  CHECK(text.starts_with("Tere, " + f.responders[0].name + "!"));
  for (const ReminderItem& item : items) CHECK(text.find(item.reg_number) != std::string::npos);
  CHECK(session.controller.session().notice.find("Meeldetuletus kopeeritud") == 0);
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
  CHECK(session.controller.figures().deadlines->target == Approx(0.90));
  auto history = db::record_history(session.controller.database(), settings_spec(), 1);
  REQUIRE(history.size() == 1);
  CHECK(history[0].before == "95");
  CHECK(history[0].after == "90");
  set_language(Language::et);
}
