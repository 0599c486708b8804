#include "db/incident_months.h"

#include <initializer_list>
#include <string>

#include "db/database.h"
#include "db/summary_sql.h"

namespace raekoda::db {
namespace {

// The statement that counts a change to the months of `rows` (NEW, OLD or both): the months
// they opened and were resolved in, each once.
std::string sqlite_counts_of(std::initializer_list<std::string_view> rows) {
  std::string months;
  for (std::string_view row : rows)
    for (const char* column : {".opened_at", ".resolved_at"})
      months += std::string(months.empty() ? "SELECT" : " UNION SELECT") + " substr(" +
                std::string(row) + column + ", 1, 7) AS month";
  return "  INSERT INTO incident_months (month, version)\n"
         "  SELECT month, 1 FROM (" +
         months +
         ") WHERE month IS NOT NULL\n"
         "  ON CONFLICT DO UPDATE SET version = version + 1;\n";
}

// Any change counts, whichever column it touches: what the view keeps of an incident is most of
// its row, and a count that moves once too often costs one month's read, never a wrong figure.
std::string sqlite_sql() {
  return "CREATE TABLE incident_months (\n"
         "  month TEXT PRIMARY KEY CHECK (length(month) = 7),\n"
         "  version INTEGER NOT NULL\n"
         ") WITHOUT ROWID;\n"
         "CREATE TRIGGER incident_month_added AFTER INSERT ON incidents\nBEGIN\n" +
         sqlite_counts_of({"NEW"}) +
         "END;\n"
         "CREATE TRIGGER incident_month_removed AFTER DELETE ON incidents\nBEGIN\n" +
         sqlite_counts_of({"OLD"}) +
         "END;\n"
         "CREATE TRIGGER incident_month_changed AFTER UPDATE ON incidents\nBEGIN\n" +
         sqlite_counts_of({"OLD", "NEW"}) + "END;\n";
}

// One statement may not change a row twice on a server: each month once, in month order, so
// that two writers lock the rows they share in the same order.
constexpr std::string_view postgres_sql = R"sql(
CREATE TABLE incident_months (
  month text PRIMARY KEY CHECK (length(month) = 7),
  version bigint NOT NULL
);

CREATE FUNCTION raekoda_count_incident_months() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER AS $$
BEGIN
  INSERT INTO incident_months AS m (month, version)
  SELECT DISTINCT month_of(moment), 1 FROM (VALUES
    (CASE WHEN TG_OP <> 'INSERT' THEN OLD.opened_at END),
    (CASE WHEN TG_OP <> 'INSERT' THEN OLD.resolved_at END),
    (CASE WHEN TG_OP <> 'DELETE' THEN NEW.opened_at END),
    (CASE WHEN TG_OP <> 'DELETE' THEN NEW.resolved_at END)) AS changed(moment)
  WHERE moment IS NOT NULL ORDER BY 1
  ON CONFLICT (month) DO UPDATE SET version = m.version + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER raekoda_count_incident_months AFTER INSERT OR DELETE OR UPDATE ON incidents
FOR EACH ROW EXECUTE FUNCTION raekoda_count_incident_months();
)sql";

}  // namespace

void create_incident_month_versions(Database& db) {
  create_summary_objects(db, sqlite_sql(), postgres_sql, {"raekoda_count_incident_months"});
}

}  // namespace raekoda::db
