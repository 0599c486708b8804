#pragma once
// The records of the shared database as plain structs. Ids are the database's row ids.

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/enums.h"

namespace raekoda {

using Id = std::int64_t;

struct Unit {
  Id id = 0;
  std::string name;
};

// The city government itself and the institutions it runs (kindergartens, other offices).
struct Institution {
  Id id = 0;
  std::string name;
  InstitutionKind kind = InstitutionKind::other;
};

struct Person {
  Id id = 0;
  std::string full_name;
  std::string job_title;
  Id unit_id = 0;
  std::string email;
  Date joined_on;
  std::optional<Date> left_on;
};

struct MediaOutlet {
  Id id = 0;
  std::string name;
  Channel channel = Channel::online;
  ContentLanguage language = ContentLanguage::et;
};

struct MediaItem {
  Id id = 0;
  Id outlet_id = 0;
  Date published_on;
  Channel channel = Channel::online;
  ContentLanguage language = ContentLanguage::et;
  std::string title;
  std::string url;
  Tone tone = Tone::neutral;
  Subject subject = Subject::city_government;
  std::string topic;
  std::int64_t reach = 0;
  bool misleading = false;
  RebuttalStatus rebuttal_status = RebuttalStatus::not_needed;
  std::optional<Date> rebuttal_due_on;
  std::string rebuttal_url;
};

struct PressRelease {
  Id id = 0;
  std::string title;
  Id author_id = 0;
  Date drafted_on;
  PressReleaseState state = PressReleaseState::draft;
  std::optional<Id> approver_id;
  std::optional<Date> approved_on;
  std::optional<Date> published_on;
};

struct Document {
  Id id = 0;
  std::string reg_number;
  std::string doc_type;  // a deadline rule's key
  Direction direction = Direction::incoming;
  Date registered_on;
  std::string title;
  std::string sender;  // personal data: shown to roles that need it, never in chart labels
  std::optional<Id> responder_id;
  std::optional<Date> due_on;
  std::optional<Date> extended_due_on;
  std::optional<std::string> extension_reason;
  std::optional<Date> answered_on;
  bool access_restricted = false;
  std::optional<std::string> restriction_basis;
};

struct CommPlan {
  Id id = 0;
  std::string name;
  Id owner_id = 0;
  Date starts_on;
  Date ends_on;
};

struct CommActivity {
  Id id = 0;
  Id plan_id = 0;
  std::string title;
  ActivityChannel channel = ActivityChannel::website;
  std::string audience;
  Id owner_id = 0;
  Date planned_on;
  std::optional<Date> planned_until;
  ActivityStatus status = ActivityStatus::planned;
  std::optional<Date> done_on;
  std::string link;
};

struct NewspaperIssue {
  Id id = 0;
  std::string title;
  Date copy_deadline_on;
  Date publication_on;
};

struct Incident {
  Id id = 0;
  std::string title;
  DateTime opened_at;
  std::optional<DateTime> resolved_at;
  IncidentStatus status = IncidentStatus::registered;
  IncidentCategory category = IncidentCategory::software;
  Severity severity = Severity::normal;
  bool is_security = false;
  Id institution_id = 0;
  std::optional<Id> assignee_id;
  std::string root_cause;
};

struct InformationSystem {
  Id id = 0;
  std::string name;
  SystemKind kind = SystemKind::other;
  std::optional<Id> owner_id;
  std::optional<int> restore_test_interval_days;
};

struct Backup {
  Id id = 0;
  Id system_id = 0;
  DateTime taken_at;
  BackupResult result = BackupResult::succeeded;
  std::int64_t size_mb = 0;
};

struct RestoreTest {
  Id id = 0;
  Id system_id = 0;
  Date tested_on;
  RestoreResult result = RestoreResult::passed;
  std::optional<Id> tester_id;
  std::string notes;
};

struct Account {
  Id id = 0;
  Id person_id = 0;
  Id system_id = 0;
  std::string username;
  Privilege privilege = Privilege::user;
  Date granted_on;
  std::string request_ref;
  std::optional<Id> requested_by_id;
  std::optional<Date> revoked_on;
};

struct ReviewCampaign {
  Id id = 0;
  std::string name;
  Id reviewer_id = 0;
  Date starts_on;
  Date due_on;
  CampaignState state = CampaignState::planned;
  std::optional<Date> closed_on;
};

struct AccessDecision {
  Id id = 0;
  Id campaign_id = 0;
  Id account_id = 0;
  ReviewDecision decision = ReviewDecision::pending;
  std::optional<Id> decided_by_id;
  std::optional<Date> decided_on;
  std::string reason;
};

}  // namespace raekoda
