// Imports from start to end, as the IT lead's nightly job and the window run them: each source's
// export as its system writes it, into a real database file.
#include <iconv.h>

#include <xlsxwriter.h>
#include <catch2/catch.hpp>

#include "db/database.h"
#include "db/import_writer.h"
#include "db/record_store.h"
#include "import/import_run.h"
#include "support/temp_dir.h"

using namespace raekoda;
using db::Database;
using import::ImportKind;

namespace {

const Date today = *Date::parse_iso("2026-11-23");

ValidationContext context_today() {
  ValidationContext context;
  context.today = today;
  context.now = DateTime{today, 12 * 60};
  return context;
}

std::string encoded(const std::string& utf8, const char* encoding) {
  iconv_t convert = iconv_open(encoding, "UTF-8");
  REQUIRE(convert != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 4, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* at = out.data();
  std::size_t out_left = out.size();
  REQUIRE(iconv(convert, &in, &in_left, &at, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(convert);
  out.resize(out.size() - out_left);
  return out;
}

const std::string bom = "\xEF\xBB\xBF";

// Delta's list export: UTF-8 with BOM, ';', dates dd.mm.yyyy. The third row's register gives
// 30 days for an information request where the law gives 5 working days.
std::string delta_export(int extra_rows = 0) {
  std::string csv = bom +
                    "Viit;Reg kpv;Pealkiri;Liik;toimik;Saatja/Saaja;Vastutaja struktuuriüksus;"
                    "Vastutaja;Tähtaeg;Vastamise kpv\r\n"
                    "7-1/2026-101;02.11.2026;Lasteaiakohad;Teabenõue;7-1;Mari Tamm;"
                    "Haridusosakond;Õie Mägi;09.11.2026;06.11.2026\r\n"
                    "7-1/2026-102;03.11.2026;Tänavavalgustus;Märgukiri;7-1;Jelena Smirnova;"
                    "Linnamajandusosakond;Pjotr Žukov;;\r\n"
                    "7-1/2026-103;04.11.2026;Hanke dokumendid;Teabenõue;7-1;Ants Kask;"
                    "Linnakantselei;Õie Mägi;04.12.2026;\r\n";
  for (int i = 0; i < extra_rows; ++i)
    csv += "7-1/2026-" + std::to_string(200 + i) + ";05.11.2026;Kiri " + std::to_string(i) +
           ";Kiri;7-1;Saatja;Linnakantselei;Õie Mägi;;\r\n";
  return csv;
}

std::string first_refusal(const import::ImportReport& report) {
  return report.refused.empty() ? std::string() : report.refused[0].reason;
}

struct Fixture {
  testing::TempDir dir;
  std::filesystem::path db_path = dir / "raekoda.sqlite";
  Database db = Database::open(db_path, db::OpenMode::create_if_missing);

  std::filesystem::path file(const std::string& name, const std::string& bytes) {
    auto path = dir / name;
    testing::write_file(path, bytes);
    return path;
  }
  import::ImportReport run(const std::filesystem::path& path, ImportKind kind,
                           std::string system = "",
                           bool dry_run = false){import::ImportRequest request;
  request.file = path;
  request.kind = kind;
  request.system = std::move(system);
  request.dry_run = dry_run;
  return import::run_import(db, request, context_today());
} std::int64_t count(std::string_view sql) {
  return db.query_integer(sql, -1);
}
std::string text(std::string_view sql) {
  auto statement = db.prepare(sql);
  return statement.step() ? statement.text(0) : std::string("(none)");
}
};  // namespace

}  // namespace

TEST_CASE("a Delta register export is imported, its responders and units added by name") {
  Fixture f;
  auto report = f.run(f.file("delta.csv", delta_export()), ImportKind::documents);
  CHECK(report.written);
  CHECK(report.counts.added == 3);
  CHECK(report.counts.refused == 0);
  CHECK(f.count("SELECT count(*) FROM documents") == 3);
  CHECK(f.text("SELECT doc_type FROM documents WHERE reg_number = '7-1/2026-102'") == "memorandum");
  CHECK(f.text("SELECT answered_on FROM documents WHERE reg_number = '7-1/2026-101'") ==
        "2026-11-06");
  CHECK(f.count("SELECT count(*) FROM people") == 2);
  CHECK(f.text("SELECT full_name FROM people p JOIN documents d ON d.responder_id = p.id "
               "WHERE d.reg_number = '7-1/2026-102'") == "Pjotr Žukov");
  CHECK(f.text("SELECT u.name FROM units u JOIN people p ON p.unit_id = u.id "
               "WHERE p.full_name = 'Õie Mägi'") == "Haridusosakond");
  // The memorandum's due date is the law's, as the register gave none.
  CHECK(f.text("SELECT due_on FROM documents WHERE reg_number = '7-1/2026-102'") == "2026-12-03");
}

TEST_CASE("a register due date that differs from the law's is kept and listed") {
  Fixture f;
  auto report = f.run(f.file("delta.csv", delta_export()), ImportKind::documents);
  REQUIRE(report.law_differences.size() == 1);
  CHECK(report.law_differences[0].reg_number == "7-1/2026-103");
  CHECK(report.law_differences[0].line == 4);
  CHECK(report.law_differences[0].register_due.iso() == "2026-12-04");
  CHECK(report.law_differences[0].law_due.iso() == "2026-11-11");
  CHECK(f.text("SELECT due_on FROM documents WHERE reg_number = '7-1/2026-103'") == "2026-12-04");
  CHECK(f.text("SELECT law_due_on FROM documents WHERE reg_number = '7-1/2026-103'") ==
        "2026-11-11");
}

TEST_CASE("an older register export in Windows-1257 keeps š and ž in names") {
  Fixture f;
  std::string csv =
      "Reg nr;Registreerimise kpv;Pealkiri;Liik;Täitja;Osakond\r\n"
      "K-1;02.11.2026;Ühistransport;Kiri;Aleksandr Šumanov;Linnamajandusosakond\r\n"
      "K-2;03.11.2026;Päästeamet;Avaldus;Žanna Kääriäinen;Linnakantselei\r\n";
  auto report = f.run(f.file("vana.csv", encoded(csv, "WINDOWS-1257")), ImportKind::documents);
  CHECK(report.source.encoding == "WINDOWS-1257");
  CHECK(report.counts.added == 2);
  CHECK(f.count("SELECT count(*) FROM people WHERE full_name = 'Aleksandr Šumanov'") == 1);
  CHECK(f.count("SELECT count(*) FROM people WHERE full_name = 'Žanna Kääriäinen'") == 1);
  CHECK(f.count("SELECT count(*) FROM documents WHERE title = 'Ühistransport'") == 1);
}

TEST_CASE("the same export imported again changes nothing, and next week's longer one adds") {
  Fixture f;
  f.run(f.file("delta.csv", delta_export()), ImportKind::documents);
  std::int64_t audit = f.count("SELECT count(*) FROM audit_log");
  auto again = f.run(f.file("delta.csv", delta_export()), ImportKind::documents);
  CHECK(again.counts.added == 0);
  CHECK(again.counts.unchanged == 3);
  CHECK(f.count("SELECT count(*) FROM audit_log") == audit);
  auto longer = f.run(f.file("delta2.csv", delta_export(2)), ImportKind::documents);
  CHECK(longer.counts.added == 2);
  CHECK(longer.counts.unchanged == 3);
  CHECK(f.count("SELECT count(*) FROM documents") == 5);
  CHECK(f.count("SELECT count(*) FROM people") == 2);
}

TEST_CASE("a row edited in Raekoda after its import is a conflict the user can take") {
  Fixture f;
  f.run(f.file("delta.csv", delta_export()), ImportKind::documents);
  Id id = f.count("SELECT id FROM documents WHERE reg_number = '7-1/2026-102'");
  Record original = *db::load_record(f.db, documents_spec(), id);
  Record edited = original;
  edited.set("title", "Tänavavalgustus Järveküla teel");
  db::update_record(f.db, documents_spec(), original, edited, {"mari", "2026-11-23 09:00:00"});

  std::string changed = delta_export();
  const std::string old_title = "Tänavavalgustus;";
  changed.replace(changed.find(old_title), old_title.size(), "Tänavavalgus;");
  auto path = f.file("delta.csv", changed);
  auto report = f.run(path, ImportKind::documents);
  REQUIRE(report.conflicts.size() == 1);
  CHECK(report.conflicts[0].line == 3);
  CHECK(report.conflicts[0].key == "7-1/2026-102");
  CHECK(report.counts.unchanged == 2);
  CHECK(f.text("SELECT title FROM documents WHERE id = " + std::to_string(id)) ==
        "Tänavavalgustus Järveküla teel");

  import::ImportRequest take;
  take.file = path;
  take.kind = ImportKind::documents;
  take.conflicts.take.insert("7-1/2026-102");
  auto taken = import::run_import(f.db, take, context_today());
  CHECK(taken.counts.updated == 1);
  CHECK(f.text("SELECT title FROM documents WHERE id = " + std::to_string(id)) == "Tänavavalgus");
}

TEST_CASE("refused rows name their line and reason, and the rest is imported") {
  Fixture f;
  std::string csv = delta_export() +
                    "7-1/2026-104;31.02.2026;Vale kuupäev;Teabenõue;7-1;X;Linnakantselei;"
                    "Õie Mägi;;\r\n"
                    "7-1/2026-105;05.11.2026;Tundmatu liik;Ettepanek;7-1;X;Linnakantselei;"
                    "Õie Mägi;;\r\n";
  auto report = f.run(f.file("delta.csv", csv), ImportKind::documents);
  CHECK(report.written);
  CHECK(report.counts.added == 3);
  CHECK(report.counts.refused == 2);
  REQUIRE(report.refused.size() == 2);
  CHECK(report.refused[0].line == 5);
  CHECK(report.refused[0].reason.find("31.02.2026") != std::string::npos);
  CHECK(report.refused[1].line == 6);
  CHECK(report.refused[1].reason.find("Ettepanek") != std::string::npos);
}

TEST_CASE("a dry run reads and checks everything and writes nothing") {
  Fixture f;
  auto report = f.run(f.file("delta.csv", delta_export()), ImportKind::documents, "", true);
  CHECK(report.counts.added == 3);
  CHECK_FALSE(report.written);
  CHECK(report.preview.size() == 3);
  CHECK(f.count("SELECT count(*) FROM documents") == 0);
  CHECK(f.count("SELECT count(*) FROM people") == 0);
  CHECK(f.count("SELECT count(*) FROM imports") == 0);
}

TEST_CASE("a failure midway leaves nothing of the import written") {
  Fixture f;
  f.db.exec(
      "CREATE TRIGGER disk_full BEFORE INSERT ON documents WHEN NEW.reg_number = '7-1/2026-103' "
      "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  CHECK_THROWS_AS(f.run(f.file("delta.csv", delta_export()), ImportKind::documents),
                  db::DatabaseError);
  CHECK(f.count("SELECT count(*) FROM documents") == 0);
  CHECK(f.count("SELECT count(*) FROM people") == 0);
  CHECK(f.count("SELECT count(*) FROM audit_log") == 0);
}

TEST_CASE("a cancelled import leaves the database as it was") {
  Fixture f;
  import::ImportRequest request;
  request.file = f.file("delta.csv", delta_export(600));
  request.kind = ImportKind::documents;
  import::ImportProgress progress;
  progress.cancel = true;
  auto report = import::run_import(f.db, request, context_today(), &progress);
  CHECK(report.cancelled);
  CHECK_FALSE(report.written);
  CHECK(f.count("SELECT count(*) FROM documents") == 0);
}

TEST_CASE("an import is undone from its summary: rows and names it added are gone") {
  Fixture f;
  auto report = f.run(f.file("delta.csv", delta_export()), ImportKind::documents);
  auto undo = db::undo_import(f.db, report.import_id, {"tiit", "2026-11-23 10:00:00"});
  CHECK(undo.removed == 3 + 2 + 2);  // documents, people, units
  CHECK(f.count("SELECT count(*) FROM documents") == 0);
  CHECK(f.count("SELECT count(*) FROM people") == 0);
}

TEST_CASE("a header with no rows, or rows all refused, writes nothing and says why") {
  Fixture f;
  auto header_only =
      f.run(f.file("empty.csv", bom + "Viit;Reg kpv;Pealkiri;Liik\r\n"), ImportKind::documents);
  CHECK_FALSE(header_only.written);
  CHECK_FALSE(header_only.failure.empty());
  auto all_bad = f.run(f.file("bad.csv", bom + "Viit;Reg kpv;Pealkiri;Liik\r\n"
                                               "A-1;99.99.2026;X;Teabenõue\r\n"),
                       ImportKind::documents);
  CHECK_FALSE(all_bad.written);
  CHECK(all_bad.counts.refused == 1);
  CHECK(f.count("SELECT count(*) FROM imports") == 0);
}

TEST_CASE("a GLPI ticket list becomes incidents, found again by ticket id") {
  Fixture f;
  std::string csv = bom +
                    "\"ID\";\"Title\";\"Status\";\"Opening date\";\"Priority\";\"Category\";"
                    "\"Entity\";\"Assigned to - Technician\";\"Solve date\";\r\n"
                    "\"4711\";\"Printer ei prindi\";\"Solved\";\"2026-11-02 09:14\";\"Medium\";"
                    "\"Riistvara\";\"Kohtla-Järve Linnavalitsus\";\"Tiit Tehnik\";"
                    "\"2026-11-02 11:30\";\r\n"
                    "\"4712\";\"VPN ei ühendu\";\"Processing (assigned)\";\"2026-11-03 08:05\";"
                    "\"High\";\"Võrk\";\"Kohtla-Järve Linnavalitsus\";\"Tiit Tehnik\";\"\";\r\n";
  auto report = f.run(f.file("glpi.csv", csv), ImportKind::incidents);
  CHECK(report.counts.added == 2);
  INFO(first_refusal(report));
  CHECK(report.counts.refused == 0);
  CHECK(f.text("SELECT status FROM incidents WHERE title = 'Printer ei prindi'") == "resolved");
  CHECK(f.text("SELECT resolved_at FROM incidents WHERE title = 'Printer ei prindi'") ==
        "2026-11-02 11:30");
  CHECK(f.text("SELECT severity FROM incidents WHERE title = 'VPN ei ühendu'") == "high");
  CHECK(f.text("SELECT status FROM incidents WHERE title = 'VPN ei ühendu'") == "in_progress");

  std::string solved = csv;
  solved.replace(solved.find("\"Processing (assigned)\""), 23, "\"Solved\"");
  solved.replace(solved.rfind("\"\";"), 3, "\"2026-11-04 10:00\";");
  auto again = f.run(f.file("glpi.csv", solved), ImportKind::incidents);
  CHECK(again.counts.updated == 1);
  CHECK(again.counts.unchanged == 1);
  CHECK(f.count("SELECT count(*) FROM incidents") == 2);
}

TEST_CASE("a Meltwater export in UTF-16 with tabs and a preamble becomes media items") {
  Fixture f;
  std::string tsv =
      "Kohtla-Järve meediamonitooring\n"
      "01.11.2026 - 22.11.2026\n"
      "Date\tHeadline\tSource Name\tSource Type\tLanguage\tReach\tSentiment\tURL\n"
      "11/03/2026\tVolikogu kinnitas eelarve\tPõhjarannik\tOnline News\tEstonian\t12 500\t"
      "Positive\thttps://pr.example/eelarve\n"
      "11/04/2026\tГородское собрание утвердило бюджет\tСеверное побережье\tOnline News\t"
      "Russian\t8 000\tNot rated\thttps://sp.example/budget\n";
  std::string utf16 = "\xFF\xFE" + encoded(tsv, "UTF-16LE");
  auto report = f.run(f.file("meltwater.csv", utf16), ImportKind::media);
  INFO(first_refusal(report));
  CHECK(report.counts.added == 2);
  CHECK(report.header_line == 3);
  CHECK(f.text("SELECT tone FROM media_items WHERE url = 'https://sp.example/budget'") ==
        "neutral");
  CHECK(f.text("SELECT language FROM media_items WHERE url = 'https://sp.example/budget'") == "ru");
  CHECK(f.count("SELECT reach FROM media_items WHERE url = 'https://pr.example/eelarve'") == 12500);
  CHECK(f.text("SELECT published_on FROM media_items WHERE url = 'https://pr.example/eelarve'") ==
        "2026-11-03");
  CHECK(f.count("SELECT count(*) FROM media_outlets") == 2);
}

TEST_CASE("a Facebook page export keeps a caption of many lines as one title") {
  Fixture f;
  std::string csv = bom +
                    "Post ID,Page name,Title,Description,Publish time,Permalink,Post type,Reach\n"
                    "1234567890123456789,Kohtla-Järve linn,,\"Täna avati uus mänguväljak.\n"
                    "Tule vaatama!\",11/20/2026 14:05,https://www.facebook.com/kj/posts/1,"
                    "Photos,3400\n";
  auto report = f.run(f.file("facebook.csv", csv), ImportKind::media);
  INFO(first_refusal(report));
  CHECK(report.counts.added == 1);
  CHECK(f.text("SELECT title FROM media_items") == "Täna avati uus mänguväljak. Tule vaatama!");
  CHECK(f.text("SELECT channel FROM media_items") == "facebook");
  CHECK(f.text("SELECT published_on FROM media_items") == "2026-11-20");
}

TEST_CASE("an Active Directory account list belongs to the system it is imported for") {
  Fixture f;
  std::string csv =
      "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\r\n"
      "\"SamAccountName\",\"Name\",\"Enabled\",\"whenCreated\",\"Department\"\r\n"
      "\"omagi\",\"Õie Mägi\",\"True\",\"3.11.2020 9:14:00\",\"Linnakantselei\"\r\n"
      "\"pzukov\",\"Pjotr Žukov\",\"False\",\"1.02.2019 8:00:00\",\"Linnamajandusosakond\"\r\n";
  auto path = f.file("ad.csv", csv);
  auto without = f.run(path, ImportKind::accounts);
  CHECK(without.counts.added == 0);
  CHECK(without.counts.refused == 2);

  auto report = f.run(path, ImportKind::accounts, "Domeen");
  CHECK(report.counts.added == 2);
  CHECK(f.text("SELECT revoked_on FROM accounts WHERE username = 'pzukov'") == "2026-11-23");
  CHECK(f.text("SELECT granted_on FROM accounts WHERE username = 'omagi'") == "2020-11-03");
  CHECK(f.count("SELECT count(*) FROM accounts WHERE revoked_on IS NULL") == 1);
  CHECK(f.count("SELECT count(*) FROM information_systems WHERE name = 'Domeen'") == 1);
  // A later list keeps the day the account was first seen disabled.
  auto later = f.run(path, ImportKind::accounts, "domeen");
  CHECK(later.counts.unchanged == 2);
}

TEST_CASE("an HR list becomes people, matched by e-mail at the next import") {
  Fixture f;
  std::string csv = bom +
                    "Nimi;Struktuuriüksus;Ametikoht;E-post;Tööle asumise kuupäev;"
                    "Lahkumise kuupäev\n"
                    "Õie Mägi;Linnakantselei;Linnasekretär;oie.magi@kjlv.example;01.03.2018;\n"
                    "Pjotr Žukov;Linnamajandusosakond;Spetsialist;pjotr.zukov@kjlv.example;"
                    "15.01.2019;30.09.2026\n";
  auto first = f.run(f.file("hr.csv", csv), ImportKind::people);
  CHECK(first.counts.added == 2);
  std::string renamed = csv;
  renamed.replace(renamed.find("Õie Mägi"), std::string("Õie Mägi").size(), "Õie Mägi-Kask");
  auto second = f.run(f.file("hr.csv", renamed), ImportKind::people);
  CHECK(second.counts.updated == 1);
  CHECK(second.counts.unchanged == 1);
  CHECK(f.count("SELECT count(*) FROM people") == 2);
  CHECK(f.text("SELECT left_on FROM people WHERE email = 'pjotr.zukov@kjlv.example'") ==
        "2026-09-30");
}

TEST_CASE("plan activities go into the plan whose period holds their day") {
  Fixture f;
  f.db.exec("INSERT INTO units (id, name) VALUES (1, 'Avalike suhete osakond')");
  f.db.exec(
      "INSERT INTO people (id, full_name, unit_id, joined_on) VALUES (1, 'Kadri Kuusk', 1, "
      "'2020-01-01')");
  f.db.exec(
      "INSERT INTO comm_plans (id, name, owner_id, starts_on, ends_on) VALUES "
      "(1, 'IV kvartal 2026', 1, '2026-10-01', '2026-12-31')");
  std::string csv = bom +
                    "Tegevus;Kanal;Vastutaja;Kuupäev;Staatus\n"
                    "Jõuluturu pressiteade;Pressiteade;Kadri Kuusk;10.12.2026;Planeeritud\n"
                    "Eelarve video;Video;Kadri Kuusk;20.11.2026;Tehtud\n"
                    "Kevadkampaania;Kampaania;Kadri Kuusk;10.03.2027;Planeeritud\n";
  auto report = f.run(f.file("plaan.csv", csv), ImportKind::activities);
  CHECK(report.counts.added == 2);
  REQUIRE(report.refused.size() == 1);
  CHECK(report.refused[0].line == 4);
  CHECK(f.text("SELECT done_on FROM comm_activities WHERE title = 'Eelarve video'") ==
        "2026-11-20");
  CHECK(f.text("SELECT channel FROM comm_activities WHERE title = 'Jõuluturu pressiteade'") ==
        "press_release");
}

TEST_CASE("a Zammad ticket list in XLSX is read with its dates") {
  Fixture f;
  auto path = f.dir / "zammad.xlsx";
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Tickets");
  lxw_format* when = workbook_add_format(workbook);
  format_set_num_format(when, "dd.mm.yyyy hh:mm");
  const char* header[] = {"Number", "Title", "State", "Priority", "Created at", "Closed at"};
  for (int c = 0; c < 6; ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
  worksheet_write_string(sheet, 1, 0, "31001", nullptr);
  worksheet_write_string(sheet, 1, 1, "Raamatupidamisprogramm ei avane", nullptr);
  worksheet_write_string(sheet, 1, 2, "closed", nullptr);
  worksheet_write_string(sheet, 1, 3, "2 normal", nullptr);
  lxw_datetime opened = {2026, 11, 10, 9, 30, 0};
  lxw_datetime closed = {2026, 11, 10, 15, 45, 0};
  worksheet_write_datetime(sheet, 1, 4, &opened, when);
  worksheet_write_datetime(sheet, 1, 5, &closed, when);
  REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);

  auto report = f.run(path, ImportKind::incidents, "Zammad");
  INFO(first_refusal(report));
  CHECK(report.source.format == import::FileFormat::xlsx);
  CHECK(report.counts.added == 1);
  CHECK(f.text("SELECT opened_at FROM incidents") == "2026-11-10 09:30");
  CHECK(f.text("SELECT resolved_at FROM incidents") == "2026-11-10 15:45");
}

TEST_CASE("a Jira export with its month-named dates and repeated columns becomes incidents") {
  Fixture f;
  std::string csv =
      "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Created,Resolved,"
      "Labels,Labels\n"
      "Dokumendiregister aeglane,IT-41,10041,Bug,Done,Highest,Tiit Tehnik,12/Nov/26 9:41 AM,"
      "12/Nov/26 2:05 PM,delta,aeglus\n"
      "Uus töökoht raamatupidajale,IT-42,10042,Task,In Progress,Low,Tiit Tehnik,"
      "13/Nov/26 10:00 AM,,,\n";
  auto report = f.run(f.file("jira.csv", csv), ImportKind::incidents, "Jira");
  INFO(first_refusal(report));
  CHECK(report.counts.added == 2);
  CHECK(f.text("SELECT opened_at FROM incidents WHERE title = 'Dokumendiregister aeglane'") ==
        "2026-11-12 09:41");
  CHECK(f.text("SELECT resolved_at FROM incidents WHERE title = 'Dokumendiregister aeglane'") ==
        "2026-11-12 14:05");
  CHECK(f.text("SELECT severity FROM incidents WHERE title = 'Dokumendiregister aeglane'") ==
        "critical");
  CHECK(f.text("SELECT status FROM incidents WHERE title = 'Uus töökoht raamatupidajale'") ==
        "in_progress");
  CHECK(f.count("SELECT count(*) FROM people WHERE full_name = 'Tiit Tehnik'") == 1);
}

TEST_CASE("a database a colleague is writing to is reported busy and nothing is imported") {
  Fixture f;
  f.db.set_busy_timeout(50);
  Database colleague = Database::open(f.db_path, db::OpenMode::existing);
  colleague.exec("BEGIN IMMEDIATE");
  try {
    f.run(f.file("delta.csv", delta_export()), ImportKind::documents);
    FAIL("the import did not notice the colleague's write");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::busy);
  }
  colleague.exec("ROLLBACK");
  CHECK(f.count("SELECT count(*) FROM documents") == 0);
  CHECK(f.count("SELECT count(*) FROM imports") == 0);
}
