#pragma once
// A list acted on by one click does not move under the pointer. Revoking a leaver's account takes
// the row out of the list at once, and the next person's button would slide up under the pointer:
// the second click of a double click would revoke them too. So the rows keep the places they had
// when the step was taken, the acted row drawn greyed with what was done, until the pointer has
// left the list and the double-click time has passed.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/record_spec.h"

namespace raekoda::ui {

struct RowHold {
  // A row a step was taken on, as the list should read after the step.
  struct Acted {
    Id id = 0;
    std::vector<std::string> cells;  // one text per column but the last
    std::string outcome;             // in the last column, where the buttons were
  };
  std::vector<Id> order;  // the rows as shown when the first step was taken
  std::vector<Acted> acted;
  double acted_at = 0;  // Dear ImGui's time of the last step
};
// By list, for the lists on screen.
using RowHolds = std::map<std::string, RowHold, std::less<>>;

// One row to draw: a row of the figures (`live` is its index) or a row acted on (`held`).
struct RowInPlace {
  Id id = 0;
  std::size_t live = 0;
  const RowHold::Acted* held = nullptr;
};

// The rows of `list` in the order to draw them: with no hold, `live_ids` as they are; with one,
// the held order, acted rows as they were left, rows that have come since at the end.
std::vector<RowInPlace> rows_in_place(const RowHolds& holds, std::string_view list,
                                      const std::vector<Id>& live_ids);

// Keeps `list` in place after a step on one of its rows; `shown` is the list as on screen.
void hold_rows(RowHolds& holds, std::string_view list, const std::vector<RowInPlace>& shown,
               RowHold::Acted acted);

// After the list is drawn in [min, max]: lets it close up once the pointer is elsewhere and a
// second click can no longer be part of a double click.
void release_rows(RowHolds& holds, std::string_view list, ImVec2 min, ImVec2 max);

// An acted row in a table: its cells greyed, the outcome where the buttons were.
void draw_held_row(const RowHold::Acted& row);

}  // namespace raekoda::ui
