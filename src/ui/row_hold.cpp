#include "ui/row_hold.h"

#include <algorithm>

namespace raekoda::ui {

std::vector<RowInPlace> rows_in_place(const RowHolds& holds, std::string_view list,
                                      const std::vector<Id>& live_ids) {
  std::vector<RowInPlace> rows;
  auto found = holds.find(list);
  auto live_index = [&](Id id) {
    return static_cast<std::size_t>(std::find(live_ids.begin(), live_ids.end(), id) -
                                    live_ids.begin());
  };
  if (found == holds.end()) {
    for (std::size_t i = 0; i < live_ids.size(); ++i) rows.push_back({live_ids[i], i, nullptr});
    return rows;
  }
  const RowHold& hold = found->second;
  for (Id id : hold.order) {
    auto acted = std::find_if(hold.acted.begin(), hold.acted.end(),
                              [&](const RowHold::Acted& row) { return row.id == id; });
    std::size_t live = live_index(id);
    if (acted != hold.acted.end())
      rows.push_back({id, live, &*acted});
    else if (live < live_ids.size())
      rows.push_back({id, live, nullptr});
    // A row gone for another reason (a colleague's step) leaves its place.
  }
  for (std::size_t i = 0; i < live_ids.size(); ++i)
    if (std::find(hold.order.begin(), hold.order.end(), live_ids[i]) == hold.order.end())
      rows.push_back({live_ids[i], i, nullptr});
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
