// The communications manager's coverage report to the council chair: a period picked and compared
// with the one before, coverage by tone, outlet, channel, language and subject, the rebuttals
// still owed, and the press releases waiting for the chair. A one-screen review of the same
// figures is made for the projector at a council presidium meeting.

#include <algorithm>
#include <cmath>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "charts/area_charts.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "plot/category_charts.h"
#include "plot/time_chart.h"
#include "ui/filters.h"
#include "ui/report_dialog.h"
#include "ui/review_image.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

using Kind = RecordFilter::Kind;
using plot::Assessment;

// -- the filters a click stands for -------------------------------------------------------------

RecordFilter published_in(Date from, Date until) {
  return between("published_on", from, until, "chip.published_between");
}
RecordFilter rebuttal_owed() {
  return {"rebuttal_status", Kind::one_of, "needed,drafted,approved", std::nullopt,
          tr("chip.rebuttal_owed")};
}

TableState items(std::vector<RecordFilter> filters, std::string title) {
  return records_table(media_items_spec(), std::move(filters), std::move(title), "published_on",
                       true);
}
TableState items_in_period(const MediaFigures& f, std::vector<RecordFilter> more,
                           std::string title) {
  more.insert(more.begin(), published_in(f.period.from, f.period.until));
  return items(std::move(more), std::move(title));
}

// "per week" in a chart's title, by the trend's step.
std::string trend_per(const MediaFigures& f) {
  return tr(f.trend_step == TrendStep::month  ? "media.per_month"
            : f.trend_step == TrendStep::week ? "media.per_week"
                                              : "media.per_day");
}

// "▲ 14 %" against the previous period; empty when there is nothing to compare with.
std::string change_text(std::int64_t now, std::int64_t before) {
  if (before <= 0) return {};
  double change = static_cast<double>(now - before) / static_cast<double>(before);
  const char* arrow = change > 0.005 ? "▲ " : change < -0.005 ? "▼ " : "";
  return arrow + trf("media.change", format_percent(std::fabs(change), 0));
}

double negative_share(const std::array<std::int64_t, Tone_count>& tones) {
  std::int64_t total = tones[0] + tones[1] + tones[2];
  return total > 0 ? static_cast<double>(tones[0]) / static_cast<double>(total) : 0.0;
}

// -- the period picker --------------------------------------------------------------------------

void draw_period_picker(const MediaFigures& f, UiState& state, Actions& actions) {
  PeriodChoice& choice = state.area_options.media_period;
  constexpr std::array<std::pair<PeriodKind, const char*>, 5> kinds = {{
      {PeriodKind::this_week, "media.period.this_week"},
      {PeriodKind::this_month, "media.period.this_month"},
      {PeriodKind::last_month, "media.period.last_month"},
      {PeriodKind::this_quarter, "media.period.this_quarter"},
      {PeriodKind::custom, "media.period.custom"},
  }};
  const plot::Theme& theme = plot::theme(state.theme);
  for (const auto& [kind, key] : kinds) {
    bool selected = choice.kind == kind;
    if (selected) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme.neutral));
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    if (ImGui::Button(tr(key)) && !selected) {
      choice.kind = kind;
      if (kind == PeriodKind::custom) {
        // A custom range starts from what is on screen, to be narrowed or widened.
        choice.custom = f.period;
        state.media_custom_text = {f.period.from.display(), f.period.until.display()};
      }
      actions.reload_area = true;
    }
    if (selected) ImGui::PopStyleColor(2);
    remember_item(state, std::string("media.period.") + std::string(key).substr(13));
    ImGui::SameLine();
  }
  if (choice.kind == PeriodKind::custom) {
    // Typed dd.mm.yyyy; read when both ends are real days.
    bool changed = false;
    ImGui::SetNextItemWidth(110);
    changed |=
        ImGui::InputTextWithHint("##from", tr("editor.date_hint"), &state.media_custom_text[0]);
    remember_item(state, "media.period.from");
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted("–");
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(110);
    changed |=
        ImGui::InputTextWithHint("##until", tr("editor.date_hint"), &state.media_custom_text[1]);
    remember_item(state, "media.period.until");
    auto from = Date::parse_display(state.media_custom_text[0]);
    auto until = Date::parse_display(state.media_custom_text[1]);
    if (changed && from && until && *from <= *until) {
      choice.custom = {*from, *until};
      actions.reload_area = true;
    }
    if (!from || !until || *from > *until) {
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
      ImGui::TextUnformatted(tr("media.period.invalid"));
      ImGui::PopStyleColor();
    }
    ImGui::SameLine();
  }
  ImGui::TextDisabled("%s", trf("media.period.compared", period_label(f.choice, f.period),
                                f.previous.from.display(), f.previous.until.display())
                                .c_str());
}

// -- tiles ----------------------------------------------------------------------------------------

std::vector<plot::KpiTile> tiles(const MediaFigures& f) {
  std::vector<plot::KpiTile> all(4);
  plot::KpiTile& count = all[0];
  count.title = tr("media.tile.items");
  count.value = format_count(f.items());
  count.change = change_text(f.items(), f.items_previous());
  count.detail = trf("media.tile.items_detail", format_count(f.items_previous()));
  for (std::size_t b = 0; b < f.trend_buckets.size(); ++b)
    count.sparkline.push_back(
        static_cast<double>(f.trend_by_tone[0][b] + f.trend_by_tone[1][b] + f.trend_by_tone[2][b]));

  plot::KpiTile& negative = all[1];
  double share = negative_share(f.by_tone);
  double before = negative_share(f.by_tone_previous);
  negative.title = tr("media.tile.negative");
  negative.value = f.items() > 0 ? format_percent(share, 0) : "–";
  negative.detail = trn("media.tile.negative_detail", f.by_tone[0], format_count(f.by_tone[0]),
                        f.items_previous() > 0 ? format_percent(before, 0) : "–");
  double points = std::round((share - before) * 100);
  if (f.items() > 0 && f.items_previous() > 0 && points != 0) {
    negative.change = (points > 0 ? "▲ " : "▼ ") + trf("media.points", std::fabs(points));
    negative.change_assessment = points > 0 ? Assessment::bad : Assessment::good;
  }
  negative.assessment = share > 0.3 ? Assessment::warning : Assessment::neutral;

  plot::KpiTile& rebuttals = all[2];
  rebuttals.title = tr("media.tile.rebuttals");
  rebuttals.value = format_count(static_cast<std::int64_t>(f.open_rebuttals.size()));
  std::optional<Date> nearest;
  for (const auto& r : f.open_rebuttals)
    if (r.due_on && (!nearest || *r.due_on < *nearest)) nearest = r.due_on;
  rebuttals.detail = nearest ? trf(*nearest < f.today ? "media.tile.rebuttals_late"
                                                      : "media.tile.rebuttals_detail",
                                   nearest->display())
                             : tr("media.tile.rebuttals_none");
  rebuttals.assessment = f.open_rebuttals.empty()        ? Assessment::good
                         : nearest && *nearest < f.today ? Assessment::bad
                                                         : Assessment::warning;

  plot::KpiTile& releases = all[3];
  releases.title = tr("media.tile.releases");
  releases.value = format_count(f.awaiting_approval);
  releases.detail = f.oldest_awaiting
                        ? trf("media.tile.releases_detail", f.oldest_awaiting->display())
                        : tr("media.tile.releases_none");
  releases.assessment = f.awaiting_approval > 0 ? Assessment::warning : Assessment::neutral;
  return all;
}

void open_tile(const MediaFigures& f, int tile, const std::string& title, UiState& state) {
  switch (tile) {
    case 0:
      state.table = items_in_period(f, {}, title);
      break;
    case 1:
      state.table = items_in_period(f, {is("tone", Tone::negative)}, title);
      break;
    case 2:
      state.table =
          items({equals("misleading", "1", tr("chip.misleading")), rebuttal_owed()}, title);
      state.table->query.sort_column = "rebuttal_due_on";
      state.table->query.descending = false;
      break;
    case 3:
      state.table =
          records_table(press_releases_spec(), {is("state", PressReleaseState::awaiting_approval)},
                        title, "drafted_on");
      break;
    default:
      break;
  }
}

// -- charts ---------------------------------------------------------------------------------------

// Coverage by tone per week or month: counts stacked, or each tone's share of the bucket.
void draw_tone_trend(const MediaFigures& f, bool as_share, const char* id, float height,
                     UiState& state, const Fonts& fonts) {
  charts::TimeChart chart = charts::media_tone_trend(f, as_share, height, plot::theme(state.theme));
  auto picked =
      plot::time_chart(id, chart.data, chart.options, state.chart(id), state.chart_context(fonts));
  remember_item(state, std::string("plot.") + id);
  if (!picked || picked->series < 0 || !picked->from) return;
  Date from = *picked->from;
  Date until = charts::media_bucket_end(f, from);
  auto tone = static_cast<Tone>(picked->series);
  state.table =
      items({published_in(from, until), is("tone", tone)},
            picked->category + ", " + plot::bucket_label(from, charts::media_trend_unit(f)));
}

// Outlets by items, or by reach as a share of voice; Estonian- and Russian-language outlets in
// their own colours.
void draw_outlets(const MediaFigures& f, bool by_reach, std::size_t top, UiState& state,
                  const Fonts& fonts) {
  const char* id = by_reach ? "media_share_of_voice" : "media_outlets";
  charts::Ranking ranking = charts::media_outlets(f, by_reach, top);
  auto picked = plot::ranking_chart(id, ranking.items, ranking.options, state.chart_context(fonts));
  remember_item(state, std::string("plot.") + id);
  if (!picked || picked->key.empty()) return;
  state.table =
      items_in_period(f, {equals("outlet_id", picked->key, picked->category)}, picked->category);
}

template <class E, std::size_t N>
void draw_share(const char* id, const std::array<std::int64_t, N>& counts, const char* column,
                const MediaFigures& f, UiState& state, const Fonts& fonts) {
  std::vector<plot::Series> parts;
  std::vector<E> values;
  for (std::size_t i = 0; i < N; ++i) {
    if (counts[i] == 0) continue;
    // "Other" is grey, so that the palette's colours stay with named values.
    std::optional<ImU32> colour;
    if (key_of(static_cast<E>(i)) == "other") colour = plot::theme(state.theme).text_muted;
    parts.push_back({tr(catalog_key(static_cast<E>(i))), {static_cast<double>(counts[i])}, colour});
    values.push_back(static_cast<E>(i));
  }
  auto picked = plot::share_chart(id, parts, plot::ShareStyle::bar, 30, state.chart_context(fonts));
  remember_item(state, std::string("plot.") + id);
  if (!picked || picked->index < 0) return;
  E value = values[static_cast<std::size_t>(picked->index)];
  state.table = items_in_period(f, {is(column, value)}, picked->category);
}

void draw_subjects(const MediaFigures& f, UiState& state, const Fonts& fonts) {
  std::vector<plot::RankedItem> ranked;
  for (std::size_t i = 0; i < f.subjects.size(); ++i) {
    const auto& s = f.subjects[i];
    std::string name = s.subject == Subject::topic
                           ? (s.topic.empty() ? tr("media.no_topic") : s.topic)
                           : tr(catalog_key(s.subject));
    ranked.push_back({name, static_cast<double>(s.items), s.subject == Subject::topic ? 1 : 0,
                      std::to_string(i), ""});
  }
  plot::RankingOptions options;
  options.top = 9;
  options.group_names = {tr("media.subject.institution"), tr("media.subject.topic")};
  auto picked = plot::ranking_chart("media_subjects", ranked, options, state.chart_context(fonts));
  remember_item(state, "plot.media_subjects");
  if (!picked || picked->key.empty()) return;
  const auto& s = f.subjects[std::stoul(picked->key)];
  std::vector<RecordFilter> filters = {is("subject", s.subject)};
  if (s.subject == Subject::topic && !s.topic.empty())
    filters.push_back(equals("topic", s.topic, s.topic));
  state.table = items_in_period(f, std::move(filters), picked->category);
}

void draw_heatmap(const MediaFigures& f, UiState& state, const Fonts& fonts) {
  plot::HeatmapData data;
  for (std::size_t row : f.heatmap_outlets) data.rows.push_back(f.outlets[row].name);
  for (Date week : f.heatmap_weeks) data.columns.push_back(std::to_string(iso_week(week).week));
  data.values.assign(f.heatmap.begin(), f.heatmap.end());
  auto picked = plot::heatmap_chart("media_heatmap", data, state.chart_context(fonts));
  remember_item(state, "plot.media_heatmap");
  if (!picked || picked->row < 0 || picked->index < 0) return;
  const auto& outlet = f.outlets[f.heatmap_outlets[static_cast<std::size_t>(picked->row)]];
  Date week = f.heatmap_weeks[static_cast<std::size_t>(picked->index)];
  state.table = items({published_in(week, week.plus_days(6)),
                       equals("outlet_id", std::to_string(outlet.id), outlet.name)},
                      outlet.name + ", " + plot::bucket_label(week, plot::TimeUnit::week));
}

// Misleading or false items still owed a rebuttal; a row opens the item.
// `session` is null in the review's image, which has no buttons.
void draw_rebuttals(const MediaFigures& f, std::size_t rows, UiState& state,
                    const SessionInfo* session, Actions& actions) {
  if (f.open_rebuttals.empty()) {
    note(tr("media.tile.rebuttals_none"));
    return;
  }
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  float shown = static_cast<float>(std::min(rows, f.open_rebuttals.size()));
  float height = ImGui::GetTextLineHeightWithSpacing() * (shown + 1.5f);
  if (!ImGui::BeginTable("##rebuttals", session ? 5 : 4, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("media.rebuttals.due"), ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("00.00.0000").x + 8);
  // The status column fits its longest name, so that "Vaja vastulauset" is never cut.
  float status_width = ImGui::CalcTextSize(tr("media.rebuttals.status")).x;
  for (std::size_t i = 0; i < EnumKeys<RebuttalStatus>::keys.size(); ++i)
    status_width = std::max(status_width,
                            ImGui::CalcTextSize(tr(catalog_key(static_cast<RebuttalStatus>(i)))).x);
  ImGui::TableSetupColumn(tr("media.rebuttals.status"), ImGuiTableColumnFlags_WidthFixed,
                          status_width + 8);
  ImGui::TableSetupColumn(tr("media.rebuttals.outlet"), ImGuiTableColumnFlags_WidthStretch, 1.7f);
  ImGui::TableSetupColumn(tr("media.rebuttals.title"), ImGuiTableColumnFlags_WidthStretch, 5);
  // A drafted rebuttal is approved here by the chair, as a press release is.
  if (session)
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(tr("media.rebuttals.approve")).x +
                                ImGui::GetStyle().FramePadding.x * 2 + 4);
  ImGui::TableHeadersRow();
  const bool may_approve = session && may(*session, Permission::approve_releases);
  const plot::Theme& theme = plot::theme(state.theme);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(f.open_rebuttals.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& r = f.open_rebuttals[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool late = r.due_on && *r.due_on < f.today;
      std::string due = r.due_on ? r.due_on->display() : "–";
      ImGui::PushID(static_cast<int>(r.id));
      if (late) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
      // The row opens the item; the Approve button over its end takes its own clicks.
      if (ImGui::Selectable(
              (due + "##row").c_str(), false,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        actions.edit_record = RecordRef{&media_items_spec(), r.id};
      if (late) ImGui::PopStyleColor();
      remember_item(state, "media.rebuttal." + std::to_string(i));
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(catalog_key(r.status)));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.outlet.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.title.c_str());
      if (!session) continue;
      ImGui::TableNextColumn();
      if (r.status == RebuttalStatus::drafted) {
        ImGui::PushID(static_cast<int>(r.id));
        ImGui::BeginDisabled(!may_approve);
        if (ImGui::SmallButton(tr("media.rebuttals.approve")))
          actions.approve_rebuttal = std::make_pair(r.id, r.version);
        ImGui::EndDisabled();
        why_disabled(may_approve, why_not(*session, Permission::approve_releases));
        remember_item(state, "media.rebuttal.approve." + std::to_string(i));
        ImGui::PopID();
      }
    }
  }
  ImGui::EndTable();
}

// Press releases on their way to publication; the chair approves or sends back in one click.
void draw_releases(const MediaFigures& f, UiState& state, const SessionInfo& session,
                   Actions& actions) {
  if (f.releases.empty()) {
    note(tr("media.releases.none"));
    return;
  }
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  float shown = static_cast<float>(std::min<std::size_t>(f.releases.size(), 8));
  float height = ImGui::GetFrameHeightWithSpacing() * (shown + 1.5f);
  if (!ImGui::BeginTable("##releases", 5, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("media.releases.drafted"), ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("00.00.0000").x + 8);
  ImGui::TableSetupColumn(tr("media.releases.title"), ImGuiTableColumnFlags_WidthStretch, 4);
  ImGui::TableSetupColumn(tr("media.releases.author"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn(tr("media.releases.state"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(tr("media.releases.approve")).x +
                              ImGui::CalcTextSize(tr("media.releases.send_back")).x +
                              ImGui::GetStyle().FramePadding.x * 4 + 16);
  ImGui::TableHeadersRow();
  // An approved release keeps its row while the pointer is on the list (ui/row_hold.h).
  std::vector<Id> live;
  for (const auto& release : f.releases) live.push_back(release.id);
  std::vector<RowInPlace> rows = rows_in_place(state.row_holds, "releases", live);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ImGui::PushID(static_cast<int>(rows[i].id));
    if (rows[i].held) {
      draw_held_row(*rows[i].held);
      ImGui::PopID();
      continue;
    }
    const auto& release = f.releases[rows[i].live];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::Selectable(
            (release.drafted_on.display() + "##open").c_str(), false,
            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
      actions.edit_record = RecordRef{&press_releases_spec(), release.id};
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(release.title.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(release.author.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(catalog_key(release.state)));
    if (!release.return_comment.empty()) {
      ImGui::SameLine();
      note(trf("media.releases.comment", release.return_comment));
    }
    ImGui::TableNextColumn();
    // Named by its place in the figures, which is where it goes once the list closes up.
    std::string prefix = "media.release." + std::to_string(rows[i].live);
    // Approving and sending back are the chair's; submitting a draft is the communications'.
    Permission needed = release.state == PressReleaseState::awaiting_approval
                            ? Permission::approve_releases
                            : Permission::edit_media;
    ImGui::BeginDisabled(!may(session, needed));
    auto step = [&](ReleaseStep what, std::string comment = {}) {
      actions.release = Actions::Release{release.id, release.version, what, std::move(comment)};
    };
    if (release.state == PressReleaseState::awaiting_approval) {
      if (ImGui::SmallButton(tr("media.releases.approve"))) {
        step(ReleaseStep::approve);
        const char* approved = tr(catalog_key(PressReleaseState::approved));
        hold_rows(state.row_holds, "releases", rows,
                  {release.id,
                   {release.drafted_on.display(), release.title, release.author, approved},
                   approved});
      }
      remember_item(state, prefix + ".approve");
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("media.releases.send_back"))) {
        state.release_comment.clear();
        ImGui::OpenPopup("send_back");
      }
      remember_item(state, prefix + ".send_back");
    } else if (release.state == PressReleaseState::draft) {
      if (ImGui::SmallButton(tr("media.releases.submit"))) step(ReleaseStep::submit);
      remember_item(state, prefix + ".submit");
    }
    ImGui::EndDisabled();
    why_disabled(may(session, needed), why_not(session, needed));
    if (ImGui::BeginPopup("send_back")) {
      ImGui::TextUnformatted(tr("media.releases.comment_question"));
      ImGui::SetNextItemWidth(420);
      if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
      ImGui::InputTextMultiline("##comment", &state.release_comment,
                                ImVec2(420, ImGui::GetTextLineHeight() * 4));
      remember_item(state, "media.release.comment");
      ImGui::BeginDisabled(state.release_comment.empty());
      if (ImGui::Button(tr("media.releases.send_back_confirm"))) {
        step(ReleaseStep::send_back, state.release_comment);
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndDisabled();
      remember_item(state, "media.release.send_back_confirm");
      ImGui::EndPopup();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  release_rows(state.row_holds, "releases", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void draw_report(const MediaFigures& f, UiState& state, const SessionInfo& session,
                 const Fonts& fonts, Actions& actions) {
  auto all = tiles(f);
  const std::vector<std::string> ids = {"tile.media.items", "tile.media.negative",
                                        "tile.media.rebuttals", "tile.media.releases"};
  int clicked = tile_row(all, ids, 150, state, fonts);
  if (clicked >= 0) open_tile(f, clicked, all[static_cast<std::size_t>(clicked)].title, state);

  std::string unit = trend_per(f);
  if (begin_panels("##media_tone", 3)) {
    panel(trf("media.coverage_by_tone", unit).c_str(), fonts);
    draw_tone_trend(f, false, "media_tone", 200, state, fonts);
    panel(trf("media.tone_share", unit).c_str(), fonts);
    draw_tone_trend(f, true, "media_tone_share", 200, state, fonts);
    panel(tr("media.channels"), fonts);
    draw_share<Channel>("media_channels", f.by_channel, "channel", f, state, fonts);
    ImGui::Spacing();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(tr("media.languages"));
    ImGui::PopFont();
    draw_share<ContentLanguage>("media_languages", f.by_language, "language", f, state, fonts);
    end_panels();
  }
  // What the chair and the communications staff act on, before the analysis below.
  if (begin_panels("##media_actions", 2)) {
    panel(tr("media.open_rebuttals"), fonts);
    draw_rebuttals(f, 8, state, &session, actions);
    panel(tr("media.releases"), fonts);
    draw_releases(f, state, session, actions);
    end_panels();
  }
  if (begin_panels("##media_outlets", 3)) {
    panel(tr("media.outlets"), fonts);
    draw_outlets(f, false, 8, state, fonts);
    panel(tr("media.share_of_voice"), fonts);
    draw_outlets(f, true, 8, state, fonts);
    panel(tr("media.subjects"), fonts);
    draw_subjects(f, state, fonts);
    end_panels();
  }
  if (begin_panels("##media_heatmap", 1)) {
    panel(tr("media.heatmap"), fonts);
    draw_heatmap(f, state, fonts);
    end_panels();
  }
}

// The chair's review: the same figures on one screen, large enough for a projector.
// `session` is null in the review's image.
void draw_review(const MediaFigures& f, UiState& state, const SessionInfo* session,
                 const Fonts& fonts, Actions& actions) {
  auto all = tiles(f);
  const std::vector<std::string> ids = {"tile.media.items", "tile.media.negative",
                                        "tile.media.rebuttals", "tile.media.releases"};
  int clicked = tile_row(all, ids, 160, state, fonts);
  if (clicked >= 0) open_tile(f, clicked, all[static_cast<std::size_t>(clicked)].title, state);
  std::string unit = trend_per(f);
  if (begin_panels("##review", 2)) {
    panel(trf("media.coverage_by_tone", unit).c_str(), fonts);
    draw_tone_trend(f, false, "media_tone", 270, state, fonts);
    panel(tr("media.outlets"), fonts);
    draw_outlets(f, false, 9, state, fonts);
    end_panels();
  }
  if (begin_panels("##review_rebuttals", 2, {2, 1})) {
    panel(tr("media.open_rebuttals"), fonts);
    draw_rebuttals(f, 7, state, session, actions);
    panel(tr("media.languages"), fonts);
    draw_share<ContentLanguage>("media_languages", f.by_language, "language", f, state, fonts);
    ImGui::Spacing();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(tr("media.channels"));
    ImGui::PopFont();
    draw_share<Channel>("media_channels", f.by_channel, "channel", f, state, fonts);
    end_panels();
  }
}

}  // namespace

void draw_media(const MediaFigures& f, UiState& state, const SessionInfo& session,
                const Fonts& fonts, Actions& actions) {
  if (state.media_review)
    report_heading(trf("media.review.heading", period_label(f.choice, f.period)).c_str(),
                   trf("media.review.subheading", long_date(f.today)), f.today, fonts, state,
                   actions);
  else
    report_heading(tr("view.media"), trf("media.subheading", long_date(f.today)), f.today, fonts,
                   state, actions);
  draw_period_picker(f, state, actions);
  ImGui::SameLine();
  float padding = ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
  float buttons =
      ImGui::CalcTextSize(tr(state.media_review ? "media.review.close" : "media.review.open")).x +
      (state.media_review ? ImGui::CalcTextSize(tr("media.review.save")).x + padding : 0) + padding;
  // Where the period's words leave no room (a long Russian line on a small screen), the review's
  // buttons go to the right of a line of their own rather than past the window's edge.
  if (ImGui::GetCursorPosX() + buttons > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
  ImGui::SetCursorPosX(
      std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
  if (ImGui::Button(tr(state.media_review ? "media.review.close" : "media.review.open")))
    state.media_review = !state.media_review;
  remember_item(state, "media.review");
  if (state.media_review) {
    ImGui::SameLine();
    // The review alone, drawn afresh at a fixed size (ui/review_image.h).
    if (ImGui::Button(tr("media.review.save"))) state.save_review_image = true;
    remember_item(state, "media.review.save");
  }
  ImGui::Spacing();
  if (state.media_review)
    draw_review(f, state, &session, fonts, actions);
  else
    draw_report(f, state, session, fonts, actions);
}

void draw_media_review_image(const MediaFigures& f, UiState& state, const Fonts& fonts) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                     ImGuiWindowFlags_NoInputs;
  ImGui::Begin("##media_review_image", nullptr, flags);
  // The controls of the window stay where the tests and the screenshots found them.
  ItemProbe* probe = std::exchange(state.probe, nullptr);
  view_heading(trf("media.review.heading", period_label(f.choice, f.period)).c_str(),
               trf("media.review.image_subheading", long_date(f.today)), fonts);
  Actions ignored;
  draw_review(f, state, nullptr, fonts, ignored);
  state.probe = probe;
  ImGui::End();
}

}  // namespace raekoda::ui
