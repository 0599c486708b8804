#include <catch2/catch.hpp>

#include <set>

#include "core/i18n.h"
#include "db/database.h"
#include "db/record_query.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

Database with_media_titles(const std::vector<std::string>& titles) {
  Database db = testing::open_test_database();
  db.exec(
      "INSERT INTO media_outlets (id, name, channel, language) VALUES (1, 'Põhjarannik', 'print', "
      "'et')");
  auto insert = db.prepare(
      "INSERT INTO media_items (outlet_id, published_on, channel, language, title, tone, subject) "
      "VALUES (1, '2026-11-20', 'print', 'et', ?, 'neutral', 'council')");
  for (const std::string& title : titles) {
    insert.bind(1, title);
    insert.run();
  }
  return db;
}

std::int64_t found(Database& db, const std::string& search) {
  RecordQuery query{&media_items_spec(), {}, search, "", false};
  return db::count_records(db, query);
}

// 100,000 documents registered over about 27 years, ten a day from 2000 (document i on day
// i % 10000), written a thousand to a statement.
Database hundred_thousand_documents() {
  Database db = testing::open_test_database();
  const Date first_day = *Date::parse_iso("2000-01-01");
  constexpr int documents = 100000, per_statement = 1000;
  std::string rows;
  for (int i = 0; i < per_statement; ++i)
    rows += i ? ", (?, 'letter', 'incoming', ?, ?)" : "(?, 'letter', 'incoming', ?, ?)";
  db::Transaction transaction(db);
  auto insert = db.prepare(
      "INSERT INTO documents (reg_number, doc_type, direction, registered_on, title) VALUES " +
      rows);
  for (int start = 0; start < documents; start += per_statement) {
    int index = 0;
    for (int i = start; i < start + per_statement; ++i) {
      insert.bind(++index, "R-" + std::to_string(i));
      insert.bind(++index, first_day.plus_days(i % 10000));
      insert.bind(++index, "Kiri " + std::to_string(static_cast<std::int64_t>(i) * 7919 % 100000));
    }
    insert.run();
  }
  transaction.commit();
  return db;
}

}  // namespace

TEST_CASE("search folds Estonian letters both ways, which SQLite's lower() does not") {
  Database db = with_media_titles({"ÕUNAPUU ISTUTAMINE", "Šokolaaditehas ja Žürii",
                                   "Äri ja ÖÖMAJA Ülevaade", "Linnavalitsus teatas"});
  CHECK(found(db, "õunapuu") == 1);
  CHECK(found(db, "ÕUNAPUU") == 1);
  CHECK(found(db, "šokolaad") == 1);
  CHECK(found(db, "žürii") == 1);
  CHECK(found(db, "ööma") == 1);
  CHECK(found(db, "ülevaade") == 1);
  CHECK(found(db, "ÄRI") == 1);
}

TEST_CASE("SQLite's own lower() leaves Õ as it is, so the search cannot lean on it", "[sqlite]") {
  Database db = with_media_titles({"ÕUNAPUU ISTUTAMINE"});
  CHECK(db.query_integer("SELECT count(*) FROM media_items WHERE lower(title) LIKE '%õunapuu%'",
                         0) == 0);
  CHECK(found(db, "õunapuu") == 1);
}

TEST_CASE("search folds Cyrillic both ways") {
  Database db = with_media_titles({"ЖАЛОБА ЖИТЕЛЕЙ", "Горсовет обсудил бюджет", "Ёлка на площади"});
  CHECK(found(db, "жалоба") == 1);
  CHECK(found(db, "ГОРСОВЕТ") == 1);
  CHECK(found(db, "ёлка") == 1);
  CHECK(found(db, "бюджет") == 1);
  CHECK(found(db, "") == 3);
}

TEST_CASE("search treats % and _ as themselves") {
  Database db = with_media_titles({"Toetus kasvas 5%", "Toetus kasvas 50 eurot", "tee_remont"});
  CHECK(found(db, "5%") == 1);
  CHECK(found(db, "e_r") == 1);
}

TEST_CASE("sorting and paging are done in SQL and right over 100,000 rows") {
  Database db = hundred_thousand_documents();
  RecordQuery query{&documents_spec(), {}, "", "registered_on", true};
  CHECK(db::count_records(db, query) == 100000);
  auto first = db::fetch_records(db, query, 0, 50);
  REQUIRE(first.size() == 50);
  CHECK(first.front().value("registered_on") == "2027-05-18");  // 2000-01-01 + 9999 days
  auto last = db::fetch_records(db, query, 99990, 50);
  REQUIRE(last.size() == 10);
  CHECK(last.back().value("registered_on") == "2000-01-01");
  // Pages neither skip nor repeat a row.
  std::set<Id> seen;
  for (std::int64_t offset = 0; offset < 1000; offset += 100)
    for (const Record& r : db::fetch_records(db, query, offset, 100)) seen.insert(r.id);
  CHECK(seen.size() == 1000);
  // Every row's date is not later than the row before it.
  auto page = db::fetch_records(db, query, 5000, 500);
  for (std::size_t i = 1; i < page.size(); ++i)
    CHECK(*page[i].value("registered_on") <= *page[i - 1].value("registered_on"));
}

TEST_CASE("filters narrow the records to a chart element") {
  Database db = hundred_thousand_documents();
  RecordQuery week{
      &documents_spec(),
      {{"registered_on", RecordFilter::Kind::between, "2001-01-01", "2001-01-07", "week 1"}},
      "",
      "",
      false};
  CHECK(db::count_records(db, week) == 7 * 10);  // ten documents a day in 2001's first week
  week.filters.push_back(
      {"answered_on", RecordFilter::Kind::is_null, std::nullopt, std::nullopt, "open"});
  CHECK(db::count_records(db, week) == 70);
  week.search = "kiri 1";
  auto some = db::count_records(db, week);
  CHECK(some > 0);
  CHECK(some < 70);
}

TEST_CASE("a list filter and the leavers' filter narrow as they say") {
  Database db = testing::open_test_database();
  db.exec("INSERT INTO units (id, name) VALUES (1, 'IT-teenistus')");
  db.exec(
      "INSERT INTO people (id, full_name, unit_id, joined_on, left_on) VALUES "
      "(1, 'Jaan Kask', 1, '2020-01-01', NULL), (2, 'Olga Popova', 1, '2020-01-01', '2026-11-21'), "
      "(3, 'Rein Saar', 1, '2020-01-01', '2026-11-23')");
  db.exec("INSERT INTO information_systems (id, name, kind) VALUES (1, 'E-post', 'email')");
  db.exec(
      "INSERT INTO accounts (person_id, system_id, username, privilege, granted_on) VALUES "
      "(1, 1, 'jaan', 'user', '2020-01-02'), (2, 1, 'olga', 'admin', '2020-01-02'), "
      "(3, 1, 'rein', 'read', '2020-01-02')");
  RecordQuery leavers{
      &accounts_spec(),
      {{"person_id", RecordFilter::Kind::holder_left_by, "2026-11-22", std::nullopt, "left"}},
      "",
      "",
      false};
  CHECK(db::count_records(db, leavers) == 1);  // left yesterday; leaving tomorrow is not yet
  RecordQuery privileged{
      &accounts_spec(),
      {{"privilege", RecordFilter::Kind::one_of, "admin,read", std::nullopt, "admin"}},
      "",
      "",
      false};
  CHECK(db::count_records(db, privileged) == 2);
}

TEST_CASE("search folds diacritics too: zukov finds Žukov, oun finds Õun") {
  Database db = with_media_titles({"Intervjuu: Žukov vastab", "Õunaaed avati", "ŠOKOLAADIVABRIK",
                                   "Tööpäev ja äri", "Жёлтая пресса", "Linnavalitsus"});
  CHECK(found(db, "zukov") == 1);
  CHECK(found(db, "ZUKOV") == 1);
  CHECK(found(db, "žukov") == 1);
  CHECK(found(db, "Ž") == 1);
  CHECK(found(db, "oun") == 1);
  CHECK(found(db, "õun") == 1);
  CHECK(found(db, "sokolaad") == 1);
  CHECK(found(db, "toopaev ja ari") == 1);
  CHECK(found(db, "желтая") == 1);  // ё written as е
  CHECK(found(db, "o") == 4);
}

TEST_CASE("a table sorted by a text column follows the user's language, and finds a row's place") {
  Database db =
      with_media_titles({"Šmidt vastab", "Saar avas", "Zirk kirjutas", "Õun kiitis", "Wiik lahkus",
                         "Андреев ответил", "Ёлкин спросил", "Елисеев написал"});
  auto titles = [&](Language language, bool descending) {
    set_language(language);
    RecordQuery query{&media_items_spec(), {}, "", "title", descending};
    std::vector<std::string> order;
    for (const Record& r : db::fetch_records(db, query, 0, 50)) {
      order.push_back(r.value("title").value_or(""));
      // The editor's "n of N" counts the rows before it in the same order.
      CHECK(db::record_position(db, query, r.id) == static_cast<std::int64_t>(order.size() - 1));
    }
    return order;
  };
  CHECK(titles(Language::et, false) ==
        std::vector<std::string>{"Saar avas", "Šmidt vastab", "Zirk kirjutas", "Wiik lahkus",
                                 "Õun kiitis", "Андреев ответил", "Елисеев написал",
                                 "Ёлкин спросил"});
  CHECK(titles(Language::ru, false) ==
        std::vector<std::string>{"Андреев ответил", "Елисеев написал", "Ёлкин спросил",
                                 "Õun kiitis", "Saar avas", "Šmidt vastab", "Wiik lahkus",
                                 "Zirk kirjutas"});  // Õ is an O to a Russian reader
  auto backwards = titles(Language::ru, true);
  CHECK(backwards.front() == "Zirk kirjutas");
  CHECK(backwards.back() == "Андреев ответил");
  set_language(Language::et);
}
