#include "db/summary_sql.h"

#include <string>

#include "db/database.h"

namespace raekoda::db {

void create_summary_objects(Database& db, std::string_view sqlite_sql,
                            std::string_view postgres_sql,
                            std::initializer_list<std::string_view> trigger_functions) {
  if (db.backend() != Backend::postgresql) {
    db.exec(sqlite_sql);
    return;
  }
  db.exec(postgres_sql);
  for (std::string_view function : trigger_functions) {
    std::string name(function);
    db.exec("REVOKE EXECUTE ON FUNCTION " + name +
            "() FROM PUBLIC;\n"
            "DO $$ BEGIN EXECUTE format('ALTER FUNCTION " +
            name + "() SET search_path = %I, pg_temp', current_schema()); END $$;");
  }
}

std::string month_key(Date month) {
  return month.iso().substr(0, 7);
}

std::map<std::string, std::int64_t> month_versions(Database& db, std::string_view table, Date from,
                                                   Date until) {
  std::map<std::string, std::int64_t> versions;
  Statement select = db.prepare("SELECT month, version FROM " + std::string(table) +
                                " WHERE month BETWEEN ? AND ?");
  select.bind_all(month_key(from), month_key(until));
  while (select.step()) versions.emplace(select.text(0), select.integer(1));
  return versions;
}

}  // namespace raekoda::db
