#include "db/figure_parts.h"

#include "db/access_queries.h"
#include "db/database.h"
#include "db/deadline_queries.h"
#include "db/incident_queries.h"

namespace raekoda::db {
namespace {

using namespace std::string_view_literals;

// Working days decide due dates, targets and "late": every part that counts them reads the days
// off. A summary (media_by_day, answers_by_month, ...) changes only with the table it counts,
// whose change is what is seen.
constexpr std::array overview_tables = {"media_items"sv,     "media_by_day"sv,     "documents"sv,
                                        "comm_activities"sv, "incidents"sv,        "accounts"sv,
                                        "people"sv,          "review_decisions"sv, "settings"sv,
                                        "extra_days_off"sv,  "deadline_rules"sv};
constexpr std::array media_tables = {"media_items"sv, "media_by_day"sv,   "media_outlets"sv,
                                     "people"sv,      "press_releases"sv, "settings"sv};
constexpr std::array deadline_tables = {"documents"sv,      "answers_by_month"sv, "answer_months"sv,
                                        "deadline_rules"sv, "people"sv,           "units"sv,
                                        "settings"sv,       "extra_days_off"sv};
constexpr std::array plan_tables = {"comm_activities"sv, "comm_plans"sv, "newspaper_issues"sv,
                                    "people"sv};
constexpr std::array incident_tables = {
    "incidents"sv,    "incident_months"sv, "incident_targets"sv, "information_systems"sv,
    "institutions"sv, "restore_tests"sv,   "backups"sv,          "extra_days_off"sv};
constexpr std::array access_tables = {"accounts"sv,         "account_reviews"sv,
                                      "campaign_systems"sv, "decisions_by_campaign"sv,
                                      "decisions_by_day"sv, "information_systems"sv,
                                      "people"sv,           "review_campaigns"sv,
                                      "review_decisions"sv, "units"sv};
constexpr std::array reference_tables = {"people"sv,
                                         "units"sv,
                                         "media_outlets"sv,
                                         "institutions"sv,
                                         "information_systems"sv,
                                         "comm_plans"sv,
                                         "review_campaigns"sv,
                                         "deadline_rules"sv};
constexpr std::array validation_tables = {"deadline_rules"sv, "extra_days_off"sv,
                                          "incident_targets"sv, "people"sv};

}  // namespace

std::optional<FigurePart> part_of(View view) {
  switch (view) {
    case View::overview:
      return FigurePart::overview;
    case View::media:
      return FigurePart::media;
    case View::deadlines:
      return FigurePart::deadlines;
    case View::plan:
      return FigurePart::plan;
    case View::incidents:
      return FigurePart::incidents;
    case View::access:
      return FigurePart::access;
    case View::gallery:
      break;
  }
  return std::nullopt;
}

std::string_view part_key(FigurePart part) {
  switch (part) {
    case FigurePart::overview:
      return "overview";
    case FigurePart::media:
      return "media";
    case FigurePart::deadlines:
      return "deadlines";
    case FigurePart::plan:
      return "plan";
    case FigurePart::incidents:
      return "incidents";
    case FigurePart::access:
      return "access";
    case FigurePart::references:
      return "references";
    case FigurePart::validation:
      return "validation";
  }
  return "";
}

std::span<const std::string_view> tables_read_by(FigurePart part) {
  switch (part) {
    case FigurePart::overview:
      return overview_tables;
    case FigurePart::media:
      return media_tables;
    case FigurePart::deadlines:
      return deadline_tables;
    case FigurePart::plan:
      return plan_tables;
    case FigurePart::incidents:
      return incident_tables;
    case FigurePart::access:
      return access_tables;
    case FigurePart::references:
      return reference_tables;
    case FigurePart::validation:
      return validation_tables;
  }
  return {};
}

bool choice_matters(FigurePart part, const AreaOptions& a, const AreaOptions& b) {
  switch (part) {
    case FigurePart::media:
      return !(a.media_period == b.media_period);
    case FigurePart::incidents:
      return a.incidents_security_only != b.incidents_security_only;
    case FigurePart::access:
      return a.access_unit != b.access_unit;
    case FigurePart::plan:
      return a.plan != b.plan;
    default:
      return false;
  }
}

void forget_kept(ReaderMemory& memory, FigurePart part, bool own_save,
                 std::span<const std::string> heard) {
  auto forget = [&](auto& kept) {
    if (own_save)
      kept = {};
    else
      kept.forget(heard);
  };
  switch (part) {
    case FigurePart::overview:
      forget(memory.overview);
      break;
    case FigurePart::deadlines:
      forget(memory.deadlines.names);
      break;
    case FigurePart::access:
      forget(memory.access);
      break;
    default:
      break;
  }
}

void read_figure_part(Database& db, FigurePart part, DateTime now, const AreaOptions& options,
                      FigureParts& into) {
  ReaderMemory none;
  read_figure_part(db, part, now, options, into, none);
}

void read_figure_part(Database& db, FigurePart part, DateTime now, const AreaOptions& options,
                      FigureParts& into, ReaderMemory& memory) {
  switch (part) {
    case FigurePart::overview:
      into.figures.overview = load_overview_figures(db, now.date, memory.overview);
      break;
    case FigurePart::media:
      load_area_figures(db, View::media, now, options, into.figures);
      break;
    case FigurePart::deadlines:
      into.figures.deadlines =
          load_deadline_figures(db, now.date, load_working_calendar(db), memory.deadlines);
      break;
    case FigurePart::plan:
      load_area_figures(db, View::plan, now, options, into.figures);
      break;
    case FigurePart::incidents:
      into.figures.incidents = load_incident_figures(
          db, now, load_working_calendar(db), options.incidents_security_only, memory.incidents);
      break;
    case FigurePart::access:
      into.figures.access = load_access_figures(db, now.date, options.access_unit, memory.access);
      break;
    case FigurePart::references:
      into.references = load_reference_labels(db);
      into.document_types = load_document_types(db);
      break;
    case FigurePart::validation:
      into.validation = load_validation_context(db, now);
      break;
  }
  into.read.insert(part);
}

}  // namespace raekoda::db
