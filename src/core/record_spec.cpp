#include "core/record_spec.h"

#include <array>
#include <cctype>
#include <charconv>

#include "core/access_review.h"
#include "core/document_checks.h"
#include "core/enums.h"
#include "core/i18n.h"
#include "core/incident_checks.h"
#include "core/plan_checks.h"
#include "core/plural.h"
#include "core/press_release.h"
#include "core/text.h"

namespace raekoda {
namespace {

using namespace std::string_view_literals;

template <class E>
constexpr std::span<const std::string_view> keys_of() {
  return EnumKeys<E>::keys;
}

FieldSpec text(std::string_view column, std::size_t max_length, bool required = false) {
  return {column, FieldType::text, required, max_length, {}, {}, {}, false};
}
// One line of text that is an address the editor can open.
FieldSpec link(std::string_view column, LinkKind kind, std::size_t max_length) {
  FieldSpec field = text(column, max_length);
  field.link = kind;
  return field;
}
FieldSpec notes(std::string_view column, std::size_t max_length) {
  return {column, FieldType::notes, false, max_length, {}, {}, {}, false};
}
// Text the schema keeps NOT NULL DEFAULT '': left empty, it is '' rather than NULL.
FieldSpec blank_text(FieldSpec field) {
  field.blank_not_null = true;
  return field;
}
FieldSpec date(std::string_view column, bool required, bool not_in_future) {
  return {column, FieldType::date, required, 0, {}, {}, {}, not_in_future};
}
FieldSpec date_time(std::string_view column, bool required) {
  return {column, FieldType::date_time, required, 0, {}, {}, {}, true};
}
template <class E>
FieldSpec choice(std::string_view column, bool required = true) {
  return {column, FieldType::choice, required, 0, keys_of<E>(), EnumKeys<E>::list, {}, false};
}
FieldSpec reference(std::string_view column, std::string_view table, bool required) {
  return {column, FieldType::reference, required, 0, {}, {}, table, false};
}
FieldSpec integer(std::string_view column, bool required = false, std::int64_t max_value = 0) {
  return {column, FieldType::integer, required, 0, {}, {}, {}, false, max_value};
}
FieldSpec flag(std::string_view column) {
  return {column, FieldType::flag, false, 0, {}, {}, {}, false};
}

const std::array document_fields = {
    text("reg_number", 60, true),
    reference("doc_type", "deadline_rules", true),
    choice<Direction>("direction"),
    date("registered_on", true, true),
    text("title", 500, true),
    blank_text(text("sender", 200)),
    reference("responder_id", "people", false),
    date("due_on", false, false),
    date("extended_due_on", false, false),
    notes("extension_reason", 2000),
    date("answered_on", false, true),
    flag("access_restricted"),
};
const std::array document_orders = {
    DateOrder{"registered_on", "answered_on", "validation.answered_before_registered"},
    DateOrder{"registered_on", "due_on", "validation.due_before_registered"},
    DateOrder{"due_on", "extended_due_on", "validation.extension_before_due"},
};

const std::array media_fields = {
    reference("outlet_id", "media_outlets", true),
    date("published_on", true, true),
    choice<Channel>("channel"),
    choice<ContentLanguage>("language"),
    text("title", 500, true),
    link("url", LinkKind::web, 2000),
    choice<Tone>("tone"),
    choice<Subject>("subject"),
    text("topic", 200),
    integer("reach"),
    flag("misleading"),
    choice<RebuttalStatus>("rebuttal_status"),
    date("rebuttal_due_on", false, false),
    link("rebuttal_url", LinkKind::web, 2000),
    blank_text(notes("notes", 10000)),
};
const std::array media_orders = {
    DateOrder{"published_on", "rebuttal_due_on", "validation.rebuttal_before_item"},
};

const std::array incident_fields = {
    text("title", 500, true),
    date_time("opened_at", true),
    date_time("resolved_at", false),
    choice<IncidentStatus>("status"),
    choice<IncidentCategory>("category"),
    choice<Severity>("severity"),
    flag("is_security"),
    reference("institution_id", "institutions", true),
    reference("assignee_id", "people", false),
    blank_text(notes("root_cause", 2000)),
};
const std::array incident_orders = {
    DateOrder{"opened_at", "resolved_at", "validation.resolved_before_opened"},
};

const std::array account_fields = {
    reference("person_id", "people", true),
    reference("system_id", "information_systems", true),
    text("username", 100, true),
    choice<Privilege>("privilege"),
    date("granted_on", true, true),
    blank_text(text("request_ref", 100)),
    reference("requested_by_id", "people", false),
    date("revoked_on", false, true),
};
const std::array account_orders = {
    DateOrder{"granted_on", "revoked_on", "validation.revoked_before_granted"},
};

const std::array activity_fields = {
    reference("plan_id", "comm_plans", true),
    text("title", 500, true),
    choice<ActivityChannel>("channel"),
    blank_text(text("audience", 200)),
    reference("owner_id", "people", true),
    date("planned_on", true, false),
    date("planned_until", false, false),
    choice<ActivityStatus>("status"),
    date("done_on", false, true),
    link("link", LinkKind::web, 2000),
};
const std::array activity_orders = {
    DateOrder{"planned_on", "planned_until", "validation.window_ends_before_start"},
};

// law_due_on: the due date the law gives an imported document, beside the register's own.
const std::array document_derived = {"effective_due_on"sv, "law_due_on"sv};
const TableSpec documents{"documents",    document_fields, document_orders,   document_derived,
                          check_document, derive_document, document_status_of};
const TableSpec media_items{"media_items", media_fields, media_orders};
const TableSpec incidents{"incidents",    incident_fields, incident_orders,   {},
                          check_incident, derive_incident, incident_status_of};

const std::array target_fields = {
    choice<Severity>("severity"),
    integer("target_hours", true, 1000),
};
const TableSpec incident_targets{"incident_targets", target_fields, {}};

const std::array restore_test_fields = {
    reference("system_id", "information_systems", true),
    date("tested_on", true, true),
    choice<RestoreResult>("result"),
    reference("tester_id", "people", false),
    blank_text(notes("notes", 2000)),
};
const TableSpec restore_tests{"restore_tests", restore_test_fields, {}};
const TableSpec accounts{"accounts",    account_fields, account_orders,   {},
                         check_account, nullptr,        account_status_of};

const std::array decision_fields = {
    reference("campaign_id", "review_campaigns", true),
    reference("account_id", "accounts", true),
    choice<ReviewDecision>("decision"),
    reference("decided_by_id", "people", false),
    date("decided_on", false, true),
    blank_text(notes("reason", 2000)),
};
const TableSpec review_decisions{"review_decisions",    decision_fields,       {}, {},
                                 check_review_decision, derive_review_decision};

const std::array campaign_fields = {
    text("name", 200, true),
    reference("reviewer_id", "people", true),
    flag("all_systems"),
    date("starts_on", true, false),
    date("due_on", true, false),
    choice<CampaignState>("state"),
    date("closed_on", false, true),
};
const std::array campaign_orders = {
    DateOrder{"starts_on", "due_on", "validation.due_before_start"},
    DateOrder{"starts_on", "closed_on", "validation.closed_before_start"},
};
const TableSpec review_campaigns{
    "review_campaigns", campaign_fields, campaign_orders, {}, check_review_campaign};
const std::array activity_derived = {"ends_on"sv};
const TableSpec comm_activities{"comm_activities", activity_fields, activity_orders,
                                activity_derived,  check_activity,  derive_activity,
                                activity_status_of};

const std::array plan_fields = {
    text("name", 200, true),
    reference("owner_id", "people", true),
    date("starts_on", true, false),
    date("ends_on", true, false),
};
const std::array plan_orders = {
    DateOrder{"starts_on", "ends_on", "validation.window_ends_before_start"},
};
const TableSpec comm_plans{"comm_plans", plan_fields, plan_orders};

const std::array issue_fields = {
    text("title", 200, true),
    date("copy_deadline_on", true, false),
    date("publication_on", true, false),
};
const std::array issue_orders = {
    DateOrder{"copy_deadline_on", "publication_on", "validation.published_before_copy"},
};
const TableSpec newspaper_issues{"newspaper_issues", issue_fields, issue_orders};
const std::array release_fields = {
    text("title", 500, true),
    reference("author_id", "people", true),
    date("drafted_on", true, true),
    choice<PressReleaseState>("state"),
    reference("approver_id", "people", false),
    date("approved_on", false, true),
    date("published_on", false, true),
    blank_text(notes("return_comment", 2000)),
};
const std::array release_orders = {
    DateOrder{"drafted_on", "approved_on", "validation.approved_before_drafted"},
    DateOrder{"approved_on", "published_on", "validation.published_before_approved"},
};
const TableSpec press_releases{
    "press_releases", release_fields, release_orders, {}, check_press_release};

const std::array people_fields = {
    text("full_name", 200, true),
    blank_text(text("job_title", 200)),
    reference("unit_id", "units", true),
    link("email", LinkKind::email, 200),
    date("joined_on", true, false),
    date("left_on", false, false),
    text("login", 100),
};
const std::array people_orders = {
    DateOrder{"joined_on", "left_on", "validation.left_before_joined"},
};
const TableSpec people{"people", people_fields, people_orders};

// Who has which role, and what each role may do: the IT lead's to change, audited as any edit.
const std::array person_role_fields = {
    reference("person_id", "people", true),
    choice<Role>("role"),
};
const TableSpec person_roles{"person_roles", person_role_fields, {}};
const std::array role_permission_fields = {
    choice<Role>("role"),
    choice<Permission>("permission"),
};
const TableSpec role_permissions{"role_permissions", role_permission_fields, {}};

const std::array settings_fields = {
    integer("on_time_target_percent", true, 100),
    reference("council_chair_id", "people", false),
    text("city_name", 100),
};
const TableSpec settings{"settings", settings_fields, {}};

// The day part of a date or a date and time, for comparing and for the future check.
std::optional<Date> day_of(const FieldSpec& field, const std::string& value) {
  if (field.type == FieldType::date) return Date::parse_iso(value);
  if (auto moment = DateTime::parse_iso(value)) return moment->date;
  return std::nullopt;
}

std::optional<std::string> check_field(const FieldSpec& field,
                                       const std::optional<std::string>& value, Date today) {
  if (!value || value->empty()) {
    if (field.required) return tr("validation.required");
    return std::nullopt;
  }
  const std::string& text = *value;
  if (!is_valid_utf8(text)) return tr("validation.invalid_utf8");
  switch (field.type) {
    case FieldType::text:
    case FieldType::notes:
      if (field.max_length && utf8_length(text) > field.max_length)
        return trn("validation.too_long", static_cast<std::int64_t>(field.max_length),
                   field.max_length, utf8_length(text));
      if (field.type == FieldType::text && text.find('\n') != std::string::npos)
        return tr("validation.one_line");
      return std::nullopt;
    case FieldType::date:
    case FieldType::date_time: {
      auto day = day_of(field, text);
      if (!day)
        return tr(field.type == FieldType::date ? "validation.invalid_date"
                                                : "validation.invalid_date_time");
      if (field.not_in_future && *day > today)
        return trf("validation.future_date", today.display());
      return std::nullopt;
    }
    case FieldType::choice:
      for (std::string_view key : field.choices)
        if (key == text) return std::nullopt;
      return tr("validation.unknown_choice");
    case FieldType::integer:
    case FieldType::reference: {
      std::int64_t number = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (error != std::errc{} || end != text.data() + text.size() || number < 0) {
        // A deadline rule is referenced by its key, not a number.
        if (field.type == FieldType::reference && field.reference_table == "deadline_rules")
          return std::nullopt;
        return tr("validation.not_a_number");
      }
      if (field.max_value > 0 && number > field.max_value)
        return trf("validation.above_maximum", field.max_value);
      return std::nullopt;
    }
    case FieldType::flag:
      return text == "0" || text == "1"
                 ? std::nullopt
                 : std::optional<std::string>(tr("validation.unknown_choice"));
  }
  return std::nullopt;
}

}  // namespace

const FieldSpec* TableSpec::field(std::string_view column) const {
  for (const FieldSpec& f : fields)
    if (f.column == column) return &f;
  return nullptr;
}

const TableSpec& documents_spec() {
  return documents;
}
const TableSpec& media_items_spec() {
  return media_items;
}
const TableSpec& incidents_spec() {
  return incidents;
}
const TableSpec& accounts_spec() {
  return accounts;
}
const TableSpec& comm_activities_spec() {
  return comm_activities;
}
const TableSpec& people_spec() {
  return people;
}
const TableSpec& person_roles_spec() {
  return person_roles;
}
const TableSpec& role_permissions_spec() {
  return role_permissions;
}
const TableSpec& settings_spec() {
  return settings;
}
const TableSpec& press_releases_spec() {
  return press_releases;
}
const TableSpec& comm_plans_spec() {
  return comm_plans;
}
const TableSpec& newspaper_issues_spec() {
  return newspaper_issues;
}
const TableSpec& review_decisions_spec() {
  return review_decisions;
}
const TableSpec& review_campaigns_spec() {
  return review_campaigns;
}
const TableSpec& incident_targets_spec() {
  return incident_targets;
}
const TableSpec& restore_tests_spec() {
  return restore_tests;
}

const TableSpec* find_table_spec(std::string_view table) {
  for (const TableSpec* spec :
       {&documents, &media_items, &incidents, &accounts, &comm_activities, &settings,
        &press_releases, &people, &person_roles, &role_permissions})
    if (spec->table == table) return spec;
  return nullptr;
}

const std::optional<std::string>& Record::value(std::string_view column) const {
  static const std::optional<std::string> none;
  auto found = values.find(column);
  return found == values.end() ? none : found->second;
}

void Record::set(std::string_view column, std::optional<std::string> value) {
  values[std::string(column)] = std::move(value);
}

std::vector<FieldError> validate(const TableSpec& spec, const Record& record, Date today) {
  ValidationContext context;
  context.today = today;
  return validate(spec, Record{}, record, context);
}

std::vector<FieldError> validate(const TableSpec& spec, const Record& original,
                                 const Record& record, const ValidationContext& context) {
  Date today = context.today;
  std::vector<FieldError> errors;
  auto has_error = [&](std::string_view column) {
    for (const FieldError& e : errors)
      if (e.column == column) return true;
    return false;
  };
  for (const FieldSpec& field : spec.fields)
    if (auto message = check_field(field, record.value(field.column), today))
      errors.push_back({std::string(field.column), std::move(*message)});
  for (const DateOrder& order : spec.orders) {
    if (has_error(order.earlier) || has_error(order.later)) continue;
    const FieldSpec* earlier_field = spec.field(order.earlier);
    const FieldSpec* later_field = spec.field(order.later);
    const auto& earlier = record.value(order.earlier);
    const auto& later = record.value(order.later);
    if (!earlier_field || !later_field || !earlier || !later || earlier->empty() || later->empty())
      continue;
    // ISO text orders as time does, for dates and for dates with times.
    if (*later < *earlier) errors.push_back({std::string(order.later), tr(order.message_key)});
  }
  if (spec.check) spec.check(original, record, context, errors);
  return errors;
}

std::vector<std::string> changed_columns(const TableSpec& spec, const Record& before,
                                         const Record& after) {
  std::vector<std::string> changed;
  for (const FieldSpec& field : spec.fields)
    if (before.value(field.column) != after.value(field.column)) changed.emplace_back(field.column);
  return changed;
}

namespace {

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

// A space or a control character ends an address in running text; inside one it is a mistake.
bool has_break(std::string_view text) {
  for (unsigned char c : text)
    if (c <= ' ' || c == 0x7F) return true;
  return false;
}

std::string_view trimmed(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

bool is_mail_address(std::string_view text) {
  auto at = text.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
         text.find('@', at + 1) == std::string_view::npos &&
         text.find_first_of("?&%#/:") == std::string_view::npos && !has_break(text);
}

}  // namespace

std::optional<std::string> link_target(LinkKind kind, std::string_view value) {
  std::string_view address = trimmed(value);
  if (address.empty() || has_break(address)) return std::nullopt;
  if (starts_with_folded(address, "mailto:"))
    return is_mail_address(address.substr(7)) ? std::optional<std::string>(address) : std::nullopt;
  if (kind == LinkKind::email)
    return is_mail_address(address) ? std::optional<std::string>("mailto:" + std::string(address))
                                    : std::nullopt;
  for (std::string_view scheme : {"https://", "http://"})
    if (starts_with_folded(address, scheme) && address.size() > scheme.size())
      return std::string(address);
  return std::nullopt;
}

std::string field_label_key(const TableSpec& spec, const FieldSpec& field) {
  return "field." + std::string(spec.table) + "." + std::string(field.column);
}

}  // namespace raekoda
