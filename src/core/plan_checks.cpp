#include "core/plan_checks.h"

#include "core/i18n.h"
#include "core/plural.h"

namespace raekoda {
namespace {

// "Hilinenud 3 päeva", "Late by 1 day".
std::string days_text(std::string_view key, int days) {
  return trn(key, days, days);
}

std::optional<Date> date_value(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  return value ? Date::parse_iso(*value) : std::nullopt;
}

// The last day of the activity's window.
std::optional<Date> last_day(const Record& activity) {
  auto until = date_value(activity, "planned_until");
  return until ? until : date_value(activity, "planned_on");
}

}  // namespace

void check_activity(const Record&, const Record& edited, const ValidationContext&,
                    std::vector<FieldError>& errors) {
  bool done = edited.value("status") == key_of(ActivityStatus::done);
  const auto& done_on = edited.value("done_on");
  bool dated = done_on && !done_on->empty();
  auto has_error = [&](std::string_view column) {
    for (const FieldError& e : errors)
      if (e.column == column) return true;
    return false;
  };
  if (done && !dated && !has_error("done_on"))
    errors.push_back({"done_on", tr("validation.done_needs_date")});
  if (!done && dated && !has_error("status"))
    errors.push_back({"status", tr("validation.date_needs_done")});
}

void derive_activity(Record& edited, std::string_view column, const ValidationContext& context) {
  if (column == "status") {
    bool done = edited.value("status") == key_of(ActivityStatus::done);
    if (done && !date_value(edited, "done_on")) edited.set("done_on", context.today.iso());
    if (!done) edited.set("done_on", std::nullopt);
  } else if (column == "done_on" && date_value(edited, "done_on")) {
    edited.set("status", std::string(key_of(ActivityStatus::done)));
  }
}

RecordStatus activity_status_of(const Record& activity, const ValidationContext& context) {
  using Tone = RecordStatus::Tone;
  auto status = enum_from_key<ActivityStatus>(activity.value("status").value_or(""));
  auto last = last_day(activity);
  auto first = date_value(activity, "planned_on");
  if (!status || !last || !first) return {};
  switch (*status) {
    case ActivityStatus::cancelled:
      return {tr("status.activity.cancelled"), Tone::none};
    case ActivityStatus::postponed:
      return {tr("status.activity.postponed"), Tone::warning};
    case ActivityStatus::done: {
      auto done = date_value(activity, "done_on");
      if (done && *done > *last)
        return {days_text("status.activity.done_late", last->days_until(*done)), Tone::warning};
      return {tr("status.activity.done_on_time"), Tone::good};
    }
    case ActivityStatus::planned:
    case ActivityStatus::in_progress:
      break;
  }
  if (*last < context.today)
    return {days_text("status.activity.late", last->days_until(context.today)), Tone::bad};
  if (*first > context.today)
    return {days_text("status.activity.starts_in", context.today.days_until(*first)), Tone::none};
  return {days_text("status.activity.ends_in", context.today.days_until(*last)), Tone::none};
}

}  // namespace raekoda
