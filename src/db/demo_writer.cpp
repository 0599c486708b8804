#include "db/demo_writer.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "db/database.h"

namespace raekoda::db {
namespace {

// One table's demo rows, written a few hundred at a time as one multi-row INSERT: a server
// then takes one round trip per batch instead of one per row, and SQLite steps fewer statements.
class BatchedInsert {
public:
  static constexpr std::size_t rows_per_batch = 256;

  BatchedInsert(Database& db, std::string_view table, std::string_view columns)
      : db_(db),
        head_("INSERT INTO " + std::string(table) + " (" + std::string(columns) + ") VALUES "),
        columns_(static_cast<std::size_t>(std::count(columns.begin(), columns.end(), ',')) + 1) {}

  bool full() const { return pending_.size() == rows_per_batch * columns_; }

  // One row: a value for each column, in the order the columns were named.
  template <class... Args>
  void add(const Args&... args) {
    if (sizeof...(Args) != columns_)
      throw std::logic_error(head_ + ": " + std::to_string(sizeof...(Args)) + " values");
    (pending_.push_back(value_of(args)), ...);
  }

  void flush() {
    if (pending_.empty()) return;
    std::size_t rows = pending_.size() / columns_;
    if (rows == rows_per_batch) {
      if (!full_batch_) full_batch_.emplace(db_.prepare(sql(rows)));
      run(*full_batch_);
    } else {
      Statement partial = db_.prepare(sql(rows));
      run(partial);
    }
    pending_.clear();
  }

private:
  using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

  template <class T>
  static Value value_of(const T& value) {
    if constexpr (std::is_integral_v<T>)
      return static_cast<std::int64_t>(value);
    else if constexpr (std::is_floating_point_v<T>)
      return static_cast<double>(value);
    else if constexpr (std::is_same_v<T, Date>)
      return value.iso();
    else
      return std::string(std::string_view(value));
  }
  static Value value_of(std::nullopt_t) { return std::monostate{}; }
  template <class T>
  static Value value_of(const std::optional<T>& value) {
    return value ? value_of(*value) : Value{};
  }

  std::string sql(std::size_t rows) const {
    std::string row = "(";
    for (std::size_t c = 0; c < columns_; ++c) row += c ? ", ?" : "?";
    row += ")";
    std::string text = head_;
    text.reserve(head_.size() + rows * (row.size() + 2));
    for (std::size_t r = 0; r < rows; ++r) {
      if (r) text += ", ";
      text += row;
    }
    return text;
  }

  void run(Statement& statement) {
    int index = 0;
    for (const Value& value : pending_)
      std::visit(
          [&](const auto& held) {
            if constexpr (std::is_same_v<std::decay_t<decltype(held)>, std::monostate>)
              statement.bind(++index, std::nullopt);
            else
              statement.bind(++index, held);
          },
          value);
    statement.run();
  }

  Database& db_;
  std::string head_;
  std::size_t columns_;
  std::vector<Value> pending_;
  std::optional<Statement> full_batch_;
};

class SqlDemoSink final : public DemoSink {
public:
  explicit SqlDemoSink(Database& db)
      : unit_(db, "units", "id, name"),
        institution_(db, "institutions", "id, name, kind"),
        person_(db, "people", "id, full_name, job_title, unit_id, email, joined_on, left_on"),
        outlet_(db, "media_outlets", "id, name, channel, language"),
        item_(db, "media_items",
              "id, outlet_id, published_on, channel, language, title, url, tone, subject, topic, "
              "reach, misleading, rebuttal_status, rebuttal_due_on, rebuttal_url"),
        release_(db, "press_releases",
                 "id, title, author_id, drafted_on, state, approver_id, approved_on, "
                 "published_on"),
        document_(db, "documents",
                  "id, reg_number, doc_type, direction, registered_on, title, sender, "
                  "responder_id, due_on, extended_due_on, extension_reason, answered_on, "
                  "access_restricted, restriction_basis"),
        plan_(db, "comm_plans", "id, name, owner_id, starts_on, ends_on"),
        activity_(db, "comm_activities",
                  "id, plan_id, title, channel, audience, owner_id, planned_on, planned_until, "
                  "status, done_on, link"),
        issue_(db, "newspaper_issues", "id, title, copy_deadline_on, publication_on"),
        incident_(db, "incidents",
                  "id, title, opened_at, resolved_at, status, category, severity, is_security, "
                  "institution_id, assignee_id, root_cause"),
        system_(db, "information_systems", "id, name, kind, owner_id, restore_test_interval_days"),
        backup_(db, "backups", "id, system_id, taken_at, result, size_mb"),
        restore_(db, "restore_tests", "id, system_id, tested_on, result, tester_id, notes"),
        account_(db, "accounts",
                 "id, person_id, system_id, username, privilege, granted_on, request_ref, "
                 "requested_by_id, revoked_on"),
        campaign_(db, "review_campaigns",
                  "id, name, reviewer_id, all_systems, starts_on, due_on, state, closed_on"),
        decision_(db, "review_decisions",
                  "id, campaign_id, account_id, decision, decided_by_id, decided_on, reason") {}

  std::int64_t rows() const { return rows_; }

  // Writes the rows still queued; the last batch of a table is usually not full.
  void flush() {
    if (queued_) queued_->flush();
    queued_ = nullptr;
  }

  void add(const Unit& u) override { write(unit_, u.id, u.name); }
  void add(const Institution& i) override { write(institution_, i.id, i.name, key_of(i.kind)); }
  void add(const Person& p) override {
    write(person_, p.id, p.full_name, p.job_title, p.unit_id, p.email, p.joined_on, p.left_on);
  }
  void add(const MediaOutlet& o) override {
    write(outlet_, o.id, o.name, key_of(o.channel), key_of(o.language));
  }
  void add(const MediaItem& m) override {
    write(item_, m.id, m.outlet_id, m.published_on, key_of(m.channel), key_of(m.language), m.title,
          optional_text(m.url), key_of(m.tone), key_of(m.subject), optional_text(m.topic), m.reach,
          m.misleading ? 1 : 0, key_of(m.rebuttal_status), m.rebuttal_due_on,
          optional_text(m.rebuttal_url));
  }
  void add(const PressRelease& r) override {
    write(release_, r.id, r.title, r.author_id, r.drafted_on, key_of(r.state), r.approver_id,
          r.approved_on, r.published_on);
  }
  void add(const Document& d) override {
    write(document_, d.id, d.reg_number, d.doc_type, key_of(d.direction), d.registered_on, d.title,
          d.sender, d.responder_id, d.due_on, d.extended_due_on, d.extension_reason, d.answered_on,
          d.access_restricted ? 1 : 0, d.restriction_basis);
  }
  void add(const CommPlan& p) override {
    write(plan_, p.id, p.name, p.owner_id, p.starts_on, p.ends_on);
  }
  void add(const CommActivity& a) override {
    write(activity_, a.id, a.plan_id, a.title, key_of(a.channel), a.audience, a.owner_id,
          a.planned_on, a.planned_until, key_of(a.status), a.done_on, optional_text(a.link));
  }
  void add(const NewspaperIssue& n) override {
    write(issue_, n.id, n.title, n.copy_deadline_on, n.publication_on);
  }
  void add(const Incident& i) override {
    std::optional<std::string> resolved;
    if (i.resolved_at) resolved = i.resolved_at->iso();
    write(incident_, i.id, i.title, i.opened_at.iso(), resolved, key_of(i.status),
          key_of(i.category), key_of(i.severity), i.is_security ? 1 : 0, i.institution_id,
          i.assignee_id, i.root_cause);
  }
  void add(const InformationSystem& s) override {
    write(system_, s.id, s.name, key_of(s.kind), s.owner_id, s.restore_test_interval_days);
  }
  void add(const Backup& b) override {
    write(backup_, b.id, b.system_id, b.taken_at.iso(), key_of(b.result), b.size_mb);
  }
  void add(const RestoreTest& t) override {
    write(restore_, t.id, t.system_id, t.tested_on, key_of(t.result), t.tester_id, t.notes);
  }
  void add(const Account& a) override {
    write(account_, a.id, a.person_id, a.system_id, a.username, key_of(a.privilege), a.granted_on,
          a.request_ref, a.requested_by_id, a.revoked_on);
  }
  void add(const ReviewCampaign& c) override {
    write(campaign_, c.id, c.name, c.reviewer_id, 1, c.starts_on, c.due_on, key_of(c.state),
          c.closed_on);
  }
  void add(const AccessDecision& d) override {
    write(decision_, d.id, d.campaign_id, d.account_id, key_of(d.decision), d.decided_by_id,
          d.decided_on, d.reason);
  }

private:
  static std::optional<std::string_view> optional_text(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
  }

  // Rows go out in the order they came: a batch is written before a row of another table joins
  // the queue, so every foreign key names a row already written, as it did row by row.
  template <class... Args>
  void write(BatchedInsert& batch, const Args&... args) {
    if (queued_ != &batch) flush();
    queued_ = &batch;
    batch.add(args...);
    if (batch.full()) batch.flush();
    ++rows_;
  }

  BatchedInsert unit_, institution_, person_, outlet_, item_, release_, document_, plan_, activity_,
      issue_, incident_, system_, backup_, restore_, account_, campaign_, decision_;
  BatchedInsert* queued_ = nullptr;  // the batch holding rows not yet written
  std::int64_t rows_ = 0;
};

// Every person of the invented city logs in by the name before the @ of their address
// ("mari.kask7"); the people the dashboard is for have their roles, and everyone who answers
// documents is a responder.
void give_logins_and_roles(Database& db) {
  std::vector<std::pair<Id, std::string>> logins;
  Statement people = db.prepare("SELECT id, email FROM people WHERE email IS NOT NULL");
  while (people.step()) {
    std::string email = people.text(1);
    logins.emplace_back(people.integer(0), email.substr(0, email.find('@')));
  }
  Statement set_login = db.prepare("UPDATE people SET login = ? WHERE id = ?");
  for (const auto& [id, login] : logins) {
    set_login.bind_all(login, id);
    set_login.run();
  }
  const std::pair<const char*, const char*> by_title[] = {
      {"volikogu esimees", "council_chair"},
      {"linnasekretär", "city_secretary"},
      {"infospetsialist", "information_specialist"},
      {"kommunikatsioonijuht", "communications"},
      {"avalike suhete juhtivspetsialist", "communications"},
      {"IT-peaspetsialist", "it_lead"},
  };
  Statement role = db.prepare(
      "INSERT INTO person_roles (person_id, role) SELECT min(id), ? FROM people WHERE job_title = "
      "? HAVING count(*) > 0");
  for (const auto& [title, key] : by_title) {
    role.bind_all(key, title);
    role.run();
  }
  db.exec(
      "INSERT INTO person_roles (person_id, role) SELECT min(p.id), 'head_of_chancellery' "
      "FROM people p JOIN units u ON u.id = p.unit_id WHERE u.name = 'Linnakantselei' AND "
      "p.job_title = 'juhataja' AND p.left_on IS NULL HAVING count(*) > 0");
  db.exec(
      "INSERT INTO person_roles (person_id, role) SELECT DISTINCT responder_id, 'responder' "
      "FROM documents WHERE responder_id IS NOT NULL");
}

}  // namespace

std::int64_t write_demo_data(Database& db, const DemoOptions& options) {
  if (!db.is_empty()) throw DatabaseError(ErrorKind::not_empty, db.display_name());
  Transaction transaction(db);
  SqlDemoSink sink(db);
  generate_demo_data(options, sink);
  sink.flush();
  // The invented city's council chair approves its press releases.
  db.exec(
      "UPDATE settings SET council_chair_id = "
      "(SELECT min(id) FROM people WHERE job_title = 'volikogu esimees'), city_name = 'Rannalinn'");
  give_logins_and_roles(db);
  transaction.commit();
  return sink.rows();
}

}  // namespace raekoda::db
