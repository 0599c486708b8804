#pragma once
// The IT lead's evidence of who may use which system: accounts of people who have left, review
// campaigns and their decisions, accounts by system and privilege, how fast leavers' access is
// revoked, and each unit's table of registers and portals. Filled by the database layer, read by
// the access view.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/enums.h"
#include "core/measured_widths.h"
#include "core/records.h"

namespace raekoda {

struct AccessFigures {
  Date today;

  // Active accounts of people who have left: the longest gone first.
  struct LeaverAccount {
    Id account = 0;
    std::int64_t version = 0;
    std::string person;
    std::string system;
    std::string username;
    Privilege privilege = Privilege::user;
    Date left_on;
    int days_since_left = 0;
    std::optional<Id> system_owner;  // who may close it beside the IT lead
    bool operator==(const LeaverAccount&) const = default;
  };
  std::vector<LeaverAccount> leaver_accounts;
  MeasuredWidths leaver_widths;  // the list's widest name and leaving day, measured by the view

  std::int64_t active_accounts = 0;
  std::int64_t admin_accounts = 0;
  std::int64_t not_reviewed_12m = 0;  // active, no decision in the last 12 months

  struct Campaign {
    Id id = 0;
    std::int64_t version = 0;
    std::string name;
    Id reviewer = 0;
    std::string reviewer_name;
    Date starts_on;
    Date due_on;
    CampaignState state = CampaignState::planned;
    std::optional<Date> closed_on;
    std::array<std::int64_t, ReviewDecision_count> decisions{};  // by decision
    std::int64_t total() const;
    std::int64_t decided() const;
    bool operator==(const Campaign&) const = default;
  };
  std::vector<Campaign> campaigns;  // newest first
  // The campaign the view follows: the open one, else the latest.
  std::optional<std::size_t> current;

  // Decisions made per day of the current campaign, cumulated, per person who decided.
  std::vector<Date> burnup_days;
  struct Burnup {
    Id person = 0;
    std::string name;
    std::vector<std::int64_t> cumulative;
    bool operator==(const Burnup&) const = default;
  };
  std::vector<Burnup> burnup;

  // The current campaign's decisions, pending first.
  struct Decision {
    Id id = 0;
    std::int64_t version = 0;
    Id account = 0;
    std::string person;
    std::string system;
    std::string username;
    Privilege privilege = Privilege::user;
    ReviewDecision decision = ReviewDecision::pending;
    bool holder_left = false;
    std::optional<Id> system_owner;  // who may decide it beside the IT lead
    bool operator==(const Decision&) const = default;
  };
  std::vector<Decision> decisions;

  // Revoke decisions of any campaign whose account is still active: they stay in view until done.
  struct UndoneRevoke {
    Id decision = 0;
    Id account = 0;
    std::int64_t account_version = 0;
    std::string person;
    std::string system;
    std::string username;
    Date decided_on;
    std::string campaign;
    std::optional<Id> system_owner;
    bool operator==(const UndoneRevoke&) const = default;
  };
  std::vector<UndoneRevoke> revokes_not_done;

  // Active accounts by system and privilege.
  struct SystemRow {
    Id id = 0;
    std::string name;
    std::string owner;
    std::array<std::int64_t, Privilege_count> by_privilege{};
    bool operator==(const SystemRow&) const = default;
  };
  std::vector<SystemRow> systems;  // most accounts first

  // Days from a holder's leaving to the revocation of each of their accounts, for people who
  // left in the last 12 months: same day (or before), 1, 2–5, 6–10, 11–30, more, not yet.
  static constexpr std::size_t delay_buckets = 7;
  std::array<std::int64_t, delay_buckets> revoke_delay{};
  std::array<std::vector<Id>, delay_buckets> revoke_delay_accounts;  // what each bar opens
  std::vector<Date> months;                                          // the last 12 (first days)
  std::vector<std::optional<double>> median_delay_per_month;         // by the month of leaving
  std::vector<std::int64_t> grants_per_month;
  std::vector<std::int64_t> revocations_per_month;

  // Who holds which rights in one unit: people × systems, the privilege in each cell.
  struct UnitChoice {
    Id id = 0;
    std::string name;
    bool operator==(const UnitChoice&) const = default;
  };
  std::vector<UnitChoice> units;
  Id matrix_unit = 0;
  std::vector<std::string> matrix_people;
  std::vector<Id> matrix_person_ids;
  std::vector<bool> matrix_left;  // the person has left
  std::vector<std::string> matrix_systems;
  std::vector<Id> matrix_system_ids;
  std::vector<int> matrix_cells;  // row-major; -1 none, else the highest Privilege held

  bool operator==(const AccessFigures&) const = default;
};

// Which bucket of AccessFigures::revoke_delay `days` falls in; nullopt days: not yet revoked.
std::size_t revoke_delay_bucket(std::optional<int> days);

}  // namespace raekoda
