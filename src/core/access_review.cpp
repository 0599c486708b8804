#include "core/access_review.h"

#include <charconv>

#include "core/i18n.h"
#include "core/plural.h"

namespace raekoda {
namespace {

bool has_text(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  return value && !value->empty();
}

std::optional<Date> date_value(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  return value ? Date::parse_iso(*value) : std::nullopt;
}

std::optional<Id> id_value(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  Id id = 0;
  if (!value || std::from_chars(value->data(), value->data() + value->size(), id).ec != std::errc{})
    return std::nullopt;
  return id;
}

void add(std::vector<FieldError>& errors, std::string_view column, std::string message) {
  for (const FieldError& e : errors)
    if (e.column == column) return;
  errors.push_back({std::string(column), std::move(message)});
}

}  // namespace

std::vector<std::string> plan_problems(const CampaignPlan& plan, Date today) {
  std::vector<std::string> problems;
  if (plan.name.empty()) problems.push_back(tr("campaign.problem.name"));
  if (!plan.reviewer) problems.push_back(tr("campaign.problem.reviewer"));
  if (!plan.all_systems && plan.systems.empty()) problems.push_back(tr("campaign.problem.systems"));
  if (!plan.due_on)
    problems.push_back(tr("campaign.problem.due"));
  else if (*plan.due_on < today)
    problems.push_back(trf("campaign.problem.due_past", today.display()));
  return problems;
}

std::string default_campaign_name(Date today) {
  return trf(today.month() <= 6 ? "campaign.name.spring" : "campaign.name.autumn", today.year());
}

Record decided(const Record& decision, ReviewDecision what, std::optional<Id> by, Date today) {
  Record next = decision;
  next.set("decision", std::string(key_of(what)));
  bool pending = what == ReviewDecision::pending;
  next.set("decided_on", pending ? std::nullopt : std::optional(today.iso()));
  next.set("decided_by_id", pending || !by ? std::nullopt : std::optional(std::to_string(*by)));
  return next;
}

void check_review_decision(const Record&, const Record& edited, const ValidationContext&,
                           std::vector<FieldError>& errors) {
  bool pending = edited.value("decision") == key_of(ReviewDecision::pending);
  if (pending && has_text(edited, "decided_on"))
    add(errors, "decided_on", tr("validation.pending_has_no_date"));
  if (!pending && !has_text(edited, "decided_on"))
    add(errors, "decided_on", tr("validation.decision_needs_date"));
  bool needs_reason = edited.value("decision") == key_of(ReviewDecision::revoke) ||
                      edited.value("decision") == key_of(ReviewDecision::reduce);
  if (needs_reason && !has_text(edited, "reason"))
    add(errors, "reason", tr("validation.decision_needs_reason"));
}

void derive_review_decision(Record& edited, std::string_view column,
                            const ValidationContext& context) {
  if (column != "decision") return;
  bool pending = edited.value("decision") == key_of(ReviewDecision::pending);
  if (pending) {
    edited.set("decided_on", std::nullopt);
    edited.set("decided_by_id", std::nullopt);
  } else if (!has_text(edited, "decided_on")) {
    edited.set("decided_on", context.today.iso());
  }
}

void check_review_campaign(const Record&, const Record& edited, const ValidationContext&,
                           std::vector<FieldError>& errors) {
  bool closed = edited.value("state") == key_of(CampaignState::closed);
  if (closed && !has_text(edited, "closed_on"))
    add(errors, "closed_on", tr("validation.closed_needs_date"));
  if (!closed && has_text(edited, "closed_on"))
    add(errors, "state", tr("validation.closing_needs_state"));
}

void check_account(const Record&, const Record& edited, const ValidationContext& context,
                   std::vector<FieldError>& errors) {
  auto person = id_value(edited, "person_id");
  auto granted = date_value(edited, "granted_on");
  if (!person || !granted) return;
  auto left = context.left_on.find(*person);
  if (left != context.left_on.end() && *granted > left->second)
    add(errors, "granted_on", trf("validation.granted_after_leaving", left->second.display()));
}

RecordStatus account_status_of(const Record& account, const ValidationContext& context) {
  using Tone = RecordStatus::Tone;
  if (auto revoked = date_value(account, "revoked_on"))
    return {trf("status.account.revoked", revoked->display()), Tone::none};
  auto person = id_value(account, "person_id");
  if (person) {
    auto left = context.left_on.find(*person);
    if (left != context.left_on.end() && left->second <= context.today)
      return {trn("status.account.holder_left", left->second.days_until(context.today),
                  left->second.display(), left->second.days_until(context.today)),
              Tone::bad};
  }
  return {tr("status.account.active"), Tone::good};
}

}  // namespace raekoda
