#include "support/test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <set>
#include <stdexcept>
#include <vector>

#include "db/demo_writer.h"

namespace raekoda::testing {
namespace {

const char* server() {
  const char* uri = std::getenv("RAEKODA_TEST_POSTGRES");
  return uri && *uri ? uri : nullptr;
}

// The maintenance connection that creates and drops the test databases.
class Cluster {
public:
  Cluster() : connection_(PQconnectdb(server())) {
    if (PQstatus(connection_) != CONNECTION_OK)
      throw std::runtime_error(std::string("test cluster: ") + PQerrorMessage(connection_));
    run("SET client_min_messages = warning");
  }
  ~Cluster() {
    // A database left behind goes with the cluster; a failed drop must not end the run.
    for (const std::string& name : created_) {
      try {
        run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (const std::exception&) {
      }
    }
    PQfinish(connection_);
  }
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  // A fresh database copied from a template that holds the schema: creating the schema anew for
  // each test case would cost a tenth of a second each.
  std::string fresh_database() {
    ensure_template("raekoda_template", [](db::Database&) {});
    return copy_of("raekoda_template");
  }

  std::string fresh_demo_database(const DemoOptions& options) {
    std::string name = "raekoda_demo_" + std::to_string(options.seed) + "_" +
                       std::to_string(options.years) + "_" + std::to_string(options.scale) + "_" +
                       options.until.iso().substr(0, 4) + options.until.iso().substr(5, 2) +
                       options.until.iso().substr(8, 2);
    ensure_template(name, [&](db::Database& db) { db::write_demo_data(db, options); });
    return copy_of(name);
  }

  std::string uri_of(const std::string& name) const {
    // The URI names database "raekoda"; the copy differs only in its name.
    std::string uri = server();
    std::size_t slash = uri.find("/raekoda?");
    if (slash == std::string::npos) throw std::runtime_error("test cluster URI: " + uri);
    return uri.substr(0, slash + 1) + name + uri.substr(slash + 8);
  }

private:
  std::string copy_of(const std::string& template_name) {
    std::string name = "test_" + std::to_string(::getpid()) + "_" + std::to_string(++count_);
    run("CREATE DATABASE " + name + " TEMPLATE " + template_name);
    created_.push_back(name);
    return uri_of(name);
  }

  void ensure_template(const std::string& name, const std::function<void(db::Database&)>& fill) {
    if (ready_.count(name)) return;
    // Test processes run side by side: one of them makes the template, the others wait.
    run("SELECT pg_advisory_lock(7261)");
    PGresult* found =
        PQexec(connection_, ("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").c_str());
    bool exists = PQntuples(found) > 0;
    PQclear(found);
    if (!exists) {
      try {
        run("DROP DATABASE IF EXISTS " + name + "_new");
        run("CREATE DATABASE " + name + "_new");
        {
          db::Database db = db::Database::open(uri_of(name + "_new"), db::OpenMode::existing);
          fill(db);
        }
        run("ALTER DATABASE " + name + "_new RENAME TO " + name);
      } catch (...) {
        run("SELECT pg_advisory_unlock(7261)");
        throw;
      }
    }
    run("SELECT pg_advisory_unlock(7261)");
    ready_.insert(name);
  }

  void run(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    ExecStatusType status = PQresultStatus(result);
    std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      throw std::runtime_error("test cluster: " + sql + ": " + error);
  }

  PGconn* connection_;
  std::vector<std::string> created_;
  int count_ = 0;
  std::set<std::string> ready_;
};

Cluster& cluster() {
  static Cluster instance;
  return instance;
}

}  // namespace

bool on_postgres() {
  return server() != nullptr;
}

db::Database open_test_database() {
  if (!on_postgres()) return db::Database::open_in_memory();
  return db::Database::open(cluster().fresh_database(), db::OpenMode::existing);
}

std::string demo_server_database(const DemoOptions& options) {
  return cluster().fresh_demo_database(options);
}

std::string shared_test_target(const std::string& folder, const std::string& name) {
  if (!on_postgres()) return folder + "/" + name;
  return cluster().fresh_database();
}

std::string login_of(db::Database& db, std::string_view role) {
  auto select = db.prepare(
      "SELECT p.login FROM people p JOIN person_roles r ON r.person_id = p.id WHERE r.role = ? "
      "ORDER BY p.id");
  select.bind(1, role);
  if (!select.step()) throw std::runtime_error("nobody has the role " + std::string(role));
  return select.text(0);
}

void take_away_schema_11(db::Database& db) {
  if (db.backend() == db::Backend::postgresql) {
    db.exec("DROP TRIGGER raekoda_count_incident_months ON incidents");
    db.exec("DROP FUNCTION raekoda_count_incident_months()");
  } else {
    for (const char* trigger :
         {"incident_month_added", "incident_month_removed", "incident_month_changed"})
      db.exec(std::string("DROP TRIGGER ") + trigger);
  }
  db.exec("DROP TABLE incident_months");
}

void take_away_schema_10(db::Database& db) {
  take_away_schema_11(db);
  if (db.backend() == db::Backend::postgresql) {
    db.exec("DROP TRIGGER raekoda_count_account_reviews ON accounts");
    db.exec("DROP FUNCTION raekoda_count_account_reviews()");
    db.exec("DROP TRIGGER raekoda_count_review_days ON review_decisions");
    db.exec("DROP FUNCTION raekoda_count_review_days()");
    db.exec("DROP TRIGGER raekoda_count_answer_months ON answers_by_month");
    db.exec("DROP FUNCTION raekoda_count_answer_months()");
    db.exec("DROP TRIGGER raekoda_count_media ON media_items");
    db.exec("DROP FUNCTION raekoda_count_media()");
  } else {
    for (const char* trigger :
         {"accounts_review_added", "accounts_review_revoked", "accounts_review_removed",
          "review_day_added", "review_day_removed", "review_day_changed", "answers_by_month_added",
          "answers_by_month_removed", "answers_by_month_changed", "media_item_added",
          "media_item_removed", "media_item_changed"})
      db.exec(std::string("DROP TRIGGER ") + trigger);
  }
  db.exec("DROP TABLE decisions_by_day");
  db.exec("DROP TABLE account_reviews");
  db.exec("DROP TABLE answer_months");
  db.exec("DROP TABLE media_by_day");
  db.exec("DROP INDEX documents_open");
  db.exec("DROP INDEX accounts_person_state");
  db.exec("DROP INDEX comm_activities_done_late");
  db.exec("CREATE INDEX accounts_person ON accounts(person_id)");
}

void take_away_schema_9(db::Database& db) {
  take_away_schema_10(db);
  if (db.backend() == db::Backend::postgresql) {
    db.exec("DROP TRIGGER raekoda_count_answers ON documents");
    db.exec("DROP FUNCTION raekoda_count_answers()");
    db.exec("DROP TRIGGER raekoda_count_decisions ON review_decisions");
    db.exec("DROP FUNCTION raekoda_count_decisions()");
  } else {
    for (const char* trigger :
         {"documents_answer_added", "documents_answer_removed", "documents_answer_changed",
          "review_decision_added", "review_decision_removed", "review_decision_changed"})
      db.exec(std::string("DROP TRIGGER ") + trigger);
  }
  db.exec("DROP TABLE answers_by_month");
  db.exec("DROP TABLE decisions_by_campaign");
  for (const char* index :
       {"documents_answered_late", "comm_activities_late", "comm_activities_ends",
        "comm_activities_planned", "comm_activities_channel", "comm_activities_plan_status",
        "newspaper_issues_copy_deadline"})
    db.exec(std::string("DROP INDEX ") + index);
}

}  // namespace raekoda::testing
