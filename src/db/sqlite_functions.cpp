#include "db/sqlite_functions.h"

#include <string>
#include <string_view>

#include <sqlite3.h>

#include "core/collation.h"
#include "core/date.h"
#include "core/roles.h"
#include "core/text.h"

namespace raekoda::db {
namespace {

std::string_view text_of(sqlite3_value* value) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
  return std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

bool is_null(sqlite3_value* value) {
  return sqlite3_value_type(value) == SQLITE_NULL;
}

std::optional<Date> day_argument(sqlite3_value* value) {
  if (is_null(value)) return std::nullopt;
  return Date::parse_iso(text_of(value).substr(0, 10));
}

void prefix(sqlite3_context* context, sqlite3_value* value, std::size_t length) {
  if (is_null(value)) return sqlite3_result_null(context);
  std::string_view text = text_of(value).substr(0, length);
  sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void day_of(sqlite3_context* context, int, sqlite3_value** arguments) {
  prefix(context, arguments[0], 10);
}

void month_of(sqlite3_context* context, int, sqlite3_value** arguments) {
  prefix(context, arguments[0], 7);
}

void iso_weekday(sqlite3_context* context, int, sqlite3_value** arguments) {
  auto day = day_argument(arguments[0]);
  if (!day) return sqlite3_result_null(context);
  sqlite3_result_int(context, day->iso_weekday());
}

void hour_of(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (is_null(arguments[0])) return sqlite3_result_null(context);
  std::string_view moment = text_of(arguments[0]);
  if (moment.size() < 13) return sqlite3_result_null(context);
  sqlite3_result_int(context, (moment[11] - '0') * 10 + (moment[12] - '0'));
}

void days_between(sqlite3_context* context, int, sqlite3_value** arguments) {
  auto from = day_argument(arguments[0]);
  auto to = day_argument(arguments[1]);
  if (!from || !to) return sqlite3_result_null(context);
  sqlite3_result_int(context, from->days_until(*to));
}

// PostgreSQL's greatest() and least() skip NULLs; SQLite's two-argument max() and min() do not.
template <bool greater>
void extreme(sqlite3_context* context, int, sqlite3_value** arguments) {
  sqlite3_value* a = arguments[0];
  sqlite3_value* b = arguments[1];
  if (is_null(a)) return sqlite3_result_value(context, b);
  if (is_null(b)) return sqlite3_result_value(context, a);
  bool numeric =
      sqlite3_value_numeric_type(a) != SQLITE_TEXT && sqlite3_value_numeric_type(b) != SQLITE_TEXT;
  bool a_wins = numeric ? (greater ? sqlite3_value_double(a) >= sqlite3_value_double(b)
                                   : sqlite3_value_double(a) <= sqlite3_value_double(b))
                        : (greater ? text_of(a) >= text_of(b) : text_of(a) <= text_of(b));
  sqlite3_result_value(context, a_wins ? a : b);
}

// The table's search runs this on every text of every row, so it folds into one buffer and
// returns no text: half the time of a fold(text) LIKE '%...%'.
void folded_contains(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (is_null(arguments[0])) return sqlite3_result_int(context, 0);
  thread_local std::string buffer;
  sqlite3_result_int(context,
                     contains_folded(text_of(arguments[0]), text_of(arguments[1]), buffer) ? 1 : 0);
}

void initials_of(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (is_null(arguments[0])) return sqlite3_result_null(context);
  std::string shown = initials(text_of(arguments[0]));
  sqlite3_result_text(context, shown.data(), static_cast<int>(shown.size()), SQLITE_TRANSIENT);
}

int user_language_order(void*, int a_length, const void* a, int b_length, const void* b) {
  return collate(std::string_view(static_cast<const char*>(a), static_cast<std::size_t>(a_length)),
                 std::string_view(static_cast<const char*>(b), static_cast<std::size_t>(b_length)));
}

}  // namespace

void register_sql_functions(sqlite3* db) {
  struct Function {
    const char* name;
    int arguments;
    void (*call)(sqlite3_context*, int, sqlite3_value**);
  };
  static constexpr Function functions[] = {
      {"day_of", 1, day_of},
      {"month_of", 1, month_of},
      {"iso_weekday", 1, iso_weekday},
      {"hour_of", 1, hour_of},
      {"days_between", 2, days_between},
      {"greatest", 2, extreme<true>},
      {"least", 2, extreme<false>},
      {"folded_contains", 2, folded_contains},
      {"initials", 1, initials_of},
  };
  for (const Function& function : functions)
    sqlite3_create_function_v2(db, function.name, function.arguments,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, function.call, nullptr,
                               nullptr, nullptr);
  sqlite3_create_collation_v2(db, "ui", SQLITE_UTF8, nullptr, user_language_order, nullptr);
}

}  // namespace raekoda::db
