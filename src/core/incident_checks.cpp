#include "core/incident_checks.h"

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/working_hours.h"

namespace raekoda {
namespace {

std::optional<DateTime> moment(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  return value ? DateTime::parse_iso(*value) : std::nullopt;
}

std::string hours_text(int minutes) {
  return format_decimal(minutes / 60.0, minutes % 60 == 0 ? 0 : 1);
}

}  // namespace

void check_incident(const Record&, const Record& edited, const ValidationContext&,
                    std::vector<FieldError>& errors) {
  auto has_error = [&](std::string_view column) {
    for (const FieldError& e : errors)
      if (e.column == column) return true;
    return false;
  };
  bool resolved = edited.value("status") == key_of(IncidentStatus::resolved);
  const auto& resolved_at = edited.value("resolved_at");
  bool has_time = resolved_at && !resolved_at->empty();
  if (resolved && !has_time && !has_error("resolved_at"))
    errors.push_back({"resolved_at", tr("validation.resolved_needs_time")});
  if (!resolved && has_time && !has_error("status"))
    errors.push_back({"status", tr("validation.resolution_needs_status")});
  if (edited.value("category") == key_of(IncidentCategory::security) &&
      edited.value("is_security") != "1")
    errors.push_back({"is_security", tr("validation.security_category")});
}

void derive_incident(Record& edited, std::string_view column, const ValidationContext& context) {
  std::string resolved(key_of(IncidentStatus::resolved));
  if (column == "status") {
    bool is_resolved = edited.value("status") == resolved;
    if (is_resolved && !moment(edited, "resolved_at")) edited.set("resolved_at", context.now.iso());
    if (!is_resolved) edited.set("resolved_at", std::nullopt);
  } else if (column == "resolved_at" && moment(edited, "resolved_at")) {
    edited.set("status", resolved);
  } else if (column == "category" &&
             edited.value("category") == key_of(IncidentCategory::security)) {
    edited.set("is_security", "1");
  }
}

std::optional<DateTime> incident_due(const Record& incident, const ValidationContext& context) {
  auto opened = moment(incident, "opened_at");
  auto severity = enum_from_key<Severity>(incident.value("severity").value_or(""));
  if (!opened || !severity) return std::nullopt;
  return add_working_minutes(*opened,
                             context.incident_target_minutes[static_cast<std::size_t>(*severity)],
                             context.calendar);
}

RecordStatus incident_status_of(const Record& incident, const ValidationContext& context) {
  using Tone = RecordStatus::Tone;
  auto due = incident_due(incident, context);
  if (!due) return {};
  auto resolved = moment(incident, "resolved_at");
  RecordStatus status;
  if (resolved) {
    int late = working_minutes_between(*due, *resolved, context.calendar);
    status =
        *resolved <= *due
            ? RecordStatus{tr("status.incident.resolved_in_time"), Tone::good}
            : RecordStatus{trf("status.incident.resolved_late", hours_text(late)), Tone::warning};
  } else if (context.now > *due) {
    status = {trf("status.incident.over_target",
                  hours_text(working_minutes_between(*due, context.now, context.calendar))),
              Tone::bad};
  } else {
    status = {trf("status.incident.due", due->display()), Tone::none};
  }
  if (incident.value("is_security") == "1")
    status.text = std::string(tr("status.incident.security")) + " · " + status.text;
  return status;
}

}  // namespace raekoda
