#pragma once
// The tables that hold derived data, kept by triggers from the tables they count: nobody edits
// them, and a copy of a database leaves them to the target's triggers.

#include <array>
#include <string_view>

#include "db/answer_summary.h"
#include "db/decision_summary.h"
#include "db/incident_months.h"
#include "db/media_summary.h"
#include "db/review_summary.h"

namespace raekoda::db {

inline constexpr std::array<std::string_view, 7> summary_tables = {
    answer_summary_table,  answer_months_table, decision_summary_table, decisions_by_day_table,
    account_reviews_table, media_summary_table, incident_months_table};

}  // namespace raekoda::db
