// What the records table and the editor ask of the database: rows in view, a record to edit,
// a save with its conflict, a delete, an undo, the table as CSV or an Excel workbook.

#include "app/controller.h"
#include "app/messages.h"
#include "app/paths.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "db/dashboard_queries.h"
#include "db/record_query.h"
#include "db/record_store.h"
#include "export/xlsx_table.h"
#include "ui/record_editor_state.h"

namespace raekoda::app {

void Controller::load_rows() {
  if (!ui_.table) return;
  ui::TableState& table = *ui_.table;
  // Sorted by status, the rows are in the order they stand in on the day the figures count.
  const ValidationContext* by_status = table.sort_by_status ? &ui_.validation : nullptr;
  attempt([&] {
    // The rows in view and a screenful either side, so that scrolling rarely waits.
    auto read_around = [&](std::int64_t from, std::int64_t to) {
      constexpr std::int64_t margin = 100;
      std::int64_t first = std::max<std::int64_t>(0, from - margin);
      std::int64_t last = std::min(table.total, to + margin + 1);
      table.rows = db::fetch_records(database_, table.query, first,
                                     std::max<std::int64_t>(last - first, 1), by_status);
      table.first_loaded = first;
      db::add_account_labels(database_, *table.query.spec, table.rows, ui_.references.by_table);
    };
    bool reread = table.stale;
    bool cursor_in_view = table.cursor >= table.wanted_first && table.cursor <= table.wanted_last;
    if (reread) {
      table.total = db::count_records(database_, table.query);
      table.rows.clear();
      table.first_loaded = 0;
      table.stale = false;
    }
    bool have =
        table.first_loaded <= table.wanted_first &&
        table.first_loaded + static_cast<std::int64_t>(table.rows.size()) > table.wanted_last;
    if (!have || table.rows.empty()) read_around(table.wanted_first, table.wanted_last);
    if (!reread) return;

    // After a sort or a refresh the cursor stays on its record: among the rows just read, or
    // wherever the database says it went.
    auto on_cursor = std::find_if(table.rows.begin(), table.rows.end(),
                                  [&](const Record& row) { return row.id == table.cursor_id; });
    std::optional<std::int64_t> at;
    if (table.cursor_id != 0 && on_cursor != table.rows.end())
      at = table.first_loaded + (on_cursor - table.rows.begin());
    else if (table.cursor_id != 0)
      at = db::record_position(database_, table.query, table.cursor_id, by_status);
    if (!at) {  // gone from the table: the cursor keeps its place
      table.cursor = static_cast<int>(std::min<std::int64_t>(table.cursor, table.total - 1));
      table.cursor_id = 0;
      return;
    }
    // A cursor the user was looking at stays in view; one scrolled away from is left there.
    bool moved = *at != table.cursor;
    table.cursor = static_cast<int>(*at);
    if (moved && cursor_in_view) {
      table.scroll_to_cursor = true;
      if (on_cursor == table.rows.end()) read_around(*at, *at);
    }
  });
}

void Controller::open_record(const TableSpec& spec, Id id) {
  attempt([&] {
    auto record = db::load_record(database_, spec, id);
    if (!record) {
      if (ui_.table) ui_.table->stale = true;
      return;
    }
    db::add_account_labels(database_, spec, {*record}, ui_.references.by_table);
    ui::EditorState editor;
    editor.spec = &spec;
    editor.original = *record;
    editor.edited = *record;
    editor.history = db::record_history(database_, spec, id);
    ui_.editor = std::move(editor);
  });
}

void Controller::save_record() {
  if (!ui_.editor) return;
  ui::EditorState& editor = *ui_.editor;
  if (!validate(*editor.spec, editor.original, editor.edited, ui_.validation).empty()) return;
  // A rebuttal is approved by whoever approves press releases, not by its writers.
  bool approves_rebuttal = editor.spec->table == "media_items" &&
                           editor.edited.value("rebuttal_status") == "approved" &&
                           editor.original.value("rebuttal_status") != "approved";
  if (approves_rebuttal && !permitted(Permission::approve_releases)) {
    editor.message = tr("editor.rebuttal_approval");
    redraw_ = true;
    return;
  }
  try {
    db::Author author = db::current_author();
    if (editor.original.id == 0) {
      Record saved = db::insert_record(database_, *editor.spec, editor.edited, author);
      editor.original = editor.edited = saved;
      editor.message = tr("editor.saved");
    } else {
      db::SaveResult result =
          db::update_record(database_, *editor.spec, editor.original, editor.edited, author);
      switch (result.status) {
        case db::SaveStatus::saved:
          editor.original = editor.edited = result.current;
          editor.message = tr("editor.saved");
          editor.changed_meanwhile.clear();
          break;
        case db::SaveStatus::conflict:
          ui::show_theirs(editor, result.current);
          editor.message.clear();
          break;
        case db::SaveStatus::missing:
          editor.deleted_meanwhile = true;
          editor.message.clear();
          break;
        case db::SaveStatus::nothing:
          break;
      }
    }
    editor.typed.clear();
    editor.history = db::record_history(database_, *editor.spec, editor.original.id);
    refresh();
  } catch (const db::DatabaseError& error) {
    // The edit stays in the editor, to be saved again when the file is free.
    editor.message = describe(error);
  }
  redraw_ = true;
}

void Controller::delete_record() {
  if (!ui_.editor) return;
  ui::EditorState& editor = *ui_.editor;
  try {
    db::SaveResult result =
        db::delete_record(database_, *editor.spec, editor.original, db::current_author());
    if (result.status == db::SaveStatus::conflict) {
      ui::show_theirs(editor, result.current);
    } else {
      ui_.editor.reset();
      refresh();
    }
  } catch (const db::DatabaseError& error) {
    editor.message = describe(error);
  }
  redraw_ = true;
}

void Controller::undo() {
  attempt([&] {
    db::UndoResult result = db::undo_last_change(database_, db::current_author());
    switch (result.status) {
      case db::SaveStatus::saved:
        tell(tr("editor.undone"));
        break;
      case db::SaveStatus::conflict:
        warn(tr("editor.undo_conflict"));
        break;
      case db::SaveStatus::missing:
        warn(tr("editor.missing"));
        break;
      case db::SaveStatus::nothing:
        tell(tr("editor.nothing_to_undo"));
        break;
    }
    if (ui_.editor && ui_.editor->original.id == result.record_id &&
        ui_.editor->spec->table == result.table && result.status == db::SaveStatus::saved) {
      const TableSpec& spec = *ui_.editor->spec;
      ui_.editor.reset();
      open_record(spec, result.record_id);
    }
    refresh();
  });
}

namespace {

// Every row of the open table, in the order it shows them, for an export.
std::vector<Record> all_rows(db::Database& database, const ui::TableState& table,
                             const ValidationContext& validation, ui::ReferenceLabels& references) {
  std::vector<Record> rows =
      db::fetch_records(database, table.query, 0, std::max<std::int64_t>(table.total, 1),
                        table.sort_by_status ? &validation : nullptr);
  db::add_account_labels(database, *table.query.spec, rows, references.by_table);
  return rows;
}

}  // namespace

void Controller::export_csv() {
  if (!ui_.table) return;
  const ui::TableState& table = *ui_.table;
  attempt([&] {
    // In the order the table shows, its status column included.
    std::vector<Record> rows = all_rows(database_, table, ui_.validation, ui_.references);
    write_export(std::string(table.query.spec->table),
                 ui::records_csv(*table.query.spec, rows, ui_.references, ui_.validation),
                 rows.size());
  });
}

void Controller::export_xlsx() {
  if (!ui_.table) return;
  const ui::TableState& table = *ui_.table;
  attempt([&] {
    std::vector<Record> rows = all_rows(database_, table, ui_.validation, ui_.references);
    exports::SheetTable sheet = ui::records_sheet(*table.query.spec, rows, ui_.references,
                                                  ui_.validation, ui::table_title_line(table));
    sheet.title = table.title;
    std::filesystem::path path = export_path(std::string(table.query.spec->table), "xlsx");
    try {
      exports::write_xlsx_table(path, sheet);
    } catch (const std::runtime_error& problem) {
      warn(trf("error.export_because", path.string(), problem.what()));
      return;
    }
    tell(trn("table.exported", static_cast<std::int64_t>(rows.size()),
             format_count(static_cast<std::int64_t>(rows.size())), path.string()));
  });
}

}  // namespace raekoda::app
