// The figure reader: parts read on its own thread through its own connection, handed over whole,
// and read again only where what they depend on changed.

#include <catch2/catch.hpp>

#include <sched.h>

#include <thread>

#include "db/demo_writer.h"
#include "reading/figure_reader.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::FigurePart;
using reading::FigureReader;
using reading::FigureRequest;
using reading::FigureUpdate;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

// A year of the demo city, in a file or on the test cluster.
std::string demo_city(const testing::TempDir& dir) {
  if (testing::on_postgres()) return testing::demo_server_database(DemoOptions{1, 1, 1, today});
  std::string file = (dir / "city.sqlite").string();
  db::Database db = db::Database::open(file, db::OpenMode::create_if_missing);
  db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  return file;
}

FigureRequest request_for(std::set<FigurePart> wanted, const reading::PartStamps& held = {}) {
  FigureRequest request;
  request.context.now = DateTime::end_of(today);
  request.wanted = std::move(wanted);
  request.held = held;
  return request;
}

FigureUpdate read_now(FigureReader& reader, FigureRequest request) {
  std::uint64_t serial = reader.ask(std::move(request));
  reader.wait();
  std::optional<FigureUpdate> update = reader.take();
  REQUIRE(update);
  CHECK(update->request == serial);
  CHECK_FALSE(reader.reading());
  return std::move(*update);
}

}  // namespace

TEST_CASE("the reader reads on its own thread what is asked for, each part whole") {
  testing::TempDir dir;
  FigureReader reader(demo_city(dir), nullptr);
  CHECK(reader.on_own_thread());
  FigureUpdate update = read_now(
      reader, request_for({FigurePart::deadlines, FigurePart::access, FigurePart::references}));
  REQUIRE_FALSE(update.error);
  CHECK(update.parts.read ==
        std::set{FigurePart::deadlines, FigurePart::access, FigurePart::references});
  CHECK(update.stamps.size() == 3);
  REQUIRE(update.parts.figures.deadlines);
  REQUIRE(update.parts.figures.access);
  CHECK_FALSE(update.parts.figures.media);
  CHECK_FALSE(update.parts.database_empty);
  CHECK(update.parts.references.by_table.at("people").size() > 100);
  CHECK(update.read_ms > 0);
}

TEST_CASE("a colleague's document save reads the documents' parts again, not the access figures") {
  testing::TempDir dir;
  std::string target = demo_city(dir);
  FigureReader reader(target, nullptr);
  std::set<FigurePart> shown{FigurePart::overview, FigurePart::deadlines, FigurePart::access,
                             FigurePart::references};
  FigureUpdate first = read_now(reader, request_for(shown));
  REQUIRE_FALSE(first.error);

  // Nothing changed: nothing is read, and what is shown stays.
  FigureUpdate again = read_now(reader, request_for(shown, first.stamps));
  CHECK(again.parts.read.empty());

  db::Database colleague = db::Database::open(target, db::OpenMode::existing);
  colleague.exec(
      "UPDATE documents SET answered_on = registered_on WHERE id = (SELECT min(id) FROM "
      "documents WHERE answered_on IS NULL)");
  FigureRequest after = request_for(shown, first.stamps);
  // On a server the window's connection heard the notice that named the table.
  if (testing::on_postgres()) after.heard_tables = {"documents"};
  FigureUpdate update = read_now(reader, std::move(after));
  REQUIRE_FALSE(update.error);
  CHECK(update.parts.read == std::set{FigurePart::overview, FigurePart::deadlines});
  REQUIRE(update.parts.figures.deadlines);
  CHECK_FALSE(update.parts.figures.access);

  // A choice on screen reads its own part again; a new day every part.
  FigureRequest other_unit = request_for(shown, first.stamps);
  for (auto& [part, stamp] : update.stamps) other_unit.held[part] = stamp;
  other_unit.context.options.access_unit = 2;
  // On a server the reader may hear the document save's own notice only now, and read its parts
  // once more: more than needed, never less.
  std::set<FigurePart> unit_read = read_now(reader, other_unit).parts.read;
  CHECK(unit_read.contains(FigurePart::access));
  if (!testing::on_postgres()) CHECK(unit_read == std::set{FigurePart::access});
  CHECK_FALSE(unit_read.contains(FigurePart::references));
  FigureRequest next_day = other_unit;
  next_day.context.options = {};
  next_day.context.now = DateTime::end_of(today.plus_days(1));
  CHECK(read_now(reader, next_day).parts.read == shown);
}

TEST_CASE("a read that fails hands over why, and no figures") {
  testing::TempDir dir;
  std::string target = demo_city(dir);
  FigureReader reader(target, nullptr);
  db::Database colleague = db::Database::open(target, db::OpenMode::existing);
  colleague.exec("DROP TABLE restore_tests");
  FigureUpdate update = read_now(reader, request_for({FigurePart::media, FigurePart::incidents}));
  REQUIRE(update.error);
  CHECK(std::string(update.error->what()).find("restore_tests") != std::string::npos);
  CHECK(update.parts.read.empty());
  CHECK(update.stamps.empty());
}

TEST_CASE(
    "what a request asks to prepare is done on the reader's thread, which gives way to the "
    "window") {
  testing::TempDir dir;
  std::string target = demo_city(dir);
  FigureReader reader(target, nullptr);
  std::optional<std::thread::id> prepared_on;
  std::set<FigurePart> prepared_parts;
  int policy = -1;
  auto asking_to_prepare = [&](std::set<FigurePart> wanted) {
    FigureRequest request = request_for(std::move(wanted));
    request.prepare = [&](db::FigureParts& parts) {
      prepared_on = std::this_thread::get_id();
      policy = sched_getscheduler(0);
      prepared_parts = parts.read;
      if (parts.figures.plan) parts.figures.plan->coming.clear();  // handed over as prepared
    };
    return request;
  };
  FigureUpdate update = read_now(reader, asking_to_prepare({FigurePart::plan}));
  REQUIRE_FALSE(update.error);
  REQUIRE(prepared_on);
  CHECK(*prepared_on != std::this_thread::get_id());
  CHECK(policy == SCHED_BATCH);  // it gives way to the window's thread
  CHECK(prepared_parts == std::set{FigurePart::plan});
  CHECK(update.parts.figures.plan->coming.empty());
  CHECK_FALSE(read_now(reader, request_for({FigurePart::plan})).parts.figures.plan->coming.empty());

  // A read that fails hands over no figures, and nothing is prepared.
  prepared_on.reset();
  db::Database colleague = db::Database::open(target, db::OpenMode::existing);
  colleague.exec("DROP TABLE restore_tests");
  FigureUpdate failed =
      read_now(reader, asking_to_prepare({FigurePart::media, FigurePart::incidents}));
  CHECK(failed.error);
  CHECK_FALSE(prepared_on);
}

TEST_CASE("what a read prepares is not what the reader keeps for its next read") {
  testing::TempDir dir;
  FigureReader reader(demo_city(dir), nullptr);
  FigureRequest first = request_for({FigurePart::access});
  first.prepare = [](db::FigureParts& parts) {
    parts.figures.access->leaver_widths.set(0, nullptr, 16, 123);
  };
  FigureUpdate prepared = read_now(reader, std::move(first));
  REQUIRE(prepared.parts.figures.access);
  CHECK(prepared.parts.figures.access->leaver_widths.get(0, nullptr, 16, [] { return 0.0f; }) ==
        123);
  // Read again, from what it kept of the campaign: widths measured for those figures are not
  // carried into these.
  FigureRequest again = request_for({FigurePart::access});
  again.forced = again.wanted;
  FigureUpdate next = read_now(reader, std::move(again));
  REQUIRE(next.parts.figures.access);
  CHECK(next.parts.figures.access->leaver_widths.get(0, nullptr, 16, [] { return 0.0f; }) == 0);
}

TEST_CASE("a request that waits is replaced by a newer one, keeping what it asked to force") {
  testing::TempDir dir;
  FigureReader reader(demo_city(dir), nullptr);
  FigureRequest forced = request_for({FigurePart::plan});
  forced.forced = {FigurePart::plan};
  reader.ask(forced);
  std::uint64_t newest = reader.ask(request_for({FigurePart::plan, FigurePart::media}));
  reader.wait();
  std::optional<FigureUpdate> update = reader.take();
  REQUIRE(update);
  // Either the first read was done before the second was asked and absorbed by it, or it was
  // replaced: in both, the newest update holds every part asked for.
  CHECK(update->request == newest);
  CHECK(update->parts.read == std::set{FigurePart::plan, FigurePart::media});
  CHECK_FALSE(reader.take());
}

TEST_CASE("a database no other connection can see is read on the caller's thread", "[sqlite]") {
  db::Database memory = db::Database::open_in_memory();
  db::write_demo_data(memory, DemoOptions{1, 1, 1, today});
  FigureReader reader(memory);
  CHECK_FALSE(reader.on_own_thread());
  reader.ask(request_for({FigurePart::media}));
  std::optional<FigureUpdate> update = reader.take();  // ready at once
  REQUIRE(update);
  CHECK(update->parts.figures.media);
}

TEST_CASE("a reader on the caller's connection reads nothing once stopped", "[sqlite]") {
  db::Database memory = db::Database::open_in_memory();
  db::write_demo_data(memory, DemoOptions{1, 1, 1, today});
  FigureReader reader(memory);
  bool prepared = false;
  FigureRequest request = request_for({FigurePart::media});
  request.prepare = [&](db::FigureParts&) { prepared = true; };
  reader.stop();
  reader.ask(std::move(request));
  reader.wait();  // returns: nothing is coming
  CHECK_FALSE(reader.take());
  CHECK_FALSE(prepared);
}
