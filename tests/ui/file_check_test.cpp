// The file's check before the first save: a save asked for meanwhile waits with the window
// drawing and lands after it; a damaged file opens read-only, says what to do, and is never
// written to.

#include <catch2/catch.hpp>

#include <chrono>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/damaged_file.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

TEST_CASE("a save asked for while the file is checked waits, says so, and lands after the check",
          "[sqlite]") {
  set_language(Language::et);
  Session session;
  Id record = session.edit_first_incident("Kettaruum vabastatud");
  // As in the first seconds after a large file is opened.
  session.controller.database().set_write_gate(db::Database::WriteGate::checking);
  session.press('S', /*ctrl=*/true);
  CHECK(session.controller.waiting_for_write());
  CHECK(session.controller.session().notice_is_waiting);
  CHECK(session.controller.session().file_checking);
  CHECK(session.controller.session().notice.find("Kontrollin faili enne salvestamist") == 0);
  session.frames_for(std::chrono::milliseconds(1500));
  // Held for as long as the check runs, past the limit of a colleague's save.
  CHECK(session.controller.waiting_for_write());
  CHECK(db::load_record(session.controller.database(), incidents_spec(), record)
            ->value("root_cause") != "Kettaruum vabastatud");

  session.controller.database().set_write_gate(db::Database::WriteGate::open);
  session.frames_for(std::chrono::milliseconds(1200));
  CHECK_FALSE(session.controller.waiting_for_write());
  CHECK_FALSE(session.controller.session().notice_is_waiting);
  CHECK(db::load_record(session.controller.database(), incidents_spec(), record)
            ->value("root_cause") == "Kettaruum vabastatud");
  CHECK(session.ui().editor->message == "Salvestatud.");
}

TEST_CASE("a damaged file opens read-only, says what to do, and nothing is written into it",
          "[sqlite]") {
  set_language(Language::et);
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  {
    db::Database db = db::Database::open(path.string(), db::OpenMode::create_if_missing);
    db::write_demo_data(db, DemoOptions{1, 1, 1, testing::session_today});
  }
  testing::damage_table(path, "documents");
  std::string before = testing::read_file(path);
  {
    app::HeadlessImGui imgui{1600, 1000};
    app::Controller controller(db::Database::open(path.string(), db::OpenMode::existing),
                               testing::session_today);
    controller.wait_for_file_check();
    const ui::SessionInfo& session = controller.session();
    CHECK(session.damaged);
    CHECK(session.read_only);
    CHECK_FALSE(session.file_checking);
    CHECK(session.notice_is_problem);
    CHECK(session.notice.find("Andmebaasifail on rikutud (documents") == 0);
    CHECK(session.notice.find("varukoopia") != std::string::npos);
    CHECK(std::string(tr(ui::read_only_why(session))).find("terviklikkuse kontrolli") !=
          std::string::npos);
    imgui.frame([&] { controller.draw_frame(imgui.fonts()); });

    // A step that writes, asked for as a crafted frame would: refused, and said.
    ui::Actions undo;
    undo.undo = true;
    controller.carry_out(undo);
    CHECK_FALSE(controller.waiting_for_write());
    CHECK(controller.session().notice.find("Andmebaasifail on rikutud") == 0);
    CHECK(controller.database().write_gate() == db::Database::WriteGate::damaged);
  }
  CHECK(testing::read_file(path) == before);
}
