// The import panel driven as a user would: a file dropped or typed, its preview, a column
// changed, the import written, cancelled, undone, a conflict taken from the file.

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

namespace {

using Session = testing::DashboardSession;

// A document register's list export as Delta writes it: UTF-8 with a BOM, ';', dd.mm.yyyy.
// Line 4 was registered on a day that does not exist. Names are invented.
const char* delta_export =
    "\xEF\xBB\xBFViit;Reg kpv;Pealkiri;Liik;toimik;Saatja/Saaja;Vastutaja struktuuriüksus;"
    "Vastutaja;Tähtaeg;Vastamise kpv\r\n"
    "7-1/2026/101;02.11.2026;Teabenõue tänavavalgustuse lepingu kohta;Teabenõue;7-1;Mari Kask;"
    "Linnamajanduse osakond;Peeter Pärn;09.11.2026;05.11.2026\r\n"
    "7-1/2026/102;03.11.2026;Märgukiri bussipeatuse ootekoja kohta;Märgukiri;7-1;Jüri Tamm;"
    "Linnamajanduse osakond;Peeter Pärn;03.12.2026;\r\n"
    "7-1/2026/103;31.02.2026;Kiri haljastuse kohta;Kiri;7-1;Liis Saar;Keskkonnaosakond;"
    "Anne Õunapuu;;\r\n"
    "7-1/2026/104;04.11.2026;Teabenõue eelarve täitmise kohta;Teabenõue;7-1;Kalev Mets;"
    "Rahandusosakond;Žanna Šmidt;20.11.2026;\r\n";

std::filesystem::path write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

// A long export, so that an import is still running when Cancel is clicked.
std::filesystem::path write_long_export(const std::filesystem::path& path, int rows) {
  std::ofstream out(path, std::ios::binary);
  out << "\xEF\xBB\xBFViit;Reg kpv;Pealkiri;Liik;Vastutaja;Tähtaeg\r\n";
  for (int i = 0; i < rows; ++i)
    out << "9-9/2026/" << i << ";0" << 1 + i % 9 << ".10.2026;Kiri number " << i
        << ";Kiri;Peeter Pärn;\r\n";
  return path;
}

struct ImportSession : Session {
  ImportSession() {
    // The user's own presets are this test's alone.
    std::filesystem::create_directories(dir / "config");
    setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  }
  ui::ImportPanel& panel() { return *ui().import; }
  // Frames, as the window draws them, until the import's thread has finished.
  void settle() {
    for (int waited = 0; controller.busy() && waited < 3000; ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      frame();
    }
    REQUIRE_FALSE(controller.busy());
    frame();
    frame();
  }
  std::int64_t documents(const std::string& reg_number) {
    return controller.database().query_integer(
        "SELECT COUNT(*) FROM documents WHERE reg_number = ?", 0, reg_number);
  }
  std::int64_t documents() {
    return controller.database().query_integer("SELECT COUNT(*) FROM documents", 0);
  }
  std::size_t column_of(std::string_view header) {
    for (std::size_t i = 0; i < panel().columns.size(); ++i)
      if (panel().columns[i].header == header) return i;
    FAIL("no column " << header);
    return 0;
  }
};

bool has(const std::vector<std::string>& list, std::string_view wanted) {
  return std::find(list.begin(), list.end(), wanted) != list.end();
}

}  // namespace

TEST_CASE("a dropped Delta export shows its rows and its refused row with the line number") {
  set_language(Language::et);
  ImportSession session;
  auto file = write_file(session.dir / "delta.csv", delta_export);
  std::int64_t before = session.documents();

  session.controller.open_import(file);  // as the window's drop callback does
  session.settle();
  REQUIRE(session.ui().import);
  auto& panel = session.panel();
  INFO(panel.error);
  REQUIRE(panel.previewed);
  CHECK(panel.found_kind == tr("import.kind.documents"));
  CHECK(panel.found_encoding.find("UTF-8") == 0);
  CHECK(panel.rows == 4);
  REQUIRE(panel.preview.size() == 4);
  CHECK(panel.preview[0].line == 2);
  CHECK(panel.preview[2].line == 4);
  CHECK_FALSE(panel.preview[2].problem.empty());
  CHECK(panel.preview[0].problem.empty());
  // As Raekoda will save them: dates dd.mm.yyyy, the type by the deadlines view's name.
  const auto& cells = panel.preview[0].cells;
  CHECK(std::find(cells.begin(), cells.end(), "02.11.2026") != cells.end());
  CHECK(std::find(cells.begin(), cells.end(), tr("doc_type.information_request")) != cells.end());
  REQUIRE(panel.refused.size() == 1);
  CHECK(panel.refused[0].line == 4);
  CHECK(panel.counts.added == 3);
  CHECK(panel.counts.refused == 1);
  CHECK(panel.importable);
  // The register's due date against the law's for the information request of 04.11.2026.
  CHECK_FALSE(panel.law_differences.empty());

  session.click("import.tab.refused");
  session.frame();
  CHECK(session.probe.has("import.refused.0"));
  // A preview writes nothing.
  CHECK(session.documents() == before);
}

TEST_CASE("the Import button opens the panel, and a typed path with Enter previews the file") {
  set_language(Language::en);
  ImportSession session;
  auto file = write_file(session.dir / "delta.csv", delta_export);
  session.click("topbar.import");
  REQUIRE(session.ui().import);
  session.click("import.path");
  session.type(file.c_str());
  session.press(ImGui::GetKeyIndex(ImGuiKey_Enter));
  session.settle();
  CHECK(session.panel().previewed);
  CHECK(session.panel().preview.size() == 4);
  CHECK(session.probe.has("import.run"));

  session.press(ImGui::GetKeyIndex(ImGuiKey_Escape));
  CHECK_FALSE(session.ui().import);
  set_language(Language::et);
}

TEST_CASE("changing a column's field previews again") {
  set_language(Language::et);
  ImportSession session;
  session.controller.open_import(write_file(session.dir / "delta.csv", delta_export));
  session.settle();
  std::size_t sender = session.column_of("Saatja/Saaja");
  REQUIRE_FALSE(session.panel().columns[sender].field.empty());
  std::string sender_label = tr("import.field.documents.sender");
  CHECK(has(session.panel().preview_headers, sender_label));

  session.click("import.column." + std::to_string(sender));
  session.click("import.column.option.none");
  session.settle();
  CHECK(session.panel().columns[sender].field.empty());
  CHECK_FALSE(has(session.panel().preview_headers, sender_label));
  CHECK(has(session.panel().unmapped, "Saatja/Saaja"));
  CHECK(session.panel().preview.size() == 4);
}

TEST_CASE("Import writes the rows, and Undo this import removes what it added") {
  set_language(Language::et);
  ImportSession session;
  session.controller.open_import(write_file(session.dir / "delta.csv", delta_export));
  session.settle();
  std::int64_t before = session.documents();

  session.click("import.run");
  session.settle();
  INFO(session.panel().error);
  CHECK_FALSE(session.panel().summary.empty());
  CHECK(session.documents("7-1/2026/101") == 1);
  CHECK(session.documents() == before + 3);
  REQUIRE_FALSE(session.panel().recent.empty());
  CHECK(session.panel().recent.front().file == "delta.csv");

  session.click("import.undo_this");
  session.click("import.undo_yes");
  session.settle();
  CHECK(session.documents("7-1/2026/101") == 0);
  CHECK(session.documents() == before);
  CHECK(session.panel().recent.front().undone);
}

TEST_CASE("Cancel leaves the database as it was") {
  set_language(Language::et);
  ImportSession session;
  session.controller.open_import(write_long_export(session.dir / "long.csv", 150000));
  session.settle();
  REQUIRE(session.panel().importable);
  std::int64_t before = session.documents();

  session.click("import.run");
  REQUIRE(session.controller.busy());
  session.click("import.cancel");
  session.settle();
  CHECK(session.panel().message == tr("import.panel.cancelled"));
  CHECK(session.panel().summary.empty());
  CHECK(session.documents() == before);
  CHECK(session.panel().recent.empty());
}

TEST_CASE("a conflict with an edit made in Raekoda can be taken from the file") {
  set_language(Language::et);
  ImportSession session;
  auto file = write_file(session.dir / "delta.csv", delta_export);
  session.controller.open_import(file);
  session.settle();
  session.click("import.run");
  session.settle();
  REQUIRE_FALSE(session.panel().summary.empty());

  // Someone corrects a title in Raekoda; the register's next export still has the old one.
  db::Database& db = session.controller.database();
  Id id = db.query_integer("SELECT id FROM documents WHERE reg_number = ?", 0,
                           std::string("7-1/2026/102"));
  Record mine = *db::load_record(db, documents_spec(), id);
  Record edited = mine;
  edited.set("title", "Märgukiri ootekoja kohta (parandatud)");
  REQUIRE(db::update_record(db, documents_spec(), mine, edited, {"mari", "2026-11-22 09:00:00"})
              .status == db::SaveStatus::saved);

  session.click("import.back");
  session.controller.open_import(file);
  session.settle();
  auto& panel = session.panel();
  REQUIRE(panel.counts.conflicts == 1);
  REQUIRE(panel.conflicts.size() == 1);
  CHECK(panel.conflicts[0].line == 3);
  bool title_shown = false;
  for (const auto& field : panel.conflicts[0].fields)
    if (field.ours == "Märgukiri ootekoja kohta (parandatud)" &&
        field.theirs == "Märgukiri bussipeatuse ootekoja kohta")
      title_shown = true;
  CHECK(title_shown);

  session.click("import.tab.conflicts");
  session.click("import.conflict.0.take");
  CHECK(session.panel().conflicts[0].take_file);
  session.click("import.run");
  session.settle();
  CHECK(db::load_record(db, documents_spec(), id)->value("title") ==
        "Märgukiri bussipeatuse ootekoja kohta");
}

TEST_CASE("a mapping saved as a preset is offered again for a file with the same header") {
  set_language(Language::et);
  ImportSession session;
  auto file = write_file(session.dir / "delta.csv", delta_export);
  session.controller.open_import(file);
  session.settle();
  std::size_t sender = session.column_of("Saatja/Saaja");
  session.click("import.column." + std::to_string(sender));
  session.click("import.column.option.none");
  session.settle();

  session.click("import.save_preset");
  session.click("import.preset_name");
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;  // the field starts with the preset in use: replace it
  io.KeysDown['A'] = true;
  session.frame();
  io.KeysDown['A'] = false;
  io.KeyCtrl = false;
  session.type("Linnavalitsuse register");
  session.click("import.preset_save");
  INFO(session.panel().message);
  CHECK_FALSE(session.panel().message_is_problem);
  CHECK(std::filesystem::exists(session.dir / "config" / "raekoda" / "import-presets"));

  session.click("import.back");
  session.controller.open_import(file);
  session.settle();
  CHECK(session.panel().found_preset == "Linnavalitsuse register");
  CHECK(session.panel().columns[sender].field.empty());
}
