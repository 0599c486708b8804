// What the open editor needs from outside a save: the record as a colleague's save left it, and
// a record's link handed to the user's browser or mail program.

#include <imgui.h>

#include "app/controller.h"
#include "app/desktop_open.h"
#include "core/i18n.h"
#include "db/dashboard_queries.h"
#include "db/record_store.h"
#include "ui/record_editor_state.h"

namespace raekoda::app {

// Called whenever the data changed: the user sees a colleague's save at once, not at their own.
void Controller::follow_open_record() {
  ui::EditorState& editor = *ui_.editor;
  if (editor.original.id == 0 || editor.deleted_meanwhile) return;
  std::optional<Record> current = db::load_record(database_, *editor.spec, editor.original.id);
  const Record& known = editor.theirs ? *editor.theirs : editor.original;
  if (current && current->version == known.version) return;
  ui::follow_saved_record(editor, current);
  redraw_ = true;
  editor.message.clear();
  if (!current) return;
  db::add_account_labels(database_, *editor.spec, {*current}, ui_.references.by_table);
  std::int64_t last_known_change = editor.history.empty() ? 0 : editor.history.front().change_id;
  editor.history = db::record_history(database_, *editor.spec, editor.original.id);
  // The audit log names who saved, unless the change came from outside Raekoda.
  const ui::EditorState& shown = editor;
  if (!shown.history.empty() && shown.history.front().change_id > last_known_change)
    editor.message = trf("editor.changed_meanwhile_by", shown.history.front().changed_by,
                         ui::history_time(shown.history.front().changed_at));
  else
    editor.message = tr("editor.changed_meanwhile");
}

void Controller::open_link(const std::string& address, LinkKind kind) {
  auto say = [&](std::string message) {
    if (ui_.editor)
      ui_.editor->message = std::move(message);
    else
      warn(std::move(message));
  };
  std::optional<std::string> target = link_target(kind, address);
  if (!target) {
    say(trf(kind == LinkKind::email ? "editor.link.not_mail" : "editor.link.not_web", address));
  } else if (!open_with_desktop(*target)) {
    // Without a desktop opener the address is still one paste away from the browser.
    ImGui::SetClipboardText(address.c_str());
    say(tr("editor.link.no_opener"));
  } else if (ui_.editor) {
    ui_.editor->message.clear();
  }
  redraw_ = true;
}

}  // namespace raekoda::app
