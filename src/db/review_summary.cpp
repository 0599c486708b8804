#include "db/review_summary.h"

#include "db/database.h"
#include "db/summary_sql.h"

namespace raekoda::db {
namespace {

// A decision is made when it has a day (the table's CHECK ties the day to a decision other than
// pending). A day's row whose count falls to 0 is removed, so that the table holds only what a
// rebuild would write. An account's last review is read back from its decisions through
// review_decisions_account, a few rows, rather than followed by hand when one is undone.
constexpr std::string_view sqlite_sql = R"sql(
CREATE TABLE decisions_by_day (
  campaign_id INTEGER NOT NULL,
  decided_by_id INTEGER NOT NULL,
  decided_on TEXT NOT NULL,
  decisions INTEGER NOT NULL CHECK (decisions >= 0),
  PRIMARY KEY (campaign_id, decided_by_id, decided_on)
) WITHOUT ROWID;

CREATE TABLE account_reviews (
  account_id INTEGER PRIMARY KEY,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  last_reviewed_on TEXT
);
CREATE INDEX account_reviews_due ON account_reviews (last_reviewed_on) WHERE active = 1;

CREATE TRIGGER accounts_review_added AFTER INSERT ON accounts
BEGIN
  INSERT INTO account_reviews (account_id, active, last_reviewed_on)
  VALUES (NEW.id, NEW.revoked_on IS NULL,
          (SELECT max(decided_on) FROM review_decisions WHERE account_id = NEW.id));
END;

CREATE TRIGGER accounts_review_revoked AFTER UPDATE OF revoked_on ON accounts
BEGIN
  UPDATE account_reviews SET active = NEW.revoked_on IS NULL WHERE account_id = NEW.id;
END;

CREATE TRIGGER accounts_review_removed AFTER DELETE ON accounts
BEGIN
  DELETE FROM account_reviews WHERE account_id = OLD.id;
END;

CREATE TRIGGER review_day_added AFTER INSERT ON review_decisions
BEGIN
  INSERT INTO decisions_by_day (campaign_id, decided_by_id, decided_on, decisions)
  SELECT NEW.campaign_id, coalesce(NEW.decided_by_id, 0), NEW.decided_on, 1
  WHERE NEW.decided_on IS NOT NULL
  ON CONFLICT DO UPDATE SET decisions = decisions + 1;
  UPDATE account_reviews SET last_reviewed_on =
    (SELECT max(decided_on) FROM review_decisions WHERE account_id = NEW.account_id)
  WHERE account_id = NEW.account_id;
END;

CREATE TRIGGER review_day_removed AFTER DELETE ON review_decisions
BEGIN
  UPDATE decisions_by_day SET decisions = decisions - 1
  WHERE campaign_id = OLD.campaign_id AND decided_by_id = coalesce(OLD.decided_by_id, 0)
    AND decided_on = OLD.decided_on;
  DELETE FROM decisions_by_day
  WHERE campaign_id = OLD.campaign_id AND decided_by_id = coalesce(OLD.decided_by_id, 0)
    AND decided_on = OLD.decided_on AND decisions = 0;
  UPDATE account_reviews SET last_reviewed_on =
    (SELECT max(decided_on) FROM review_decisions WHERE account_id = OLD.account_id)
  WHERE account_id = OLD.account_id;
END;

CREATE TRIGGER review_day_changed
AFTER UPDATE OF campaign_id, account_id, decided_by_id, decided_on ON review_decisions
BEGIN
  UPDATE decisions_by_day SET decisions = decisions - 1
  WHERE campaign_id = OLD.campaign_id AND decided_by_id = coalesce(OLD.decided_by_id, 0)
    AND decided_on = OLD.decided_on;
  DELETE FROM decisions_by_day
  WHERE campaign_id = OLD.campaign_id AND decided_by_id = coalesce(OLD.decided_by_id, 0)
    AND decided_on = OLD.decided_on AND decisions = 0;
  INSERT INTO decisions_by_day (campaign_id, decided_by_id, decided_on, decisions)
  SELECT NEW.campaign_id, coalesce(NEW.decided_by_id, 0), NEW.decided_on, 1
  WHERE NEW.decided_on IS NOT NULL
  ON CONFLICT DO UPDATE SET decisions = decisions + 1;
  UPDATE account_reviews SET last_reviewed_on =
    (SELECT max(decided_on) FROM review_decisions WHERE account_id = account_reviews.account_id)
  WHERE account_id IN (OLD.account_id, NEW.account_id);
END;
)sql";

// On a server the triggers run as the schema's owner, so that no role needs a grant to write
// the summaries, and none can write them but through the accounts and decisions.
constexpr std::string_view postgres_sql = R"sql(
CREATE TABLE decisions_by_day (
  campaign_id bigint NOT NULL,
  decided_by_id bigint NOT NULL,
  decided_on date NOT NULL,
  decisions bigint NOT NULL CHECK (decisions >= 0),
  PRIMARY KEY (campaign_id, decided_by_id, decided_on)
);

CREATE TABLE account_reviews (
  account_id bigint PRIMARY KEY,
  active smallint NOT NULL CHECK (active IN (0, 1)),
  last_reviewed_on date
);
CREATE INDEX account_reviews_due ON account_reviews (last_reviewed_on) WHERE active = 1;

CREATE FUNCTION raekoda_count_account_reviews() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM account_reviews WHERE account_id = OLD.id;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO account_reviews (account_id, active, last_reviewed_on)
    VALUES (NEW.id, CASE WHEN NEW.revoked_on IS NULL THEN 1 ELSE 0 END,
            (SELECT max(decided_on) FROM review_decisions WHERE account_id = NEW.id));
  ELSE
    UPDATE account_reviews SET active = CASE WHEN NEW.revoked_on IS NULL THEN 1 ELSE 0 END
    WHERE account_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION raekoda_count_review_days() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD.decided_on IS NOT NULL THEN
      UPDATE decisions_by_day SET decisions = decisions - 1
      WHERE campaign_id = OLD.campaign_id AND decided_by_id = coalesce(OLD.decided_by_id, 0)
        AND decided_on = OLD.decided_on;
      DELETE FROM decisions_by_day
      WHERE campaign_id = OLD.campaign_id AND decided_by_id = coalesce(OLD.decided_by_id, 0)
        AND decided_on = OLD.decided_on AND decisions = 0;
    END IF;
    UPDATE account_reviews SET last_reviewed_on =
      (SELECT max(decided_on) FROM review_decisions WHERE account_id = OLD.account_id)
    WHERE account_id = OLD.account_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.decided_on IS NOT NULL THEN
      INSERT INTO decisions_by_day AS d (campaign_id, decided_by_id, decided_on, decisions)
      VALUES (NEW.campaign_id, coalesce(NEW.decided_by_id, 0), NEW.decided_on, 1)
      ON CONFLICT (campaign_id, decided_by_id, decided_on)
      DO UPDATE SET decisions = d.decisions + 1;
    END IF;
    UPDATE account_reviews SET last_reviewed_on =
      (SELECT max(decided_on) FROM review_decisions WHERE account_id = NEW.account_id)
    WHERE account_id = NEW.account_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER raekoda_count_account_reviews
AFTER INSERT OR DELETE OR UPDATE OF revoked_on ON accounts
FOR EACH ROW EXECUTE FUNCTION raekoda_count_account_reviews();
CREATE TRIGGER raekoda_count_review_days
AFTER INSERT OR DELETE OR UPDATE OF campaign_id, account_id, decided_by_id, decided_on
ON review_decisions
FOR EACH ROW EXECUTE FUNCTION raekoda_count_review_days();
)sql";

}  // namespace

void create_review_summary(Database& db) {
  create_summary_objects(db, sqlite_sql, postgres_sql,
                         {"raekoda_count_account_reviews", "raekoda_count_review_days"});
  rebuild_review_summary(db);
}

void rebuild_review_summary(Database& db) {
  db.exec("DELETE FROM decisions_by_day");
  db.exec(
      "INSERT INTO decisions_by_day (campaign_id, decided_by_id, decided_on, decisions) "
      "SELECT campaign_id, coalesce(decided_by_id, 0), decided_on, count(*) "
      "FROM review_decisions WHERE decided_on IS NOT NULL GROUP BY 1, 2, 3");
  db.exec("DELETE FROM account_reviews");
  db.exec(
      "INSERT INTO account_reviews (account_id, active, last_reviewed_on) "
      "SELECT a.id, CASE WHEN a.revoked_on IS NULL THEN 1 ELSE 0 END, "
      "(SELECT max(d.decided_on) FROM review_decisions d WHERE d.account_id = a.id) "
      "FROM accounts a");
}

std::vector<DecisionsOnDay> read_decisions_by_day(Database& db) {
  std::vector<DecisionsOnDay> rows;
  Statement select = db.prepare(
      "SELECT campaign_id, decided_by_id, decided_on, decisions FROM decisions_by_day "
      "ORDER BY 1, 2, 3");
  while (select.step())
    rows.push_back(
        {select.integer(0), select.integer(1), select.date(2).value_or(Date{}), select.integer(3)});
  return rows;
}

std::vector<AccountReview> read_account_reviews(Database& db) {
  std::vector<AccountReview> rows;
  Statement select =
      db.prepare("SELECT account_id, active, last_reviewed_on FROM account_reviews ORDER BY 1");
  while (select.step()) rows.push_back({select.integer(0), select.integer(1) == 1, select.date(2)});
  return rows;
}

}  // namespace raekoda::db
