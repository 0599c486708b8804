// What the editor decides about its record, without a window: unsaved input, a colleague's save
// coming in, the merge of two versions, the history's times.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "ui/record_editor_state.h"

using namespace raekoda;
using ui::EditorState;

namespace {

Record incident(std::int64_t version, const std::string& title, const std::string& root_cause) {
  Record record;
  record.id = 7;
  record.version = version;
  record.set("title", title);
  record.set("root_cause", root_cause);
  record.set("severity", "normal");
  return record;
}

EditorState editing(const Record& record) {
  EditorState editor;
  editor.spec = &incidents_spec();
  editor.original = editor.edited = record;
  return editor;
}

}  // namespace

TEST_CASE("a new record holding only what it was filled in with has nothing to lose", "[no-db]") {
  EditorState editor;
  editor.spec = &incidents_spec();
  editor.edited.set("status", "registered");
  editor.edited.set("is_security", "0");
  editor.prefilled = editor.edited;
  CHECK(editor.dirty());  // Save compares with nothing saved yet
  CHECK_FALSE(ui::has_unsaved_input(editor));
  editor.edited.set("title", "Printer ei prindi");
  CHECK(ui::has_unsaved_input(editor));
  editor.edited.set("title", std::nullopt);  // typed and wiped again
  CHECK_FALSE(ui::has_unsaved_input(editor));
}

TEST_CASE("a saved record has unsaved input when a field differs, unless it was deleted",
          "[no-db]") {
  EditorState editor = editing(incident(3, "Võrk maas", ""));
  CHECK_FALSE(ui::has_unsaved_input(editor));
  editor.edited.set("root_cause", "Kaabel");
  CHECK(ui::has_unsaved_input(editor));
  editor.deleted_meanwhile = true;
  CHECK_FALSE(ui::has_unsaved_input(editor));
}

TEST_CASE("a colleague's save of an untouched record replaces it and marks what changed",
          "[no-db]") {
  EditorState editor = editing(incident(3, "Võrk maas", ""));
  editor.typed["root_cause"] = "";
  ui::follow_saved_record(editor, incident(4, "Võrk maas", "Kaabel"));
  CHECK_FALSE(editor.theirs);
  CHECK(editor.original.version == 4);
  CHECK(editor.edited.value("root_cause") == "Kaabel");
  CHECK_FALSE(editor.dirty());
  REQUIRE(editor.changed_meanwhile.size() == 1);
  CHECK(editor.changed_meanwhile.at("root_cause") == "");
  CHECK(editor.typed.count("root_cause") == 0);
}

TEST_CASE("a colleague's save of other fields comes in beside the user's own change", "[no-db]") {
  EditorState editor = editing(incident(3, "Võrk maas", ""));
  editor.edited.set("title", "Võrk maas teisel korrusel");
  ui::follow_saved_record(editor, incident(4, "Võrk maas", "Kaabel"));
  CHECK_FALSE(editor.theirs);
  CHECK(editor.original.version == 4);
  CHECK(editor.edited.value("title") == "Võrk maas teisel korrusel");
  CHECK(editor.edited.value("root_cause") == "Kaabel");
  CHECK(editor.dirty());
}

TEST_CASE("a field both changed waits for the user's choice, and a later save updates theirs",
          "[no-db]") {
  EditorState editor = editing(incident(3, "Võrk maas", ""));
  editor.edited.set("root_cause", "Toiteplokk");
  ui::follow_saved_record(editor, incident(4, "Võrk maas", "Kaabel"));
  REQUIRE(editor.theirs);
  CHECK(editor.original.version == 3);  // nothing of the user's is replaced before choosing
  CHECK(editor.edited.value("root_cause") == "Toiteplokk");
  auto fields = ui::conflict_fields(editor);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].by == ui::ChangedBy::both);

  // The colleague saves once more: the newer version waits; the first value before is kept.
  editor.take_theirs["root_cause"] = false;
  ui::follow_saved_record(editor, incident(5, "Võrk on maas", "Kaabel"));
  REQUIRE(editor.theirs);
  CHECK(editor.theirs->version == 5);
  CHECK(editor.changed_meanwhile.at("root_cause") == "");
  CHECK(editor.changed_meanwhile.at("title") == "Võrk maas");
  ui::merge_theirs(editor, false);
  CHECK(editor.original.version == 5);
  CHECK(editor.edited.value("title") == "Võrk on maas");
  CHECK(editor.edited.value("root_cause") == "Toiteplokk");
}

TEST_CASE("the same value saved by both is no conflict", "[no-db]") {
  EditorState editor = editing(incident(3, "Võrk maas", ""));
  editor.edited.set("root_cause", "Kaabel");
  ui::follow_saved_record(editor, incident(4, "Võrk maas", "Kaabel"));
  CHECK_FALSE(editor.theirs);
  CHECK_FALSE(editor.dirty());
}

TEST_CASE("taking all of theirs drops the user's changes", "[no-db]") {
  EditorState editor = editing(incident(3, "Võrk maas", ""));
  editor.edited.set("root_cause", "Toiteplokk");
  editor.edited.set("title", "Uus pealkiri");
  ui::follow_saved_record(editor, incident(4, "Võrk maas", "Kaabel"));
  REQUIRE(editor.theirs);
  ui::merge_theirs(editor, true);
  CHECK(editor.edited.value("root_cause") == "Kaabel");
  CHECK(editor.edited.value("title") == "Võrk maas");
  CHECK_FALSE(editor.dirty());
}

TEST_CASE("a record deleted meanwhile is marked, and an unchanged one left alone", "[no-db]") {
  EditorState editor = editing(incident(3, "Võrk maas", ""));
  ui::follow_saved_record(editor, incident(3, "Võrk maas", ""));
  CHECK(editor.changed_meanwhile.empty());
  CHECK_FALSE(editor.deleted_meanwhile);
  ui::follow_saved_record(editor, std::nullopt);
  CHECK(editor.deleted_meanwhile);

  EditorState fresh;
  fresh.spec = &incidents_spec();
  ui::follow_saved_record(fresh, std::nullopt);  // a new record has nothing to follow
  CHECK_FALSE(fresh.deleted_meanwhile);
}

TEST_CASE("the header's status counts from the saved record, not from the edits", "[no-db]") {
  ValidationContext context;
  context.today = *Date::parse_iso("2026-11-22");
  EditorState editor;
  editor.spec = &documents_spec();
  Record saved;
  saved.id = 1;
  saved.set("doc_type", "information_request");
  saved.set("direction", "incoming");
  saved.set("registered_on", "2026-11-02");
  saved.set("due_on", "2026-11-09");
  editor.original = editor.edited = saved;
  set_language(Language::et);
  CHECK(ui::saved_status(editor, context).tone == RecordStatus::Tone::bad);
  editor.edited.set("answered_on", "2026-10-01");  // before registration: invalid
  editor.edited.set("extended_due_on", "2027-12-31");
  CHECK(ui::saved_status(editor, context).tone == RecordStatus::Tone::bad);
  CHECK(ui::saved_status(editor, context).text.starts_with("Üle tähtaja"));
  editor.original.id = 0;  // not saved yet: no status to tell
  CHECK(ui::saved_status(editor, context).text.empty());
}

TEST_CASE("the history shows a change's time as the program shows a moment, without seconds",
          "[no-db]") {
  CHECK(ui::history_time("2026-12-01 18:48:40") == "01.12.2026 18:48");
  CHECK(ui::history_time("2026-12-01 08:05") == "01.12.2026 08:05");
  CHECK(ui::history_time("eile") == "eile");
  CHECK(ui::history_time("2026-13-01 18:48:40") == "2026-13-01 18:48:40");
}
