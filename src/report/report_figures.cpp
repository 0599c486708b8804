#include "report/report_figures.h"

#include <cmath>
#include <stdexcept>

#include "core/i18n.h"
#include "core/number_format.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/period_queries.h"

namespace raekoda::report {
namespace {

double count(std::int64_t value) {
  return static_cast<double>(value);
}

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// What a state is counted on: the period's end, or today while the period runs.
std::string state_note(const ReportPeriods& periods) {
  return periods.running ? tr("report.note.today") : tr("report.note.period_end");
}

std::string figure_text(std::optional<double> value, bool percent) {
  if (!value) return "–";
  if (percent) return format_percent(*value, 1);
  return format_count(static_cast<std::int64_t>(std::llround(*value)));
}

AreaReport media_report(const MediaFigures& f) {
  AreaReport area{View::media, {}, f.items() == 0};
  constexpr auto negative = static_cast<std::size_t>(Tone::negative);
  area.headlines = {
      {tr("report.media.items"), count(f.items()), count(f.items_previous()), false, 0, ""},
      {tr("report.media.negative"), count(f.by_tone[negative]), count(f.by_tone_previous[negative]),
       false, -1, ""},
      {tr("report.media.negative_share"), share(f.by_tone[negative], f.items()),
       share(f.by_tone_previous[negative], f.items_previous()), true, -1, ""},
      {tr("report.media.rebuttals"), count(static_cast<std::int64_t>(f.open_rebuttals.size())),
       std::nullopt, false, -1, tr("report.note.today")},
      {tr("report.media.releases"), count(f.awaiting_approval), std::nullopt, false, -1,
       tr("report.note.today")},
  };
  return area;
}

AreaReport deadlines_report(db::Database& db, const ReportPeriods& periods,
                            const db::StatesOn& states, double target) {
  db::AnswerCounts now = db::count_answers(db, periods.counted);
  db::AnswerCounts before = db::count_answers(db, periods.previous);
  std::int64_t overdue = states.overdue_documents[1];
  AreaReport area{View::deadlines, {}, now.answered == 0 && overdue == 0};
  area.headlines = {
      {tr("report.deadlines.overdue"), count(overdue), count(states.overdue_documents[0]), false,
       -1, state_note(periods)},
      {tr("report.deadlines.answered"), count(now.answered), count(before.answered), false, 0, ""},
      {tr("report.deadlines.on_time"), share(now.on_time, now.answered),
       share(before.on_time, before.answered), true, 1,
       trf("report.note.target", format_percent(target, 0))},
  };
  return area;
}

// The days whose activities were due: while the period runs, up to yesterday, as the plan view's
// tile counts them, since an activity due today is not late until the day is over.
Period days_due(Period period, bool running) {
  if (running) period.until = period.until.plus_days(-1);
  return period;
}

AreaReport plan_report(db::Database& db, const ReportPeriods& periods, const db::StatesOn& states) {
  db::ActivityCounts now = db::count_activities_due(db, days_due(periods.counted, periods.running));
  db::ActivityCounts before =
      db::count_activities_due(db, days_due(periods.previous, periods.running));
  std::int64_t late = states.late_activities[1];
  AreaReport area{View::plan, {}, now.due == 0 && late == 0};
  area.headlines = {
      {tr("report.plan.due"), count(now.due), count(before.due), false, 0, ""},
      {tr("report.plan.on_time"), share(now.on_time, now.due), share(before.on_time, before.due),
       true, 1, ""},
      {tr("report.plan.late"), count(late), count(states.late_activities[0]), false, -1,
       state_note(periods)},
  };
  return area;
}

// The flows of the period and of the one before it.
struct Flows {
  db::PeriodFlows now;
  db::PeriodFlows before;
};

AreaReport incidents_report(const ReportPeriods& periods, const db::StatesOn& states,
                            const Flows& flows) {
  const db::PeriodFlows& now = flows.now;
  const db::PeriodFlows& before = flows.before;
  std::int64_t open = states.open_incidents[1];
  AreaReport area{
      View::incidents, {}, now.incidents_opened == 0 && now.incidents_resolved == 0 && open == 0};
  area.headlines = {
      {tr("report.incidents.opened"), count(now.incidents_opened), count(before.incidents_opened),
       false, -1, ""},
      {tr("report.incidents.resolved"), count(now.incidents_resolved),
       count(before.incidents_resolved), false, 0, ""},
      {tr("report.incidents.security"), count(now.security_incidents_opened),
       count(before.security_incidents_opened), false, -1, ""},
      {tr("report.incidents.open"), count(open), count(states.open_incidents[0]), false, -1,
       state_note(periods)},
  };
  return area;
}

AreaReport access_report(const ReportPeriods& periods, const db::StatesOn& states,
                         const Flows& flows) {
  const db::PeriodFlows& now = flows.now;
  const db::PeriodFlows& before = flows.before;
  std::int64_t leavers = states.leaver_accounts[1];
  AreaReport area{View::access,
                  {},
                  leavers == 0 && now.accounts_granted == 0 && now.accounts_revoked == 0 &&
                      now.review_decisions == 0};
  area.headlines = {
      {tr("report.access.leavers"), count(leavers), count(states.leaver_accounts[0]), false, -1,
       state_note(periods)},
      {tr("report.access.granted"), count(now.accounts_granted), count(before.accounts_granted),
       false, 0, ""},
      {tr("report.access.revoked"), count(now.accounts_revoked), count(before.accounts_revoked),
       false, 0, ""},
      {tr("report.access.decisions"), count(now.review_decisions), count(before.review_decisions),
       false, 0, ""},
  };
  return area;
}

}  // namespace

std::string headline_value(const Headline& headline, std::optional<double> value) {
  return figure_text(value, headline.percent);
}

std::string headline_change(const Headline& headline) {
  if (!headline.value || !headline.previous) return "–";
  double difference = *headline.value - *headline.previous;
  if (headline.percent) {
    // From the shares as printed, to a tenth of a point, so that a reader's subtraction agrees.
    auto printed = [](double share) { return std::round(share * 1000) / 10; };
    double points = printed(*headline.value) - printed(*headline.previous);
    std::string sign = points > 0.05 ? "+" : points < -0.05 ? "−" : "";
    return trf("report.change.points", sign + format_decimal(std::fabs(points), 1));
  }
  auto whole = static_cast<std::int64_t>(std::llround(difference));
  std::string text = (whole > 0 ? "+" : whole < 0 ? "−" : "") + format_count(std::llabs(whole));
  if (*headline.previous > 0 && whole != 0)
    text += " (" + std::string(whole > 0 ? "▲ " : "▼ ") +
            // Rounded half up, as a reader rounds 12,5 %.
            format_percent(std::floor(std::fabs(difference) / *headline.previous * 100 + 0.5) / 100,
                           0) +
            ")";
  return text;
}

ReportFigures load_report_figures(db::Database& db, const ReportRequest& request, DateTime now) {
  auto periods = report_periods(request.period, now.date);
  if (!periods)
    throw std::runtime_error(trf("report.error.future", report_period_label(request.period)));
  ReportFigures report{*periods, now, DateTime::now(), db::load_city_name(db), {}, {}, {}};

  AreaOptions options;
  options.media_period.kind = PeriodKind::custom;
  options.media_period.custom = periods->counted;
  options.media_period.compared_with = periods->previous;
  report.views.database_empty = db.is_empty();
  for (View area : request.areas) db::load_area_figures(db, area, now, options, report.views);
  if (!periods->running) {
    DashboardFigures& at_end = report.at_period_end.emplace();
    DateTime period_end = DateTime::end_of(periods->counted.until);
    for (View area : request.areas)
      if (area != View::media) db::load_area_figures(db, area, period_end, options, at_end);
    at_end.media = report.views.media;  // read for the period already
  }

  // Each state at the end of the period before and of this one (today while it runs).
  db::StatesOn states = db::count_states_on(db, {periods->previous.until, periods->counted.until});
  Flows flows{db::count_period_flows(db, periods->counted),
              db::count_period_flows(db, periods->previous)};
  for (View area : request.areas) {
    switch (area) {
      case View::media:
        report.areas.push_back(media_report(*report.views.media));
        break;
      case View::deadlines:
        report.areas.push_back(
            deadlines_report(db, *periods, states, report.views.deadlines->target));
        break;
      case View::plan:
        report.areas.push_back(plan_report(db, *periods, states));
        break;
      case View::incidents:
        report.areas.push_back(incidents_report(*periods, states, flows));
        break;
      case View::access:
        report.areas.push_back(access_report(*periods, states, flows));
        break;
      default:
        break;
    }
  }
  return report;
}

}  // namespace raekoda::report
