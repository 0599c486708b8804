// The city secretary's page: what is overdue and whose it is, how the share answered on time
// develops against the target, and what falls due in the coming working days. Every tile, bar
// and day opens the documents it counts.

#include <algorithm>
#include <cmath>

#include "charts/area_charts.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "plot/category_charts.h"
#include "plot/day_strip.h"
#include "plot/time_chart.h"
#include "ui/filters.h"
#include "ui/report_dialog.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

using Kind = RecordFilter::Kind;
using plot::Assessment;

// An on-time share against the city's target; none yet is neither good nor bad.
Assessment against_target(std::optional<double> share, double target) {
  if (!share) return Assessment::neutral;
  return *share >= target ? Assessment::good : Assessment::bad;
}

// -- the filters a click stands for -------------------------------------------------------------

RecordFilter unanswered() {
  return {"answered_on", Kind::is_null, std::nullopt, std::nullopt, tr("chip.not_answered")};
}
RecordFilter due_before(Date day) {
  return {"effective_due_on", Kind::before, day.iso(), std::nullopt,
          trf("chip.due_before", day.display())};
}
RecordFilter due_between(Date from, Date until) {
  return {"effective_due_on", Kind::between, from.iso(), until.iso(),
          from == until ? trf("chip.due_on", from.display())
                        : trf("chip.due_between", from.display(), until.display())};
}
RecordFilter answered_between(Date from, Date until) {
  return between("answered_on", from, until, "chip.answered_between");
}
RecordFilter responder_is(const DeadlineFigures::Group& group) {
  if (group.key.empty())
    return {"responder_id", Kind::is_null, std::nullopt, std::nullopt, tr("chip.no_responder")};
  return {"responder_id", Kind::equals, group.key, std::nullopt, group.name};
}
RecordFilter unit_is(const DeadlineFigures::Group& group) {
  if (group.key.empty())
    return {"responder_id", Kind::is_null, std::nullopt, std::nullopt, tr("chip.no_responder")};
  return {"responder_id", Kind::person_in_unit, group.key, std::nullopt, group.name};
}
RecordFilter type_is(const std::string& key) {
  return equals("doc_type", key, tr("doc_type." + key));
}

TableState documents(std::vector<RecordFilter> filters, std::string title,
                     bool newest_first = false) {
  return records_table(documents_spec(), std::move(filters), std::move(title), "due_on",
                       newest_first);
}

// -- tiles ----------------------------------------------------------------------------------------

void draw_tiles(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  std::vector<plot::KpiTile> tiles(4);
  plot::KpiTile& overdue = tiles[0];
  overdue.title = tr("deadlines.tile.overdue");
  overdue.value = format_count(f.overdue_now);
  overdue.detail = f.oldest_overdue_due
                       ? trn("deadlines.tile.overdue_detail", f.oldest_overdue_days,
                             f.oldest_overdue_due->display(), format_count(f.oldest_overdue_days))
                       : tr("deadlines.tile.nothing_overdue");
  overdue.assessment = f.overdue_now > 0 ? Assessment::bad : Assessment::good;
  for (std::int64_t count : f.overdue_at_week_end)
    overdue.sparkline.push_back(static_cast<double>(count));

  plot::KpiTile& soon = tiles[1];
  soon.title = tr("deadlines.tile.due_soon");
  soon.value = format_count(f.due_soon);
  soon.detail = trf("deadlines.tile.due_soon_detail", f.due_soon_until.display());
  soon.assessment = f.due_soon > 0 ? Assessment::warning : Assessment::neutral;

  plot::KpiTile& on_time = tiles[2];
  on_time.title = tr("deadlines.tile.on_time");
  auto share = on_time_share(f.answered_this_month, f.answered_on_time_this_month);
  on_time.value = share ? format_percent(*share, 0) : "–";
  on_time.detail = trn("deadlines.tile.on_time_detail", f.answered_this_month,
                       format_percent(f.target, 0), format_count(f.answered_this_month));
  on_time.assessment = against_target(share, f.target);
  for (std::size_t m = 0; m < f.months.size(); ++m)
    if (auto rate = on_time_share(f.answered_per_month[m], f.on_time_per_month[m]))
      on_time.sparkline.push_back(*rate);

  plot::KpiTile& median = tiles[3];
  median.title = tr("deadlines.tile.median");
  median.value = f.median_days_to_answer ? format_decimal(*f.median_days_to_answer, 1) : "–";
  median.detail =
      trn("deadlines.tile.median_detail", f.answers_for_median, format_count(f.answers_for_median));

  const std::vector<std::string> ids = {"tile.deadlines.overdue", "tile.deadlines.due_soon",
                                        "tile.deadlines.on_time", "tile.deadlines.median"};
  switch (tile_row(tiles, ids, 150, state, fonts)) {
    case 0:
      state.table = documents({unanswered(), due_before(f.today)}, overdue.title);
      break;
    case 1:
      state.table = documents({unanswered(), due_between(f.today, f.due_soon_until)}, soon.title);
      break;
    case 2:
      state.table =
          documents({answered_between(f.today.month_start(), f.today)}, on_time.title, true);
      break;
    case 3:
      state.table =
          documents({answered_between(f.today.plus_days(-89), f.today)}, median.title, true);
      break;
    default:
      break;
  }
}

// -- the viewer's own documents ------------------------------------------------------------------

// A responder opens the view on what is theirs to answer: open documents, those due this week,
// and how often they answered on time. The tables list exactly the documents counted.
void draw_mine(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  const DeadlineFigures::Mine& mine = f.mine;
  if (!mine.shown) return;
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("deadlines.mine.title"));
  ImGui::PopFont();
  std::vector<plot::KpiTile> tiles(3);
  plot::KpiTile& open = tiles[0];
  open.title = tr("deadlines.mine.open");
  open.value = format_count(mine.open);
  open.detail = mine.overdue > 0
                    ? trn("deadlines.mine.open_detail", mine.overdue, format_count(mine.overdue))
                    : tr("deadlines.mine.none_overdue");
  open.assessment = mine.overdue > 0 ? Assessment::bad : Assessment::good;

  plot::KpiTile& week = tiles[1];
  week.title = tr(mine.next_week ? "deadlines.mine.next_week" : "deadlines.mine.this_week");
  week.value = format_count(mine.due_this_week);
  week.detail = trf("deadlines.mine.week_detail", mine.week_until.display());
  week.assessment = mine.due_this_week > 0 ? Assessment::warning : Assessment::neutral;

  plot::KpiTile& on_time = tiles[2];
  on_time.title = tr("deadlines.mine.on_time");
  auto share = on_time_share(mine.answered, mine.on_time);
  on_time.value = share ? format_percent(*share, 0) : "–";
  on_time.detail = share ? trn("deadlines.mine.on_time_detail", mine.answered,
                               format_count(mine.answered), format_count(mine.on_time))
                         : tr("deadlines.mine.no_answers");
  on_time.assessment = against_target(share, f.target);

  const std::vector<std::string> ids = {"tile.deadlines.mine.open", "tile.deadlines.mine.week",
                                        "tile.deadlines.mine.on_time"};
  RecordFilter mine_only{"responder_id", Kind::equals, std::to_string(mine.person), std::nullopt,
                         mine.name};
  // Open as the figure counts it: outgoing letters have no due date and are never answered.
  RecordFilter with_due{"effective_due_on", Kind::not_null, std::nullopt, std::nullopt,
                        tr("deadlines.mine.chip.with_due")};
  // By status: the overdue first, then by the working days left, which is by the due date in
  // force (an extended one too), earliest first.
  auto by_due = [](TableState table) {
    table.sort_by_status = true;
    return table;
  };
  switch (tile_row(tiles, ids, 130, state, fonts)) {
    case 0:
      state.table = by_due(documents({mine_only, unanswered(), with_due}, open.title));
      break;
    case 1:
      state.table = by_due(
          documents({mine_only, unanswered(), due_between(f.today, mine.week_until)}, week.title));
      break;
    case 2:
      state.table =
          documents({mine_only, answered_between(f.today.plus_months(-12).plus_days(1), f.today)},
                    on_time.title, true);
      break;
    default:
      break;
  }
}

// A register that gives another due date than the law does is a finding for the secretary.
void draw_law_differences(const DeadlineFigures& f, UiState& state) {
  if (f.law_differences == 0) return;
  const plot::Theme& theme = plot::theme(state.theme);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.warning));
  ImGui::TextUnformatted(trf("deadlines.law_differences", format_count(f.law_differences)).c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("deadlines.law_differences.show"))) {
    RecordFilter differs{"due_on", Kind::differs_from, std::string("law_due_on"), std::nullopt,
                         tr("chip.law_differs")};
    state.table = documents({differs}, tr("deadlines.law_differences.title"));
  }
  remember_item(state, "deadlines.law_differences");
  ImGui::Spacing();
}

// -- what is overdue and whose it is ------------------------------------------------------------

void draw_responders(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("deadlines.by_responder"), fonts);
  if (f.overdue_now == 0) {
    note(tr("deadlines.tile.nothing_overdue"));
    return;
  }
  charts::Ranking ranking = charts::deadlines_by_responder(f, plot::theme(state.theme));
  auto picked = plot::ranking_chart("deadlines_by_responder", ranking.items, ranking.options,
                                    state.chart_context(fonts));
  remember_item(state, "plot.deadlines.responders");
  if (!picked || picked->category.empty()) return;
  const auto& group = f.responders[static_cast<std::size_t>(picked->index)];
  state.table = documents({responder_is(group), unanswered(), due_before(f.today)},
                          trf("deadlines.drill.overdue_of", charts::responder_name(group)));
}

void draw_ageing(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("deadlines.ageing"), fonts);
  std::vector<plot::RankedItem> items;
  for (std::size_t b = 0; b < f.ageing.size(); ++b) {
    const auto& bucket = DeadlineFigures::ageing_buckets[b];
    std::string name = bucket[1] ? trf("deadlines.ageing.range", bucket[0], bucket[1])
                                 : trf("deadlines.ageing.more", bucket[0] - 1);
    items.push_back({name, static_cast<double>(f.ageing[b]), 0, std::to_string(b), ""});
  }
  plot::RankingOptions options;
  options.keep_order = true;
  options.colour = plot::theme(state.theme).bad;
  auto picked = plot::ranking_chart("deadlines_ageing", items, options, state.chart_context(fonts));
  remember_item(state, "plot.deadlines.ageing");
  if (!picked) return;
  auto b = static_cast<std::size_t>(picked->index);
  RecordFilter due = f.ageing_due_from[b]
                         ? due_between(*f.ageing_due_from[b], f.ageing_due_until[b])
                         : due_before(f.ageing_due_until[b].plus_days(1));
  state.table =
      documents({unanswered(), due}, trf("deadlines.drill.overdue_by", picked->category), false);
}

void draw_coming(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("deadlines.coming"), fonts);
  std::vector<plot::DayCell> cells;
  for (std::size_t i = 0; i < f.coming_days.size(); ++i) {
    Date day = f.coming_days[i];
    cells.push_back({day, static_cast<double>(f.due_on_day[i]),
                     trn("deadlines.coming.tooltip", f.due_on_day[i], day.display(),
                         format_count(f.due_on_day[i]))});
  }
  auto picked = plot::day_strip("deadlines_coming", cells, 84, state.chart_context(fonts));
  remember_item(state, "plot.deadlines.coming");
  note(tr("deadlines.coming.hint"));
  if (!picked) return;
  auto i = static_cast<std::size_t>(picked->index);
  // Due dates on the days off before a working day fall due on it.
  Date from = i == 0 ? f.today : f.coming_days[i - 1].plus_days(1);
  state.table = documents({unanswered(), due_between(from, f.coming_days[i])},
                          trf("deadlines.drill.due_on", f.coming_days[i].display()));
}

// -- how it develops ---------------------------------------------------------------------------

void draw_on_time_trend(const DeadlineFigures& f, UiState& state, const Fonts& fonts,
                        Actions& actions) {
  panel(tr("deadlines.on_time_trend"), fonts);
  ImGui::SameLine();
  std::string target = trf("deadlines.target_button", format_percent(f.target, 0));
  if (ImGui::SmallButton(target.c_str())) actions.edit_record = RecordRef{&settings_spec(), 1};
  remember_item(state, "deadlines.edit_target");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("deadlines.target_hint"));
  charts::TimeChart chart = charts::deadlines_on_time_trend(f, 200);
  auto picked = plot::time_chart("deadlines_on_time", chart.data, chart.options,
                                 state.chart("deadlines_on_time"), state.chart_context(fonts));
  remember_item(state, "plot.deadlines.on_time");
  if (picked && picked->from && picked->until)
    state.table = documents({answered_between(*picked->from, std::min(*picked->until, f.today))},
                            trf("deadlines.drill.answered_in",
                                plot::bucket_label(*picked->from, plot::TimeUnit::month)),
                            true);
}

void draw_overdue_trend(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("deadlines.overdue_trend"), fonts);
  charts::TimeChart chart = charts::deadlines_overdue_trend(f, 200, plot::theme(state.theme));
  auto picked = plot::time_chart("deadlines_overdue", chart.data, chart.options,
                                 state.chart("deadlines_overdue"), state.chart_context(fonts));
  remember_item(state, "plot.deadlines.overdue");
  if (!picked || !picked->until) return;
  // Overdue at the end of that week: due before its last day, not answered by then.
  Date end = std::min(*picked->until, f.today);
  state.table = documents({due_before(end),
                           {"answered_on", Kind::open_on, end.iso(), std::nullopt,
                            trf("chip.open_at_end_of", end.display())}},
                          trf("deadlines.drill.overdue_at", end.display()));
}

void draw_types(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("deadlines.by_type"), fonts);
  // The weakest on-time share first: that is where help is needed.
  std::vector<const DeadlineFigures::Group*> groups;
  for (const auto& group : f.types) groups.push_back(&group);
  auto share_of = [](const DeadlineFigures::Group* g) {
    return on_time_share(g->answered, g->on_time).value_or(1.0);
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](auto* a, auto* b) { return share_of(a) < share_of(b); });
  std::vector<plot::RankedItem> items;
  for (const auto* group : groups) {
    std::string note = group->overdue > 0
                           ? trf("deadlines.overdue_note", format_count(group->overdue))
                           : std::string();
    items.push_back({tr("doc_type." + group->key), share_of(group), 0, group->key, note});
  }
  plot::RankingOptions options;
  options.keep_order = true;
  options.percent = true;
  auto picked =
      plot::ranking_chart("deadlines_by_type", items, options, state.chart_context(fonts));
  remember_item(state, "plot.deadlines.types");
  note(tr("deadlines.by_type.hint"));
  if (!picked) return;
  Date year_ago = f.today.plus_months(-12).plus_days(1);
  state.table = documents({type_is(picked->key), answered_between(year_ago, f.today)},
                          trf("deadlines.drill.answers_of_type", picked->category), true);
}

void draw_units(const DeadlineFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("deadlines.by_unit"), fonts);
  std::vector<plot::RankedItem> items;
  for (const auto& group : f.units)
    if (group.overdue > 0)
      items.push_back({charts::responder_name(group), static_cast<double>(group.overdue), 0,
                       group.key, charts::on_time_note(group)});
  if (items.empty()) {
    note(tr("deadlines.tile.nothing_overdue"));
    return;
  }
  plot::RankingOptions options;
  options.colour = plot::theme(state.theme).bad;
  auto picked =
      plot::ranking_chart("deadlines_by_unit", items, options, state.chart_context(fonts));
  remember_item(state, "plot.deadlines.units");
  if (!picked || picked->category.empty()) return;
  for (const auto& group : f.units)
    if (group.key == picked->key)
      state.table = documents({unit_is(group), unanswered(), due_before(f.today)},
                              trf("deadlines.drill.overdue_of", charts::responder_name(group)));
}

// The information specialist's daily round: who has documents overdue or due soon, and a
// reminder to paste into an e-mail.
void draw_reminders(const DeadlineFigures& f, UiState& state, const Fonts& fonts,
                    Actions& actions) {
  panel(tr("deadlines.reminders"), fonts);
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  float height = ImGui::GetTextLineHeightWithSpacing() * 9.5f;
  if (!ImGui::BeginTable("##reminders", 5, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("deadlines.reminders.responder"), ImGuiTableColumnFlags_WidthStretch,
                          3);
  ImGui::TableSetupColumn(tr("deadlines.reminders.overdue"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn(tr("deadlines.reminders.due_soon"), ImGuiTableColumnFlags_WidthStretch,
                          1);
  ImGui::TableSetupColumn(tr("deadlines.reminders.oldest"), ImGuiTableColumnFlags_WidthStretch,
                          1.4f);
  // Two buttons: the reminder to the clipboard, and as an e-mail in the user's mail program.
  ImGui::TableSetupColumn(
      tr("deadlines.reminders.send"), ImGuiTableColumnFlags_WidthFixed,
      ImGui::CalcTextSize(tr("deadlines.remind")).x + ImGui::CalcTextSize(tr("deadlines.email")).x +
          ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x + 4);
  ImGui::TableHeadersRow();
  const plot::Theme& theme = plot::theme(state.theme);
  // Responders with something overdue or due soon come first; only the rows in view are drawn.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(f.responders_to_remind));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto& group = f.responders[static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(charts::responder_name(group).c_str());
      ImGui::TableNextColumn();
      if (group.overdue > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
        text_right_aligned(format_count(group.overdue));
        ImGui::PopStyleColor();
      }
      ImGui::TableNextColumn();
      if (group.due_soon > 0) text_right_aligned(format_count(group.due_soon));
      ImGui::TableNextColumn();
      if (group.oldest_due) text_right_aligned(group.oldest_due->display(), true);
      ImGui::TableNextColumn();
      if (group.key.empty()) continue;
      ImGui::PushID(row);
      if (ImGui::SmallButton(tr("deadlines.remind"))) actions.remind = std::stoll(group.key);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("deadlines.remind_hint"));
      remember_item(state, "deadlines.remind." + std::to_string(row));
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("deadlines.email"))) actions.email_reminder = std::stoll(group.key);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("deadlines.email_hint"));
      remember_item(state, "deadlines.email." + std::to_string(row));
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_deadlines(const DeadlineFigures& f, UiState& state, const Fonts& fonts,
                    Actions& actions) {
  report_heading(tr("view.deadlines"), trf("deadlines.subheading", long_date(f.today)), f.today,
                 fonts, state, actions);
  draw_mine(f, state, fonts);
  // Below a responder's own tiles, the city's: said, so that the two rows are not mistaken.
  if (f.mine.shown) {
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(tr("deadlines.mine.everyone"));
    ImGui::PopFont();
  }
  draw_tiles(f, state, fonts);
  draw_law_differences(f, state);
  if (begin_panels("##deadlines_whose", 3)) {
    draw_responders(f, state, fonts);
    draw_ageing(f, state, fonts);
    draw_coming(f, state, fonts);
    end_panels();
  }
  if (begin_panels("##deadlines_trend", 3)) {
    draw_on_time_trend(f, state, fonts, actions);
    draw_overdue_trend(f, state, fonts);
    draw_types(f, state, fonts);
    end_panels();
  }
  if (begin_panels("##deadlines_units", 2)) {
    draw_units(f, state, fonts);
    draw_reminders(f, state, fonts, actions);
    end_panels();
  }
}

}  // namespace raekoda::ui
