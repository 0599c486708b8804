#pragma once
// The queries behind the access view, and the campaign steps that write: start a review with a
// pending decision per account in scope, decide, revoke, close. Every write is one audited
// transaction.

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/access_figures.h"
#include "core/access_review.h"
#include "core/i18n.h"
#include "core/roles.h"
#include "db/record_store.h"

namespace raekoda::db {

class Database;

// `unit`: the unit whose registers-and-portals table is shown; 0 picks the unit with the most
// people.
AccessFigures load_access_figures(Database& db, Date today, Id unit);

// What a reader keeps of the access figures between its reads. While no account, person,
// system or unit has changed, for the same day, viewer and language, the leavers, systems,
// months and the unit's table are used again, and of the current campaign's decisions only
// those whose version moved are read: a decision made reads one row, not the campaign's tens of
// thousands.
struct KeptAccess {
  std::optional<AccessFigures> figures;
  Viewer viewer;
  Language language = Language::et;
  Id unit = 0;                         // as asked for
  std::vector<std::int64_t> versions;  // change_counts of accounts, people, systems, units
  Id campaign = 0;
  std::vector<std::pair<Id, std::int64_t>> decision_versions;  // the campaign's, by id
  // Forgets everything when `changed` names an account, person, system or unit table.
  void forget(std::span<const std::string> changed);
};
AccessFigures load_access_figures(Database& db, Date today, Id unit, KeptAccess& kept);

// The campaign's id and how many accounts it put in scope.
struct StartedCampaign {
  Id id = 0;
  std::int64_t accounts = 0;
};
// Starts `plan` today: every account active today on a system in scope gets a pending decision.
StartedCampaign start_campaign(Database& db, const CampaignPlan& plan, Date today,
                               const Author& author);
// Closes the campaign today, pending decisions and all.
SaveResult close_campaign(Database& db, Id campaign, std::int64_t version, Date today,
                          const Author& author);
// One decision made by the campaign's reviewer, with a reason for revoke and reduce.
SaveResult decide(Database& db, Id decision, std::int64_t version, ReviewDecision what,
                  const std::string& reason, Date today, const Author& author);
// Revokes the account today.
SaveResult revoke_account(Database& db, Id account, std::int64_t version, Date today,
                          const Author& author);

// A campaign's decisions as evidence for an audit.
std::vector<EvidenceRow> campaign_evidence(Database& db, Id campaign);

// The owner of the system an account is in, or the decision's account is in; none when the
// system has no owner or the row does not exist.
std::optional<Id> owner_of_account(Database& db, Id account);
std::optional<Id> owner_of_decision(Database& db, Id decision);

}  // namespace raekoda::db
