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

}  // namespace raekoda::db
