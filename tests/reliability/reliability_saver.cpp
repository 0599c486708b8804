// The colleague's program of the reliability suite: saves records of a shared file through the
// db library, as the dashboard does, or holds the file locked.
//   reliability_saver init FILE ROWS             a file with ROWS documents, title and sender "0"
//   reliability_saver count FILE SAVES MODE ROWS SEED
//       adds 1 to the counter in a document's title SAVES times, round the rows. MODE
//       "versioned": db::update_record, re-reading and retrying on a conflict; "raw": the control,
//       an UPDATE of the value read earlier without the version check, as a careless program would
//   reliability_saver loop FILE ROWS            saves for ever (title and sender to one new value
//       each time: two audit rows per save), to be killed with SIGKILL at a random moment
//   reliability_saver hold FILE MILLISECONDS    BEGIN EXCLUSIVE, says "held", waits, commits

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <thread>

#include <sqlite3.h>

#include "db/database.h"
#include "db/record_store.h"

using namespace raekoda;

namespace {

int init(const std::string& file, int rows) {
  db::Database db = db::Database::open(file, db::OpenMode::create_if_missing);
  db.exec("BEGIN");
  db.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  db.exec(
      "INSERT INTO people (id, full_name, unit_id, joined_on) VALUES (1, 'Õie Mägi', 1, "
      "'2020-01-01')");
  auto insert = db.prepare(
      "INSERT INTO documents (id, reg_number, doc_type, direction, registered_on, title, sender, "
      "due_on) VALUES (?, ?, 'information_request', 'incoming', '2026-11-16', '0', '0', "
      "'2026-11-23')");
  for (int id = 1; id <= rows; ++id) insert.bind_all(id, "7-1/2026-" + std::to_string(id)).run();
  db.exec("COMMIT");
  return 0;
}

const db::Author author() {
  return {"saver-" + std::to_string(getpid()), "2026-11-22 10:15:00"};
}

int count(const std::string& file, long saves, const std::string& mode, int rows, unsigned seed) {
  db::Database db = db::Database::open(file, db::OpenMode::existing);
  std::mt19937 random(seed);
  long conflicts = 0;
  long busy = 0;
  for (long done = 0; done < saves;) {
    // Every process goes round the rows in the same order: they meet on the same row.
    const Id id = 1 + static_cast<Id>(done % rows);
    try {
      if (mode == "raw") {
        // The read ends before the write, as a program that shows a value and saves it later.
        const long counter = [&] {
          auto read = db.prepare("SELECT title FROM documents WHERE id = ?");
          read.bind_all(id);
          read.step();
          return std::stol(read.text(0));
        }();
        // A user's think time between reading and saving, where a colleague's save slips in.
        std::this_thread::sleep_for(std::chrono::microseconds(500 + random() % 1500));
        db.prepare("UPDATE documents SET title = ? WHERE id = ?")
            .bind_all(std::to_string(counter + 1), id)
            .run();
        ++done;
        continue;
      }
      Record original = *db::load_record(db, documents_spec(), id);
      Record edited = original;
      edited.set("title", std::to_string(std::stol(*original.value("title")) + 1));
      std::this_thread::sleep_for(std::chrono::microseconds(500 + random() % 1500));
      auto result = db::update_record(db, documents_spec(), original, edited, author());
      if (result.status == db::SaveStatus::saved) {
        ++done;
      } else if (result.status == db::SaveStatus::conflict) {
        ++conflicts;  // re-read and try again, as the editor's merge would
      } else {
        std::cerr << "unexpected save status\n";
        return 3;
      }
    } catch (const db::DatabaseError& error) {
      if (error.kind() != db::ErrorKind::busy) {
        std::cerr << "save failed: " << error.what() << "\n";
        return 4;
      }
      ++busy;
    }
  }
  std::cout << "done saves=" << saves << " conflicts=" << conflicts << " busy=" << busy
            << std::endl;
  return 0;
}

int loop(const std::string& file, int rows) {
  db::Database db = db::Database::open(file, db::OpenMode::existing);
  std::cout << "ready" << std::endl;
  for (long n = 0;; ++n) {
    const Id id = 1 + n % rows;
    try {
      Record original = *db::load_record(db, documents_spec(), id);
      Record edited = original;
      const std::string next = std::to_string(std::stol(*original.value("title")) + 1);
      edited.set("title", next);
      edited.set("sender", next);
      db::update_record(db, documents_spec(), original, edited, author());
    } catch (const db::DatabaseError&) {
    }
  }
}

int hold(const std::string& file, int milliseconds) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) return 5;
  if (sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK) return 6;
  std::cout << "held" << std::endl;
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  int code = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::cout << "released" << std::endl;
  return code == SQLITE_OK ? 0 : 7;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 2 ? argv[1] : "";
  try {
    if (what == "init" && argc == 4) return init(argv[2], std::atoi(argv[3]));
    if (what == "count" && argc == 7)
      return count(argv[2], std::atol(argv[3]), argv[4], std::atoi(argv[5]),
                   static_cast<unsigned>(std::atol(argv[6])));
    if (what == "loop" && argc == 4) return loop(argv[2], std::atoi(argv[3]));
    if (what == "hold" && argc == 4) return hold(argv[2], std::atoi(argv[3]));
  } catch (const std::exception& error) {
    std::cerr << "reliability_saver: " << error.what() << "\n";
    return 1;
  }
  std::cerr << "usage: reliability_saver init|count|loop|hold FILE ...\n";
  return 2;
}
