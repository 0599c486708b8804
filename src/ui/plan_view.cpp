// The communication plan: how far it is, what is late and whose, the coming eight weeks on a
// timeline where an activity can be dragged to another day, and the city newspaper's deadlines.
// A plan can be copied to the next period, as the staff do each year.

#include <algorithm>
#include <cmath>

#include "charts/area_charts.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plan_move.h"
#include "core/plural.h"
#include "plot/category_charts.h"
#include "plot/time_chart.h"
#include "plot/timeline_chart.h"
#include "ui/figure_widths.h"
#include "ui/filters.h"
#include "ui/report_dialog.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

using Kind = RecordFilter::Kind;
using plot::Assessment;

RecordFilter open_activity() {
  return {"status", Kind::one_of, "planned,in_progress", std::nullopt, tr("chip.not_done")};
}
RecordFilter not_cancelled() {
  return {"status", Kind::one_of, "planned,in_progress,done,postponed", std::nullopt,
          tr("chip.not_cancelled")};
}
TableState activities(std::vector<RecordFilter> filters, std::string title) {
  return records_table(comm_activities_spec(), std::move(filters), std::move(title), "planned_on");
}

ImU32 status_colour(const plot::Theme& theme, ActivityStatus status) {
  switch (status) {
    case ActivityStatus::planned:
      return plot::palette_colour(theme, 4);  // sky blue
    case ActivityStatus::in_progress:
      return plot::palette_colour(theme, 0);  // blue
    case ActivityStatus::done:
      return theme.good;
    case ActivityStatus::postponed:
      return theme.warning;
    case ActivityStatus::cancelled:
      return theme.text_muted;
  }
  return theme.text_muted;
}

// Greys for the least used channels, after the palette's seven colours.
ImU32 grey(const plot::Theme& theme, std::size_t n) {
  switch (n) {
    case 0:
      return theme.text_muted;
    case 1:
      return theme.text;
    default:
      return plot::with_alpha(theme.text_muted, 0.45f);
  }
}

const PlanFigures::Plan* chosen(const PlanFigures& f) {
  return f.chosen ? &f.plans[*f.chosen] : nullptr;
}

RecordFilter in_plan(const PlanFigures::Plan& plan) {
  return {"plan_id", Kind::equals, std::to_string(plan.id), std::nullopt, plan.name};
}

// What goes into the next issue of the newspaper: its activities since the issue before.
TableState next_issue_contents(const PlanFigures& f) {
  const PlanFigures::Issue& issue = *f.next_issue;
  RecordFilter planned =
      f.next_issue_from
          ? between("planned_on", *f.next_issue_from, issue.publication_on, "chip.planned_between")
          : RecordFilter{"planned_on", Kind::before, issue.publication_on.plus_days(1).iso(),
                         std::nullopt, trf("chip.planned_by", issue.publication_on.display())};
  return activities({is("channel", ActivityChannel::newspaper), not_cancelled(), planned},
                    issue.title);
}

// "27.11": the issue's title carries its year, and the tile has room for one line more.
std::string day_and_month(Date day) {
  return fmt::format("{:02}.{:02}", day.day(), day.month());
}

void draw_tiles(const PlanFigures& f, UiState& state, const Fonts& fonts) {
  std::vector<plot::KpiTile> tiles(4);
  plot::KpiTile& on_time = tiles[0];
  on_time.title = tr("plan.tile.on_time");
  double share = f.quarter_due > 0 ? static_cast<double>(f.quarter_on_time) / f.quarter_due : 0;
  on_time.value = f.quarter_due > 0 ? format_percent(share, 0) : "–";
  on_time.detail = trn("plan.tile.on_time_detail", f.quarter_due, format_count(f.quarter_on_time),
                       format_count(f.quarter_due));
  on_time.assessment = f.quarter_due == 0 ? Assessment::neutral
                       : share >= 0.9     ? Assessment::good
                       : share >= 0.75    ? Assessment::warning
                                          : Assessment::bad;

  plot::KpiTile& late = tiles[1];
  late.title = tr("plan.tile.late");
  late.value = format_count(f.late_now);
  late.detail = f.oldest_late ? trf("plan.tile.late_detail", f.oldest_late->display())
                              : tr("plan.tile.nothing_late");
  late.assessment = f.late_now > 0 ? Assessment::bad : Assessment::good;

  plot::KpiTile& coming = tiles[2];
  coming.title = tr("plan.tile.coming");
  coming.value = format_count(f.next_14_days);
  coming.detail = trf("plan.tile.coming_detail", f.today.plus_days(13).display());

  plot::KpiTile& issue = tiles[3];
  issue.title = tr("plan.tile.issue");
  if (f.next_issue) {
    int days = f.today.days_until(f.next_issue->copy_deadline_on);
    issue.value = trn("plan.tile.issue_days", days, days);
    issue.detail =
        trn("plan.tile.issue_detail", f.next_issue_activities, f.next_issue->title,
            format_count(f.next_issue_activities), day_and_month(f.next_issue->copy_deadline_on),
            day_and_month(f.next_issue->publication_on));
    issue.assessment = days <= 3 ? Assessment::warning : Assessment::neutral;
  } else {
    issue.value = "–";
    issue.detail = tr("plan.tile.no_issue");
  }

  const std::vector<std::string> ids = {"tile.plan.on_time", "tile.plan.late", "tile.plan.coming",
                                        "tile.plan.issue"};
  switch (tile_row(tiles, ids, 150, state, fonts)) {
    case 0:
      state.table = activities(
          {not_cancelled(),
           between("ends_on", f.today.quarter_start(), f.today.plus_days(-1), "chip.ends_between")},
          on_time.title);
      break;
    case 1:
      if (const PlanFigures::Plan* plan = chosen(f))
        state.table = activities({in_plan(*plan),
                                  open_activity(),
                                  {"ends_on", Kind::before, f.today.iso(), std::nullopt,
                                   trf("chip.ends_before", f.today.display())}},
                                 late.title);
      break;
    case 2:
      state.table = activities(
          {open_activity(),
           between("planned_on", f.today, f.today.plus_days(13), "chip.planned_between")},
          coming.title);
      break;
    case 3:
      if (f.next_issue) state.table = next_issue_contents(f);
      break;
    default:
      break;
  }
}

// The coming eight weeks: each activity a bar coloured by status, late ones named so; the
// newspaper's copy deadlines marked. A bar dragged to another day is saved as the editor would.
void draw_timeline(const PlanFigures& f, UiState& state, const SessionInfo& session,
                   const Fonts& fonts, Actions& actions) {
  const plot::Theme& theme = plot::theme(state.theme);
  plot::TimelineOptions options;
  options.from = f.window_from;
  options.to = f.window_to;
  options.today = f.today;
  options.draggable = may(session, Permission::edit_plan);
  options.visible_rows = 14;
  // A dragged activity lands on a working day, the city's extra days off included.
  options.snap = [&f, &calendar = state.validation.calendar](std::size_t bar, int days) {
    return working_day_move(f.coming[bar].starts_on, days, calendar);
  };
  for (const auto& issue : f.issues_in_window)
    options.markers.push_back({issue.copy_deadline_on, trf("plan.copy_deadline", issue.title)});
  for (std::size_t s = 0; s < ActivityStatus_count; ++s) {
    auto status = static_cast<ActivityStatus>(s);
    if (status == ActivityStatus::cancelled) continue;
    options.legend.push_back(tr(catalog_key(status)));
    options.legend_colours.push_back(status_colour(theme, status));
  }
  options.legend.push_back(tr("plan.late"));
  options.legend_colours.push_back(theme.bad);
  // The bars point into the figures, and the widest title is measured once for them: of the
  // thousands of rows only those in view cost anything per frame.
  const ImFont* font = ImGui::GetFont();
  float font_size = ImGui::GetFontSize();
  options.widest_label = f.coming_widths.get(
      0, font, font_size, [&] { return widest_coming_title(f, font, font_size); });
  auto bar = [&f, &theme](std::size_t r) {
    const PlanFigures::Activity& a = f.coming[r];
    return plot::TimelineRow{a.title, a.starts_on, a.ends_on,
                             a.late ? theme.bad : status_colour(theme, a.status), a.status_text};
  };
  auto picked = plot::timeline_chart("plan_timeline", f.coming.size(), bar, options,
                                     state.chart("plan_timeline"), state.chart_context(fonts));
  remember_item(state, "plot.plan.timeline");
  if (!picked || picked->index < 0) return;
  const auto& activity = f.coming[static_cast<std::size_t>(picked->index)];
  if (picked->moved_days != 0)
    actions.move_activity = Actions::Move{activity.id, activity.version, picked->moved_days};
  else
    actions.edit_record = RecordRef{&comm_activities_spec(), activity.id};
}

void draw_burnup(const PlanFigures& f, UiState& state, const Fonts& fonts) {
  const PlanFigures::Plan* plan = chosen(f);
  panel(plan ? trf("plan.burnup", plan->name).c_str() : tr("plan.no_plan"), fonts);
  if (!plan) return;
  charts::TimeChart chart = charts::plan_burnup(f, 200, plot::theme(state.theme));
  auto picked = plot::time_chart("plan_burnup", chart.data, chart.options,
                                 state.chart("plan_burnup"), state.chart_context(fonts));
  remember_item(state, "plot.plan.burnup");
  if (!picked || !picked->until || picked->series < 0) return;
  Date end = *picked->until;
  if (picked->series == 0)
    state.table = activities({in_plan(*plan),
                              not_cancelled(),
                              {"ends_on", Kind::before, end.plus_days(1).iso(), std::nullopt,
                               trf("chip.ends_by", end.display())}},
                             trf("plan.drill.planned_by", end.display()));
  else
    state.table = activities({in_plan(*plan),
                              {"done_on", Kind::before, end.plus_days(1).iso(), std::nullopt,
                               trf("chip.done_by", end.display())}},
                             trf("plan.drill.done_by", end.display()));
}

void draw_done_per_month(const PlanFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("plan.done_per_month"), fonts);
  const plot::Theme& theme = plot::theme(state.theme);
  plot::TimeSeriesData data = charts::calendar_data(f.months, plot::TimeUnit::month, f.today);
  data.counted_on = f.today;  // this month is still running
  // Ten channels: the palette's seven, then greys for the least used.
  for (std::size_t c = 0; c < ActivityChannel_count; ++c) {
    std::optional<ImU32> colour;
    if (c >= 7) colour = grey(theme, c - 7);
    data.series.push_back(charts::count_series(tr(catalog_key(static_cast<ActivityChannel>(c))),
                                               f.done_per_month[c], colour));
  }
  plot::TimeChartOptions options{plot::TimeChartKind::stacked_bars, false, std::nullopt, "", 180};
  auto picked = plot::time_chart("plan_done", data, options, state.chart("plan_done"),
                                 state.chart_context(fonts));
  remember_item(state, "plot.plan.done");
  if (!picked || picked->series < 0 || !picked->from || !picked->until) return;
  auto channel = static_cast<ActivityChannel>(picked->series);
  state.table = activities(
      {between("done_on", *picked->from, std::min(*picked->until, f.today), "chip.done_between"),
       {"channel", Kind::equals, std::string(key_of(channel)), std::nullopt,
        tr(catalog_key(channel))}},
      picked->category + ", " + plot::bucket_label(*picked->from, plot::TimeUnit::month));
}

void draw_late_by_owner(const PlanFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("plan.late_by_owner"), fonts);
  if (f.late_by_owner.empty()) {
    note(tr("plan.tile.nothing_late"));
    return;
  }
  std::vector<plot::RankedItem> items;
  for (const auto& owner : f.late_by_owner)
    items.push_back(
        {owner.name, static_cast<double>(owner.late), 0, std::to_string(owner.owner), ""});
  plot::RankingOptions options;
  options.colour = plot::theme(state.theme).bad;
  auto picked =
      plot::ranking_chart("plan_late_by_owner", items, options, state.chart_context(fonts));
  remember_item(state, "plot.plan.late_by_owner");
  const PlanFigures::Plan* plan = chosen(f);
  if (!picked || picked->key.empty() || !plan) return;
  state.table = activities({in_plan(*plan),
                            {"owner_id", Kind::equals, picked->key, std::nullopt, picked->category},
                            open_activity(),
                            {"ends_on", Kind::before, f.today.iso(), std::nullopt,
                             trf("chip.ends_before", f.today.display())}},
                           trf("plan.drill.late_of", picked->category));
}

void draw_plan_bar(const PlanFigures& f, UiState& state, const SessionInfo& session,
                   Actions& actions) {
  const PlanFigures::Plan* plan = chosen(f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("plan.plan"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(380);
  if (ImGui::BeginCombo("##plan", plan ? plan->name.c_str() : "")) {
    for (const auto& p : f.plans) {
      std::string label = p.name + "  (" + p.starts_on.display() + " – " + p.ends_on.display() +
                          ")##" + std::to_string(p.id);
      if (ImGui::Selectable(label.c_str(), plan && p.id == plan->id)) {
        state.area_options.plan = p.id;
        actions.reload_area = true;
      }
    }
    ImGui::EndCombo();
  }
  remember_item(state, "plan.choose");
  if (!plan) return;
  ImGui::SameLine();
  ImGui::TextDisabled("%s",
                      trn("plan.plan_detail", f.plan_activities, plan->starts_on.display(),
                          plan->ends_on.display(), plan->owner, format_count(f.plan_activities))
                          .c_str());
  ImGui::SameLine();
  ImGui::BeginDisabled(!may(session, Permission::edit_plan));
  if (ImGui::Button(tr("plan.copy"))) ImGui::OpenPopup("copy_plan");
  ImGui::EndDisabled();
  why_disabled(may(session, Permission::edit_plan), why_not(session, Permission::edit_plan));
  remember_item(state, "plan.copy");
  if (ImGui::BeginPopup("copy_plan")) {
    ImGui::TextUnformatted(trf("plan.copy_question", plan->name).c_str());
    if (ImGui::Button(tr("plan.copy_confirm"))) {
      actions.copy_plan = plan->id;
      ImGui::CloseCurrentPopup();
    }
    remember_item(state, "plan.copy_confirm");
    ImGui::EndPopup();
  }
}

}  // namespace

void draw_plan(const PlanFigures& f, UiState& state, const SessionInfo& session, const Fonts& fonts,
               Actions& actions) {
  report_heading(tr("view.plan"), trf("plan.subheading", long_date(f.today)), f.today, fonts, state,
                 actions);
  draw_plan_bar(f, state, session, actions);
  ImGui::Spacing();
  draw_tiles(f, state, fonts);
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("plan.timeline"));
  ImGui::PopFont();
  ImGui::SameLine();
  note(tr("plan.timeline_hint"));
  draw_timeline(f, state, session, fonts, actions);
  if (begin_panels("##plan_progress", 3)) {
    draw_burnup(f, state, fonts);
    draw_done_per_month(f, state, fonts);
    draw_late_by_owner(f, state, fonts);
    end_panels();
  }
}

}  // namespace raekoda::ui
