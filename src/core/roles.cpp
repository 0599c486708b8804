#include "core/roles.h"

#include <algorithm>

namespace raekoda {
std::optional<Permission> permission_to_edit(std::string_view table) {
  using P = Permission;
  static const std::pair<std::string_view, Permission> tables[] = {
      {"documents", P::edit_documents},
      {"media_items", P::edit_media},
      {"media_outlets", P::edit_media},
      {"press_releases", P::edit_media},
      {"comm_plans", P::edit_plan},
      {"comm_activities", P::edit_plan},
      {"newspaper_issues", P::edit_plan},
      {"incidents", P::edit_it},
      {"information_systems", P::edit_it},
      {"backups", P::edit_it},
      {"restore_tests", P::edit_it},
      {"accounts", P::edit_it},
      {"institutions", P::edit_it},
      {"review_campaigns", P::decide_reviews},
      {"campaign_systems", P::decide_reviews},
      {"review_decisions", P::decide_reviews},
      {"people", P::edit_people},
      {"units", P::edit_people},
      {"person_roles", P::edit_people},
      {"role_permissions", P::edit_people},
      {"deadline_rules", P::edit_rules},
      {"extra_days_off", P::edit_rules},
      {"incident_targets", P::edit_rules},
      {"settings", P::edit_rules},
  };
  for (const auto& [name, permission] : tables)
    if (name == table) return permission;
  return std::nullopt;
}

std::optional<Permission> permission_to_import(std::string_view kind) {
  using P = Permission;
  static const std::pair<std::string_view, Permission> kinds[] = {
      {"documents", P::edit_documents}, {"media", P::edit_media},   {"incidents", P::edit_it},
      {"accounts", P::edit_it},         {"people", P::edit_people}, {"activities", P::edit_plan},
  };
  for (const auto& [name, permission] : kinds)
    if (name == kind) return permission;
  return std::nullopt;
}

const std::vector<std::pair<Role, Permission>>& default_role_permissions() {
  using enum Role;
  using P = Permission;
  static const std::vector<std::pair<Role, Permission>> defaults{
      {council_chair, P::approve_releases},
      {head_of_chancellery, P::approve_releases},
      {head_of_chancellery, P::review_people},
      {city_secretary, P::personal_data},
      {city_secretary, P::edit_documents},
      {city_secretary, P::edit_rules},
      {information_specialist, P::personal_data},
      {information_specialist, P::edit_documents},
      {communications, P::edit_media},
      {communications, P::edit_plan},
      {it_lead, P::review_people},
      {it_lead, P::decide_reviews},
      {it_lead, P::edit_rules},
      {it_lead, P::edit_it},
      {it_lead, P::edit_people},
      {responder, P::edit_documents},
  };
  return defaults;
}

bool Viewer::has(Role role) const {
  for (Role mine : roles)
    if (mine == role) return true;
  return false;
}

Role Viewer::main_role() const {
  for (std::size_t i = 0; i < Role_count; ++i)
    if (has(static_cast<Role>(i))) return static_cast<Role>(i);
  return Role::viewer;
}

Viewer unrestricted_viewer() {
  Viewer viewer;
  for (std::size_t i = 0; i < Permission_count; ++i)
    viewer.permissions.insert(static_cast<Permission>(i));
  return viewer;
}

std::string initials(std::string_view full_name) {
  std::string result;
  bool at_word_start = true;
  for (std::size_t i = 0; i < full_name.size();) {
    auto byte = static_cast<unsigned char>(full_name[i]);
    std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : 4;
    length = std::min(length, full_name.size() - i);
    bool separator = full_name[i] == ' ' || full_name[i] == '-' || full_name[i] == ',';
    if (separator) {
      at_word_start = true;
    } else if (at_word_start) {
      if (!result.empty()) result += ' ';
      result += full_name.substr(i, length);
      result += '.';
      at_word_start = false;
    }
    i += length;
  }
  return result;
}

}  // namespace raekoda
