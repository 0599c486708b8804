// The window never waits for figures: while they are read it draws the last ones, says newer ones
// are coming, and swaps them in whole once read.

#include <catch2/catch.hpp>

#include "db/record_query.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;
using testing::DashboardSession;

namespace {

// One frame as the window draws it, without waiting for a read in progress.
void draw_without_waiting(DashboardSession& session) {
  session.imgui.frame([&] { session.controller.draw_frame(session.imgui.fonts()); });
}

const char* answer_an_overdue_document =
    "UPDATE documents SET answered_on = '2026-11-22' WHERE id = (SELECT min(id) FROM documents "
    "WHERE answered_on IS NULL AND effective_due_on < '2026-11-22')";

}  // namespace

TEST_CASE(
    "while a colleague's save holds the data, the window draws the last figures and says so") {
  DashboardSession session;
  session.ui().view = View::deadlines;
  session.frame();
  session.frame();
  const std::int64_t overdue = session.figures().deadlines->overdue_now;
  REQUIRE(overdue > 0);

  // A colleague's program is in the middle of a save: nobody reads what it writes until it
  // commits.
  db::Database colleague = db::Database::open(session.target, db::OpenMode::existing);
  if (colleague.backend() == db::Backend::sqlite) {
    colleague.exec("BEGIN EXCLUSIVE");
  } else {
    colleague.exec("BEGIN");
    colleague.exec("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE");
  }
  colleague.exec(answer_an_overdue_document);

  auto now = std::chrono::steady_clock::now();
  session.controller.set_clock([&] { return now; });
  session.controller.refresh();
  draw_without_waiting(session);
  CHECK(session.controller.reading_figures());
  CHECK_FALSE(session.controller.session().reading_figures);  // a quick read never blinks
  now += std::chrono::milliseconds(200);
  CHECK(session.controller.seconds_to_next_tick());
  for (int i = 0; i < 5; ++i) draw_without_waiting(session);
  CHECK(session.controller.session().reading_figures);
  CHECK(session.probe.has("reading_sign"));
  CHECK(session.controller.figures().deadlines->overdue_now == overdue);

  colleague.exec("COMMIT");
  session.controller.wait_for_figures();
  session.probe.items.clear();
  draw_without_waiting(session);
  CHECK_FALSE(session.controller.reading_figures());
  CHECK_FALSE(session.controller.session().reading_figures);
  CHECK_FALSE(session.probe.has("reading_sign"));
  CHECK(session.controller.figures().deadlines->overdue_now == overdue - 1);
}

TEST_CASE("a colleague's document save reads the deadlines again and keeps the access figures") {
  DashboardSession session;
  session.ui().view = View::access;
  session.frame();
  session.frame();
  REQUIRE(session.figures().access);
  session.ui().view = View::deadlines;
  session.frame();
  session.frame();
  const std::int64_t overdue = session.figures().deadlines->overdue_now;

  db::Database colleague = db::Database::open(session.target, db::OpenMode::existing);
  colleague.exec(answer_an_overdue_document);
  REQUIRE(session.notices_change());
  session.controller.wait_for_figures();
  CHECK(session.controller.last_parts_read() == std::set{db::FigurePart::deadlines});
  CHECK(session.figures().deadlines->overdue_now == overdue - 1);
  CHECK(session.controller.figures().access);

  // Back on the access view its figures show at once, and are found current.
  session.ui().view = View::access;
  session.frame();
  CHECK(session.controller.figures().access);
  session.controller.wait_for_figures();
  CHECK(session.controller.last_parts_read().empty());
}

TEST_CASE("a read that fails keeps the figures shown and says why") {
  set_language(Language::en);
  DashboardSession session;
  session.ui().view = View::incidents;
  session.frame();
  session.frame();
  REQUIRE(session.figures().incidents);
  const std::size_t open = session.controller.figures().incidents->open.size();

  db::Database colleague = db::Database::open(session.target, db::OpenMode::existing);
  colleague.exec("DROP TABLE restore_tests");
  // A file's schema changed: every part is read again at the next change check. (A server
  // sends no notice of it: there the next save reads it.)
  if (colleague.backend() == db::Backend::sqlite)
    REQUIRE(session.notices_change());
  else
    session.controller.refresh();
  session.frame();
  CHECK(session.controller.session().notice_is_problem);
  // The sentence in the user's language; SQLite's English, which names the table, as its detail.
  CHECK(session.controller.session().notice.find("missing") != std::string::npos);
  CHECK(session.controller.session().notice_detail.find("restore_tests") != std::string::npos);
  REQUIRE(session.controller.figures().incidents);
  CHECK(session.controller.figures().incidents->open.size() == open);
  set_language(Language::et);
}

TEST_CASE("a save while figures are being read is saved, and read next") {
  DashboardSession session;
  session.ui().view = View::deadlines;
  session.frame();
  session.frame();
  const std::int64_t overdue = session.figures().deadlines->overdue_now;

  db::Database& own = session.controller.database();
  RecordQuery overdue_documents{
      &documents_spec(),
      {{"answered_on", RecordFilter::Kind::is_null, std::nullopt, std::nullopt, ""},
       {"effective_due_on", RecordFilter::Kind::before, testing::session_today.iso(), std::nullopt,
        ""}},
      "",
      "",
      false};
  std::vector<Record> rows = db::fetch_records(own, overdue_documents, 0, 1);
  REQUIRE(rows.size() == 1);
  Record answered = rows[0];
  answered.set("answered_on", testing::session_today.iso());

  // The reader reads the figures through its own connection while the window saves through its
  // own: neither waits for the other to finish its work.
  session.controller.refresh();
  db::SaveResult saved =
      db::update_record(own, documents_spec(), rows[0], answered, db::current_author());
  CHECK(saved.status == db::SaveStatus::saved);
  session.controller.refresh();  // as every save of the window asks
  CHECK(session.figures().deadlines->overdue_now == overdue - 1);
}
