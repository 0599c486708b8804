// The order a held list is drawn in: the places rows had when the step was taken.

#include <catch2/catch.hpp>

#include <algorithm>

#include <imgui.h>

#include "ui/row_hold.h"

using namespace raekoda;
using ui::RowInPlace;

namespace {

// A hold notes Dear ImGui's time of the step.
struct Context {
  Context() { ImGui::CreateContext(); }
  ~Context() { ImGui::DestroyContext(); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

std::vector<Id> ids_of(const std::vector<RowInPlace>& rows) {
  std::vector<Id> ids;
  for (const RowInPlace& row : rows) ids.push_back(row.id);
  return ids;
}

}  // namespace

TEST_CASE(
    "a held list keeps its places: the acted row stays, a new one comes last, a gone one "
    "leaves",
    "[no-db]") {
  Context context;
  ui::RowHolds holds;
  std::vector<Id> shown{1, 2, 3, 4, 5};
  CHECK(ids_of(ui::rows_in_place(holds, "decisions", shown)) == shown);

  ui::hold_rows(holds, "decisions", ui::rows_in_place(holds, "decisions", shown),
                {3, {"Kask"}, "Kept"});
  // The figures since: 3 decided and gone from the pending list, 4 taken by a colleague, 9 new.
  std::vector<Id> live{1, 2, 5, 9};
  std::vector<RowInPlace> rows = ui::rows_in_place(holds, "decisions", live);
  CHECK(ids_of(rows) == std::vector<Id>{1, 2, 3, 5, 9});
  REQUIRE(rows[2].held);
  CHECK(rows[2].held->outcome == "Kept");
  CHECK(rows[3].live == 2);  // 5 is the third of the live rows
  CHECK_FALSE(rows[3].held);
  CHECK(rows[4].live == 3);
  // Another list is not held.
  CHECK(ids_of(ui::rows_in_place(holds, "leavers", live)) == live);
}

TEST_CASE("a held list of a campaign's size is laid out whole, each row at its live index",
          "[no-db]") {
  Context context;
  ui::RowHolds holds;
  std::vector<Id> shown;
  for (Id id = 1; id <= 40000; ++id) shown.push_back(id);
  ui::hold_rows(holds, "decisions", ui::rows_in_place(holds, "decisions", shown),
                {20000, {"Kask"}, "Kept"});
  std::vector<Id> live = shown;
  live.erase(live.begin() + 19999);  // 20000 decided
  std::reverse(live.begin(), live.end());
  std::vector<RowInPlace> rows = ui::rows_in_place(holds, "decisions", live);
  REQUIRE(rows.size() == 40000);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO(i);
    REQUIRE(rows[i].id == static_cast<Id>(i + 1));
    if (rows[i].held) continue;
    REQUIRE(live[rows[i].live] == rows[i].id);
  }
  CHECK(rows[19999].held);
}
