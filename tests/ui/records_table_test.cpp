#include <catch2/catch.hpp>

#include <imgui_internal.h>

#include "core/i18n.h"
#include "db/record_query.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

// The records table Dear ImGui drew in the last frame: the widest table on screen.
const ImGuiTable& records_table() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiTable* found = nullptr;
  for (int n = 0; n < g.Tables.GetMapSize(); ++n)
    if (const ImGuiTable* table = g.Tables.TryGetMapData(n))
      if (table->LastFrameActive == g.FrameCount &&
          (!found || table->ColumnsCount > found->ColumnsCount))
        found = table;
  REQUIRE(found);
  return *found;
}

// The table's column of `column` of the documents' spec (the status comes second).
int documents_column(std::string_view column) {
  const TableSpec& spec = documents_spec();
  for (std::size_t i = 0; i < spec.fields.size(); ++i)
    if (spec.fields[i].column == column) return static_cast<int>(i == 0 ? 0 : i + 1);
  FAIL("no column " << column);
  return -1;
}

float text_width(const char* text) {
  return ImGui::CalcTextSize(text).x;
}

void right_click(Session& session, std::string_view item) {
  session.frame();
  session.frame();
  REQUIRE(session.probe.has(item));
  ImGuiIO& io = ImGui::GetIO();
  session.imgui.move_mouse(session.probe.centre(item));
  session.frame();
  io.MouseDown[1] = true;
  session.frame();
  io.MouseDown[1] = false;
  session.frame();
  session.frame();
}

void settle(Session& session) {
  for (int i = 0; i < 4; ++i) session.frame();
}

// Drags the right border of `column` in the header by `dx`, as a user resizes a column.
void drag_border(Session& session, int column, float dx) {
  settle(session);
  const ImGuiTable& table = records_table();
  ImVec2 at(table.Columns[column].MaxX, table.OuterRect.Min.y + ImGui::GetFontSize() * 0.5f);
  session.imgui.move_mouse(at);
  session.frame();
  session.frame();
  ImGui::GetIO().MouseDown[0] = true;
  session.frame();
  session.imgui.move_mouse(ImVec2(at.x + dx, at.y));
  session.frame();
  session.frame();
  ImGui::GetIO().MouseDown[0] = false;
  settle(session);
}

// Every document, open or answered, sorted by the due date: thousands of rows.
void open_all_documents(Session& session) {
  session.click("tile.deadlines");
  session.click("records.chip.1");
  session.click("records.chip.0");
  settle(session);
  REQUIRE(session.ui().table->query.filters.empty());
  REQUIRE(session.ui().table->total > 1000);
}

}  // namespace

TEST_CASE("each column of a wide table starts as wide as what it holds, and the table scrolls") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  settle(session);
  const ImGuiTable& table = records_table();
  REQUIRE(table.ColumnsCount == 13);
  // The due date fits dd.mm.yyyy, the direction its longest name, the flag its "jah".
  for (const char* column : {"due_on", "extended_due_on", "answered_on", "registered_on"}) {
    INFO(column);
    CHECK(table.Columns[documents_column(column)].WidthGiven >= text_width("28.12.2026"));
  }
  CHECK(table.Columns[documents_column("direction")].WidthGiven >= text_width("Väljaminev"));
  CHECK(table.Columns[documents_column("access_restricted")].WidthGiven >= text_width("jah"));
  // The title has at least its minimum; together they are wider than the window: it scrolls.
  CHECK(table.Columns[documents_column("title")].WidthGiven >= 16 * ImGui::GetFontSize());
  CHECK((table.Flags & ImGuiTableFlags_ScrollX));
  CHECK(table.InnerWindow->ContentSize.x > table.OuterRect.GetWidth());
  CHECK(table.FreezeColumnsRequest == 1);
}

TEST_CASE("fitting all columns to their contents leaves each at least as wide as its contents") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  settle(session);
  right_click(session, "records.header.2");
  // The menu is the table's own, in Estonian, and Dear ImGui's English one stays closed.
  REQUIRE(session.probe.has("records.columns.fit_all"));
  CHECK_FALSE(records_table().IsContextPopupOpen);
  session.click("records.columns.fit_all");
  settle(session);
  const ImGuiTable& table = records_table();
  for (const char* column : {"due_on", "answered_on", "registered_on"})
    CHECK(table.Columns[documents_column(column)].WidthGiven >= text_width("28.12.2026"));
  // The overdue statuses in view are shown whole.
  float widest_status = 0;
  for (const Record& row : session.ui().table->rows)
    widest_status =
        std::max(widest_status,
                 text_width(documents_spec().status(row, session.ui().validation).text.c_str()));
  CHECK(table.Columns[1].WidthGiven >= std::min(widest_status, 20 * ImGui::GetFontSize()));
}

TEST_CASE("the header menu hides a column and gives the starting widths back") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  settle(session);
  int title = documents_column("title");
  right_click(session, "records.header.0");
  session.click("records.columns.shown." + std::to_string(title));
  settle(session);
  CHECK_FALSE(records_table().Columns[title].IsEnabled);
  session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));  // closes the menu, not the table
  REQUIRE(session.ui().table);
  CHECK_FALSE(session.ui().table->menu_open);

  // The user narrows the document type; the menu's reset gives it its width back.
  int type = documents_column("doc_type");
  float started = records_table().Columns[type].WidthRequest;
  drag_border(session, type, -60);
  CHECK(records_table().Columns[type].WidthRequest < started - 30);
  right_click(session, "records.header.0");
  session.click("records.columns.reset");
  settle(session);
  CHECK(records_table().Columns[type].WidthRequest == Approx(started));
}

TEST_CASE("beside the editor the table ends where the editor begins and scrolls sideways") {
  set_language(Language::et);
  Session session;
  session.imgui.frame([] {});
  ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
  session.click("tile.deadlines");
  session.click("records.row.0");
  REQUIRE(session.ui().editor);
  settle(session);
  ImGuiWindow* editor = ImGui::FindWindowByName("##editor");
  REQUIRE(editor);
  const ImGuiTable& table = records_table();
  CHECK(table.OuterRect.Max.x <= editor->Pos.x);
  // The first three columns are in view: the number, the status, the type.
  for (int column = 0; column < 3; ++column) CHECK(table.Columns[column].IsVisibleX);
}

TEST_CASE("every tab stays in reach at 1366×768 and 1280×720, the editor open or not") {
  for (Language language : all_languages)
    for (ImVec2 size : {ImVec2(1366, 768), ImVec2(1280, 720)}) {
      set_language(language);
      Session session;
      ImGui::GetIO().DisplaySize = size;
      session.click("tile.incidents");
      session.click("records.row.0");
      REQUIRE(session.ui().editor);
      settle(session);
      ImGuiWindow* editor = ImGui::FindWindowByName("##editor");
      REQUIRE(editor);
      for (View view : all_views) {
        std::string tab = "switcher." + std::string(view_key(view));
        INFO(tab << " at " << size.x);
        REQUIRE(session.probe.has(tab));
        CHECK(session.probe.items.at(tab).max.x <= editor->Pos.x);
      }
    }
}

TEST_CASE("a tab switch with a table open shows that view") {
  set_language(Language::et);
  Session session;
  session.click("tile.media");
  REQUIRE(session.ui().table);
  session.click("switcher.incidents");
  CHECK(session.ui().view == View::incidents);
  CHECK_FALSE(session.ui().table);
  // The tab of the view the table was opened from brings that view back too.
  session.click("switcher.overview");
  session.click("tile.deadlines");
  REQUIRE(session.ui().table);
  session.click("switcher.overview");
  CHECK_FALSE(session.ui().table);
}

TEST_CASE("the status column sorts, most pressing first, and back") {
  set_language(Language::et);
  Session session;
  open_all_documents(session);
  session.click("records.header.1");
  settle(session);
  ui::TableState& table = *session.ui().table;
  REQUIRE(table.sort_by_status);
  CHECK_FALSE(table.query.descending);
  REQUIRE_FALSE(table.rows.empty());
  CHECK(documents_spec().status(table.rows.front(), session.ui().validation).tone ==
        RecordStatus::Tone::bad);
  session.click("records.header.1");
  settle(session);
  CHECK(table.query.descending);
  CHECK(documents_spec().status(table.rows.front(), session.ui().validation).tone ==
        RecordStatus::Tone::good);
}

TEST_CASE("the selected row follows its record through a sort, far down the table") {
  set_language(Language::et);
  Session session;
  open_all_documents(session);
  session.click("records.row.3");
  REQUIRE(session.ui().editor);
  session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));  // the editor closes; the cursor stays
  REQUIRE_FALSE(session.ui().editor);
  ui::TableState& table = *session.ui().table;
  Id chosen = table.cursor_id;
  REQUIRE(chosen != 0);
  CHECK(table.cursor == 3);

  // Newest registered first: a document among the oldest due dates goes far down, past the rows
  // already read.
  int registered = documents_column("registered_on");
  session.click("records.header." + std::to_string(registered));
  session.click("records.header." + std::to_string(registered));
  settle(session);
  REQUIRE(table.query.descending);
  CHECK(table.cursor_id == chosen);
  CHECK(table.cursor > 300);
  auto at = db::record_position(session.controller.database(), table.query, chosen);
  REQUIRE(at);
  CHECK(table.cursor == *at);
  // The table has scrolled to it: its row is drawn and holds the record.
  settle(session);
  CHECK(session.probe.has("records.row." + std::to_string(table.cursor)));
  std::int64_t offset = table.cursor - table.first_loaded;
  REQUIRE(offset >= 0);
  REQUIRE(offset < static_cast<std::int64_t>(table.rows.size()));
  CHECK(table.rows[static_cast<std::size_t>(offset)].id == chosen);
}

TEST_CASE("the selected row follows its record when a colleague's change reorders the table") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  settle(session);
  ui::TableState& table = *session.ui().table;
  REQUIRE(table.total > 5);
  session.press(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  session.press(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  session.press(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  REQUIRE(table.cursor == 2);
  Id chosen = table.cursor_id;
  REQUIRE(chosen == table.rows.at(2).id);
  Record first = table.rows.at(0);

  // A colleague removes the first row: the chosen record moves up one.
  {
    db::Database colleague = db::Database::open(session.target, db::OpenMode::existing);
    REQUIRE(db::delete_record(colleague, incidents_spec(), first, {"jaan", "2026-11-22 10:00:00"})
                .status == db::SaveStatus::saved);
  }
  session.controller.refresh();
  settle(session);
  CHECK(table.cursor_id == chosen);
  CHECK(table.cursor == 1);
  CHECK(table.rows.at(1).id == chosen);
}

TEST_CASE("a cut cell shows its whole text when hovered") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  settle(session);
  const ui::TableState& table = *session.ui().table;
  std::string whole = documents_spec().status(table.rows.at(0), session.ui().validation).text;
  // The user narrows the status column until its text is cut, then points at the first one.
  drag_border(session, 1, 60 - records_table().Columns[1].WidthGiven);
  REQUIRE(records_table().Columns[1].WidthGiven < text_width(whole.c_str()));
  REQUIRE(session.probe.has("records.cell.0.1"));
  session.imgui.move_mouse(session.probe.centre("records.cell.0.1"));
  session.frame();
  session.frame();
  ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
  REQUIRE(tooltip);
  CHECK(tooltip->Active);
  CHECK(tooltip->ContentSize.x >= std::min(text_width(whole.c_str()), 34 * ImGui::GetFontSize()));
  // A cell that fits has no tooltip.
  session.imgui.move_mouse(
      session.probe.centre("records.cell.0." + std::to_string(documents_column("registered_on"))));
  session.frame();
  session.frame();
  CHECK_FALSE(ImGui::FindWindowByName("##Tooltip_00")->Active);
}

TEST_CASE("a row whose first column shows nothing opens with a click on that empty cell") {
  set_language(Language::et);
  Session session;
  // Outlets named with blanks only, as an import from a careless sheet leaves them: the media
  // table's first column, the outlet, is empty to the eye on every row.
  const std::string blanks(200, ' ');
  session.controller.database().exec("UPDATE media_outlets SET name = substr('" + blanks +
                                     "', 1, CAST(id AS INTEGER))");
  session.controller.refresh();
  settle(session);
  session.click("tile.media");
  settle(session);
  const ui::TableState& table = *session.ui().table;
  REQUIRE(table.total > 1);
  const Id second = table.rows.at(1).id;
  // Where a user points at the row: in its first cell, which shows nothing.
  const ImGuiTableColumn& first = records_table().Columns[0];
  session.click_at(ImVec2((first.MinX + first.MaxX) / 2, session.probe.centre("records.row.1").y));
  settle(session);
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->original.id == second);
  CHECK(session.ui().editor->spec == &media_items_spec());
}
