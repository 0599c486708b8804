#include "db/decision_summary.h"

#include "db/database.h"
#include "db/summary_sql.h"

namespace raekoda::db {
namespace {

// A row whose count falls to 0 is removed, so that the table holds only what a rebuild would
// write. A campaign deleted takes its decisions with it, and their triggers take its counts.
constexpr std::string_view sqlite_sql = R"sql(
CREATE TABLE decisions_by_campaign (
  campaign_id INTEGER NOT NULL,
  decision TEXT NOT NULL,
  decisions INTEGER NOT NULL CHECK (decisions >= 0),
  PRIMARY KEY (campaign_id, decision)
) WITHOUT ROWID;

CREATE TRIGGER review_decision_added AFTER INSERT ON review_decisions
BEGIN
  INSERT INTO decisions_by_campaign (campaign_id, decision, decisions)
  VALUES (NEW.campaign_id, NEW.decision, 1)
  ON CONFLICT DO UPDATE SET decisions = decisions + 1;
END;

CREATE TRIGGER review_decision_removed AFTER DELETE ON review_decisions
BEGIN
  UPDATE decisions_by_campaign SET decisions = decisions - 1
  WHERE campaign_id = OLD.campaign_id AND decision = OLD.decision;
  DELETE FROM decisions_by_campaign
  WHERE campaign_id = OLD.campaign_id AND decision = OLD.decision AND decisions = 0;
END;

CREATE TRIGGER review_decision_changed AFTER UPDATE OF campaign_id, decision ON review_decisions
BEGIN
  UPDATE decisions_by_campaign SET decisions = decisions - 1
  WHERE campaign_id = OLD.campaign_id AND decision = OLD.decision;
  DELETE FROM decisions_by_campaign
  WHERE campaign_id = OLD.campaign_id AND decision = OLD.decision AND decisions = 0;
  INSERT INTO decisions_by_campaign (campaign_id, decision, decisions)
  VALUES (NEW.campaign_id, NEW.decision, 1)
  ON CONFLICT DO UPDATE SET decisions = decisions + 1;
END;
)sql";

// On a server the trigger runs as the schema's owner, so that no role needs a grant to write
// the summary, and none can write it but through the decisions.
constexpr std::string_view postgres_sql = R"sql(
CREATE TABLE decisions_by_campaign (
  campaign_id bigint NOT NULL,
  decision text NOT NULL,
  decisions bigint NOT NULL CHECK (decisions >= 0),
  PRIMARY KEY (campaign_id, decision)
);

CREATE FUNCTION raekoda_count_decisions() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE decisions_by_campaign SET decisions = decisions - 1
    WHERE campaign_id = OLD.campaign_id AND decision = OLD.decision;
    DELETE FROM decisions_by_campaign
    WHERE campaign_id = OLD.campaign_id AND decision = OLD.decision AND decisions = 0;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO decisions_by_campaign AS d (campaign_id, decision, decisions)
    VALUES (NEW.campaign_id, NEW.decision, 1)
    ON CONFLICT (campaign_id, decision) DO UPDATE SET decisions = d.decisions + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER raekoda_count_decisions
AFTER INSERT OR DELETE OR UPDATE OF campaign_id, decision ON review_decisions
FOR EACH ROW EXECUTE FUNCTION raekoda_count_decisions();
)sql";

}  // namespace

void create_decision_summary(Database& db) {
  create_summary_objects(db, sqlite_sql, postgres_sql, {"raekoda_count_decisions"});
  rebuild_decision_summary(db);
}

void rebuild_decision_summary(Database& db) {
  db.exec("DELETE FROM decisions_by_campaign");
  db.exec(
      "INSERT INTO decisions_by_campaign (campaign_id, decision, decisions) "
      "SELECT campaign_id, decision, count(*) FROM review_decisions GROUP BY 1, 2");
}

std::vector<CampaignDecisions> read_decision_summary(Database& db) {
  std::vector<CampaignDecisions> rows;
  Statement select = db.prepare(
      "SELECT campaign_id, decision, decisions FROM decisions_by_campaign ORDER BY 1, 2");
  while (select.step()) rows.push_back({select.integer(0), select.text(1), select.integer(2)});
  return rows;
}

}  // namespace raekoda::db
