#pragma once
// The queries behind the plan view, and the plan's writes: moving an activity, copying a plan to
// the next period. Every write is one audited transaction.

#include "core/plan_figures.h"
#include "db/record_store.h"

namespace raekoda::db {

class Database;

// `plan`: the plan whose burn-up is shown; 0 picks the plan running today, else the newest.
PlanFigures load_plan_figures(Database& db, Date today, Id plan);

// Moves the activity's dates by `days`, as the editor would save them. A colleague's change to
// the activity since it was shown is a conflict; a move the activity's rules refuse is reported
// as `nothing` with the reason in `problem`.
struct MoveResult {
  SaveResult save;
  std::string problem;
};
MoveResult move_activity(Database& db, Id activity, std::int64_t version, int days, Date today,
                         const Author& author);

// Copies the plan and its activities to the next period, all planned again (cancelled ones
// left out); returns the new plan's id.
Id copy_plan(Database& db, Id plan, const Author& author);

}  // namespace raekoda::db
