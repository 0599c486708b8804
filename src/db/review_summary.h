#pragma once
// What the access review figures count, kept by triggers in the writer's own transaction
// (schema version 10), so that their reads do not grow with the accounts and decisions:
// - decisions_by_day: a campaign's decisions made per day and per person who made them, for
//   its burn-up (a campaign holds tens of thousands of decisions over a few weeks);
// - account_reviews: each account, whether it is active and the last day it was reviewed, for
//   the count of active accounts nobody has reviewed in a year.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/records.h"

namespace raekoda::db {

class Database;

// Derived data: a copy of a database leaves them to the target's triggers.
inline constexpr std::string_view decisions_by_day_table = "decisions_by_day";
inline constexpr std::string_view account_reviews_table = "account_reviews";

// Creates both tables and their triggers as `db`'s backend writes them, and counts them: the
// migration to schema version 10.
void create_review_summary(Database& db);

// Counts every account and decision afresh into both tables, replacing what they held.
void rebuild_review_summary(Database& db);

struct DecisionsOnDay {
  Id campaign = 0;
  Id decided_by = 0;  // 0: nobody recorded
  Date day;
  std::int64_t decisions = 0;
  bool operator==(const DecisionsOnDay&) const = default;
};
struct AccountReview {
  Id account = 0;
  bool active = false;
  std::optional<Date> last_reviewed_on;
  bool operator==(const AccountReview&) const = default;
};
// The whole tables as they stand, in key order.
std::vector<DecisionsOnDay> read_decisions_by_day(Database& db);
std::vector<AccountReview> read_account_reviews(Database& db);

}  // namespace raekoda::db
