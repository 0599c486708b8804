#include "db/status_order.h"

#include <algorithm>
#include <functional>
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

// [SECTION] Working time on PostgreSQL

// A server runs no C++ of ours, so each session gets the functions as SQL of its own, in its
// temporary schema (another session may count by another calendar), with the calendar's days
// off written in: working days are the weekdays, counted by arithmetic, less the weekdays off,
// counted by a binary search (width_bucket) in a sorted array of them. Being plain expressions
// over constants, the planner inlines them into the query, which a lookup in a table would not
// allow: a call costs what an expression does. The days off are those of 1900–2199; outside
// that span only weekends are days off.
const Date postgres_first_day = *Date::from_ymd(1900, 1, 1);
const Date postgres_last_day = *Date::from_ymd(2199, 12, 31);
// The days are numbered from a Monday before any date a record can hold.
const Date postgres_day_zero = *Date::from_ymd(1, 1, 1);

// {names} are filled in by postgres_functions(). The text ones return NULL for text that is no
// date or moment, as SQLite's do, where a cast would fail the whole statement.
constexpr std::string_view postgres_working_time_functions = R"sql(
CREATE OR REPLACE FUNCTION pg_temp.weekdays_off_through(day integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT width_bucket($1, '{days_off}'::integer[])
  $$;
CREATE OR REPLACE FUNCTION pg_temp.is_working_day(day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ($1 - DATE '{day_zero}') % 7 < 5
           AND pg_temp.weekdays_off_through($1 - DATE '{day_zero}')
             = pg_temp.weekdays_off_through($1 - DATE '{day_zero}' - 1)
  $$;
CREATE OR REPLACE FUNCTION pg_temp.working_days_through(day date) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 5 * (($1 - DATE '{day_zero}' + 1) / 7) + least(($1 - DATE '{day_zero}' + 1) % 7, 5)
           - pg_temp.weekdays_off_through($1 - DATE '{day_zero}') - {origin}
  $$;
CREATE OR REPLACE FUNCTION pg_temp.minute_of_day(moment timestamp) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT date_part('hour', $1)::integer * 60 + date_part('minute', $1)::integer
  $$;
CREATE OR REPLACE FUNCTION pg_temp.working_minute(moment timestamp) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT pg_temp.working_days_through($1::date)::bigint * {minutes}
           - CASE WHEN pg_temp.is_working_day($1::date)
               THEN {minutes} - least(greatest(pg_temp.minute_of_day($1) - {start}, 0), {minutes})
               ELSE 0 END
  $$;
CREATE OR REPLACE FUNCTION pg_temp.working_moment(moment timestamp) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT pg_temp.working_minute($1)::double precision
           + CASE WHEN pg_temp.is_working_day($1::date)
                       AND pg_temp.minute_of_day($1) > {start}
                       AND pg_temp.minute_of_day($1) <= {end}
             THEN 0.0 ELSE 0.5 END::double precision
  $$;
CREATE OR REPLACE FUNCTION pg_temp.working_days_through(day text) RETURNS integer
  LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
      IF day !~ '^\d{4}-\d\d-\d\d$' THEN RETURN NULL; END IF;
      RETURN pg_temp.working_days_through(day::date);
    EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN RETURN NULL;
    END
  $$;
CREATE OR REPLACE FUNCTION pg_temp.working_minute(moment text) RETURNS bigint
  LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
      IF moment !~ '^\d{4}-\d\d-\d\d \d\d:\d\d$' THEN RETURN NULL; END IF;
      RETURN pg_temp.working_minute(moment::timestamp);
    EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN RETURN NULL;
    END
  $$;
CREATE OR REPLACE FUNCTION pg_temp.working_moment(moment text) RETURNS double precision
  LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
      IF moment !~ '^\d{4}-\d\d-\d\d \d\d:\d\d$' THEN RETURN NULL; END IF;
      RETURN pg_temp.working_moment(moment::timestamp);
    EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN RETURN NULL;
    END
  $$;
)sql";

// Monday to Friday in [postgres_day_zero, postgres_day_zero + number], as the SQL counts them.
std::int64_t weekdays_through(std::int64_t number) {
  return 5 * ((number + 1) / 7) + std::min<std::int64_t>((number + 1) % 7, 5);
}

// The functions for `counts`' calendar: the weekdays off by their number, and the count that
// makes working_days_through() the same as WorkingDayCounts::through() on either backend.
std::string postgres_functions(const WorkingDayCounts& counts) {
  std::string days_off;
  Date origin_day = *Date::from_ymd(1989, 12, 31);  // through() is 0 there
  std::int64_t off_through_origin = 0;
  for (Date day = postgres_first_day; day <= postgres_last_day; day = day.plus_days(1)) {
    if (day.is_weekend() || counts.calendar().is_working_day(day)) continue;
    days_off += (days_off.empty() ? "" : ",") + std::to_string(postgres_day_zero.days_until(day));
    if (day <= origin_day) ++off_through_origin;
  }
  std::int64_t origin = weekdays_through(postgres_day_zero.days_until(origin_day)) -
                        off_through_origin - counts.through(origin_day);
  std::string sql(postgres_working_time_functions);
  for (auto [name, value] : {std::pair{"{days_off}", "{" + days_off + "}"},
                             std::pair{"{day_zero}", postgres_day_zero.iso()},
                             std::pair{"{origin}", std::to_string(origin)},
                             std::pair{"{start}", std::to_string(working_day_start)},
                             std::pair{"{end}", std::to_string(working_day_end)},
                             std::pair{"{minutes}", std::to_string(working_day_minutes)}})
    for (std::size_t at = sql.find(name); at != std::string::npos; at = sql.find(name, at))
      sql.replace(at, std::string_view(name).size(), value);
  return sql;
}

// Gives this session the functions for `counts`, unless it has them already: a session setting
// names the ones it holds, and is rolled back with them should the transaction fail.
void register_working_time_postgres(Database& db, const WorkingDayCounts& counts) {
  std::string functions = postgres_functions(counts);
  std::string held = std::to_string(std::hash<std::string>{}(functions));
  Statement current = db.prepare("SELECT current_setting('raekoda.working_time', true)");
  if (current.step() && !current.is_null(0) && current.text(0) == held) return;
  db.exec(functions);
  db.prepare("SELECT set_config('raekoda.working_time', ?, false)").bind_all(held).run();
}

// [SECTION] Each table's status, as an order

// Dates and moments made by Date::iso() and DateTime::iso(): digits, '-', ':' and a space.
std::string literal(const std::string& iso) {
  return "'" + iso + "'";
}

// document_status_of(): overdue, then open by the working days left (due today and due soon
// first), then answered late by the most working days, then answered on time.
StatusOrder documents_order(const ValidationContext& context, const std::string& functions) {
  std::string today = literal(context.today.iso());
  std::string due = functions + "working_days_through(effective_due_on)";
  std::string rank =
      "CASE WHEN effective_due_on IS NULL THEN 9 WHEN answered_on IS NOT NULL AND "
      "answered_on <= " +
      today + " THEN (CASE WHEN answered_on <= effective_due_on THEN 3 ELSE 2 END) WHEN " + today +
      " > effective_due_on THEN 0 ELSE 1 END";
  std::string magnitude = "CASE " + rank + " WHEN 0 THEN " + due + " WHEN 1 THEN " + due +
                          " WHEN 2 THEN " + due + " - " + functions +
                          "working_days_through(answered_on) ELSE 0 END";
  return {{"(effective_due_on IS NULL)", rank, magnitude}};
}

// incident_status_of(): over its target by the most working time, then due soonest, then
// resolved late by the most, then resolved in time. The due moment is `target` working minutes
// after the opening (add_working_minutes()), so its count is the opening's count plus the target.
// The count of `now` is the same for every row: it is counted here.
StatusOrder incidents_order(const ValidationContext& context, const std::string& functions,
                            const WorkingDayCounts& counts) {
  std::string due = "(" + functions + "working_minute(opened_at) + CASE severity";
  for (std::size_t i = 0; i < Severity_count; ++i)
    due += " WHEN '" + std::string(key_of(static_cast<Severity>(i))) + "' THEN " +
           std::to_string(context.incident_target_minutes[i]);
  due += " END)";
  std::string resolved = functions + "working_moment(resolved_at)";
  std::int64_t now_minute = counts.working_minute(context.now);
  bool past_now_minute = counts.working_moment(context.now) > static_cast<double>(now_minute);
  std::string now = "(" + std::to_string(now_minute) + (past_now_minute ? " + 0.5)" : ")");
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
  std::string today = literal(context.today.iso());
  std::string left = "(SELECT left_on FROM people WHERE people.id = accounts.person_id)";
  std::string rank = "CASE WHEN revoked_on IS NOT NULL THEN 2 WHEN " + left + " <= " + today +
                     " THEN 0 ELSE 1 END";
  // The active all tie; a date, as in the other branches, for a server that types the CASE.
  std::string magnitude =
      "CASE " + rank + " WHEN 0 THEN " + left + " WHEN 2 THEN revoked_on ELSE " + today + " END";
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
  auto days_to = [&](const std::string& column) {
    return "days_between(" + today + ", " + column + ")";
  };
  std::string magnitude = "CASE " + rank + " WHEN 0 THEN " + days_to("ends_on") + " WHEN 1 THEN " +
                          days_to("ends_on") + " WHEN 2 THEN " + days_to("planned_on") +
                          " WHEN 4 THEN days_between(done_on, ends_on) ELSE 0 END";
  return {{"(planned_on IS NULL)", rank, magnitude}};
}

}  // namespace

namespace {

void install_working_time(Database& db, std::unique_ptr<const WorkingDayCounts> counts) {
  if (db.backend() == Backend::postgresql) return register_working_time_postgres(db, *counts);
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

}  // namespace

std::string working_time_prefix(const Database& db) {
  // PostgreSQL looks up a function in the session's temporary schema only when it is named.
  return db.backend() == Backend::postgresql ? "pg_temp." : "";
}

void register_working_time(Database& db, const WorkingCalendar& calendar) {
  install_working_time(db, std::make_unique<const WorkingDayCounts>(calendar));
}

std::optional<StatusOrder> status_order(Database& db, const TableSpec& spec,
                                        const ValidationContext& context) {
  if (!spec.status) return std::nullopt;
  auto counts = std::make_unique<const WorkingDayCounts>(context.calendar);
  std::string functions = working_time_prefix(db);
  StatusOrder order;
  if (spec.table == "documents")
    order = documents_order(context, functions);
  else if (spec.table == "incidents")
    order = incidents_order(context, functions, *counts);
  else if (spec.table == "accounts")
    order = accounts_order(context);
  else if (spec.table == "comm_activities")
    order = activities_order(context);
  else
    throw std::logic_error("no status order for " + std::string(spec.table));
  install_working_time(db, std::move(counts));
  return order;
}

}  // namespace raekoda::db
