// What the records table and the editor ask of the database: rows in view, a record to edit,
// a save with its conflict, a delete, an undo, the table as CSV.

#include "app/controller.h"
#include "app/messages.h"
#include "core/i18n.h"
#include "db/dashboard_queries.h"
#include "db/record_query.h"
#include "db/record_store.h"

namespace raekoda::app {

void Controller::load_rows() {
  if (!ui_.table) return;
  ui::TableState& table = *ui_.table;
  attempt([&] {
    if (table.stale) {
      table.total = db::count_records(database_, table.query);
      table.rows.clear();
      table.first_loaded = 0;
      table.stale = false;
      if (table.cursor >= table.total) table.cursor = static_cast<int>(table.total) - 1;
    }
    // The rows in view and a screenful either side, so that scrolling rarely waits.
    constexpr std::int64_t margin = 100;
    std::int64_t first = std::max<std::int64_t>(0, table.wanted_first - margin);
    std::int64_t last = std::min(table.total, table.wanted_last + margin + 1);
    bool have =
        table.first_loaded <= table.wanted_first &&
        table.first_loaded + static_cast<std::int64_t>(table.rows.size()) > table.wanted_last;
    if (!have || table.rows.empty()) {
      table.rows =
          db::fetch_records(database_, table.query, first, std::max<std::int64_t>(last - first, 1));
      table.first_loaded = first;
      db::add_account_labels(database_, *table.query.spec, table.rows, ui_.references.by_table);
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
          break;
        case db::SaveStatus::conflict:
          editor.theirs = result.current;
          editor.message.clear();
          break;
        case db::SaveStatus::missing:
          editor.message = tr("editor.missing");
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
      editor.theirs = result.current;
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

void Controller::export_csv() {
  if (!ui_.table) return;
  const ui::TableState& table = *ui_.table;
  attempt([&] {
    std::vector<Record> rows =
        db::fetch_records(database_, table.query, 0, std::max<std::int64_t>(table.total, 1));
    write_export(std::string(table.query.spec->table),
                 ui::records_csv(*table.query.spec, rows, ui_.references), rows.size());
  });
}

}  // namespace raekoda::app
