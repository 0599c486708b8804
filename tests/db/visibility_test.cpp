// Who is at the keyboard decides what a record shows: requesters' names and restricted
// documents to the city secretary, the information specialist and the document's responder,
// initials and "restricted access" to everyone else, in every read (tables, the editor, search,
// sort and reminders), on both backends.

#include <catch2/catch.hpp>

#include <set>

#include "core/i18n.h"
#include "core/record_spec.h"
#include "db/database.h"
#include "db/deadline_queries.h"
#include "db/demo_writer.h"
#include "db/people_queries.h"
#include "db/record_query.h"
#include "db/record_store.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

// The login of the demo city's person in `role`.
std::vector<Record> all_documents(Database& db, const std::string& search = "") {
  RecordQuery query{&documents_spec(), {}, search, "", false};
  return db::fetch_records(db, query, 0, 100000);
}

struct Truth {
  std::string sender;
  std::string title;
  bool restricted = false;
  std::optional<Id> responder;
};

// What the documents hold, read with every right.
std::map<Id, Truth> truths(Database& db) {
  std::map<Id, Truth> all;
  auto select =
      db.prepare("SELECT id, sender, title, access_restricted, responder_id FROM documents");
  while (select.step())
    all[select.integer(0)] = {
        select.text(1), select.text(2), select.integer(3) == 1,
        select.is_null(4) ? std::nullopt : std::optional<Id>(select.integer(4))};
  return all;
}

}  // namespace

TEST_CASE("a viewer sees senders as initials and restricted documents as restricted") {
  set_language(Language::et);
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  auto truth = truths(db);
  REQUIRE(std::count_if(truth.begin(), truth.end(), [](auto& t) { return t.second.restricted; }) >
          0);

  db.set_viewer(db::find_viewer(db, "no-such-login", today));
  REQUIRE_FALSE(db.viewer().person);
  REQUIRE(db.viewer().roles == std::vector<Role>{Role::viewer});
  int restricted = 0, named = 0;
  for (const Record& r : all_documents(db)) {
    const Truth& t = truth.at(r.id);
    INFO(r.id << " " << t.sender << " " << t.title);
    if (t.restricted) {
      ++restricted;
      CHECK(r.value("title") == "piiratud juurdepääs");
      CHECK(r.value("sender") == "piiratud juurdepääs");
    } else {
      CHECK(r.value("title") == t.title);
      CHECK(r.value("sender") == initials(t.sender));
      if (!t.sender.empty()) ++named;
    }
    // The editor reads the same.
    auto loaded = db::load_record(db, documents_spec(), r.id);
    REQUIRE(loaded);
    CHECK(loaded->value("sender") == r.value("sender"));
  }
  CHECK(restricted > 0);
  CHECK(named > 0);

  // A sender's name finds nothing, and a restricted title is not found by its words.
  auto some = std::find_if(truth.begin(), truth.end(), [](auto& t) {
    return !t.second.restricted && t.second.sender.size() > 6;
  });
  REQUIRE(some != truth.end());
  std::string surname = some->second.sender.substr(some->second.sender.rfind(' ') + 1);
  for (const Record& r : all_documents(db, surname))
    CHECK(r.value("sender") != some->second.sender);
  CHECK(all_documents(db, "piiratud").size() == static_cast<std::size_t>(restricted));

  // The city secretary sees every name and title as it is, and finds by them.
  db.set_viewer(db::find_viewer(db, testing::login_of(db, "city_secretary"), today));
  CHECK(db.viewer().may(Permission::personal_data));
  for (const Record& r : all_documents(db)) {
    CHECK(r.value("sender") == truth.at(r.id).sender);
    CHECK(r.value("title") == truth.at(r.id).title);
  }
  CHECK_FALSE(all_documents(db, surname).empty());
}

TEST_CASE("a responder sees the documents they answer in full, and others' masked") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  auto truth = truths(db);
  // A responder with an open restricted document of their own, which a reminder lists.
  auto open = db.prepare(
      "SELECT d.responder_id, d.title, p.login FROM documents d JOIN people p ON "
      "p.id = d.responder_id WHERE d.access_restricted = 1 AND d.answered_on IS NULL AND "
      "d.effective_due_on IS NOT NULL ORDER BY d.id");
  REQUIRE(open.step());
  Id responder = open.integer(0);
  std::string title = open.text(1);
  std::string login = open.text(2);
  auto titles_reminded = [&] {
    std::set<std::string> titles;
    for (const ReminderItem& item : db::open_documents_of(db, responder)) titles.insert(item.title);
    return titles;
  };
  // To a viewer, the reminder of that responder hides the title.
  db.set_viewer(db::find_viewer(db, "no-such-login", today));
  CHECK(titles_reminded().count(title) == 0);
  CHECK(titles_reminded().count("piiratud juurdepääs") == 1);

  db.set_viewer(db::find_viewer(db, login, today));
  REQUIRE(db.viewer().person == responder);
  CHECK(db.viewer().has(Role::responder));
  CHECK_FALSE(db.viewer().may(Permission::personal_data));
  CHECK(titles_reminded().count(title) == 1);
  int mine = 0, others = 0;
  for (const Record& r : all_documents(db)) {
    const Truth& t = truth.at(r.id);
    if (t.responder == responder) {
      ++mine;
      CHECK(r.value("title") == t.title);
      CHECK(r.value("sender") == t.sender);
    } else if (!t.sender.empty() && !t.restricted) {
      ++others;
      CHECK(r.value("sender") == initials(t.sender));
    }
  }
  CHECK(mine > 0);
  CHECK(others > 0);
}

TEST_CASE("a person is found by login with their roles, a leaver or an unknown login is a viewer") {
  Database db = testing::open_test_database();
  CHECK_FALSE(db::logins_set_up(db));
  db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  CHECK(db::logins_set_up(db));
  Viewer it_lead = db::find_viewer(db, testing::login_of(db, "it_lead"), today);
  CHECK(it_lead.person);
  CHECK(it_lead.main_role() == Role::it_lead);
  CHECK(it_lead.may(Permission::decide_reviews));
  CHECK(it_lead.may(Permission::edit_people));
  CHECK_FALSE(it_lead.may(Permission::personal_data));
  CHECK_FALSE(it_lead.may(Permission::approve_releases));

  // The permissions are the database's: the IT lead may change them.
  db.exec("DELETE FROM role_permissions WHERE role = 'it_lead' AND permission = 'edit_people'");
  CHECK_FALSE(
      db::find_viewer(db, testing::login_of(db, "it_lead"), today).may(Permission::edit_people));

  // Someone who left is nobody at the keyboard.
  auto left = db.prepare("SELECT login FROM people WHERE left_on IS NOT NULL AND left_on <= ?");
  left.bind(1, today);
  REQUIRE(left.step());
  Viewer gone = db::find_viewer(db, left.text(0), today);
  CHECK_FALSE(gone.person);
  CHECK(gone.roles == std::vector<Role>{Role::viewer});
  CHECK(gone.permissions.empty());
}

TEST_CASE("the audit log names the person at the keyboard beside the operating-system user") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  db.set_viewer(db::find_viewer(db, testing::login_of(db, "city_secretary"), today));
  auto record = db::load_record(db, documents_spec(), 1);
  REQUIRE(record);
  Record edited = *record;
  edited.set("title", "Teabenõue: pargi pingid");
  auto author = db::current_author();
  REQUIRE(db::update_record(db, documents_spec(), *record, edited, author).status ==
          db::SaveStatus::saved);
  auto select = db.prepare(
      "SELECT a.changed_by, p.login FROM audit_log a JOIN people p ON p.id = a.person_id "
      "WHERE a.table_name = 'documents' AND a.record_id = 1 AND a.field = 'title'");
  REQUIRE(select.step());
  CHECK(select.text(0) == author.user);
  CHECK(select.text(1) == testing::login_of(db, "city_secretary"));
}

TEST_CASE("initials are the same on both backends") {
  Database db = testing::open_test_database();
  for (const char* name : {"Liis Kukk", "Anna-Liisa Kask", "Ülle Õun", "Сергей Иванов", "  ", ""}) {
    auto select = db.prepare("SELECT initials(?)");
    select.bind(1, std::string(name));
    REQUIRE(select.step());
    INFO(name);
    CHECK(select.text(0) == initials(name));
  }
  CHECK(initials("Anna-Liisa Kask") == "A. L. K.");
  CHECK(initials("Ülle Õun") == "Ü. Õ.");
}

TEST_CASE("a record's history hides what its reader may not read") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  db.set_viewer(db::find_viewer(db, testing::login_of(db, "city_secretary"), today));
  // An open document whose sender has a name, not restricted, answered by someone else.
  auto select = db.prepare(
      "SELECT id FROM documents WHERE access_restricted = 0 AND sender <> '' ORDER BY id");
  REQUIRE(select.step());
  Id id = select.integer(0);
  auto record = db::load_record(db, documents_spec(), id);
  REQUIRE(record);
  Record edited = *record;
  edited.set("sender", "Liis Kukk");
  REQUIRE(db::update_record(db, documents_spec(), *record, edited, db::current_author()).status ==
          db::SaveStatus::saved);
  auto after_of = [&](Database& reader) {
    for (const AuditEntry& entry : db::record_history(reader, documents_spec(), id))
      if (entry.field == "sender") return entry.after.value_or("");
    return std::string("(none)");
  };
  CHECK(after_of(db) == "Liis Kukk");
  db.set_viewer(db::find_viewer(db, "no-such-login", today));
  CHECK(after_of(db) == "L. K.");
}
