// The record editor clicked as its users would: a media item's link opened, a colleague's save
// seen while the record is open, the header counted from saved values, Esc on a blank record.

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"
#include "support/fake_opener.h"
#include "ui/record_editor_state.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

const db::Author jaan{"jaan", "2026-11-22 10:00:00"};

// A second program on the same shared file.
db::Database colleague(Session& session) {
  return db::Database::open(session.target, db::OpenMode::existing);
}

// The colleague saves `change` into the record the editor has open, as read when it opened.
void colleague_saves(Session& session, const TableSpec& spec,
                     const std::map<std::string, std::string>& change) {
  db::Database other = colleague(session);
  Record theirs = *db::load_record(other, spec, session.ui().editor->original.id);
  Record before = theirs;
  for (const auto& [column, value] : change) theirs.set(column, value);
  REQUIRE(db::update_record(other, spec, before, theirs, jaan).status == db::SaveStatus::saved);
}

// The window's once-a-second look at the database, until it sees the save (a server's notice
// comes a moment after the commit), then a frame.
void notice_changes(Session& session) {
  REQUIRE(session.notices_change());
  session.frame();
  session.frame();
}

using testing::FakeOpener;

void open_first_media_item(Session& session) {
  session.click("tile.media");
  REQUIRE(session.ui().table);
  REQUIRE(session.ui().table->query.spec == &media_items_spec());
  session.click("records.row.0");
  REQUIRE(session.ui().editor);
}

}  // namespace

TEST_CASE("a media item's editor shows its link, and Open hands it to the browser") {
  set_language(Language::et);
  Session session;
  FakeOpener opener;
  open_first_media_item(session);
  auto url = session.ui().editor->original.value("url");
  REQUIRE(url);
  CHECK(url->starts_with("https://"));
  session.frame();
  REQUIRE(session.probe.has("edit.url"));
  session.click("edit.url.open");
  CHECK(opener.opened() == *url);
  CHECK(session.ui().editor->message.empty());
}

TEST_CASE("a link that is no web address is not opened, and the user is told why") {
  set_language(Language::et);
  Session session;
  FakeOpener opener;
  open_first_media_item(session);
  session.click("edit.url");
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.type("file:///etc/passwd");
  session.click("edit.url.open");
  CHECK(session.ui().editor->message ==
        "Avada saab ainult veebiaadressi, mis algab https:// või http://. See aadress ei alga nii: "
        "„file:///etc/passwd“");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK_FALSE(std::filesystem::exists(opener.seen));
}

TEST_CASE("without xdg-open the link is copied and the user told what is missing, in English") {
  set_language(Language::en);
  Session session;
  setenv("RAEKODA_OPENER", (session.dir / "no-such-program").c_str(), 1);
  open_first_media_item(session);
  std::string url = *session.ui().editor->original.value("url");
  session.click("edit.url.open");
  unsetenv("RAEKODA_OPENER");
  CHECK(session.ui().editor->message ==
        "Could not open the browser or the mail program: xdg-open (package xdg-utils) is "
        "missing. The address is copied; paste it yourself.");
  CHECK(std::string(ImGui::GetClipboardText()) == url);
  set_language(Language::et);
}

TEST_CASE("a person's e-mail address opens a new message in the mail program") {
  set_language(Language::et);
  Session session;
  FakeOpener opener;
  Id person = session.controller.database().query_integer(
      "SELECT min(id) FROM people WHERE email IS NOT NULL", 0);
  REQUIRE(person > 0);
  // No view lists the staff yet; the editor opens a person as it opens any record.
  ui::EditorState editor;
  editor.spec = &people_spec();
  editor.original = editor.edited =
      *db::load_record(session.controller.database(), people_spec(), person);
  session.ui().editor = editor;
  session.click("edit.email.open");
  CHECK(opener.opened() == "mailto:" + *editor.original.value("email"));
}

TEST_CASE("a colleague's save while the editor is open comes in at once, the fields marked") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.row.0");
  Record opened = session.ui().editor->original;

  colleague_saves(session, incidents_spec(), {{"root_cause", "Võrgukaabel vahetatud"}});
  notice_changes(session);

  const ui::EditorState& editor = *session.ui().editor;
  CHECK_FALSE(editor.theirs);  // nothing of the user's was at stake
  CHECK(editor.edited.value("root_cause") == "Võrgukaabel vahetatud");
  CHECK(editor.original.version == opened.version + 1);
  REQUIRE(editor.changed_meanwhile.count("root_cause") == 1);
  CHECK(editor.changed_meanwhile.at("root_cause") == opened.value("root_cause"));
  CHECK(editor.changed_meanwhile.size() == 1);
  CHECK(editor.message == "jaan muutis seda kirjet 22.11.2026 10:00; muutunud väljad on märgitud.");
  CHECK(editor.history.front().changed_by == "jaan");
  // The user's next save starts from the colleague's version: no conflict.
  session.click("edit.title");
  session.press(ImGui::GetKeyIndex(ImGuiKey_End));
  session.type(" (korduv)");
  session.click("edit.save");
  CHECK(session.ui().editor->message == "Salvestatud.");
  Record saved = *db::load_record(session.controller.database(), incidents_spec(), opened.id);
  CHECK(saved.value("root_cause") == "Võrgukaabel vahetatud");
  CHECK(saved.value("title") == *opened.value("title") + " (korduv)");
  CHECK(session.ui().editor->changed_meanwhile.empty());
}

TEST_CASE("a text box the user is in when the colleague's value comes in never writes it back") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.row.0");
  session.click("edit.root_cause");  // the cursor is in the box, nothing typed yet
  colleague_saves(session, incidents_spec(), {{"root_cause", "Võrgukaabel vahetatud"}});
  notice_changes(session);
  session.type(" X");
  session.frame();
  CHECK(session.ui().editor->edited.value("root_cause")->starts_with("Võrgukaabel vahetatud"));
}

TEST_CASE("a colleague's save of a field the user is changing too asks which stays") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.row.0");
  Record opened = session.ui().editor->original;
  session.click("edit.root_cause");
  session.type("Toiteplokk");

  colleague_saves(session, incidents_spec(),
                  {{"root_cause", "Võrgukaabel vahetatud"}, {"severity", "high"}});
  notice_changes(session);

  {
    const ui::EditorState& editor = *session.ui().editor;
    REQUIRE(editor.theirs);
    CHECK(editor.theirs->value("root_cause") == "Võrgukaabel vahetatud");
    CHECK(editor.edited.value("root_cause") == *opened.value("root_cause") + "Toiteplokk");
    auto fields = ui::conflict_fields(editor);
    REQUIRE(fields.size() == 2);
    CHECK(fields[0].column == "severity");
    CHECK(fields[0].by == ui::ChangedBy::colleague);
    CHECK(fields[1].column == "root_cause");
    CHECK(fields[1].by == ui::ChangedBy::both);
    CHECK(editor.changed_meanwhile.count("severity") == 1);
  }
  // Keep mine for the cause, go on editing, then save: theirs stays in the other field.
  session.click("merge.keep_mine.root_cause");
  session.click("merge.apply_choice");
  {
    const ui::EditorState& editor = *session.ui().editor;
    CHECK_FALSE(editor.theirs);
    CHECK(editor.edited.value("severity") == "high");
    CHECK(editor.edited.value("root_cause") == *opened.value("root_cause") + "Toiteplokk");
  }
  session.click("edit.save");
  CHECK(session.ui().editor->message == "Salvestatud.");
  Record saved = *db::load_record(session.controller.database(), incidents_spec(), opened.id);
  CHECK(saved.value("root_cause") == *opened.value("root_cause") + "Toiteplokk");
  CHECK(saved.value("severity") == "high");
}

TEST_CASE("a record deleted while open says so, saves nothing, and closes without asking") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.row.0");
  Record opened = session.ui().editor->original;
  session.click("edit.root_cause");
  session.type("Toiteplokk");
  {
    db::Database other = colleague(session);
    REQUIRE(db::delete_record(other, incidents_spec(), opened, jaan).status ==
            db::SaveStatus::saved);
  }
  notice_changes(session);
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->deleted_meanwhile);
  session.click("edit.save");  // disabled
  CHECK_FALSE(db::load_record(session.controller.database(), incidents_spec(), opened.id));
  CHECK(session.controller.database().query_integer(
            "SELECT count(*) FROM incidents WHERE id = " + std::to_string(opened.id), -1) == 0);
  session.click("edit.cancel");
  CHECK_FALSE(session.ui().editor);
}

TEST_CASE("the header counts from the saved answer date, not from an invalid one typed in") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  session.click("records.row.0");
  session.frame();
  const std::string saved_status = session.ui().editor->status.text;
  CHECK(saved_status.starts_with("Üle tähtaja"));
  CHECK(session.ui().editor->status.tone == RecordStatus::Tone::bad);
  // An answer dated before the document was even registered.
  Date registered = *Date::parse_iso(*session.ui().editor->original.value("registered_on"));
  session.click("edit.answered_on");
  session.type(registered.plus_days(-3).display().c_str());
  session.frame();
  REQUIRE_FALSE(session.ui().editor->errors.empty());
  CHECK(session.ui().editor->errors[0].column == "answered_on");
  CHECK(session.ui().editor->status.text == saved_status);
  CHECK(session.ui().editor->status.text != "Vastatud õigel ajal");
}

TEST_CASE("the header counts no working days from an unsaved extension the law does not allow") {
  set_language(Language::et);
  Session session;
  session.click("tile.deadlines");
  session.click("records.row.0");
  session.frame();
  const std::string saved_status = session.ui().editor->status.text;
  REQUIRE(saved_status.starts_with("Üle tähtaja"));
  session.click("edit.extended_due_on");
  session.type("31.12.2027");
  session.click("edit.extension_reason");
  session.type("Palju materjali");
  session.frame();
  bool refused = false;
  for (const FieldError& error : session.ui().editor->errors)
    refused |= error.column == "extended_due_on";
  CHECK(refused);
  CHECK(session.ui().editor->status.text == saved_status);
}

TEST_CASE("Esc on a new record with nothing typed closes it without asking") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.new");
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->dirty());  // the filter's values are in it
  session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));
  CHECK_FALSE(session.ui().editor);
  REQUIRE(session.ui().table);  // the first Esc closes only the editor
}

TEST_CASE("Esc on a new record with something typed asks before discarding it") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  session.click("records.new");
  session.click("edit.title");
  session.type("Printer ei prindi");
  session.click("records.search");  // leave the field
  session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->confirm_cancel);
}

TEST_CASE("Ctrl+N's new incident, prefilled with now and the defaults, closes on Esc untouched") {
  set_language(Language::et);
  Session session;
  session.click("switcher.incidents");
  session.frame();
  session.press('N', /*ctrl=*/true);
  REQUIRE(session.ui().editor);
  session.frame();
  session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));
  CHECK_FALSE(session.ui().editor);
}
