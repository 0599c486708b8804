#pragma once
// Reads the dashboard's figures off the window's thread, through a connection of its own, so that
// no frame waits for a query. The window asks for the parts it shows; the reader re-reads only
// those whose tables changed since they were read (part_stamps.h) and hands the finished parts
// over whole, to be swapped in between frames.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "db/figure_parts.h"
#include "reading/part_stamps.h"

namespace raekoda::reading {

struct FigureRequest {
  ReadContext context;
  Viewer viewer;  // whose view of personal data the queries give
  std::set<FigurePart> wanted;
  std::set<FigurePart> forced;  // read again whatever their stamps say (the window's own save)
  PartStamps held;              // what the window shows now
  std::vector<std::string> heard_tables;  // named by a server's notices since the last request
  // Done to the parts of a read that succeeded, on the reader's thread before the hand-over:
  // what the views would otherwise work out in the frame the figures arrive in.
  std::function<void(db::FigureParts&)> prepare;
};

struct FigureUpdate {
  std::uint64_t request = 0;  // the serial ask() gave the request
  ReadContext context;
  db::FigureParts parts;  // the parts read; the wanted ones left out were still current
  PartStamps stamps;      // of the parts read
  // Why the read failed; then nothing is in `parts`, and the window keeps what it shows.
  std::optional<db::DatabaseError> error;
  double read_ms = 0;  // from the start of the read to the hand-over
};

class FigureReader {
public:
  // Reads on a thread of its own, through a read-only connection to `target` opened there.
  // `woken` is called from that thread whenever an update is ready (the window's event loop
  // wakes on it).
  FigureReader(std::string target, std::function<void()> woken);
  // Reads through `db` on the caller's thread, within ask(): for a database no other connection
  // can see (in memory, or inside a transaction never committed, as the benchmark's copy on a
  // server).
  explicit FigureReader(db::Database& db);
  ~FigureReader();  // stop()
  FigureReader(const FigureReader&) = delete;
  FigureReader& operator=(const FigureReader&) = delete;

  // Asks for a read and returns its serial. A request still waiting is replaced: only the
  // newest matters.
  std::uint64_t ask(FigureRequest request);
  // The newest finished update, if one is there; never waits.
  std::optional<FigureUpdate> take();
  // Gives back a taken update that now holds the figures it replaced, to be freed on the
  // reader's thread: freeing a campaign's tens of thousands of rows is no work for a frame.
  void discard(FigureUpdate used);
  // True from ask() until the update of the newest request has been taken.
  bool reading() const;
  // Waits until the newest request's update is ready to take; for commands and tests that
  // need the figures before they go on.
  void wait();
  bool on_own_thread() const { return thread_.joinable(); }
  // Lets a read in progress finish (a statement waiting for a colleague's save is interrupted),
  // then ends the thread; what is asked after it is never read.
  void stop();
  static constexpr int busy_timeout_ms = 60000;

private:
  FigureUpdate read(db::Database& db, const FigureRequest& request, std::uint64_t serial);
  void run();
  void hand_over(FigureUpdate update);

  std::string target_;
  std::function<void()> woken_;
  db::Database* caller_db_ = nullptr;
  db::Database* reading_db_ = nullptr;  // the thread's connection, while open
  db::ReaderMemory memory_;             // of that connection's reads, used by the reading thread

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<std::pair<std::uint64_t, FigureRequest>> waiting_;
  std::optional<FigureUpdate> ready_;
  std::vector<FigureUpdate> discarded_;
  std::uint64_t asked_ = 0;  // the serial of the newest request
  std::uint64_t taken_ = 0;  // the serial of the newest update taken
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace raekoda::reading
