#pragma once
// How many decisions of each kind every access review campaign holds, in decisions_by_campaign
// (schema version 9), which triggers keep in the writer's own transaction: the campaigns' list
// reads a few rows per campaign instead of every decision ever made.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace raekoda::db {

class Database;

// Derived data: a copy of a database leaves it to the target's triggers.
inline constexpr std::string_view decision_summary_table = "decisions_by_campaign";

// Creates the table and its triggers as `db`'s backend writes them, and counts it: the
// migration to schema version 9.
void create_decision_summary(Database& db);

// Counts every decision afresh into the table, replacing what it held.
void rebuild_decision_summary(Database& db);

struct CampaignDecisions {
  Id campaign = 0;
  std::string decision;  // pending, keep, revoke, reduce
  std::int64_t decisions = 0;
  bool operator==(const CampaignDecisions&) const = default;
};
// The whole table as it stands, in key order.
std::vector<CampaignDecisions> read_decision_summary(Database& db);

}  // namespace raekoda::db
