#include "db/demo_writer.h"

#include "db/database.h"

namespace raekoda::db {
namespace {

class SqlDemoSink final : public DemoSink {
public:
  explicit SqlDemoSink(Database& db)
      : unit_(db.prepare("INSERT INTO units (id, name) VALUES (?, ?)")),
        institution_(db.prepare("INSERT INTO institutions (id, name, kind) VALUES (?, ?, ?)")),
        person_(
            db.prepare("INSERT INTO people (id, full_name, job_title, unit_id, email, joined_on, "
                       "left_on) VALUES (?, ?, ?, ?, ?, ?, ?)")),
        outlet_(db.prepare(
            "INSERT INTO media_outlets (id, name, channel, language) VALUES (?, ?, ?, ?)")),
        item_(db.prepare(
            "INSERT INTO media_items (id, outlet_id, published_on, channel, language, "
            "title, url, tone, subject, topic, reach, misleading, rebuttal_status, "
            "rebuttal_due_on, rebuttal_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        release_(
            db.prepare("INSERT INTO press_releases (id, title, author_id, drafted_on, state, "
                       "approver_id, approved_on, published_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
        document_(
            db.prepare("INSERT INTO documents (id, reg_number, doc_type, direction, registered_on, "
                       "title, sender, responder_id, due_on, extended_due_on, extension_reason, "
                       "answered_on, access_restricted, restriction_basis) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        plan_(db.prepare("INSERT INTO comm_plans (id, name, owner_id, starts_on, ends_on) VALUES "
                         "(?, ?, ?, ?, ?)")),
        activity_(db.prepare(
            "INSERT INTO comm_activities (id, plan_id, title, channel, audience, owner_id, "
            "planned_on, planned_until, status, done_on, link) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        issue_(
            db.prepare("INSERT INTO newspaper_issues (id, title, copy_deadline_on, publication_on) "
                       "VALUES (?, ?, ?, ?)")),
        incident_(db.prepare(
            "INSERT INTO incidents (id, title, opened_at, resolved_at, status, category, "
            "severity, is_security, institution_id, assignee_id, root_cause) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        system_(db.prepare("INSERT INTO information_systems (id, name, kind, owner_id, "
                           "restore_test_interval_days) VALUES (?, ?, ?, ?, ?)")),
        backup_(db.prepare("INSERT INTO backups (id, system_id, taken_at, result, size_mb) VALUES "
                           "(?, ?, ?, ?, ?)")),
        restore_(db.prepare(
            "INSERT INTO restore_tests (id, system_id, tested_on, result, tester_id, notes) "
            "VALUES (?, ?, ?, ?, ?, ?)")),
        account_(db.prepare(
            "INSERT INTO accounts (id, person_id, system_id, username, privilege, granted_on, "
            "request_ref, requested_by_id, revoked_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        campaign_(db.prepare(
            "INSERT INTO review_campaigns (id, name, reviewer_id, all_systems, starts_on, "
            "due_on, state, closed_on) VALUES (?, ?, ?, 1, ?, ?, ?, ?)")),
        decision_(db.prepare("INSERT INTO review_decisions (id, campaign_id, account_id, decision, "
                             "decided_by_id, decided_on, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {}

  std::int64_t rows() const { return rows_; }

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
    write(campaign_, c.id, c.name, c.reviewer_id, c.starts_on, c.due_on, key_of(c.state),
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

  template <class... Args>
  void write(Statement& statement, const Args&... args) {
    statement.bind_all(args...);
    statement.run();
    ++rows_;
  }

  Statement unit_, institution_, person_, outlet_, item_, release_, document_, plan_, activity_,
      issue_, incident_, system_, backup_, restore_, account_, campaign_, decision_;
  std::int64_t rows_ = 0;
};

}  // namespace

std::int64_t write_demo_data(Database& db, const DemoOptions& options) {
  if (!db.is_empty()) throw DatabaseError(ErrorKind::not_empty, db.path().filename().string());
  Transaction transaction(db);
  SqlDemoSink sink(db);
  generate_demo_data(options, sink);
  // The invented city's council chair approves its press releases.
  db.exec(
      "UPDATE settings SET council_chair_id = "
      "(SELECT min(id) FROM people WHERE job_title = 'volikogu esimees')");
  transaction.commit();
  return sink.rows();
}

}  // namespace raekoda::db
