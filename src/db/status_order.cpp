#include "db/status_order.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <sqlite3.h>

#include "core/working_hours.h"
#include "db/database.h"

namespace raekoda::db {
namespace {

// [SECTION] Working time in SQL

// Working days counted from a fixed day, looked up in a table for the years records fall in and
// counted by the calendar outside them, so that a sort over a million rows stays a lookup.
class WorkingDayCounts {
public:
  explicit WorkingDayCounts(WorkingCalendar calendar) : calendar_(std::move(calendar)) {
    std::size_t days = static_cast<std::size_t>(first_.days_until(last_) + 1);
    through_.reserve(days);
    std::int64_t count = 0;
    for (Date day = first_; day <= last_; day = day.plus_days(1)) {
      if (calendar_.is_working_day(day)) ++count;
      through_.push_back(static_cast<std::int32_t>(count));
    }
  }

  const WorkingCalendar& calendar() const { return calendar_; }

  // Working days in (first_ - 1, day]; negative before first_.
  std::int64_t through(Date day) const {
    if (day < first_) return -calendar_.working_days_between(day, first_.plus_days(-1));
    if (day > last_) return through_.back() + calendar_.working_days_between(last_, day);
    return through_[static_cast<std::size_t>(first_.days_until(day))];
  }

  // working_minute(), and a half more when `moment` is later than the first moment with that
  // count: after 17:00, before 8:00 or on a day off. A due moment (add_working_minutes()) is
  // always the first one, so comparing with it compares moments as core's status does.
  double working_moment(DateTime moment) const {
    bool working = calendar_.is_working_day(moment.date);
    int minute = moment.minute_of_day;
    bool first = working && minute > working_day_start && minute <= working_day_end;
    return static_cast<double>(working_minute(moment)) + (first ? 0.0 : 0.5);
  }

  std::int64_t working_minute(DateTime moment) const {
    bool working = calendar_.is_working_day(moment.date);
    std::int64_t days_before = through(moment.date) - (working ? 1 : 0);
    int into_day =
        working ? std::clamp(moment.minute_of_day - working_day_start, 0, working_day_minutes) : 0;
    return days_before * working_day_minutes + into_day;
  }

private:
  WorkingCalendar calendar_;
  Date first_ = *Date::from_ymd(1990, 1, 1);
  Date last_ = *Date::from_ymd(2099, 12, 31);
  std::vector<std::int32_t> through_;
};

// The counts a connection's working-time functions use. SQLite refuses to redefine a function
// while a statement runs, so each connection registers them once and later orders only swap
// the counts, which follow the calendar of the day.
struct WorkingTime {
  std::unique_ptr<const WorkingDayCounts> counts;
};

std::mutex registry_mutex;  // connections of import workers register from their own threads
std::map<sqlite3*, WorkingTime*> registry;

void forget_connection(void* data) {
  std::lock_guard lock(registry_mutex);
  for (auto entry = registry.begin(); entry != registry.end();)
    entry = entry->second == data ? registry.erase(entry) : std::next(entry);
  delete static_cast<WorkingTime*>(data);
}

const WorkingDayCounts& counts_of(sqlite3_context* context) {
  return *static_cast<WorkingTime*>(sqlite3_user_data(context))->counts;
}

std::optional<std::string_view> text_argument(sqlite3_value* value) {
  if (sqlite3_value_type(value) == SQLITE_NULL) return std::nullopt;
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
  return std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

void working_days_through(sqlite3_context* context, int, sqlite3_value** arguments) {
  auto text = text_argument(arguments[0]);
  auto day = text ? Date::parse_iso(*text) : std::nullopt;
  if (!day) return sqlite3_result_null(context);
  sqlite3_result_int64(context, counts_of(context).through(*day));
}

void working_minute(sqlite3_context* context, int, sqlite3_value** arguments) {
  auto text = text_argument(arguments[0]);
  auto moment = text ? DateTime::parse_iso(*text) : std::nullopt;
  if (!moment) return sqlite3_result_null(context);
  sqlite3_result_int64(context, counts_of(context).working_minute(*moment));
}

void working_moment(sqlite3_context* context, int, sqlite3_value** arguments) {
  auto text = text_argument(arguments[0]);
  auto moment = text ? DateTime::parse_iso(*text) : std::nullopt;
  if (!moment) return sqlite3_result_null(context);
  sqlite3_result_double(context, counts_of(context).working_moment(*moment));
}

// [SECTION] Each table's status, as an order

// Dates and moments made by Date::iso() and DateTime::iso(): digits, '-', ':' and a space.
std::string literal(const std::string& iso) {
  return "'" + iso + "'";
}

// document_status_of(): overdue, then open by the working days left (due today and due soon
// first), then answered late by the most working days, then answered on time.
StatusOrder documents_order(const ValidationContext& context) {
  std::string today = literal(context.today.iso());
  std::string rank =
      "CASE WHEN effective_due_on IS NULL THEN 9 WHEN answered_on IS NOT NULL AND "
      "answered_on <= " +
      today + " THEN (CASE WHEN answered_on <= effective_due_on THEN 3 ELSE 2 END) WHEN " + today +
      " > effective_due_on THEN 0 ELSE 1 END";
  std::string magnitude = "CASE " + rank +
                          " WHEN 0 THEN working_days_through(effective_due_on)"
                          " WHEN 1 THEN working_days_through(effective_due_on)"
                          " WHEN 2 THEN working_days_through(effective_due_on) -"
                          " working_days_through(answered_on) ELSE 0 END";
  return {{"(effective_due_on IS NULL)", rank, magnitude}};
}

// incident_status_of(): over its target by the most working time, then due soonest, then
// resolved late by the most, then resolved in time. The due moment is `target` working minutes
// after the opening (add_working_minutes()), so its count is the opening's count plus the target.
StatusOrder incidents_order(const ValidationContext& context) {
  std::string due = "(working_minute(opened_at) + CASE severity";
  for (std::size_t i = 0; i < Severity_count; ++i)
    due += " WHEN '" + std::string(key_of(static_cast<Severity>(i))) + "' THEN " +
           std::to_string(context.incident_target_minutes[i]);
  due += " END)";
  std::string resolved = "working_moment(resolved_at)";
  std::string now = "working_moment(" + literal(context.now.iso()) + ")";
  std::string rank = "CASE WHEN " + due + " IS NULL THEN 9 WHEN resolved_at IS NOT NULL THEN " +
                     "(CASE WHEN " + resolved + " <= " + due + " THEN 3 ELSE 2 END) WHEN " + now +
                     " > " + due + " THEN 0 ELSE 1 END";
  std::string magnitude =
      "CASE WHEN resolved_at IS NULL THEN " + due + " ELSE " + due + " - " + resolved + " END";
  return {{"(opened_at IS NULL)", rank, magnitude}};
}

// account_status_of(): the holder has left (longest ago first), then active, then closed (by the
// day it was closed).
StatusOrder accounts_order(const ValidationContext& context) {
  std::string left = "(SELECT left_on FROM people WHERE people.id = accounts.person_id)";
  std::string rank = "CASE WHEN revoked_on IS NOT NULL THEN 2 WHEN " + left +
                     " <= " + literal(context.today.iso()) + " THEN 0 ELSE 1 END";
  std::string magnitude =
      "CASE " + rank + " WHEN 0 THEN " + left + " WHEN 2 THEN revoked_on ELSE '' END";
  return {{"(person_id IS NULL)", rank, magnitude}};
}

// activity_status_of(): late (most days first), under way (ending soonest), coming (starting
// soonest), postponed, done late (most days first), done in time, cancelled.
StatusOrder activities_order(const ValidationContext& context) {
  std::string today = literal(context.today.iso());
  std::string rank =
      "CASE status WHEN 'cancelled' THEN 6 WHEN 'postponed' THEN 3 WHEN 'done' THEN "
      "(CASE WHEN done_on IS NOT NULL AND done_on > ends_on THEN 4 ELSE 5 END) ELSE "
      "(CASE WHEN ends_on < " +
      today + " THEN 0 WHEN planned_on > " + today + " THEN 2 ELSE 1 END) END";
  std::string magnitude = "CASE " + rank +
                          " WHEN 0 THEN julianday(ends_on) WHEN 1 THEN julianday(ends_on)"
                          " WHEN 2 THEN julianday(planned_on)"
                          " WHEN 4 THEN julianday(ends_on) - julianday(done_on) ELSE 0 END";
  return {{"(planned_on IS NULL)", rank, magnitude}};
}

}  // namespace

void register_working_time(Database& db, const WorkingCalendar& calendar) {
  auto counts = std::make_unique<const WorkingDayCounts>(calendar);
  {
    std::lock_guard lock(registry_mutex);
    if (auto known = registry.find(db.sqlite_handle()); known != registry.end()) {
      known->second->counts = std::move(counts);
      return;
    }
  }
  // A connection is used by one thread at a time: only the registry is shared. The first
  // function owns the counts, so that SQLite frees them when the connection closes, or at once
  // when it cannot register it.
  auto* time = new WorkingTime{std::move(counts)};
  struct Function {
    const char* name;
    int arguments;
    void (*call)(sqlite3_context*, int, sqlite3_value**);
    void (*destroy)(void*);
  };
  for (const Function& function :
       {Function{"working_days_through", 1, working_days_through, forget_connection},
        Function{"working_minute", 1, working_minute, nullptr},
        Function{"working_moment", 1, working_moment, nullptr}}) {
    int code = sqlite3_create_function_v2(db.sqlite_handle(), function.name, function.arguments,
                                          SQLITE_UTF8 | SQLITE_DETERMINISTIC, time, function.call,
                                          nullptr, nullptr, function.destroy);
    if (code != SQLITE_OK) throw DatabaseError(ErrorKind::other, sqlite3_errstr(code));
    if (function.destroy) {
      std::lock_guard lock(registry_mutex);
      registry.emplace(db.sqlite_handle(), time);
    }
  }
}

std::optional<StatusOrder> status_order(Database& db, const TableSpec& spec,
                                        const ValidationContext& context) {
  if (!spec.status) return std::nullopt;
  StatusOrder order;
  if (spec.table == "documents")
    order = documents_order(context);
  else if (spec.table == "incidents")
    order = incidents_order(context);
  else if (spec.table == "accounts")
    order = accounts_order(context);
  else if (spec.table == "comm_activities")
    order = activities_order(context);
  else
    throw std::logic_error("no status order for " + std::string(spec.table));
  register_working_time(db, context.calendar);
  return order;
}

}  // namespace raekoda::db
