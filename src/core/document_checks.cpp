#include "core/document_checks.h"

#include "core/document_status.h"
#include "core/i18n.h"
#include "core/plural.h"

namespace raekoda {
namespace {

std::optional<Date> date_value(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  return value ? Date::parse_iso(*value) : std::nullopt;
}

bool has_text(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  return value && !value->empty();
}

bool has_error(const std::vector<FieldError>& errors, std::string_view column) {
  for (const FieldError& e : errors)
    if (e.column == column) return true;
  return false;
}

// "Üle tähtaja 1 tööpäev", "Overdue by 3 working days".
std::string working_days_text(std::string_view key, const DocumentStatus& status) {
  return trn(key, status.working_days, status.working_days);
}

}  // namespace

void check_document(const Record& original, const Record& edited, const ValidationContext& context,
                    std::vector<FieldError>& errors) {
  auto add = [&](std::string_view column, std::string message) {
    if (!has_error(errors, column)) errors.push_back({std::string(column), std::move(message)});
  };
  bool outgoing = edited.value("direction") == "outgoing";
  if (outgoing) {
    if (has_text(edited, "due_on")) add("due_on", tr("validation.outgoing_has_no_due"));
    return;
  }
  bool extended = has_text(edited, "extended_due_on");
  if (extended && !has_text(edited, "due_on"))
    add("extended_due_on", tr("validation.extension_without_due"));
  if (extended && !has_text(edited, "extension_reason"))
    add("extension_reason", tr("validation.extension_reason_required"));
  if (!extended && has_text(edited, "extension_reason"))
    add("extended_due_on", tr("validation.extension_date_required"));

  // A new or changed extension is decided today and must keep to the rule's limits.
  if (!extended || edited.value("extended_due_on") == original.value("extended_due_on")) return;
  const DeadlineRule* rule = context.rule(edited.value("doc_type").value_or(""));
  auto registered = date_value(edited, "registered_on");
  auto due = date_value(edited, "due_on");
  auto new_due = date_value(edited, "extended_due_on");
  if (!rule || !registered || !due || !new_due || has_error(errors, "extended_due_on")) return;
  DocumentDates dates{*registered, due, date_value(original, "extended_due_on"), std::nullopt};
  switch (check_extension(*rule, dates, *new_due, context.today, context.calendar)) {
    case ExtensionProblem::none:
      break;
    case ExtensionProblem::not_allowed:
      add("extended_due_on", trf("validation.extension_not_allowed", rule->basis));
      break;
    case ExtensionProblem::not_later:
      add("extended_due_on", tr("validation.extension_before_due"));
      break;
    case ExtensionProblem::too_long:
      add("extended_due_on",
          trf("validation.extension_too_long",
              latest_extended_due(*rule, *registered, context.calendar)->display(), rule->basis));
      break;
    case ExtensionProblem::too_late:
      add("extended_due_on", trf("validation.extension_too_late", due->display(), rule->basis));
      break;
  }
}

void derive_document(Record& edited, std::string_view column, const ValidationContext& context) {
  if (column != "doc_type" && column != "registered_on" && column != "direction") return;
  if (edited.value("direction") == "outgoing") {
    edited.set("due_on", std::nullopt);
    edited.set("extended_due_on", std::nullopt);
    edited.set("extension_reason", std::nullopt);
    return;
  }
  const DeadlineRule* rule = context.rule(edited.value("doc_type").value_or(""));
  auto registered = date_value(edited, "registered_on");
  if (rule && registered)
    edited.set("due_on", due_date(*rule, *registered, context.calendar).iso());
}

RecordStatus document_status_of(const Record& record, const ValidationContext& context) {
  auto registered = date_value(record, "registered_on");
  if (!registered) return {};
  DocumentDates dates{*registered, date_value(record, "due_on"),
                      date_value(record, "extended_due_on"), date_value(record, "answered_on")};
  DocumentStatus status = document_status(dates, context.today, context.calendar);
  using Tone = RecordStatus::Tone;
  RecordStatus shown;
  switch (status.state) {
    case DocumentState::no_deadline:
      return {};
    case DocumentState::open_on_time:
      shown = {working_days_text("status.document.open", status), Tone::none};
      break;
    case DocumentState::due_soon:
      shown =
          status.working_days == 0
              ? RecordStatus{tr("status.document.due_today"), Tone::warning}
              : RecordStatus{working_days_text("status.document.due_soon", status), Tone::warning};
      break;
    case DocumentState::overdue:
      shown = {working_days_text("status.document.overdue", status), Tone::bad};
      break;
    case DocumentState::answered_on_time:
      return {tr("status.document.answered_on_time"), Tone::good};
    case DocumentState::answered_late:
      return {working_days_text("status.document.answered_late", status), Tone::warning};
  }
  // An open document that may still be given more time today, and has not had it yet.
  const DeadlineRule* rule = context.rule(record.value("doc_type").value_or(""));
  if (rule && !dates.extended_due)
    if (auto latest = latest_extended_due(*rule, *registered, context.calendar))
      if (*latest >= context.today && check_extension(*rule, dates, *latest, context.today,
                                                      context.calendar) == ExtensionProblem::none)
        shown.text += " · " + trf("status.document.may_extend", latest->display());
  return shown;
}

}  // namespace raekoda
