#include "ui/row_hold.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace raekoda::ui {

std::vector<RowInPlace> rows_in_place(const RowHolds& holds, std::string_view list,
                                      const std::vector<Id>& live_ids) {
  std::vector<RowInPlace> rows;
  rows.reserve(live_ids.size());
  auto found = holds.find(list);
  if (found == holds.end()) {
    for (std::size_t i = 0; i < live_ids.size(); ++i) rows.push_back({live_ids[i], i, nullptr});
    return rows;
  }
  // A campaign's list holds tens of thousands of rows: each is found by its id in a hash map,
  // not by a walk along the other list.
  const RowHold& hold = found->second;
  std::unordered_map<Id, std::size_t> live_index;
  live_index.reserve(live_ids.size());
  for (std::size_t i = 0; i < live_ids.size(); ++i) live_index.emplace(live_ids[i], i);
  std::unordered_map<Id, const RowHold::Acted*> acted;
  for (const RowHold::Acted& row : hold.acted) acted.emplace(row.id, &row);
  std::unordered_set<Id> held(hold.order.begin(), hold.order.end());
  for (Id id : hold.order) {
    auto live = live_index.find(id);
    std::size_t index = live == live_index.end() ? live_ids.size() : live->second;
    if (auto row = acted.find(id); row != acted.end())
      rows.push_back({id, index, row->second});
    else if (live != live_index.end())
      rows.push_back({id, index, nullptr});
    // A row gone for another reason (a colleague's step) leaves its place.
  }
  for (std::size_t i = 0; i < live_ids.size(); ++i)
    if (!held.contains(live_ids[i])) rows.push_back({live_ids[i], i, nullptr});
  return rows;
}

void hold_rows(RowHolds& holds, std::string_view list, const std::vector<RowInPlace>& shown,
               RowHold::Acted acted) {
  auto found = holds.find(list);
  if (found == holds.end()) {
    RowHold hold;
    for (const RowInPlace& row : shown) hold.order.push_back(row.id);
    found = holds.emplace(std::string(list), std::move(hold)).first;
  }
  RowHold& hold = found->second;
  std::erase_if(hold.acted, [&](const RowHold::Acted& row) { return row.id == acted.id; });
  hold.acted.push_back(std::move(acted));
  hold.acted_at = ImGui::GetTime();
}

void release_rows(RowHolds& holds, std::string_view list, ImVec2 min, ImVec2 max) {
  auto found = holds.find(list);
  if (found == holds.end()) return;
  const ImGuiIO& io = ImGui::GetIO();
  bool pointer_inside = io.MousePos.x >= min.x && io.MousePos.x < max.x && io.MousePos.y >= min.y &&
                        io.MousePos.y < max.y;
  bool double_click_over = ImGui::GetTime() - found->second.acted_at > io.MouseDoubleClickTime;
  if (!pointer_inside && double_click_over) holds.erase(found);
}

void draw_held_row(const RowHold::Acted& row) {
  ImGui::TableNextRow();
  for (const std::string& cell : row.cells) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", cell.c_str());
  }
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", row.outcome.c_str());
}

}  // namespace raekoda::ui
