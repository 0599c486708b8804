#pragma once
// Access review campaigns as the IT lead runs them (E-ITS asks for the same evidence): a campaign
// covers all systems or some, has a reviewer and a due date, and holds one decision per account
// that was active when it started.

#include <optional>
#include <string>
#include <vector>

#include "core/record_spec.h"

namespace raekoda {

struct CampaignPlan {
  std::string name;
  std::optional<Id> reviewer;
  bool all_systems = true;
  std::vector<Id> systems;  // when not all
  std::optional<Date> due_on;
};

// One decision of a campaign as evidence for an audit: who holds what, what was decided, by
// whom, and whether the account is closed.
struct EvidenceRow {
  std::string person;
  std::string unit;
  std::string system;
  std::string username;
  std::string privilege;  // key
  std::string decision;   // key
  std::string decided_by;
  std::string decided_on;  // ISO, empty while pending
  std::string reason;
  std::string revoked_on;  // ISO, empty while active
};

// What keeps the plan from starting, in the user's language; empty when it can start today.
std::vector<std::string> plan_problems(const CampaignPlan& plan, Date today);

// "Juurdepääsuõiguste ülevaatus sügis 2026": spring up to June, autumn after.
std::string default_campaign_name(Date today);

// A pending decision made: by whom and when; back to pending clears both.
Record decided(const Record& decision, ReviewDecision what, std::optional<Id> by, Date today);

void check_review_decision(const Record& original, const Record& edited,
                           const ValidationContext& context, std::vector<FieldError>& errors);
void derive_review_decision(Record& edited, std::string_view column,
                            const ValidationContext& context);
void check_review_campaign(const Record& original, const Record& edited,
                           const ValidationContext& context, std::vector<FieldError>& errors);
// An account may not be granted to someone after they left.
void check_account(const Record& original, const Record& edited, const ValidationContext& context,
                   std::vector<FieldError>& errors);
// "Holder left 12.10.2026, 41 days ago" while active; "Closed 14.10.2026" once revoked.
RecordStatus account_status_of(const Record& account, const ValidationContext& context);

}  // namespace raekoda
