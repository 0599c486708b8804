#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

TEST_CASE("tile → table → row → editor → answer the document → save: the tile's number drops") {
  set_language(Language::et);
  Session session;
  std::int64_t overdue = session.figures().overview.documents_overdue;
  REQUIRE(overdue > 0);

  session.click("tile.deadlines");
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == overdue);
  session.click("records.row.0");
  REQUIRE(session.ui().editor);
  Id id = session.ui().editor->original.id;
  CHECK_FALSE(session.ui().editor->original.value("answered_on"));

  session.click("edit.answered_on");
  session.type("22.11.2026");
  CHECK(session.ui().editor->edited.value("answered_on") == "2026-11-22");
  session.click("edit.save");

  CHECK(session.ui().editor->message == "Salvestatud.");
  CHECK(session.figures().overview.documents_overdue == overdue - 1);
  session.frame();
  CHECK(session.ui().table->total == overdue - 1);
  REQUIRE_FALSE(session.ui().editor->history.empty());
  CHECK(session.ui().editor->history.front().field == "answered_on");
  CHECK(
      db::load_record(session.controller.database(), documents_spec(), id)->value("answered_on") ==
      "2026-11-22");
}

TEST_CASE("an invalid date keeps Save disabled and says why") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  session.click("records.row.0");
  session.click("edit.answered_on");
  session.type("31.02.2026");
  session.frame();
  auto& editor = *session.ui().editor;
  REQUIRE(editor.errors.size() == 1);
  CHECK(editor.errors[0].column == "answered_on");
  Record before = editor.original;
  session.click("edit.save");  // disabled: nothing happens
  CHECK(db::load_record(session.controller.database(), documents_spec(), before.id)->version ==
        before.version);
}

TEST_CASE(
    "a colleague's save meanwhile shows both versions, choosing mine per field saves a merge") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.row.0");
  Record mine_before = session.ui().editor->original;

  // A colleague changes the root cause while this user edits the title.
  {
    db::Database colleague = db::Database::open(session.target, db::OpenMode::existing);
    Record theirs = mine_before;
    theirs.set("root_cause", "Võrgukaabel vahetatud");
    REQUIRE(db::update_record(colleague, incidents_spec(), mine_before, theirs,
                              {"jaan", "2026-11-22 10:00:00"})
                .status == db::SaveStatus::saved);
  }
  session.click("edit.title");
  session.press(ImGui::GetKeyIndex(ImGuiKey_End));
  session.type(" (korduv)");
  session.click("edit.save");
  auto& editor = *session.ui().editor;
  REQUIRE(editor.theirs);
  CHECK(editor.theirs->value("root_cause") == "Võrgukaabel vahetatud");
  // Nothing of mine was written yet.
  Record now = *db::load_record(session.controller.database(), incidents_spec(), mine_before.id);
  CHECK(now.value("title") == mine_before.value("title"));

  session.click("merge.save_choice");
  Record merged = *db::load_record(session.controller.database(), incidents_spec(), mine_before.id);
  CHECK(merged.value("title") == *mine_before.value("title") + " (korduv)");
  CHECK(merged.value("root_cause") == "Võrgukaabel vahetatud");
  CHECK_FALSE(session.ui().editor->theirs);
}

TEST_CASE("searching the table folds Estonian letters, and removing a chip widens it") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  std::int64_t overdue = session.ui().table->total;
  session.click("records.chip.1");  // "Tähtaeg enne ..." removed: every unanswered document
  session.frame();
  CHECK(session.ui().table->query.filters.size() == 1);
  CHECK(session.ui().table->total > overdue);
  session.click("records.search");
  session.type("TEABENÕUE");
  session.frame();
  std::int64_t found = session.ui().table->total;
  CHECK(found > 0);
  CHECK(found < overdue + 1000);
  for (const Record& row : session.ui().table->rows)
    CHECK(row.value("title")->find("Teabenõue") == 0);
}

namespace {

// Answers the first overdue document in the editor, saves, and goes back to the table, so that
// the focus is off the text field for Ctrl+Z. The document's id.
Id answer_first_overdue(Session& session) {
  session.click("tile.deadlines");
  session.click("records.row.0");
  Id id = session.ui().editor->original.id;
  session.click("edit.answered_on");
  session.type("21.11.2026");
  session.click("edit.save");
  REQUIRE(
      db::load_record(session.controller.database(), documents_spec(), id)->value("answered_on"));
  session.click("records.back");
  return id;
}

}  // namespace

TEST_CASE("Ctrl+Z undoes the user's last save") {
  set_language(Language::et);
  Session session;
  Id id = answer_first_overdue(session);
  session.press('Z', /*ctrl=*/true);
  CHECK_FALSE(
      db::load_record(session.controller.database(), documents_spec(), id)->value("answered_on"));
}

TEST_CASE("Ctrl+Z undoes this machine's last save, not a later one by the same name elsewhere") {
  set_language(Language::et);
  Session session;
  Id mine = answer_first_overdue(session);

  // The same login saves another document afterwards on another machine.
  db::Author elsewhere = db::current_author();
  elsewhere.host = "kodu-sulearvuti";
  Id theirs = 0;
  {
    db::Database colleague = db::Database::open(session.target, db::OpenMode::existing);
    theirs = colleague.query_integer("SELECT min(id) FROM documents WHERE id <> ?", 0, mine);
    Record original = *db::load_record(colleague, documents_spec(), theirs);
    Record edited = original;
    edited.set("title", "Kodus muudetud");
    REQUIRE(db::update_record(colleague, documents_spec(), original, edited, elsewhere).status ==
            db::SaveStatus::saved);
  }
  session.controller.refresh();
  session.frame();
  session.press('Z', /*ctrl=*/true);
  CHECK_FALSE(
      db::load_record(session.controller.database(), documents_spec(), mine)->value("answered_on"));
  CHECK(db::load_record(session.controller.database(), documents_spec(), theirs)->value("title") ==
        "Kodus muudetud");
}

TEST_CASE("chart click → that week's negative items → move one to another week → the bar drops") {
  set_language(Language::et);
  Session session;
  session.frame();
  const auto& figures = session.figures().overview;
  std::int64_t negative_last_week = figures.coverage_by_tone[0].back();
  REQUIRE(negative_last_week > 0);

  // Just above the zero line, moving left from the right edge until the last week is under the
  // mouse.
  session.frame();
  REQUIRE(session.probe.has("plot.overview.coverage"));
  auto rect = session.probe.items.at("plot.overview.coverage");
  float y = rect.max.y - ImGui::GetTextLineHeight() * 2.4f - 4;
  float x = rect.max.x - 12;
  for (; x > rect.min.x; x -= 3) {
    session.imgui.move_mouse(ImVec2(x, y));
    session.frame();
    auto hovered = session.ui().chart("coverage_by_tone").hovered_index;
    if (hovered == 25u) break;
  }
  CHECK(session.ui().chart("coverage_by_tone").hovered_index == 25u);
  x -= 14;  // from the band's right edge into the bar
  // The negative segment is the bottom one; click upward from the zero line until it is hit.
  float zero_line = rect.max.y - ImGui::GetFontSize() * 2.4f;
  for (float dy = 2; dy < 80; dy += 3) {
    session.click_at(ImVec2(x, zero_line - dy));
    session.frame();
    if (session.ui().table && session.ui().table->query.filters.at(1).label == "Negatiivne") break;
    session.ui().table.reset();
  }
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == negative_last_week);
  CHECK(session.ui().table->query.filters.at(1).label == "Negatiivne");

  session.click("records.row.0");
  REQUIRE(session.ui().editor);
  session.click("edit.published_on");
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.type("01.06.2026");
  session.click("edit.save");
  CHECK(session.ui().editor->message == "Salvestatud.");
  CHECK(session.figures().overview.coverage_by_tone[0].back() == negative_last_week - 1);
  session.frame();
  CHECK(session.ui().table->total == negative_last_week - 1);
}

TEST_CASE("the keyboard moves through the table, Enter opens a row, Ctrl+S saves, Esc goes back") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.press(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  session.press(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  CHECK(session.ui().table->cursor == 1);
  session.press(ImGui::GetKeyIndex(ImGuiKey_Enter));
  REQUIRE(session.ui().editor);
  Id second = session.ui().table->rows.at(1).id;
  CHECK(session.ui().editor->original.id == second);

  session.click("edit.root_cause");
  session.type("Toiteplokk vahetatud");
  session.press('S', /*ctrl=*/true);
  CHECK(session.ui().editor->message == "Salvestatud.");
  CHECK(db::load_record(session.controller.database(), incidents_spec(), second)
            ->value("root_cause") == "Toiteplokk vahetatud");

  // Esc leaves the field, then closes the unchanged editor, then the table.
  for (int i = 0; i < 3 && session.ui().table; ++i)
    session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));
  CHECK_FALSE(session.ui().editor);
  CHECK_FALSE(session.ui().table);
}

TEST_CASE("Esc on an edited record asks before discarding") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.row.0");
  session.click("edit.root_cause");
  session.type("Muudetud");
  session.click("records.search");  // leave the field
  session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->confirm_cancel);
}

TEST_CASE("a note emptied in the editor is saved empty, as the schema keeps it") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.row.0");
  Id id = session.ui().editor->original.id;
  session.click("edit.root_cause");
  session.type("Toiteplokk");
  session.click("edit.save");
  REQUIRE(session.ui().editor->message == "Salvestatud.");
  session.click("edit.root_cause");
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.press(ImGui::GetKeyIndex(ImGuiKey_Backspace));
  session.click("edit.save");
  CHECK(session.ui().editor->message == "Salvestatud.");
  CHECK(db::load_record(session.controller.database(), incidents_spec(), id)->value("root_cause") ==
        "");
}

TEST_CASE("a value written behind Raekoda's back shows as it is, marked unknown, never as a key",
          "[no-db]") {
  set_language(Language::en);
  const TableSpec& spec = incidents_spec();
  const FieldSpec* severity = spec.field("severity");
  REQUIRE(severity);
  ui::ReferenceLabels labels;
  CHECK(ui::display_value(spec, *severity, std::string("critical"), labels) == "Critical");
  std::string unknown = ui::display_value(spec, *severity, std::string("apocalyptic"), labels);
  CHECK(unknown == "apocalyptic (unknown value)");
  CHECK(unknown.find("enum.") == std::string::npos);
  const FieldSpec* institution = spec.field("institution_id");
  REQUIRE(institution);
  labels.by_table[std::string(institution->reference_table)][3] = "Kesklinna Kool";
  CHECK(ui::display_value(spec, *institution, std::string("3"), labels) == "Kesklinna Kool");
  CHECK(ui::display_value(spec, *institution, std::string("999999"), labels) ==
        "no. 999999 (not found)");
  set_language(Language::et);
}
