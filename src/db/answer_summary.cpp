#include "db/answer_summary.h"

#include <algorithm>
#include <set>

#include "db/database.h"
#include "db/summary_sql.h"

namespace raekoda::db {
namespace {

// A document counts once it has a due date and an answer; it is on time when answered by the
// due date in force. A row whose count falls to 0 is removed, so that the table holds only what
// a rebuild would write. The triggers use SQLite's own functions only, so a file edited with the
// sqlite3 shell keeps its summary too.
constexpr std::string_view sqlite_sql = R"sql(
CREATE TABLE answers_by_month (
  month TEXT NOT NULL CHECK (length(month) = 7),
  responder_id INTEGER NOT NULL,
  doc_type TEXT NOT NULL,
  answered INTEGER NOT NULL CHECK (answered >= 0),
  on_time INTEGER NOT NULL CHECK (on_time BETWEEN 0 AND answered),
  PRIMARY KEY (month, responder_id, doc_type)
) WITHOUT ROWID;

CREATE TRIGGER documents_answer_added AFTER INSERT ON documents
WHEN NEW.due_on IS NOT NULL AND NEW.answered_on IS NOT NULL
BEGIN
  INSERT INTO answers_by_month (month, responder_id, doc_type, answered, on_time)
  VALUES (substr(NEW.answered_on, 1, 7), coalesce(NEW.responder_id, 0), NEW.doc_type, 1,
          NEW.answered_on <= coalesce(NEW.extended_due_on, NEW.due_on))
  ON CONFLICT DO UPDATE SET answered = answered + 1, on_time = on_time + excluded.on_time;
END;

CREATE TRIGGER documents_answer_removed AFTER DELETE ON documents
WHEN OLD.due_on IS NOT NULL AND OLD.answered_on IS NOT NULL
BEGIN
  UPDATE answers_by_month SET answered = answered - 1,
    on_time = on_time - (OLD.answered_on <= coalesce(OLD.extended_due_on, OLD.due_on))
  WHERE month = substr(OLD.answered_on, 1, 7) AND responder_id = coalesce(OLD.responder_id, 0)
    AND doc_type = OLD.doc_type;
  DELETE FROM answers_by_month WHERE month = substr(OLD.answered_on, 1, 7)
    AND responder_id = coalesce(OLD.responder_id, 0) AND doc_type = OLD.doc_type
    AND answered = 0;
END;

CREATE TRIGGER documents_answer_changed
AFTER UPDATE OF answered_on, due_on, extended_due_on, responder_id, doc_type ON documents
BEGIN
  UPDATE answers_by_month SET answered = answered - 1,
    on_time = on_time - (OLD.answered_on <= coalesce(OLD.extended_due_on, OLD.due_on))
  WHERE OLD.due_on IS NOT NULL AND OLD.answered_on IS NOT NULL
    AND month = substr(OLD.answered_on, 1, 7) AND responder_id = coalesce(OLD.responder_id, 0)
    AND doc_type = OLD.doc_type;
  DELETE FROM answers_by_month WHERE OLD.due_on IS NOT NULL AND OLD.answered_on IS NOT NULL
    AND month = substr(OLD.answered_on, 1, 7) AND responder_id = coalesce(OLD.responder_id, 0)
    AND doc_type = OLD.doc_type AND answered = 0;
  INSERT INTO answers_by_month (month, responder_id, doc_type, answered, on_time)
  SELECT substr(NEW.answered_on, 1, 7), coalesce(NEW.responder_id, 0), NEW.doc_type, 1,
         NEW.answered_on <= coalesce(NEW.extended_due_on, NEW.due_on)
  WHERE NEW.due_on IS NOT NULL AND NEW.answered_on IS NOT NULL
  ON CONFLICT DO UPDATE SET answered = answered + 1, on_time = on_time + excluded.on_time;
END;
)sql";

// On a server the trigger runs as the schema's owner, so that no role needs a grant to write
// the summary, and none can write it but through the documents.
constexpr std::string_view postgres_sql = R"sql(
CREATE TABLE answers_by_month (
  month text NOT NULL CHECK (length(month) = 7),
  responder_id bigint NOT NULL,
  doc_type text NOT NULL,
  answered bigint NOT NULL CHECK (answered >= 0),
  on_time bigint NOT NULL CHECK (on_time BETWEEN 0 AND answered),
  PRIMARY KEY (month, responder_id, doc_type)
);

CREATE FUNCTION raekoda_count_answers() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.due_on IS NOT NULL AND OLD.answered_on IS NOT NULL THEN
    UPDATE answers_by_month SET answered = answered - 1,
      on_time = on_time -
        CASE WHEN OLD.answered_on <= coalesce(OLD.extended_due_on, OLD.due_on) THEN 1 ELSE 0 END
    WHERE month = month_of(OLD.answered_on) AND responder_id = coalesce(OLD.responder_id, 0)
      AND doc_type = OLD.doc_type;
    DELETE FROM answers_by_month WHERE month = month_of(OLD.answered_on)
      AND responder_id = coalesce(OLD.responder_id, 0) AND doc_type = OLD.doc_type
      AND answered = 0;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.due_on IS NOT NULL AND NEW.answered_on IS NOT NULL THEN
    INSERT INTO answers_by_month AS a (month, responder_id, doc_type, answered, on_time)
    VALUES (month_of(NEW.answered_on), coalesce(NEW.responder_id, 0), NEW.doc_type, 1,
            CASE WHEN NEW.answered_on <= coalesce(NEW.extended_due_on, NEW.due_on)
                 THEN 1 ELSE 0 END)
    ON CONFLICT (month, responder_id, doc_type)
    DO UPDATE SET answered = a.answered + 1, on_time = a.on_time + excluded.on_time;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER raekoda_count_answers
AFTER INSERT OR DELETE OR UPDATE OF answered_on, due_on, extended_due_on, responder_id, doc_type
ON documents FOR EACH ROW EXECUTE FUNCTION raekoda_count_answers();
)sql";

// Version 10: each month's changes counted, by triggers on the summary itself, so that a
// reader can keep the months it summed and know when one of them changed. A month never
// changed since has no row.
constexpr std::string_view sqlite_months_sql = R"sql(
CREATE TABLE answer_months (
  month TEXT PRIMARY KEY CHECK (length(month) = 7),
  version INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER answers_by_month_added AFTER INSERT ON answers_by_month
BEGIN
  INSERT INTO answer_months (month, version) VALUES (NEW.month, 1)
  ON CONFLICT DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER answers_by_month_removed AFTER DELETE ON answers_by_month
BEGIN
  INSERT INTO answer_months (month, version) VALUES (OLD.month, 1)
  ON CONFLICT DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER answers_by_month_changed AFTER UPDATE ON answers_by_month
BEGIN
  INSERT INTO answer_months (month, version) VALUES (OLD.month, 1)
  ON CONFLICT DO UPDATE SET version = version + 1;
  INSERT INTO answer_months (month, version) SELECT NEW.month, 1 WHERE NEW.month <> OLD.month
  ON CONFLICT DO UPDATE SET version = version + 1;
END;
)sql";

constexpr std::string_view postgres_months_sql = R"sql(
CREATE TABLE answer_months (
  month text PRIMARY KEY CHECK (length(month) = 7),
  version bigint NOT NULL
);

CREATE FUNCTION raekoda_count_answer_months() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO answer_months AS m (month, version) VALUES (OLD.month, 1)
    ON CONFLICT (month) DO UPDATE SET version = m.version + 1;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.month <> OLD.month) THEN
    INSERT INTO answer_months AS m (month, version) VALUES (NEW.month, 1)
    ON CONFLICT (month) DO UPDATE SET version = m.version + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER raekoda_count_answer_months AFTER INSERT OR DELETE OR UPDATE ON answers_by_month
FOR EACH ROW EXECUTE FUNCTION raekoda_count_answer_months();
)sql";

// The month a summary row names, parsed once for the run of rows that share it.
class MonthReader {
public:
  std::optional<Date> operator()(const std::string& text) {
    if (text != text_) {
      text_ = text;
      month_ = Date::parse_iso(text + "-01");
    }
    return month_;
  }

private:
  std::string text_;
  std::optional<Date> month_;
};

// The summary's rows of `months`, read in one range from the first to the last.
void add_summary(Database& db, const std::set<Date>& months, const AnswerVisitor& into) {
  if (months.empty()) return;
  Statement select = db.prepare(
      "SELECT month, responder_id, doc_type, answered, on_time FROM answers_by_month "
      "WHERE month BETWEEN ? AND ?");
  select.bind_all(month_key(*months.begin()), month_key(*months.rbegin()));
  MonthReader month_of;
  while (select.step())
    if (auto month = month_of(select.text(0)); month && months.contains(*month))
      into({*month, select.integer(1), select.text(2), select.integer(3), select.integer(4)});
}

// The answers of the days from `first` to `last`, one at a time: summing them in the caller is
// quicker than SQLite's GROUP BY, which sorts them first. documents_answered covers the query.
void add_documents(Database& db, Date first, Date last, int sign, const AnswerVisitor& into) {
  if (last < first) return;
  Statement select = db.prepare(
      "SELECT answered_on, coalesce(responder_id, 0), doc_type, "
      "CASE WHEN answered_on <= coalesce(extended_due_on, due_on) THEN 1 ELSE 0 END "
      "FROM documents WHERE due_on IS NOT NULL AND answered_on BETWEEN ? AND ?");
  select.bind_all(first, last);
  while (select.step())
    if (auto day = select.date(0))
      into({day->month_start(), select.integer(1), select.text(2), sign, sign * select.integer(3)});
}

}  // namespace

void create_answer_summary(Database& db) {
  create_summary_objects(db, sqlite_sql, postgres_sql, {"raekoda_count_answers"});
  rebuild_answer_summary(db);
}

void create_answer_month_versions(Database& db) {
  create_summary_objects(db, sqlite_months_sql, postgres_months_sql,
                         {"raekoda_count_answer_months"});
}

void rebuild_answer_summary(Database& db) {
  db.exec("DELETE FROM answers_by_month");
  db.exec(
      "INSERT INTO answers_by_month (month, responder_id, doc_type, answered, on_time) "
      "SELECT month_of(answered_on), coalesce(responder_id, 0), doc_type, count(*), "
      "count(*) FILTER (WHERE answered_on <= coalesce(extended_due_on, due_on)) "
      "FROM documents WHERE due_on IS NOT NULL AND answered_on IS NOT NULL "
      "GROUP BY 1, 2, 3");
}

void tally_answers(Database& db, const Period& period, const AnswerVisitor& into) {
  if (period.until < period.from) return;
  Date first_month = period.from.month_start();
  Date last_month = period.until.month_start();
  // The months counted whole from the summary, some with their outside days taken back off.
  std::set<Date> from_summary;
  for (Date month = first_month; month <= last_month; month = month.plus_months(1)) {
    Date month_end = month.plus_months(1).plus_days(-1);
    Date inside_from = std::max(month, period.from);
    Date inside_until = std::min(month_end, period.until);
    int inside = inside_from.days_until(inside_until) + 1;
    int outside = month.days_until(month_end) + 1 - inside;
    if (outside == 0) {
      from_summary.insert(month);
    } else if (outside < inside) {
      from_summary.insert(month);
      add_documents(db, month, inside_from.plus_days(-1), -1, into);
      add_documents(db, inside_until.plus_days(1), month_end, -1, into);
    } else {
      add_documents(db, inside_from, inside_until, 1, into);
    }
  }
  add_summary(db, from_summary, into);
}

std::vector<AnswerTally> read_answer_summary(Database& db) {
  // Every row as it is, a count of 0 included: the table must hold none.
  std::vector<AnswerTally> rows;
  Statement select = db.prepare(
      "SELECT month, responder_id, doc_type, answered, on_time FROM answers_by_month "
      "ORDER BY month, responder_id, doc_type");
  MonthReader month_of;
  while (select.step())
    rows.push_back({month_of(select.text(0)).value_or(Date()), select.integer(1), select.text(2),
                    select.integer(3), select.integer(4)});
  return rows;
}

}  // namespace raekoda::db
