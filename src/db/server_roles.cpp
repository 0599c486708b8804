#include "db/server_roles.h"

#include <algorithm>

#include "db/database.h"

namespace raekoda::db {
namespace {

// What the import writes beside the rows of the tables it imports into, and the names it adds
// when a row names someone or something unknown (and removes again when it is undone).
constexpr std::string_view import_tables[] = {"imports", "import_keys"};
constexpr std::string_view name_tables[] = {"units", "people", "media_outlets", "institutions",
                                            "information_systems"};

std::string list(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::string_view name : names) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

}  // namespace

const std::vector<ServerRole>& server_roles() {
  static const std::vector<ServerRole> roles{
      {"council_chair", "raekoda_council_chair", {"press_releases", "media_items"}},
      {"city_secretary",
       "raekoda_city_secretary",
       {"documents", "deadline_rules", "extra_days_off", "settings"}},
      {"information_specialist", "raekoda_information_specialist", {"documents"}},
      {"communications",
       "raekoda_communications",
       {"media_outlets", "media_items", "press_releases", "comm_plans", "comm_activities",
        "newspaper_issues"}},
      {"it_lead",
       "raekoda_it_lead",
       {"units", "people", "institutions", "incidents", "incident_targets", "information_systems",
        "backups", "restore_tests", "accounts", "review_campaigns", "campaign_systems",
        "review_decisions", "deadline_rules", "extra_days_off", "person_roles",
        "role_permissions"}},
      {"viewer", "raekoda_viewer", {}},
  };
  return roles;
}

const std::vector<PersonalColumn>& personal_columns() {
  static const std::vector<PersonalColumn> columns{
      {"documents", "sender", {"city_secretary", "information_specialist"}},
  };
  return columns;
}

std::string server_roles_sql() {
  std::string sql =
      "DO $roles$\n"
      "BEGIN\n"
      "  IF (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN\n";
  for (const ServerRole& role : server_roles())
    sql += "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + std::string(role.name) +
           "') THEN CREATE ROLE " + std::string(role.name) + " NOLOGIN; END IF;\n";
  sql += "  END IF;\n";
  // Grants only to the roles there are: a server whose owner may not create roles gets them
  // from its administrator, and the schema again grants on the next open by its owner.
  for (const ServerRole& role : server_roles()) {
    std::string name(role.name);
    sql += "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name + "') THEN\n";
    sql +=
        "    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || quote_ident(current_schema()) "
        "|| ' TO " +
        name + "';\n";
    if (!role.writes.empty()) {
      std::vector<std::string_view> writes = role.writes;
      writes.insert(writes.end(), std::begin(import_tables), std::end(import_tables));
      sql += "    GRANT INSERT, UPDATE, DELETE ON " + list(writes) + " TO " + name + ";\n";
      sql += "    GRANT INSERT ON audit_log TO " + name + ";\n";
      // Appending locks the audit chain's head and moves it (schema version 8).
      sql += "    IF to_regclass('audit_chain') IS NOT NULL THEN GRANT UPDATE ON audit_chain TO " +
             name + "; END IF;\n";
      // A new row's id is read back with lastval(), which asks for the sequence's USAGE.
      sql +=
          "    EXECUTE 'GRANT USAGE ON ALL SEQUENCES IN SCHEMA ' || "
          "quote_ident(current_schema()) || ' TO " +
          name + "';\n";
      sql += "    GRANT INSERT, DELETE ON " +
             list({std::begin(name_tables), std::end(name_tables)}) + " TO " + name + ";\n";
    }
    // A role that does not handle a table's personal data reads every other column of it.
    for (const PersonalColumn& personal : personal_columns()) {
      if (std::find(personal.readers.begin(), personal.readers.end(), role.key) !=
          personal.readers.end())
        continue;
      std::string table(personal.table);
      sql += "    REVOKE SELECT ON " + table + " FROM " + name + ";\n";
      sql +=
          "    EXECUTE 'GRANT SELECT (' || (SELECT string_agg(quote_ident(attname), ', ' "
          "ORDER BY attnum) FROM pg_attribute WHERE attrelid = '" +
          table + "'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> '" +
          std::string(personal.column) + "') || ') ON " + table + " TO " + name + "';\n";
    }
    sql += "  END IF;\n";
  }
  sql += "END\n$roles$;\n";
  return sql;
}

std::optional<std::string> server_role_of(Database& db) {
  if (db.backend() != Backend::postgresql) return std::nullopt;
  if (db.query_integer("SELECT CASE WHEN pg_get_userbyid(relowner) = current_user THEN 1 ELSE 0 "
                       "END FROM pg_class WHERE relname = 'audit_log' AND relnamespace = "
                       "to_regnamespace(current_schema())",
                       0) == 1)
    return "owner";
  // The roles the user is a member of, read at once; the first in server_roles() order wins.
  std::vector<std::string> member_of;
  Statement roles = db.prepare(
      "SELECT rolname FROM pg_roles WHERE rolname LIKE 'raekoda\\_%' AND "
      "pg_has_role(current_user, oid, 'MEMBER')");
  while (roles.step()) member_of.push_back(roles.text(0));
  for (const ServerRole& role : server_roles())
    if (std::find(member_of.begin(), member_of.end(), role.name) != member_of.end())
      return std::string(role.key);
  return std::nullopt;
}

}  // namespace raekoda::db
