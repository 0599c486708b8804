#include "db/visibility.h"

#include <algorithm>

#include "core/i18n.h"

namespace raekoda::db {
namespace {

std::string quoted(std::string_view text) {
  std::string sql = "'";
  for (char c : text) sql += c == '\'' ? std::string("''") : std::string(1, c);
  return sql + "'";
}

// "responder_id = 17": `person_sql` names the viewer; never true when they are nobody.
std::string is_viewer(const Viewer& viewer, const std::string& person_sql) {
  if (!viewer.person) return "0 = 1";
  return person_sql + " = " + std::to_string(*viewer.person);
}

// The name where `allowed` holds, its initials elsewhere.
std::string name_or_initials(const std::string& allowed, std::string_view name_sql) {
  std::string name(name_sql);
  return "CASE WHEN " + allowed + " THEN " + name + " ELSE initials(" + name + ") END";
}

}  // namespace

bool withheld_by_server(Database& db, std::string_view table, std::string_view column) {
  const std::vector<std::string>& hidden = db.withheld_columns(std::string(table));
  return std::find(hidden.begin(), hidden.end(), column) != hidden.end();
}

bool masked_column(Database& db, std::string_view table, std::string_view column) {
  if (withheld_by_server(db, table, column)) return true;
  if (table != "documents" || db.viewer().may(Permission::personal_data)) return false;
  return column == "sender" || column == "title";
}

std::string visible_column(Database& db, std::string_view table, std::string_view column,
                           std::string_view alias) {
  std::string prefix = alias.empty() ? std::string() : std::string(alias) + ".";
  std::string plain = prefix + std::string(column);
  if (withheld_by_server(db, table, column)) return "NULL";
  if (!masked_column(db, table, column)) return plain;
  const Viewer& viewer = db.viewer();
  std::string restricted = quoted(tr("value.restricted"));
  std::string own = is_viewer(viewer, prefix + "responder_id");
  std::string open = "(" + prefix + "access_restricted = 0 OR " + own + ")";
  if (column == "title")
    return "CASE WHEN " + open + " THEN " + plain + " ELSE " + restricted + " END";
  // The sender: whole to the responder, initials to others, nothing of a restricted document.
  return "CASE WHEN " + own + " THEN " + plain + " WHEN " + open + " THEN initials(" + plain +
         ") ELSE " + restricted + " END";
}

std::string visible_employee(Database& db, std::string_view name_sql, std::string_view owner_sql) {
  const Viewer& viewer = db.viewer();
  if (viewer.may(Permission::review_people)) return std::string(name_sql);
  return name_or_initials(is_viewer(viewer, std::string(owner_sql)), name_sql);
}

std::string visible_username(Database& db, std::string_view username_sql,
                             std::string_view owner_sql) {
  const Viewer& viewer = db.viewer();
  std::string username(username_sql);
  if (viewer.may(Permission::review_people)) return username;
  return "CASE WHEN " + is_viewer(viewer, std::string(owner_sql)) + " THEN " + username +
         " ELSE substr(" + username + ", 1, 1) || '…' END";
}

std::string visible_account_holder(Database& db, std::string_view name_sql,
                                   std::string_view person_sql) {
  const Viewer& viewer = db.viewer();
  if (viewer.may(Permission::review_people)) return std::string(name_sql);
  // The owner of any system where the person holds an active account.
  std::string owns = viewer.person
                         ? "EXISTS (SELECT 1 FROM accounts owned_a JOIN "
                           "information_systems owned_s ON owned_s.id = "
                           "owned_a.system_id WHERE owned_a.person_id = " +
                               std::string(person_sql) + " AND owned_a.revoked_on IS NULL AND " +
                               is_viewer(viewer, "owned_s.owner_id") + ")"
                         : std::string("0 = 1");
  return name_or_initials(owns, name_sql);
}

}  // namespace raekoda::db
