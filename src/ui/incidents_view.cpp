// The IT lead's page: faults and security incidents opened and resolved week by week, what is
// open and past its target, how long resolution takes, where and when incidents happen, and
// whether restores are tested. Security incidents are marked wherever they appear and can be
// looked at alone.

#include <algorithm>
#include <cmath>

#include "charts/area_charts.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "core/working_hours.h"
#include "plot/category_charts.h"
#include "plot/time_chart.h"
#include "ui/filters.h"
#include "ui/report_dialog.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

using Kind = RecordFilter::Kind;
using plot::Assessment;

// -- the filters a click stands for -------------------------------------------------------------

RecordFilter unresolved() {
  return {"resolved_at", Kind::is_null, std::nullopt, std::nullopt, tr("chip.unresolved")};
}
RecordFilter security() {
  return {"is_security", Kind::equals, "1", std::nullopt, tr("chip.security")};
}
// Incidents behind a figure; the security filter, when on, stays on.
TableState incidents(const IncidentFigures& f, std::vector<RecordFilter> filters,
                     std::string title) {
  if (f.security_only) filters.push_back(security());
  return records_table(incidents_spec(), std::move(filters), std::move(title), "opened_at", true);
}

// Hours as the IT lead reads them: whole hours plain, short spans to a tenth.
std::string hours(std::optional<double> value) {
  if (!value) return "–";
  bool whole = std::floor(*value) == *value;
  return format_decimal(*value, whole || *value >= 10 ? 0 : 1);
}

// -- tiles ----------------------------------------------------------------------------------------

void draw_tiles(const IncidentFigures& f, UiState& state, const Fonts& fonts) {
  std::vector<plot::KpiTile> tiles(5);
  plot::KpiTile& open = tiles[0];
  open.title = tr("incidents.tile.open");
  open.value = format_count(static_cast<std::int64_t>(f.open.size()));
  open.detail = trf("incidents.tile.open_detail", format_count(f.open_breaching));
  open.assessment = f.open_breaching > 0 ? Assessment::bad : Assessment::neutral;
  for (std::int64_t backlog : f.backlog_at_week_end)
    open.sparkline.push_back(static_cast<double>(backlog));

  plot::KpiTile& week = tiles[1];
  week.title = tr("incidents.tile.week");
  week.value = trf("incidents.tile.week_value", format_count(f.opened_this_week),
                   format_count(f.resolved_this_week));
  week.detail = trf("incidents.tile.week_detail", format_count(f.opened_last_week),
                    format_count(f.resolved_last_week));
  week.assessment =
      f.opened_this_week > f.resolved_this_week ? Assessment::warning : Assessment::neutral;

  plot::KpiTile& median = tiles[2];
  median.title = tr("incidents.tile.median");
  median.value = hours(f.median_hours_30d);
  median.detail = trn("incidents.tile.median_detail", f.resolved_30d, format_count(f.resolved_30d));

  plot::KpiTile& security_tile = tiles[3];
  security_tile.title = tr("incidents.tile.security");
  security_tile.value = format_count(f.security_this_quarter);
  security_tile.detail = trf("incidents.tile.security_detail",
                             tr("time.quarter." + std::to_string((f.today.month() - 1) / 3 + 1)));
  security_tile.assessment =
      f.security_this_quarter > 0 ? Assessment::warning : Assessment::neutral;

  plot::KpiTile& restores = tiles[4];
  restores.title = tr("incidents.tile.restores");
  // A test too old and a last test that failed both leave a backup not known to restore.
  restores.value = format_count(f.restores_attention);
  restores.detail = f.restores_attention > 0
                        ? trf("incidents.tile.restores_detail", format_count(f.restores_overdue),
                              format_count(f.restores_failed))
                        : tr("incidents.tile.restores_none");
  restores.assessment = f.restores_attention > 0 ? Assessment::bad : Assessment::good;

  const std::vector<std::string> ids = {"tile.incidents.open", "tile.incidents.week",
                                        "tile.incidents.median", "tile.incidents.security",
                                        "tile.incidents.restores"};
  switch (tile_row(tiles, ids, 150, state, fonts)) {
    case 0:
      state.table = incidents(f, {unresolved()}, open.title);
      break;
    case 1:
      state.table =
          incidents(f, {between("opened_at", f.today.week_start(), f.today, "chip.opened_between")},
                    tr("incidents.drill.opened_this_week"));
      break;
    case 2:
      state.table = incidents(
          f, {between("resolved_at", f.today.plus_days(-29), f.today, "chip.resolved_between")},
          median.title);
      break;
    case 3:
      state.table = records_table(incidents_spec(),
                                  {security(), between("opened_at", f.today.quarter_start(),
                                                       f.today, "chip.opened_between")},
                                  security_tile.title, "opened_at", true);
      break;
    case 4:
      state.incidents_show_restores = true;
      break;
    default:
      break;
  }
}

// -- charts ---------------------------------------------------------------------------------------

void draw_weekly(const IncidentFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("incidents.weekly"), fonts);
  charts::TimeChart chart = charts::incidents_weekly(f, 230, plot::theme(state.theme));
  auto picked = plot::time_chart("incidents_weekly", chart.data, chart.options,
                                 state.chart("incidents_weekly"), state.chart_context(fonts));
  remember_item(state, "plot.incidents.weekly");
  if (!picked || !picked->from || !picked->until) return;
  Date from = *picked->from;
  Date until = std::min(*picked->until, f.today);
  std::string week = plot::bucket_label(from, plot::TimeUnit::week);
  if (picked->series == 1)
    state.table = incidents(f, {between("resolved_at", from, until, "chip.resolved_between")},
                            trf("incidents.drill.resolved_in", week));
  else if (picked->series == 2)
    // Open at the week's end: opened by then, not resolved by then.
    state.table = incidents(f,
                            {{"opened_at", Kind::before, until.plus_days(1).iso(), std::nullopt,
                              trf("chip.opened_by", until.display())},
                             {"resolved_at", Kind::open_on, until.iso() + " 23:59", std::nullopt,
                              trf("chip.unresolved_at", until.display())}},
                            trf("incidents.drill.open_at", until.display()));
  else
    state.table = incidents(f, {between("opened_at", from, until, "chip.opened_between")},
                            trf("incidents.drill.opened_in", week));
}

// Unresolved incidents, those past their target first; a row opens the incident.
void draw_open_list(const IncidentFigures& f, UiState& state, Actions& actions) {
  if (f.open.empty()) {
    note(tr("incidents.none_open"));
    return;
  }
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  float height = ImGui::GetTextLineHeightWithSpacing() * 11.5f;
  if (!ImGui::BeginTable("##open_incidents", 3, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("incidents.open.due"), ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("00.00.0000 00:00").x + 8);
  ImGui::TableSetupColumn(tr("incidents.open.severity"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn(tr("incidents.open.title"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableHeadersRow();
  const plot::Theme& theme = plot::theme(state.theme);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(f.open.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& incident = f.open[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(incident.id));
      if (incident.breaching)
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
      if (ImGui::Selectable((incident.due.display() + "##row").c_str(), false,
                            ImGuiSelectableFlags_SpanAllColumns))
        actions.edit_record = RecordRef{&incidents_spec(), incident.id};
      if (incident.breaching) ImGui::PopStyleColor();
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", trf("incidents.open.tooltip", incident.opened_at.display(),
                                    incident.due.display())
                                    .c_str());
      remember_item(state, "incidents.open." + std::to_string(i));
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(catalog_key(incident.severity)));
      ImGui::TableNextColumn();
      if (incident.security) {
        // Security incidents are marked wherever they appear.
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
        ImGui::TextUnformatted(tr("incidents.security_mark"));
        ImGui::PopStyleColor();
        ImGui::SameLine();
      }
      ImGui::TextUnformatted(incident.title.c_str());
    }
  }
  ImGui::EndTable();
}

// Median working hours to resolve, with the 90th percentile as a tick; by severity the target
// is named beside it.
void draw_spread(const IncidentFigures& f, bool by_severity, UiState& state, const Fonts& fonts) {
  const char* id = by_severity ? "incidents_by_severity" : "incidents_by_category";
  std::vector<plot::RankedItem> items;
  std::size_t count = by_severity ? Severity_count : IncidentCategory_count;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& spread = by_severity ? f.by_severity[i] : f.by_category[i];
    std::string name = by_severity ? tr(catalog_key(static_cast<Severity>(i)))
                                   : tr(catalog_key(static_cast<IncidentCategory>(i)));
    std::string note = by_severity ? trf("incidents.target_note", hours(f.target_minutes[i] / 60.0))
                                   : trf("incidents.p90_note", hours(spread.p90_hours));
    items.push_back(
        {name, spread.median_hours.value_or(0), 0, std::to_string(i), note, spread.p90_hours});
  }
  plot::RankingOptions options;
  options.keep_order = true;
  options.marker_name = tr("incidents.p90");
  auto picked = plot::ranking_chart(id, items, options, state.chart_context(fonts));
  remember_item(state, std::string("plot.") + id);
  if (!picked) return;
  Date year_ago = f.today.plus_months(-12).plus_days(1);
  auto index = static_cast<std::size_t>(picked->index);
  RecordFilter what = by_severity ? is("severity", static_cast<Severity>(index))
                                  : is("category", static_cast<IncidentCategory>(index));
  state.table =
      incidents(f, {what, between("resolved_at", year_ago, f.today, "chip.resolved_between")},
                trf("incidents.drill.resolved_of", picked->category));
}

void draw_breaches(const IncidentFigures& f, UiState& state, const Fonts& fonts, Actions& actions) {
  panel(tr("incidents.breaches"), fonts);
  const plot::Theme& theme = plot::theme(state.theme);
  plot::TimeSeriesData data = charts::calendar_data(f.months, plot::TimeUnit::month, f.today);
  data.counted_on = f.today;  // this month is still running
  // Severity from critical (vermillion) to low (grey), as the eye ranks them.
  const std::array<ImU32, Severity_count> colours = {
      theme.bad, theme.warning, plot::palette_colour(theme, 0), theme.text_muted};
  for (std::size_t s = 0; s < Severity_count; ++s) {
    data.series.push_back(charts::count_series(tr(catalog_key(static_cast<Severity>(s))),
                                               f.breaches_per_month[s], colours[s]));
  }
  plot::TimeChartOptions options{plot::TimeChartKind::stacked_bars, false, std::nullopt, "", 170};
  auto picked = plot::time_chart("incidents_breaches", data, options,
                                 state.chart("incidents_breaches"), state.chart_context(fonts));
  remember_item(state, "plot.incidents.breaches");
  if (picked && picked->series >= 0 && picked->index >= 0) {
    std::vector<Id> ids;
    for (const auto& breach : f.breaches)
      if (breach.month == static_cast<std::size_t>(picked->index) &&
          breach.severity == static_cast<Severity>(picked->series))
        ids.push_back(breach.id);
    std::string month = plot::bucket_label(f.months[static_cast<std::size_t>(picked->index)],
                                           plot::TimeUnit::month);
    state.table = records_table(
        incidents_spec(),
        {these(ids, tr("chip.breached")), is("severity", static_cast<Severity>(picked->series))},
        trf("incidents.drill.breaches_in", picked->category, month), "opened_at", true);
  }
  // The targets themselves, each editable: the IT lead agrees them with the city.
  note(tr("incidents.targets"));
  // The buttons run on to a new line where the panel ends, not past its edge.
  float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (std::size_t s = 0; s < Severity_count; ++s) {
    std::string label = std::string(tr(catalog_key(static_cast<Severity>(s)))) + " " +
                        trf("incidents.target_hours", hours(f.target_minutes[s] / 60.0)) +
                        "##target" + std::to_string(s);
    float width =
        ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (s && ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine();
    if (ImGui::SmallButton(label.c_str()) && f.target_ids[s])
      actions.edit_record = RecordRef{&incident_targets_spec(), f.target_ids[s]};
    remember_item(state, "incidents.target." + std::to_string(s));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("incidents.target_hint"));
  }
}

void draw_institutions(const IncidentFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("incidents.by_institution"), fonts);
  std::vector<plot::RankedItem> items;
  for (const auto& place : f.institutions) {
    std::string note =
        place.open > 0 ? trf("incidents.open_note", format_count(place.open)) : std::string();
    items.push_back({place.name, static_cast<double>(place.opened), static_cast<int>(place.kind),
                     std::to_string(place.id), note});
  }
  plot::RankingOptions options;
  options.top = 8;
  options.group_names = {tr("enum.institution_kind.city_government"),
                         tr("enum.institution_kind.kindergarten"),
                         tr("enum.institution_kind.other")};
  auto picked =
      plot::ranking_chart("incidents_by_institution", items, options, state.chart_context(fonts));
  remember_item(state, "plot.incidents.institutions");
  if (!picked || picked->key.empty()) return;
  Date year_ago = f.today.plus_months(-12).plus_days(1);
  state.table =
      incidents(f,
                {{"institution_id", Kind::equals, picked->key, std::nullopt, picked->category},
                 between("opened_at", year_ago, f.today, "chip.opened_between")},
                picked->category);
}

void draw_weekday_hours(const IncidentFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("incidents.weekday_hour"), fonts);
  // Working hours and their edges; the night hours are summed into the first and last columns.
  constexpr int first_hour = 7;
  constexpr int last_hour = 18;
  plot::HeatmapData data;
  for (int day = 1; day <= 7; ++day)
    data.rows.push_back(tr("weekday.short." + std::to_string(day)));
  data.columns.push_back("<" + std::to_string(first_hour + 1));
  for (int hour = first_hour + 1; hour < last_hour; ++hour)
    data.columns.push_back(std::to_string(hour));
  data.columns.push_back(std::to_string(last_hour) + "+");
  for (const auto& day : f.opened_by_weekday_hour) {
    for (int column = first_hour; column <= last_hour; ++column) {
      std::int64_t sum = 0;
      int from = column == first_hour ? 0 : column;
      int to = column == last_hour ? 23 : column;
      for (int hour = from; hour <= to; ++hour) sum += day[static_cast<std::size_t>(hour)];
      data.values.push_back(static_cast<double>(sum));
    }
  }
  auto picked = plot::heatmap_chart("incidents_weekday_hour", data, state.chart_context(fonts));
  remember_item(state, "plot.incidents.weekday_hour");
  if (!picked || picked->row < 0 || picked->index < 0) return;
  int weekday = picked->row + 1;
  int column = first_hour + picked->index;
  int from = column == first_hour ? 0 : column;
  int to = column == last_hour ? 23 : column;
  Date year_ago = f.today.plus_months(-12).plus_days(1);
  std::string hours_label = trf("chip.hours", from, to + 1);
  state.table =
      incidents(f,
                {between("opened_at", year_ago, f.today, "chip.opened_between"),
                 {"opened_at", Kind::weekday_hours,
                  std::to_string(weekday) + "," + std::to_string(from), std::to_string(to),
                  std::string(tr("weekday.long." + std::to_string(weekday))) + ", " + hours_label}},
                std::string(tr("weekday.long." + std::to_string(weekday))) + ", " + hours_label);
}

void draw_categories(const IncidentFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("incidents.categories"), fonts);
  const plot::Theme& theme = plot::theme(state.theme);
  plot::TimeSeriesData data = charts::calendar_data(f.months, plot::TimeUnit::month, f.today);
  data.counted_on = f.today;  // this month is still running
  // Security stands out in the colour of bad news; the others take the palette without it.
  const std::array<ImU32, IncidentCategory_count> colours = {plot::palette_colour(theme, 0),
                                                             plot::palette_colour(theme, 1),
                                                             plot::palette_colour(theme, 2),
                                                             plot::palette_colour(theme, 4),
                                                             plot::palette_colour(theme, 5),
                                                             plot::palette_colour(theme, 6),
                                                             theme.text_muted,
                                                             theme.bad};
  for (std::size_t c = 0; c < IncidentCategory_count; ++c) {
    auto category = static_cast<IncidentCategory>(c);
    data.series.push_back(charts::count_series(tr(catalog_key(category)),
                                               f.opened_per_month_by_category[c], colours[c]));
  }
  plot::TimeChartOptions options{plot::TimeChartKind::stacked_bars, false, std::nullopt, "", 200};
  auto picked = plot::time_chart("incidents_categories", data, options,
                                 state.chart("incidents_categories"), state.chart_context(fonts));
  remember_item(state, "plot.incidents.categories");
  if (!picked || picked->series < 0 || !picked->from || !picked->until) return;
  state.table =
      incidents(f,
                {between("opened_at", *picked->from, std::min(*picked->until, f.today),
                         "chip.opened_between"),
                 is("category", static_cast<IncidentCategory>(picked->series))},
                picked->category + ", " + plot::bucket_label(*picked->from, plot::TimeUnit::month));
}

// Each system's restore tests: the last, its result, the next due; overdue ones first.
void draw_restores(const IncidentFigures& f, UiState& state, const Fonts& fonts) {
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("incidents.restores"));
  ImGui::PopFont();
  if (state.incidents_show_restores) {
    ImGui::SetScrollHereY(0.0f);  // the tile asked to see them
    state.incidents_show_restores = false;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##restores", 5, flags)) return;
  for (const char* key :
       {"incidents.restores.system", "incidents.restores.interval", "incidents.restores.last",
        "incidents.restores.result", "incidents.restores.next"})
    ImGui::TableSetupColumn(tr(key));
  ImGui::TableHeadersRow();
  const plot::Theme& theme = plot::theme(state.theme);
  for (std::size_t i = 0; i < f.restores.size(); ++i) {
    const auto& r = f.restores[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(r.system));
    // A system whose test is overdue or whose last test failed is named in the colour of bad
    // news; the tile counts exactly these, and they stand first.
    if (r.needs_attention())
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
    bool opened = ImGui::Selectable((r.name + "##restore").c_str(), false,
                                    ImGuiSelectableFlags_SpanAllColumns);
    if (r.needs_attention()) ImGui::PopStyleColor();
    if (opened)
      state.table = records_table(
          restore_tests_spec(),
          {{"system_id", Kind::equals, std::to_string(r.system), std::nullopt, r.name}},
          trf("incidents.drill.restores_of", r.name), "tested_on", true);
    remember_item(state, "incidents.restore." + std::to_string(i));
    ImGui::PopID();
    ImGui::TableNextColumn();
    if (r.interval_days)
      ImGui::TextUnformatted(
          trn("incidents.restores.every", *r.interval_days, *r.interval_days).c_str());
    else
      note(tr("incidents.restores.not_required"));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.last_test ? r.last_test->display().c_str() : "–");
    ImGui::TableNextColumn();
    if (r.result) {
      bool failed = *r.result != RestoreResult::passed;
      if (failed) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
      ImGui::TextUnformatted(tr(catalog_key(*r.result)));
      if (failed) ImGui::PopStyleColor();
    }
    ImGui::TableNextColumn();
    if (r.next_due) {
      if (r.overdue)
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
      ImGui::TextUnformatted(r.overdue
                                 ? trf("incidents.restores.overdue", r.next_due->display()).c_str()
                                 : r.next_due->display().c_str());
      if (r.overdue) ImGui::PopStyleColor();
    }
  }
  ImGui::EndTable();
}

// A new incident with what is known at once: now, registered, normal severity, the city
// government; the title is the one thing to type.
EditorState new_incident(const IncidentFigures& f, const ValidationContext& context) {
  EditorState editor;
  editor.spec = &incidents_spec();
  Record& r = editor.edited;
  r.set("opened_at", context.now.iso());
  r.set("status", std::string(key_of(IncidentStatus::registered)));
  r.set("category", std::string(key_of(f.security_only ? IncidentCategory::security
                                                       : IncidentCategory::software)));
  r.set("severity", std::string(key_of(Severity::normal)));
  r.set("is_security", f.security_only ? "1" : "0");
  r.set("institution_id", "1");
  r.set("root_cause", "");
  editor.focus = "title";
  return editor;
}

}  // namespace

void draw_incidents(const IncidentFigures& f, UiState& state, const SessionInfo& session,
                    const Fonts& fonts, Actions& actions) {
  report_heading(tr("view.incidents"), trf("incidents.subheading", long_moment(f.now)), f.now.date,
                 fonts, state, actions);
  // All incidents, or security incidents alone: every figure below follows.
  bool& security_only = state.area_options.incidents_security_only;
  if (ImGui::RadioButton(tr("incidents.scope.all"), !security_only) && security_only) {
    security_only = false;
    actions.reload_area = true;
  }
  remember_item(state, "incidents.scope.all");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("incidents.scope.security"), security_only) && !security_only) {
    security_only = true;
    actions.reload_area = true;
  }
  remember_item(state, "incidents.scope.security");
  ImGui::SameLine(0, 30);
  const bool may_register = may(session, Permission::edit_it);
  ImGui::BeginDisabled(!may_register);
  bool shortcut = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('N') && !state.editor;
  if (ImGui::Button(tr("incidents.new")) || (shortcut && may_register))
    state.editor = new_incident(f, state.validation);
  ImGui::EndDisabled();
  why_disabled(may_register, why_not(session, Permission::edit_it));
  remember_item(state, "incidents.new");
  ImGui::Spacing();

  draw_tiles(f, state, fonts);
  if (begin_panels("##incidents_now", 2, {3, 2})) {
    draw_weekly(f, state, fonts);
    panel(trf("incidents.open_list", format_count(static_cast<std::int64_t>(f.open.size())),
              format_count(f.open_breaching))
              .c_str(),
          fonts);
    draw_open_list(f, state, actions);
    end_panels();
  }
  if (begin_panels("##incidents_time", 3)) {
    panel(tr("incidents.by_severity"), fonts);
    draw_spread(f, true, state, fonts);
    panel(tr("incidents.by_category"), fonts);
    draw_spread(f, false, state, fonts);
    draw_breaches(f, state, fonts, actions);
    end_panels();
  }
  if (begin_panels("##incidents_where", 3)) {
    draw_institutions(f, state, fonts);
    draw_weekday_hours(f, state, fonts);
    draw_categories(f, state, fonts);
    end_panels();
  }
  draw_restores(f, state, fonts);
}

}  // namespace raekoda::ui
