#include "db/media_summary.h"

#include "db/database.h"
#include "db/summary_sql.h"

namespace raekoda::db {
namespace {

// A row whose count falls to 0 is removed, so that the table holds only what a rebuild would
// write.
constexpr std::string_view sqlite_sql = R"sql(
CREATE TABLE media_by_day (
  published_on TEXT NOT NULL,
  tone TEXT NOT NULL,
  items INTEGER NOT NULL CHECK (items >= 0),
  PRIMARY KEY (published_on, tone)
) WITHOUT ROWID;

CREATE TRIGGER media_item_added AFTER INSERT ON media_items
BEGIN
  INSERT INTO media_by_day (published_on, tone, items) VALUES (NEW.published_on, NEW.tone, 1)
  ON CONFLICT DO UPDATE SET items = items + 1;
END;

CREATE TRIGGER media_item_removed AFTER DELETE ON media_items
BEGIN
  UPDATE media_by_day SET items = items - 1
  WHERE published_on = OLD.published_on AND tone = OLD.tone;
  DELETE FROM media_by_day WHERE published_on = OLD.published_on AND tone = OLD.tone
    AND items = 0;
END;

CREATE TRIGGER media_item_changed AFTER UPDATE OF published_on, tone ON media_items
BEGIN
  UPDATE media_by_day SET items = items - 1
  WHERE published_on = OLD.published_on AND tone = OLD.tone;
  DELETE FROM media_by_day WHERE published_on = OLD.published_on AND tone = OLD.tone
    AND items = 0;
  INSERT INTO media_by_day (published_on, tone, items) VALUES (NEW.published_on, NEW.tone, 1)
  ON CONFLICT DO UPDATE SET items = items + 1;
END;
)sql";

// On a server the trigger runs as the schema's owner, so that no role needs a grant to write
// the summary, and none can write it but through the media items.
constexpr std::string_view postgres_sql = R"sql(
CREATE TABLE media_by_day (
  published_on date NOT NULL,
  tone text NOT NULL,
  items bigint NOT NULL CHECK (items >= 0),
  PRIMARY KEY (published_on, tone)
);

CREATE FUNCTION raekoda_count_media() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE media_by_day SET items = items - 1
    WHERE published_on = OLD.published_on AND tone = OLD.tone;
    DELETE FROM media_by_day WHERE published_on = OLD.published_on AND tone = OLD.tone
      AND items = 0;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO media_by_day AS m (published_on, tone, items)
    VALUES (NEW.published_on, NEW.tone, 1)
    ON CONFLICT (published_on, tone) DO UPDATE SET items = m.items + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER raekoda_count_media AFTER INSERT OR DELETE OR UPDATE OF published_on, tone
ON media_items FOR EACH ROW EXECUTE FUNCTION raekoda_count_media();
)sql";

}  // namespace

void create_media_summary(Database& db) {
  create_summary_objects(db, sqlite_sql, postgres_sql, {"raekoda_count_media"});
  rebuild_media_summary(db);
}

void rebuild_media_summary(Database& db) {
  db.exec("DELETE FROM media_by_day");
  db.exec(
      "INSERT INTO media_by_day (published_on, tone, items) "
      "SELECT published_on, tone, count(*) FROM media_items GROUP BY 1, 2");
}

std::vector<MediaOnDay> read_media_summary(Database& db) {
  std::vector<MediaOnDay> rows;
  Statement select = db.prepare("SELECT published_on, tone, items FROM media_by_day ORDER BY 1, 2");
  while (select.step())
    rows.push_back({select.date(0).value_or(Date{}), select.text(1), select.integer(2)});
  return rows;
}

}  // namespace raekoda::db
