#include "db/schema.h"

#include <string>
#include <vector>

#include "core/deadline_rule.h"
#include "core/roles.h"
#include "db/answer_summary.h"
#include "db/audit_chain.h"
#include "db/database.h"
#include "db/decision_summary.h"
#include "db/incident_months.h"
#include "db/media_summary.h"
#include "db/review_summary.h"
#include "db/schema_postgres.h"
#include "db/server_roles.h"

namespace raekoda::db {
namespace {

// Dates are ISO text. `d IS date(d, '+0 days')` rejects text that is not a real day (SQLite's
// date() alone passes 2026-02-30); IS rather than = because a CHECK that yields NULL passes.
// Timestamps are 'YYYY-MM-DD HH:MM' local time, checked the same way.
// Columns named *_week and *_month are the buckets the charts group by, derived by SQLite so they
// can never disagree with the date, and indexed.
constexpr std::string_view schema_v1 = R"sql(
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE institutions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('city_government', 'kindergarten', 'other')),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  job_title TEXT NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  email TEXT CHECK (email IS NULL OR length(email) <= 200),
  joined_on TEXT NOT NULL CHECK (joined_on IS date(joined_on, '+0 days')),
  left_on TEXT CHECK (left_on IS NULL OR left_on IS date(left_on, '+0 days')),
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX people_unit ON people(unit_id);
CREATE INDEX people_left ON people(left_on) WHERE left_on IS NOT NULL;

-- Media coverage ------------------------------------------------------------------------------

CREATE TABLE media_outlets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  channel TEXT NOT NULL CHECK (channel IN
    ('print', 'online', 'tv', 'radio', 'facebook', 'instagram', 'linkedin', 'other')),
  language TEXT NOT NULL CHECK (language IN ('et', 'ru', 'en', 'other')),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE media_items (
  id INTEGER PRIMARY KEY,
  outlet_id INTEGER NOT NULL REFERENCES media_outlets(id),
  published_on TEXT NOT NULL CHECK (published_on IS date(published_on, '+0 days')),
  channel TEXT NOT NULL CHECK (channel IN
    ('print', 'online', 'tv', 'radio', 'facebook', 'instagram', 'linkedin', 'other')),
  language TEXT NOT NULL CHECK (language IN ('et', 'ru', 'en', 'other')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  url TEXT CHECK (url IS NULL OR length(url) <= 2000),
  tone TEXT NOT NULL CHECK (tone IN ('negative', 'neutral', 'positive')),
  subject TEXT NOT NULL CHECK (subject IN ('council', 'city_government', 'topic')),
  topic TEXT CHECK (topic IS NULL OR length(topic) <= 200),
  reach INTEGER NOT NULL DEFAULT 0 CHECK (reach >= 0),
  misleading INTEGER NOT NULL DEFAULT 0 CHECK (misleading IN (0, 1)),
  rebuttal_status TEXT NOT NULL DEFAULT 'not_needed' CHECK (rebuttal_status IN
    ('not_needed', 'needed', 'drafted', 'approved', 'published')),
  rebuttal_due_on TEXT CHECK (rebuttal_due_on IS NULL OR
                              rebuttal_due_on IS date(rebuttal_due_on, '+0 days')),
  rebuttal_url TEXT CHECK (rebuttal_url IS NULL OR length(rebuttal_url) <= 2000),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
  published_week TEXT GENERATED ALWAYS AS
    (date(published_on, '-' || ((CAST(strftime('%w', published_on) AS INTEGER) + 6) % 7) || ' days')) VIRTUAL,
  published_month TEXT GENERATED ALWAYS AS (substr(published_on, 1, 7)) VIRTUAL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (rebuttal_status = 'not_needed' OR misleading = 1)
);
CREATE INDEX media_items_published ON media_items(published_on);
CREATE INDEX media_items_week_tone ON media_items(published_week, tone);
CREATE INDEX media_items_month_tone ON media_items(published_month, tone);
CREATE INDEX media_items_outlet ON media_items(outlet_id, published_on);
CREATE INDEX media_items_rebuttal ON media_items(rebuttal_status, rebuttal_due_on)
  WHERE misleading = 1;

CREATE TABLE press_releases (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  author_id INTEGER NOT NULL REFERENCES people(id),
  drafted_on TEXT NOT NULL CHECK (drafted_on IS date(drafted_on, '+0 days')),
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
    ('draft', 'awaiting_approval', 'approved', 'published')),
  approver_id INTEGER REFERENCES people(id),
  approved_on TEXT CHECK (approved_on IS NULL OR approved_on IS date(approved_on, '+0 days')),
  published_on TEXT CHECK (published_on IS NULL OR published_on IS date(published_on, '+0 days')),
  return_comment TEXT NOT NULL DEFAULT '' CHECK (length(return_comment) <= 2000),
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (approved_on IS NULL OR approved_on >= drafted_on),
  CHECK (published_on IS NULL OR (approved_on IS NOT NULL AND published_on >= approved_on)),
  CHECK ((state IN ('approved', 'published')) = (approved_on IS NOT NULL)),
  CHECK ((state = 'published') = (published_on IS NOT NULL))
);
CREATE INDEX press_releases_state ON press_releases(state, drafted_on);

-- Deadline compliance -------------------------------------------------------------------------

CREATE TABLE deadline_rules (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 60),
  amount INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 366),
  unit TEXT NOT NULL CHECK (unit IN ('working_days', 'calendar_days')),
  max_extension INTEGER CHECK (max_extension IS NULL OR max_extension BETWEEN 0 AND 366),
  extension_unit TEXT NOT NULL CHECK (extension_unit IN ('working_days', 'calendar_days')),
  basis TEXT NOT NULL DEFAULT '' CHECK (length(basis) <= 500),
  version INTEGER NOT NULL DEFAULT 1
);

-- Days off beyond weekends and the public holidays the program computes itself.
CREATE TABLE extra_days_off (
  day TEXT PRIMARY KEY CHECK (day IS date(day, '+0 days')),
  reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  reg_number TEXT NOT NULL UNIQUE CHECK (length(reg_number) BETWEEN 1 AND 60),
  doc_type TEXT NOT NULL REFERENCES deadline_rules(key),
  direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  registered_on TEXT NOT NULL CHECK (registered_on IS date(registered_on, '+0 days')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  sender TEXT NOT NULL DEFAULT '' CHECK (length(sender) <= 200),
  responder_id INTEGER REFERENCES people(id),
  due_on TEXT CHECK (due_on IS NULL OR due_on IS date(due_on, '+0 days')),
  extended_due_on TEXT CHECK (extended_due_on IS NULL OR
                              extended_due_on IS date(extended_due_on, '+0 days')),
  extension_reason TEXT CHECK (extension_reason IS NULL OR length(extension_reason) <= 2000),
  answered_on TEXT CHECK (answered_on IS NULL OR answered_on IS date(answered_on, '+0 days')),
  access_restricted INTEGER NOT NULL DEFAULT 0 CHECK (access_restricted IN (0, 1)),
  restriction_basis TEXT CHECK (restriction_basis IS NULL OR length(restriction_basis) <= 500),
  registered_month TEXT GENERATED ALWAYS AS (substr(registered_on, 1, 7)) VIRTUAL,
  effective_due_on TEXT GENERATED ALWAYS AS (coalesce(extended_due_on, due_on)) VIRTUAL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (due_on IS NULL OR due_on >= registered_on),
  CHECK (extended_due_on IS NULL OR (due_on IS NOT NULL AND extended_due_on > due_on)),
  CHECK ((extended_due_on IS NULL) = (extension_reason IS NULL)),
  CHECK (answered_on IS NULL OR answered_on >= registered_on),
  CHECK (direction = 'incoming' OR due_on IS NULL)
);
CREATE INDEX documents_open_due ON documents(effective_due_on) WHERE answered_on IS NULL;
CREATE INDEX documents_month_type ON documents(registered_month, doc_type);
CREATE INDEX documents_responder ON documents(responder_id, registered_on);
CREATE INDEX documents_type ON documents(doc_type, direction);

-- Communication plan --------------------------------------------------------------------------

CREATE TABLE comm_plans (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  owner_id INTEGER NOT NULL REFERENCES people(id),
  starts_on TEXT NOT NULL CHECK (starts_on IS date(starts_on, '+0 days')),
  ends_on TEXT NOT NULL CHECK (ends_on IS date(ends_on, '+0 days')),
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on)
);

CREATE TABLE comm_activities (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES comm_plans(id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  channel TEXT NOT NULL CHECK (channel IN ('press_release', 'website', 'facebook', 'instagram',
    'linkedin', 'newspaper', 'video', 'event', 'campaign', 'other')),
  audience TEXT NOT NULL DEFAULT '' CHECK (length(audience) <= 200),
  owner_id INTEGER NOT NULL REFERENCES people(id),
  planned_on TEXT NOT NULL CHECK (planned_on IS date(planned_on, '+0 days')),
  planned_until TEXT CHECK (planned_until IS NULL OR planned_until IS date(planned_until, '+0 days')),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
    ('planned', 'in_progress', 'done', 'postponed', 'cancelled')),
  done_on TEXT CHECK (done_on IS NULL OR done_on IS date(done_on, '+0 days')),
  link TEXT CHECK (link IS NULL OR length(link) <= 2000),
  media_item_id INTEGER REFERENCES media_items(id) ON DELETE SET NULL,
  press_release_id INTEGER REFERENCES press_releases(id) ON DELETE SET NULL,
  -- The last day of an activity's window: when it counts as late if not done.
  ends_on TEXT GENERATED ALWAYS AS (coalesce(planned_until, planned_on)) VIRTUAL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (planned_until IS NULL OR planned_until >= planned_on),
  CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX comm_activities_plan ON comm_activities(plan_id, planned_on);
CREATE INDEX comm_activities_status ON comm_activities(status, ends_on);
CREATE INDEX comm_activities_owner ON comm_activities(owner_id);

CREATE TABLE newspaper_issues (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  copy_deadline_on TEXT NOT NULL CHECK (copy_deadline_on IS date(copy_deadline_on, '+0 days')),
  publication_on TEXT NOT NULL CHECK (publication_on IS date(publication_on, '+0 days')),
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (copy_deadline_on <= publication_on)
);
CREATE INDEX newspaper_issues_publication ON newspaper_issues(publication_on);

-- IT incidents and backups --------------------------------------------------------------------

CREATE TABLE incident_targets (
  severity TEXT PRIMARY KEY CHECK (severity IN ('critical', 'high', 'normal', 'low')),
  -- counted in working minutes, 8:00-17:00 on working days
  target_minutes INTEGER NOT NULL CHECK (target_minutes > 0),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  opened_at TEXT NOT NULL CHECK (opened_at IS strftime('%Y-%m-%d %H:%M', opened_at, '+0 days')),
  resolved_at TEXT CHECK (resolved_at IS NULL OR
                          resolved_at IS strftime('%Y-%m-%d %H:%M', resolved_at, '+0 days')),
  status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN
    ('registered', 'in_progress', 'waiting', 'resolved')),
  category TEXT NOT NULL CHECK (category IN ('hardware', 'software', 'network', 'account_access',
    'document_management', 'accounting_software', 'nas_backup', 'security')),
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'normal', 'low')),
  is_security INTEGER NOT NULL DEFAULT 0 CHECK (is_security IN (0, 1)),
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  assignee_id INTEGER REFERENCES people(id),
  root_cause TEXT NOT NULL DEFAULT '' CHECK (length(root_cause) <= 2000),
  opened_week TEXT GENERATED ALWAYS AS
    (date(opened_at, '-' || ((CAST(strftime('%w', opened_at) AS INTEGER) + 6) % 7) || ' days')) VIRTUAL,
  resolved_week TEXT GENERATED ALWAYS AS
    (date(resolved_at, '-' || ((CAST(strftime('%w', resolved_at) AS INTEGER) + 6) % 7) || ' days')) VIRTUAL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (resolved_at IS NULL OR resolved_at >= opened_at),
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
  CHECK (category <> 'security' OR is_security = 1)
);
CREATE INDEX incidents_opened_week ON incidents(opened_week, category);
CREATE INDEX incidents_resolved_week ON incidents(resolved_week) WHERE resolved_at IS NOT NULL;
CREATE INDEX incidents_open ON incidents(severity, opened_at) WHERE resolved_at IS NULL;
CREATE INDEX incidents_security ON incidents(opened_at) WHERE is_security = 1;

CREATE TABLE information_systems (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('document_management', 'accounting', 'nas', 'email',
    'state_register', 'portal', 'other')),
  owner_id INTEGER REFERENCES people(id),
  restore_test_interval_days INTEGER CHECK (restore_test_interval_days IS NULL OR
                                            restore_test_interval_days > 0),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE backups (
  id INTEGER PRIMARY KEY,
  system_id INTEGER NOT NULL REFERENCES information_systems(id),
  taken_at TEXT NOT NULL CHECK (taken_at IS strftime('%Y-%m-%d %H:%M', taken_at, '+0 days')),
  result TEXT NOT NULL CHECK (result IN ('succeeded', 'failed')),
  size_mb INTEGER CHECK (size_mb IS NULL OR size_mb >= 0)
);
CREATE INDEX backups_system ON backups(system_id, taken_at);

CREATE TABLE restore_tests (
  id INTEGER PRIMARY KEY,
  system_id INTEGER NOT NULL REFERENCES information_systems(id),
  tested_on TEXT NOT NULL CHECK (tested_on IS date(tested_on, '+0 days')),
  result TEXT NOT NULL CHECK (result IN ('passed', 'partial', 'failed')),
  tester_id INTEGER REFERENCES people(id),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX restore_tests_system ON restore_tests(system_id, tested_on);

-- Access reviews ------------------------------------------------------------------------------

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  system_id INTEGER NOT NULL REFERENCES information_systems(id),
  username TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
  privilege TEXT NOT NULL CHECK (privilege IN ('read', 'user', 'admin')),
  granted_on TEXT NOT NULL CHECK (granted_on IS date(granted_on, '+0 days')),
  request_ref TEXT NOT NULL DEFAULT '' CHECK (length(request_ref) <= 100),
  requested_by_id INTEGER REFERENCES people(id),
  revoked_on TEXT CHECK (revoked_on IS NULL OR revoked_on IS date(revoked_on, '+0 days')),
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (revoked_on IS NULL OR revoked_on >= granted_on)
);
CREATE INDEX accounts_person ON accounts(person_id);
CREATE INDEX accounts_system ON accounts(system_id, privilege);
CREATE INDEX accounts_active ON accounts(system_id) WHERE revoked_on IS NULL;

CREATE TABLE review_campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  reviewer_id INTEGER NOT NULL REFERENCES people(id),
  all_systems INTEGER NOT NULL DEFAULT 1 CHECK (all_systems IN (0, 1)),
  starts_on TEXT NOT NULL CHECK (starts_on IS date(starts_on, '+0 days')),
  due_on TEXT NOT NULL CHECK (due_on IS date(due_on, '+0 days')),
  state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'open', 'closed')),
  closed_on TEXT CHECK (closed_on IS NULL OR closed_on IS date(closed_on, '+0 days')),
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (due_on >= starts_on),
  CHECK ((state = 'closed') = (closed_on IS NOT NULL)),
  CHECK (closed_on IS NULL OR closed_on >= starts_on)
);

-- The systems a campaign covers when it does not cover all of them.
CREATE TABLE campaign_systems (
  campaign_id INTEGER NOT NULL REFERENCES review_campaigns(id) ON DELETE CASCADE,
  system_id INTEGER NOT NULL REFERENCES information_systems(id),
  PRIMARY KEY (campaign_id, system_id)
);

CREATE TABLE review_decisions (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES review_campaigns(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN
    ('pending', 'keep', 'revoke', 'reduce')),
  decided_by_id INTEGER REFERENCES people(id),
  decided_on TEXT CHECK (decided_on IS NULL OR decided_on IS date(decided_on, '+0 days')),
  reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (campaign_id, account_id),
  CHECK ((decision = 'pending') = (decided_on IS NULL))
);
CREATE INDEX review_decisions_account ON review_decisions(account_id);

-- Audit log: every change made through Raekoda, field by field --------------------------------

-- One save is one change: its rows share change_id. An undo is a change of its own that names
-- the change it reverses, so that it can itself be audited and never undone twice.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  change_id INTEGER NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'undo')),
  table_name TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  field TEXT,
  before_value TEXT,
  after_value TEXT,
  undoes_change_id INTEGER
);
CREATE INDEX audit_log_record ON audit_log(table_name, record_id, id);
CREATE INDEX audit_log_change ON audit_log(changed_by, change_id);
)sql";

// Version 2: the city's settings, and what the area views group and count by.
constexpr std::string_view schema_v2 = R"sql(
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- the share of answers the city aims to give on time, in per cent
  on_time_target_percent INTEGER NOT NULL DEFAULT 95
    CHECK (on_time_target_percent BETWEEN 1 AND 100),
  -- who approves press releases: the council chair
  council_chair_id INTEGER REFERENCES people(id),
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO settings (id) VALUES (1);

-- Resolution targets become records the IT lead edits like any other, in working hours.
CREATE TABLE incident_targets_v2 (
  id INTEGER PRIMARY KEY,
  severity TEXT NOT NULL UNIQUE CHECK (severity IN ('critical', 'high', 'normal', 'low')),
  -- counted in working hours, 8:00-17:00 on working days
  target_hours INTEGER NOT NULL CHECK (target_hours BETWEEN 1 AND 1000),
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO incident_targets_v2 (id, severity, target_hours, version)
  SELECT CASE severity WHEN 'critical' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 3 ELSE 4 END,
         severity, max(1, (target_minutes + 59) / 60), version
    FROM incident_targets;
DROP TABLE incident_targets;
ALTER TABLE incident_targets_v2 RENAME TO incident_targets;

-- Access reviews: decisions counted per campaign, reviews by day, grants and revocations by month.
CREATE INDEX review_decisions_campaign ON review_decisions(campaign_id, decision);
CREATE INDEX review_decisions_decided ON review_decisions(decided_on, account_id)
  WHERE decided_on IS NOT NULL;
CREATE INDEX accounts_granted ON accounts(granted_on);
CREATE INDEX accounts_revoked ON accounts(revoked_on) WHERE revoked_on IS NOT NULL;

-- Answers by day, covering what the on-time figures read, so they never touch the table.
CREATE INDEX documents_answered ON documents
  (answered_on, registered_on, due_on, extended_due_on, responder_id, doc_type)
  WHERE due_on IS NOT NULL;
)sql";

// Version 3: imports of the city's own systems' exports.
constexpr std::string_view schema_v3 = R"sql(
-- One import of a file: one change in the audit log, undone as a whole.
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN
    ('documents', 'media', 'incidents', 'accounts', 'people', 'activities')),
  file_name TEXT NOT NULL,
  system_name TEXT NOT NULL DEFAULT '',
  preset TEXT NOT NULL DEFAULT '',
  run_by TEXT NOT NULL,
  run_at TEXT NOT NULL,
  change_id INTEGER NOT NULL,
  added INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  names_added INTEGER NOT NULL DEFAULT 0,
  undone_at TEXT
);

-- Each imported row's version when an import last wrote or confirmed it: a later version means
-- someone edited it in Raekoda since, and the next import must not overwrite that silently.
-- The key is what the source calls the row (a helpdesk's ticket id), for rows whose table does
-- not hold it.
CREATE TABLE import_keys (
  table_name TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  natural_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  PRIMARY KEY (table_name, record_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX import_keys_natural ON import_keys(table_name, natural_key);

ALTER TABLE audit_log ADD COLUMN import_id INTEGER REFERENCES imports(id);
CREATE INDEX audit_log_import ON audit_log(import_id) WHERE import_id IS NOT NULL;

-- The due date the law gives an imported document, beside the register's own: a register set up
-- with the wrong rule shows as a difference.
ALTER TABLE documents ADD COLUMN law_due_on TEXT
  CHECK (law_due_on IS NULL OR law_due_on IS date(law_due_on, '+0 days'));
CREATE INDEX documents_law_due ON documents(law_due_on) WHERE law_due_on IS NOT NULL;

-- What an import finds rows by.
CREATE INDEX accounts_username ON accounts(system_id, username);
CREATE INDEX media_items_url ON media_items(outlet_id, url) WHERE url IS NOT NULL;
CREATE INDEX people_email ON people(email) WHERE email IS NOT NULL;
)sql";

// Version 4: who is at the keyboard. The same text on both backends.
constexpr std::string_view schema_v4 = R"sql(
-- The operating-system user on a file, the database user on a server, that finds the person.
ALTER TABLE people ADD COLUMN login TEXT CHECK (login IS NULL OR length(login) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX people_login ON people(login) WHERE login IS NOT NULL;

CREATE TABLE person_roles (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('council_chair', 'head_of_chancellery', 'city_secretary',
    'information_specialist', 'communications', 'it_lead', 'responder', 'viewer')),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (person_id, role)
);

-- What each role may do; the IT lead may change it.
CREATE TABLE role_permissions (
  id INTEGER PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('council_chair', 'head_of_chancellery', 'city_secretary',
    'information_specialist', 'communications', 'it_lead', 'responder', 'viewer')),
  permission TEXT NOT NULL CHECK (permission IN ('personal_data', 'review_people',
    'approve_releases', 'decide_reviews', 'edit_rules', 'edit_documents', 'edit_media',
    'edit_plan', 'edit_it', 'edit_people')),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (role, permission)
);

-- The person who made a change, beside the operating-system or database user (changed_by).
ALTER TABLE audit_log ADD COLUMN person_id INTEGER REFERENCES people(id);
)sql";

// Version 5: the city's name, printed on every page of the monthly report. The same text on
// both backends.
constexpr std::string_view schema_v5 = R"sql(
ALTER TABLE settings ADD COLUMN city_name TEXT NOT NULL DEFAULT ''
  CHECK (length(city_name) <= 100);
)sql";

// Version 6: how often each table has changed, so that a window re-reads only the figures that
// depend on what a colleague saved. A file counts with triggers (change_counting_sql); a server
// names the table in the notice each commit sends already, and needs nothing new.
constexpr std::string_view schema_v6 = R"sql(
CREATE TABLE table_versions (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
)sql";

// Version 7: indexes that hold every column their figures read, on real columns (SQLite never
// reads an index on a generated column without its table row): the incidents of a year by when
// they opened and were resolved, the active accounts by system and privilege, and an account's
// decisions by day for the accounts not reviewed in a year, a campaign's decisions by who made
// them when, the revocations, media items by day with their tone and outlet, and the activities
// done by day and channel.
constexpr std::string_view schema_v7 = R"sql(
CREATE INDEX incidents_opened ON incidents
  (opened_at, resolved_at, severity, category, institution_id, is_security);
CREATE INDEX incidents_resolved ON incidents
  (resolved_at, opened_at, severity, category, is_security) WHERE resolved_at IS NOT NULL;
DROP INDEX accounts_active;
CREATE INDEX accounts_active ON accounts(system_id, privilege) WHERE revoked_on IS NULL;
DROP INDEX review_decisions_account;
CREATE INDEX review_decisions_account ON review_decisions(account_id, decided_on);
DROP INDEX review_decisions_campaign;
CREATE INDEX review_decisions_campaign ON review_decisions
  (campaign_id, decision, decided_by_id, decided_on);
CREATE INDEX review_decisions_revoke ON review_decisions(account_id, decided_on)
  WHERE decision = 'revoke';
DROP INDEX media_items_published;
CREATE INDEX media_items_published ON media_items(published_on, tone, outlet_id);
CREATE INDEX comm_activities_done ON comm_activities(done_on, channel) WHERE done_on IS NOT NULL;
)sql";

// Version 8: a tamper-evident audit log (db/audit_chain.h). Each row holds a hash over its
// columns and the previous row's hash; audit_chain holds the head, which every writer locks
// first. New rows keep the moment in UTC with the local offset then (old rows stay local time,
// their offset NULL), and the machine they were saved on, for Ctrl+Z. The same text on both
// backends; the migration then hashes the existing rows in id order.
constexpr std::string_view schema_v8 = R"sql(
ALTER TABLE audit_log ADD COLUMN utc_offset_minutes INTEGER
  CHECK (utc_offset_minutes IS NULL OR utc_offset_minutes BETWEEN -1080 AND 1080);
ALTER TABLE audit_log ADD COLUMN host TEXT CHECK (host IS NULL OR length(host) <= 255);
ALTER TABLE audit_log ADD COLUMN row_hash TEXT CHECK (row_hash IS NULL OR length(row_hash) = 64);
CREATE INDEX audit_log_author ON audit_log(changed_by, host, change_id);

CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL CHECK (length(last_hash) = 64)
);
)sql";

// Version 9, with the summaries of answers and of review decisions (db/answer_summary.h,
// db/decision_summary.h): indexes that keep the figures' reads as short as what they count,
// however long the history.
// - The answers given after their due date, and the activities done late or not done: a small
//   part of their tables, which the overdue and late trends read whole. A document answered by
//   its due date, or an activity done by its last day, is never overdue or late on any day.
// - The activities by their last day, for the plan's timeline (those ending after the window
//   begins) and the quarter's on-time count; by status and by channel with the day planned, for
//   the next fortnight's and the next newspaper issue's counts.
// - A plan's activities by status and last day, with their owner and the day they were done:
//   its late ones, their owners, and its on-time share, without the other years' plans.
// - The newspaper issues by their copy deadline.
// The same text on both backends.
constexpr std::string_view schema_v9 = R"sql(
CREATE INDEX documents_answered_late ON documents (answered_on, due_on, extended_due_on)
  WHERE due_on IS NOT NULL AND answered_on > coalesce(extended_due_on, due_on);
CREATE INDEX comm_activities_late ON comm_activities (status, ends_on, done_on)
  WHERE done_on IS NULL OR done_on > ends_on;
CREATE INDEX comm_activities_ends ON comm_activities (ends_on, planned_on, status, done_on);
CREATE INDEX comm_activities_planned ON comm_activities (status, planned_on);
CREATE INDEX comm_activities_channel ON comm_activities (channel, planned_on, status);
CREATE INDEX comm_activities_plan_status ON comm_activities
  (plan_id, status, ends_on, owner_id, done_on);
CREATE INDEX newspaper_issues_copy_deadline ON newspaper_issues (copy_deadline_on);
)sql";

// Version 10, with the access reviews' summaries (db/review_summary.h), the media items by day
// and tone (db/media_summary.h) and the count of each month's changes to the answers summary
// (db/answer_summary.h), whose tables and triggers differ between the backends and are written
// by their modules. Indexes that a few hundred rows' figures read alone, instead of the table's
// row for each:
// - the open documents by their due date in force, with what the deadlines view counts them by
//   (an index on the VIRTUAL effective_due_on never covers a query on SQLite 3.40; one on the
//   same expression does);
// - each person's accounts with the days they were granted and revoked, for the accounts of
//   people who have left, active now and at each week's end (it takes accounts_person's place);
// - the activities done late by the day they were done, for the weeks they were late in.
// The same text on both backends.
constexpr std::string_view schema_v10 = R"sql(
CREATE INDEX documents_open ON documents
  ((coalesce(extended_due_on, due_on)), responder_id, doc_type, due_on, extended_due_on)
  WHERE answered_on IS NULL;
CREATE INDEX accounts_person_state ON accounts (person_id, revoked_on, granted_on);
DROP INDEX accounts_person;
CREATE INDEX comm_activities_done_late ON comm_activities (done_on, ends_on)
  WHERE done_on > ends_on;
)sql";

// Version 11, with each month's count of changes to its incidents (db/incident_months.h), whose
// table and triggers differ between the backends and are written by their module: nothing else.
constexpr std::string_view schema_v11 = "";

void seed_role_permissions(Database& db) {
  Statement insert = db.prepare("INSERT INTO role_permissions (role, permission) VALUES (?, ?)");
  for (const auto& [role, permission] : default_role_permissions()) {
    insert.bind_all(key_of(role), key_of(permission));
    insert.run();
  }
}

void seed_rules(Database& db) {
  Statement insert_rule = db.prepare(
      "INSERT INTO deadline_rules (key, amount, unit, max_extension, extension_unit, basis) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  for (const DeadlineRule& rule : default_deadline_rules()) {
    insert_rule.bind_all(rule.key, rule.amount, key_of(rule.unit), rule.max_extension,
                         key_of(rule.extension_unit), rule.basis);
    insert_rule.run();
  }
}

void seed_v1(Database& db) {
  seed_rules(db);
  // Resolution targets in working minutes (a working day is 8:00-17:00, 540 minutes).
  db.exec(
      "INSERT INTO incident_targets (severity, target_minutes) VALUES "
      "('critical', 240), ('high', 540), ('normal', 1620), ('low', 5400)");
}

}  // namespace

// A row's insert, update or delete counts once in table_versions: a few microseconds a row,
// inside the writer's own transaction, so a count never runs ahead of what is committed.
std::string change_counting_sql(const std::vector<std::string>& tables) {
  std::string sql;
  for (const std::string& table : tables) {
    sql += "INSERT OR IGNORE INTO table_versions (name) VALUES ('" + table + "');\n";
    for (const char* event : {"INSERT", "UPDATE", "DELETE"})
      sql += "CREATE TRIGGER " + table + "_counted_" + event + " AFTER " + event + " ON " + table +
             " BEGIN UPDATE table_versions SET version = version + 1 WHERE name = '" + table +
             "'; END;\n";
  }
  return sql;
}

std::vector<std::string> file_tables(Database& db) {
  std::vector<std::string> tables;
  Statement select = db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "ORDER BY name");
  while (select.step()) tables.push_back(select.text(0));
  return tables;
}

std::vector<std::string> counted_tables(Database& db) {
  std::vector<std::string> tables = file_tables(db);
  std::erase(tables, "table_versions");
  return tables;
}

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> all{schema_v1, schema_v2,  schema_v3, schema_v4,
                                                 schema_v5, schema_v6,  schema_v7, schema_v8,
                                                 schema_v9, schema_v10, schema_v11};
  return all;
}

namespace {

// The summaries schema `version` adds, each made by its module as `db`'s backend writes it.
void create_summaries_of(Database& db, int version) {
  if (version == 9) {
    create_answer_summary(db);
    create_decision_summary(db);
  }
  if (version == 10) {
    create_review_summary(db);
    create_answer_month_versions(db);
    create_media_summary(db);
  }
  if (version == 11) create_incident_month_versions(db);
}

void migrate_sqlite(Database& db, int from, int to) {
  for (int version = from; version < to; ++version) {
    Transaction transaction(db);
    db.exec(migrations()[static_cast<std::size_t>(version)]);
    if (version == 0) {
      seed_v1(db);
      db.exec("PRAGMA application_id = " + std::to_string(raekoda_application_id));
    }
    if (version == 3) seed_role_permissions(db);
    if (version == 5) db.exec(change_counting_sql(counted_tables(db)));
    if (version == 7) {
      db.exec(change_counting_sql({"audit_chain"}));
      seal_audit_log(db);
    }
    create_summaries_of(db, version + 1);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    transaction.commit();
  }
}

void migrate_postgres(Database& db, int from, int to) {
  if (from == 0) {
    Transaction transaction(db);
    db.exec(postgres_baseline());
    seed_rules(db);
    // Version 2's targets in working hours, in the order that gave them their ids on SQLite.
    db.exec(
        "INSERT INTO incident_targets (severity, target_hours) VALUES "
        "('critical', 4), ('high', 9), ('normal', 27), ('low', 90)");
    db.exec("INSERT INTO raekoda_schema (application_id, version) VALUES (" +
            std::to_string(raekoda_application_id) + ", " +
            std::to_string(postgres_baseline_version) + ")");
    transaction.commit();
    from = postgres_baseline_version;
  }
  // After the baseline, the migrations SQLite has, with what a server adds to a new table.
  for (int version = from; version < to; ++version) {
    if (version < 3 || version > 10)
      throw DatabaseError(ErrorKind::other,
                          "no PostgreSQL migration to version " + std::to_string(version + 1));
    Transaction transaction(db);
    if (version >= 4) {
      // Version 6 counts changes on a file only: the server's notices name each table.
      if (version == 4) db.exec(postgres_schema(schema_v5));
      if (version == 6) db.exec(postgres_schema(schema_v7));
      if (version == 7) {
        db.exec(postgres_schema(schema_v8));
        db.exec(postgres_new_tables_sql({"audit_chain"}));
        // Every role that writes appends to the chain, so it locks and moves the head.
        db.exec(server_roles_sql());
        seal_audit_log(db);
      }
      if (version >= 8) {
        db.exec(postgres_schema(migrations()[static_cast<std::size_t>(version)]));
        create_summaries_of(db, version + 1);
        // Every role reads the summaries; only their triggers write them.
        db.exec(server_roles_sql());
      }
      db.exec("UPDATE raekoda_schema SET version = " + std::to_string(version + 1));
      transaction.commit();
      continue;
    }
    db.exec(postgres_schema(schema_v4));
    db.exec(postgres_initials_function());
    db.exec(postgres_new_tables_sql({"person_roles", "role_permissions"}));
    // The group roles and their grants, for the tables as they are now; a later migration that
    // adds a table runs it again.
    db.exec(server_roles_sql());
    seed_role_permissions(db);
    db.exec("UPDATE raekoda_schema SET version = " + std::to_string(version + 1));
    transaction.commit();
  }
}

}  // namespace

void migrate(Database& db, int from, int to) {
  if (db.backend() == Backend::postgresql)
    migrate_postgres(db, from, to);
  else
    migrate_sqlite(db, from, to);
}

namespace {

// A server's database holds Raekoda's mark in a table of its own.
bool has_schema_table(Database& db) {
  return db.query_integer(
             "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
             "tablename = 'raekoda_schema'",
             0) > 0;
}

}  // namespace

bool holds_raekoda_schema(Database& db) {
  if (db.backend() == Backend::postgresql) {
    if (has_schema_table(db))
      return db.query_integer("SELECT application_id FROM raekoda_schema", 0) ==
             raekoda_application_id;
    return db.query_integer(
               "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
               "WHERE n.nspname = current_schema()",
               0) == 0;
  }
  std::int64_t application_id = db.query_integer("PRAGMA application_id", 0);
  if (application_id == raekoda_application_id) return true;
  return db.query_integer("SELECT count(*) FROM sqlite_schema", 0) == 0 &&
         stored_schema_version(db) == 0;
}

bool holds_no_tables(Database& db) {
  if (db.backend() == Backend::postgresql)
    return db.query_integer("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()",
                            0) == 0;
  return db.query_integer("SELECT count(*) FROM sqlite_schema", 0) == 0;
}

int stored_schema_version(Database& db) {
  if (db.backend() == Backend::postgresql)
    return has_schema_table(db)
               ? static_cast<int>(db.query_integer("SELECT version FROM raekoda_schema", 0))
               : 0;
  return static_cast<int>(db.query_integer("PRAGMA user_version", 0));
}

}  // namespace raekoda::db
