#include "reading/figure_reader.h"

#include "reading/background_work.h"

namespace raekoda::reading {
namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// Parts an update not yet taken brought, moved into the newer one that read them not again: a
// read is never lost because the window had not looked yet.
void absorb(FigureUpdate& newer, FigureUpdate& older) {
  db::FigureParts& to = newer.parts;
  db::FigureParts& from = older.parts;
  for (FigurePart part : from.read) {
    if (to.read.contains(part)) continue;
    switch (part) {
      case FigurePart::overview:
        to.figures.overview = std::move(from.figures.overview);
        break;
      case FigurePart::media:
        to.figures.media = std::move(from.figures.media);
        break;
      case FigurePart::deadlines:
        to.figures.deadlines = std::move(from.figures.deadlines);
        break;
      case FigurePart::plan:
        to.figures.plan = std::move(from.figures.plan);
        break;
      case FigurePart::incidents:
        to.figures.incidents = std::move(from.figures.incidents);
        break;
      case FigurePart::access:
        to.figures.access = std::move(from.figures.access);
        break;
      case FigurePart::references:
        to.references = std::move(from.references);
        to.document_types = std::move(from.document_types);
        break;
      case FigurePart::validation:
        to.validation = std::move(from.validation);
        break;
    }
    to.read.insert(part);
    newer.stamps[part] = std::move(older.stamps[part]);
  }
}

}  // namespace

FigureReader::FigureReader(std::string target, std::function<void()> woken)
    : target_(std::move(target)), woken_(std::move(woken)) {
  thread_ = std::thread([this] { run(); });
}

FigureReader::FigureReader(db::Database& db) : caller_db_(&db) {}

FigureReader::~FigureReader() {
  stop();
}

void FigureReader::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    // A read waiting for a colleague's long save would hold the window's close up.
    if (reading_db_) reading_db_->interrupt();
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t FigureReader::ask(FigureRequest request) {
  std::uint64_t serial = 0;
  bool read_here = false;
  {
    std::lock_guard lock(mutex_);
    serial = ++asked_;
    if (waiting_) {
      // The request it replaces may have named what must be read again: kept in the newer.
      FigureRequest& replaced = waiting_->second;
      request.forced.insert(replaced.forced.begin(), replaced.forced.end());
      request.heard_tables.insert(request.heard_tables.end(), replaced.heard_tables.begin(),
                                  replaced.heard_tables.end());
    }
    if (!caller_db_) waiting_.emplace(serial, std::move(request));
    read_here = caller_db_ && !stopping_;
  }
  if (read_here) {
    hand_over(read(*caller_db_, request, serial));
    return serial;
  }
  changed_.notify_all();
  return serial;
}

std::optional<FigureUpdate> FigureReader::take() {
  std::lock_guard lock(mutex_);
  if (!ready_) return std::nullopt;
  std::optional<FigureUpdate> update = std::move(ready_);
  ready_.reset();
  taken_ = update->request;
  return update;
}

bool FigureReader::reading() const {
  std::lock_guard lock(mutex_);
  return taken_ < asked_;
}

void FigureReader::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(
      lock, [&] { return stopping_ || taken_ == asked_ || (ready_ && ready_->request == asked_); });
}

FigureUpdate FigureReader::read(db::Database& db, const FigureRequest& request,
                                std::uint64_t serial) {
  auto start = std::chrono::steady_clock::now();
  FigureUpdate update;
  update.request = serial;
  update.context = request.context;
  try {
    db.set_viewer(request.viewer);
    // The versions are read before the figures: a commit between the two is read now and
    // counted as a change next time, never the other way round.
    db::TableVersions versions = db.table_versions();
    update.parts.database_empty = db.is_empty();
    for (FigurePart part : request.wanted) {
      auto held = request.held.find(part);
      if (!request.forced.contains(part) && held != request.held.end() &&
          still_current(part, held->second, versions, request.context, request.heard_tables))
        continue;
      if (db.backend() == db::Backend::postgresql)
        db::forget_kept(memory_, part, request.forced.contains(part), request.heard_tables);
      db::read_figure_part(db, part, request.context.now, request.context.options, update.parts,
                           memory_);
      update.stamps.emplace(part, stamp_of(part, versions, request.context));
    }
    if (request.prepare) request.prepare(update.parts);
  } catch (const db::DatabaseError& error) {
    update.parts = {};
    update.stamps.clear();
    update.error = error;
  }
  update.read_ms = milliseconds_since(start);
  return update;
}

void FigureReader::run() {
  give_way_to_the_window();
  std::optional<db::Database> db;
  while (true) {
    std::pair<std::uint64_t, FigureRequest> next;
    std::vector<FigureUpdate> to_free;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || waiting_.has_value() || !discarded_.empty(); });
      if (stopping_) {
        reading_db_ = nullptr;
        return;
      }
      to_free.swap(discarded_);
      if (!waiting_) continue;  // to_free goes here, outside the lock
      next = std::move(*waiting_);
      waiting_.reset();
    }
    to_free.clear();
    FigureUpdate update;
    try {
      // Opened here, at the first read, so that the window never waits for a connection either;
      // a connection that failed to open is tried again at the next request.
      if (!db) {
        db.emplace(db::Database::open(target_, db::OpenMode::reader));
        // Waiting for a colleague's long save (an import) blocks no frame here: the window
        // shows the last figures and says newer ones are coming until it commits.
        db->set_busy_timeout(busy_timeout_ms);
        std::lock_guard lock(mutex_);
        reading_db_ = &*db;
      }
      update = read(*db, next.second, next.first);
    } catch (const db::DatabaseError& error) {
      update.request = next.first;
      update.context = next.second.context;
      update.error = error;
    }
    hand_over(std::move(update));
    if (woken_) woken_();
  }
}

void FigureReader::discard(FigureUpdate used) {
  if (!on_own_thread()) return;  // freed here, as it would be anyway
  {
    std::lock_guard lock(mutex_);
    discarded_.push_back(std::move(used));
  }
  changed_.notify_all();
}

void FigureReader::hand_over(FigureUpdate update) {
  // An update the window had not taken yet is freed here, after the lock: its figures may be a
  // campaign's tens of thousands of rows, and the window takes the same lock to ask and to take.
  std::optional<FigureUpdate> replaced;
  {
    std::lock_guard lock(mutex_);
    if (ready_) absorb(update, *ready_);
    replaced.swap(ready_);
    ready_ = std::move(update);
  }
  changed_.notify_all();
}

}  // namespace raekoda::reading
