// The IT lead's proof of who may use which system: leavers' accounts that are still active (the
// most important number on the page), the review campaign and its decisions, revoke decisions not
// yet carried out, accounts by system and privilege, how fast leavers lose access, and each
// unit's table of registers and portals.

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "charts/area_charts.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "plot/category_charts.h"
#include "plot/matrix_chart.h"
#include "plot/time_chart.h"
#include "ui/figure_widths.h"
#include "ui/filters.h"
#include "ui/report_dialog.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

// The IT lead decides every account; a system's owner those of their own system.
bool may_decide(const SessionInfo& session, std::optional<Id> system_owner) {
  return !session.read_only && session.viewer.decides_for(system_owner);
}

using Kind = RecordFilter::Kind;
using plot::Assessment;

// -- the filters a click stands for -------------------------------------------------------------

RecordFilter active() {
  return {"revoked_on", Kind::is_null, std::nullopt, std::nullopt, tr("chip.account_active")};
}
TableState accounts(std::vector<RecordFilter> filters, std::string title) {
  return records_table(accounts_spec(), std::move(filters), std::move(title), "granted_on", true);
}

const AccessFigures::Campaign* current(const AccessFigures& f) {
  return f.current ? &f.campaigns[*f.current] : nullptr;
}

ImU32 privilege_colour(const plot::Theme& theme, Privilege privilege) {
  switch (privilege) {
    case Privilege::read:
      return plot::palette_colour(theme, 4);  // sky blue
    case Privilege::user:
      return plot::palette_colour(theme, 0);  // blue
    case Privilege::admin:
      return plot::palette_colour(theme, 1);  // orange: the rights to watch
  }
  return theme.text_muted;
}

// -- tiles ----------------------------------------------------------------------------------------

void draw_tiles(const AccessFigures& f, UiState& state, const Fonts& fonts) {
  std::vector<plot::KpiTile> tiles(4);
  plot::KpiTile& leavers = tiles[0];
  leavers.title = tr("access.tile.leavers");
  leavers.value = format_count(static_cast<std::int64_t>(f.leaver_accounts.size()));
  leavers.detail =
      f.leaver_accounts.empty()
          ? tr("access.tile.leavers_none")
          : trn("access.tile.leavers_detail", f.leaver_accounts.front().days_since_left,
                format_count(f.leaver_accounts.front().days_since_left));
  leavers.assessment = f.leaver_accounts.empty() ? Assessment::good : Assessment::bad;

  plot::KpiTile& campaign = tiles[1];
  const AccessFigures::Campaign* c = current(f);
  campaign.title = c && c->state == CampaignState::open ? tr("access.tile.campaign")
                                                        : tr("access.tile.last_campaign");
  if (c) {
    campaign.value =
        trf("access.tile.campaign_value", format_count(c->decided()), format_count(c->total()));
    double share = c->total() > 0 ? static_cast<double>(c->decided()) / c->total() : 1.0;
    campaign.detail =
        trf("access.tile.campaign_detail", format_percent(share, 0), c->due_on.display());
    bool late = c->state == CampaignState::open && f.today > c->due_on && share < 1.0;
    campaign.assessment = late                              ? Assessment::bad
                          : c->state == CampaignState::open ? Assessment::warning
                                                            : Assessment::good;
  } else {
    campaign.value = "–";
    campaign.detail = tr("access.tile.no_campaign");
  }

  plot::KpiTile& admins = tiles[2];
  admins.title = tr("access.tile.admins");
  admins.value = format_count(f.admin_accounts);
  admins.detail = trf("access.tile.admins_detail", format_count(f.active_accounts));

  plot::KpiTile& unreviewed = tiles[3];
  unreviewed.title = tr("access.tile.unreviewed");
  unreviewed.value = format_count(f.not_reviewed_12m);
  unreviewed.detail = tr("access.tile.unreviewed_detail");
  unreviewed.assessment = f.not_reviewed_12m > 0 ? Assessment::warning : Assessment::good;

  const std::vector<std::string> ids = {"tile.access.leavers", "tile.access.campaign",
                                        "tile.access.admins", "tile.access.unreviewed"};
  std::string today = f.today.iso();
  switch (tile_row(tiles, ids, 150, state, fonts)) {
    case 0:
      state.table = accounts({active(),
                              {"person_id", Kind::holder_left_by, today, std::nullopt,
                               trf("chip.holder_left", f.today.display())}},
                             leavers.title);
      break;
    case 1:
      if (c)
        state.table = records_table(review_decisions_spec(),
                                    {equals("campaign_id", std::to_string(c->id), c->name)},
                                    c->name, "decision");
      break;
    case 2:
      state.table = accounts({active(), equals("privilege", "admin", tr("enum.privilege.admin"))},
                             admins.title);
      break;
    case 3:
      state.table =
          accounts({active(),
                    {"id", Kind::not_reviewed_since, f.today.plus_months(-12).iso(), std::nullopt,
                     trf("chip.not_reviewed_since", f.today.plus_months(-12).display())}},
                   unreviewed.title);
      break;
    default:
      break;
  }
}

// -- who still has access who should not --------------------------------------------------------

// `text` in the rest of the cell, shortened with "…" when it does not fit; hovering a shortened
// text shows it whole.
void fitted_text(const std::string& text) {
  float room = ImGui::GetContentRegionAvail().x;
  if (ImGui::CalcTextSize(text.c_str()).x <= room) {
    ImGui::TextUnformatted(text.c_str());
    return;
  }
  const char* ellipsis = "…";
  float budget = room - ImGui::CalcTextSize(ellipsis).x;
  std::size_t fits = 0;  // bytes of whole UTF-8 characters that fit
  for (std::size_t end = 1; end <= text.size(); ++end) {
    if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
    if (ImGui::CalcTextSize(text.data(), text.data() + end).x > budget) break;
    fits = end;
  }
  std::string shortened = text.substr(0, fits) + ellipsis;
  ImGui::TextUnformatted(shortened.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

std::string system_and_user(const std::string& system, const std::string& username) {
  return system + " · " + username;
}

constexpr ImGuiTableFlags list_flags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;

// The rows of a list to draw. With no hold on it they are the figures' rows as they stand, given
// by index, so that a list of thousands costs only its rows in view; the list is built whole
// (rows_in_place) while a hold keeps it, or when a step starts one.
template <typename IdOf>
class ListRows {
public:
  ListRows(const RowHolds& holds, std::string_view list, std::size_t count, IdOf id_of)
      : holds_(holds), list_(list), count_(count), id_of_(id_of) {
    if (holds.contains(list)) build();
  }
  std::size_t size() const { return built_ ? rows_.size() : count_; }
  bool empty() const { return size() == 0; }
  RowInPlace operator[](std::size_t i) const {
    return built_ ? rows_[i] : RowInPlace{id_of_(i), i, nullptr};
  }
  // The list as on screen, for hold_rows.
  const std::vector<RowInPlace>& shown() {
    if (!built_) build();
    return rows_;
  }

private:
  void build() {
    std::vector<Id> ids;
    ids.reserve(count_);
    for (std::size_t i = 0; i < count_; ++i) ids.push_back(id_of_(i));
    rows_ = rows_in_place(holds_, list_, ids);
    built_ = true;
  }
  const RowHolds& holds_;
  std::string_view list_;
  std::size_t count_;
  IdOf id_of_;
  bool built_ = false;
  std::vector<RowInPlace> rows_;
};

float revoke_column_width() {
  return ImGui::CalcTextSize(tr("access.revoke_today")).x + ImGui::GetStyle().FramePadding.x * 2 +
         4;
}

// The leavers' accounts still active, each with its one-click revocation. A revoked row keeps its
// place while the pointer is on the list (ui/row_hold.h), so that a double click closes one
// account, not the next person's too.
void draw_leavers(const AccessFigures& f, UiState& state, const SessionInfo& session,
                  Actions& actions) {
  ListRows rows(state.row_holds, "leavers", f.leaver_accounts.size(),
                [&f](std::size_t i) { return f.leaver_accounts[i].account; });
  if (rows.empty()) {
    note(tr("access.tile.leavers_none"));
    return;
  }
  float shown = static_cast<float>(std::min<std::size_t>(rows.size(), 8));
  if (!ImGui::BeginTable("##leavers", 5, list_flags,
                         ImVec2(0, ImGui::GetFrameHeightWithSpacing() * (shown + 1.4f))))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // A name is the row's clickable label and cannot shorten itself: the column fits the longest.
  // Both widths are measured once for these figures in this font, not over every row each frame.
  const ImFont* font = ImGui::GetFont();
  float font_size = ImGui::GetFontSize();
  auto widest = [&](LeaverWidth which) {
    return f.leaver_widths.get(which, font, font_size,
                               [&] { return widest_leaver(f, which, font, font_size); });
  };
  float person_width = widest(leaver_person_width);
  ImGui::TableSetupColumn(tr("access.leavers.person"), ImGuiTableColumnFlags_WidthFixed,
                          person_width + ImGui::GetStyle().ItemSpacing.x);
  ImGui::TableSetupColumn(tr("access.leavers.system"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
  // As wide as its widest date and days, so that the names and systems keep the rest.
  float left_width = widest(leaver_left_width);
  ImGui::TableSetupColumn(tr("access.leavers.left"), ImGuiTableColumnFlags_WidthFixed,
                          left_width + 8);
  ImGui::TableSetupColumn(tr("access.leavers.privilege"), ImGuiTableColumnFlags_WidthStretch, 1);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, revoke_column_width());
  ImGui::TableHeadersRow();
  const plot::Theme& theme = plot::theme(state.theme);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      RowInPlace row = rows[static_cast<std::size_t>(i)];
      ImGui::PushID(static_cast<int>(row.id));
      if (row.held) {
        draw_held_row(*row.held);
        ImGui::PopID();
        continue;
      }
      const auto& a = f.leaver_accounts[row.live];
      std::string left = leaver_left(a);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(
              (a.person + "##open").c_str(), false,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        actions.edit_record = RecordRef{&accounts_spec(), a.account};
      ImGui::TableNextColumn();
      fitted_text(system_and_user(a.system, a.username));
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
      ImGui::TextUnformatted(left.c_str());
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      fitted_text(tr(catalog_key(a.privilege)));
      ImGui::TableNextColumn();
      ImGui::BeginDisabled(!may_decide(session, a.system_owner));
      if (ImGui::SmallButton(tr("access.revoke_today"))) {
        actions.revoke_account = Actions::Versioned{a.account, a.version};
        hold_rows(
            state.row_holds, "leavers", rows.shown(),
            {a.account,
             {a.person, system_and_user(a.system, a.username), left, tr(catalog_key(a.privilege))},
             tr("access.revoked_row")});
      }
      ImGui::EndDisabled();
      why_disabled(may_decide(session, a.system_owner),
                   why_not(session, Permission::decide_reviews));
      // Named by its place in the figures, where it goes once the list closes up.
      remember_item(state, "access.leaver.revoke." + std::to_string(row.live));
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  release_rows(state.row_holds, "leavers", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void draw_undone_revokes(const AccessFigures& f, UiState& state, const SessionInfo& session,
                         Actions& actions) {
  ListRows rows(state.row_holds, "undone_revokes", f.revokes_not_done.size(),
                [&f](std::size_t i) { return f.revokes_not_done[i].decision; });
  if (rows.empty()) {
    note(tr("access.undone.none"));
    return;
  }
  float shown = static_cast<float>(std::min<std::size_t>(rows.size(), 8));
  if (!ImGui::BeginTable("##undone", 4, list_flags,
                         ImVec2(0, ImGui::GetFrameHeightWithSpacing() * (shown + 1.4f))))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("access.leavers.person"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("access.leavers.system"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("access.undone.decided"), ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("00.00.0000").x + 8);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, revoke_column_width());
  ImGui::TableHeadersRow();
  // Only the rows in view are drawn: the list may be long after a campaign's revocations.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      RowInPlace row = rows[static_cast<std::size_t>(i)];
      ImGui::PushID(static_cast<int>(row.id));
      if (row.held) {
        draw_held_row(*row.held);
        ImGui::PopID();
        continue;
      }
      const auto& r = f.revokes_not_done[row.live];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(
              (r.person + "##open").c_str(), false,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        actions.edit_record = RecordRef{&review_decisions_spec(), r.decision};
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.campaign.c_str());
      ImGui::TableNextColumn();
      fitted_text(system_and_user(r.system, r.username));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.decided_on.display().c_str());
      ImGui::TableNextColumn();
      ImGui::BeginDisabled(!may_decide(session, r.system_owner));
      if (ImGui::SmallButton(tr("access.revoke_today"))) {
        actions.revoke_account = Actions::Versioned{r.account, r.account_version};
        hold_rows(state.row_holds, "undone_revokes", rows.shown(),
                  {r.decision,
                   {r.person, system_and_user(r.system, r.username), r.decided_on.display()},
                   tr("access.revoked_row")});
      }
      ImGui::EndDisabled();
      why_disabled(may_decide(session, r.system_owner),
                   why_not(session, Permission::decide_reviews));
      remember_item(state, "access.undone.revoke." + std::to_string(row.live));
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  release_rows(state.row_holds, "undone_revokes", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// -- the review campaign --------------------------------------------------------------------------

void draw_burnup(const AccessFigures& f, const AccessFigures::Campaign& c, UiState& state,
                 const Fonts& fonts) {
  plot::TimeSeriesData data = charts::calendar_data(f.burnup_days, plot::TimeUnit::day, f.today);
  std::vector<double> total(f.burnup_days.size(), 0);
  for (const auto& person : f.burnup) {
    plot::Series series{
        person.name.empty() ? tr("access.burnup.unknown") : person.name, {}, std::nullopt};
    for (std::size_t d = 0; d < person.cumulative.size(); ++d) {
      // Days still to come are not drawn: the line stops at today.
      bool future = f.burnup_days[d] > f.today;
      series.values.push_back(future ? std::nan("") : static_cast<double>(person.cumulative[d]));
      total[d] += static_cast<double>(person.cumulative[d]);
    }
    data.series.push_back(std::move(series));
  }
  plot::Series all{tr("access.burnup.all"), {}, plot::theme(state.theme).text};
  for (std::size_t d = 0; d < total.size(); ++d)
    all.values.push_back(f.burnup_days[d] > f.today ? std::nan("") : total[d]);
  data.series.push_back(std::move(all));
  plot::TimeChartOptions options{plot::TimeChartKind::line, false, static_cast<double>(c.total()),
                                 trf("access.burnup.scope", format_count(c.total())), 200};
  auto picked = plot::time_chart("access_burnup", data, options, state.chart("access_burnup"),
                                 state.chart_context(fonts));
  remember_item(state, "plot.access.burnup");
  if (!picked || !picked->from) return;
  std::vector<RecordFilter> filters = {
      equals("campaign_id", std::to_string(c.id), c.name),
      {"decided_on", Kind::between, c.starts_on.iso(), picked->from->iso(),
       trf("chip.decided_by", picked->from->display())}};
  if (picked->series >= 0 && static_cast<std::size_t>(picked->series) < f.burnup.size()) {
    const auto& person = f.burnup[static_cast<std::size_t>(picked->series)];
    filters.push_back(equals("decided_by_id", std::to_string(person.person), person.name));
  }
  state.table = records_table(review_decisions_spec(), std::move(filters),
                              trf("access.drill.decided_by", c.name, picked->from->display()),
                              "decided_on", true);
}

// Decisions of the campaign, pending first: keep in one click, revoke or reduce with a reason.
void draw_decisions(const AccessFigures& f, UiState& state, const SessionInfo& session,
                    Actions& actions) {
  const AccessFigures::Campaign* c = current(f);
  if (!c || f.decisions.empty()) {
    note(tr("access.tile.no_campaign"));
    return;
  }
  bool open = c->state == CampaignState::open;
  // A decided row moves below the pending ones, but not while the pointer is on the list.
  ListRows rows(state.row_holds, "decisions", f.decisions.size(),
                [&f](std::size_t i) { return f.decisions[i].id; });
  if (!ImGui::BeginTable("##decisions", 4, list_flags,
                         ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 10.4f)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("access.leavers.person"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("access.leavers.system"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
  ImGui::TableSetupColumn(tr("access.decisions.decision"), ImGuiTableColumnFlags_WidthStretch,
                          1.2f);
  float buttons = 0;
  for (const char* key : {"access.decide.keep", "access.decide.reduce", "access.decide.revoke"})
    buttons += ImGui::CalcTextSize(tr(key)).x + ImGui::GetStyle().FramePadding.x * 2 + 8;
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, buttons);
  ImGui::TableHeadersRow();
  const plot::Theme& theme = plot::theme(state.theme);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      RowInPlace row = rows[static_cast<std::size_t>(i)];
      ImGui::PushID(static_cast<int>(row.id));
      if (row.held) {
        draw_held_row(*row.held);
        ImGui::PopID();
        continue;
      }
      const auto& d = f.decisions[row.live];
      std::string account = trf("access.decisions.account", system_and_user(d.system, d.username),
                                tr(catalog_key(d.privilege)));
      auto hold = [&](ReviewDecision what) {
        hold_rows(state.row_holds, "decisions", rows.shown(),
                  {d.id, {d.person, account, tr(catalog_key(what))}, tr(catalog_key(what))});
      };
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (d.holder_left)
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
      if (ImGui::Selectable(
              (d.person + "##open").c_str(), false,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        actions.edit_record = RecordRef{&review_decisions_spec(), d.id};
      if (d.holder_left) {
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("access.decisions.left"));
      }
      ImGui::TableNextColumn();
      fitted_text(account);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(catalog_key(d.decision)));
      ImGui::TableNextColumn();
      if (open && d.decision == ReviewDecision::pending) {
        ImGui::BeginDisabled(!may_decide(session, d.system_owner));
        std::string prefix = "access.decision." + std::to_string(row.live);
        if (ImGui::SmallButton(tr("access.decide.keep"))) {
          actions.decide = Actions::Decide{d.id, d.version, ReviewDecision::keep, ""};
          hold(ReviewDecision::keep);
        }
        remember_item(state, prefix + ".keep");
        for (ReviewDecision what : {ReviewDecision::reduce, ReviewDecision::revoke}) {
          ImGui::SameLine();
          const char* key =
              what == ReviewDecision::revoke ? "access.decide.revoke" : "access.decide.reduce";
          if (ImGui::SmallButton(tr(key))) {
            state.access_decision = Actions::Decide{d.id, d.version, what, ""};
            state.access_decision->reason =
                d.holder_left ? tr("access.reason.left") : tr("access.reason.duties");
            ImGui::OpenPopup("reason");
          }
          remember_item(state, prefix + "." + std::string(key_of(what)));
        }
        ImGui::EndDisabled();
        why_disabled(may_decide(session, d.system_owner),
                     why_not(session, Permission::decide_reviews));
      }
      if (ImGui::BeginPopup("reason")) {
        if (state.access_decision) {
          ImGui::TextUnformatted(tr("access.reason.question"));
          ImGui::SetNextItemWidth(380);
          ImGui::InputText("##reason", &state.access_decision->reason);
          remember_item(state, "access.decision.reason");
          ImGui::BeginDisabled(state.access_decision->reason.empty());
          if (ImGui::Button(tr("access.reason.confirm"))) {
            actions.decide = state.access_decision;
            hold(state.access_decision->what);
            state.access_decision.reset();
            ImGui::CloseCurrentPopup();
          }
          ImGui::EndDisabled();
          remember_item(state, "access.decision.confirm");
        }
        ImGui::EndPopup();
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  release_rows(state.row_holds, "decisions", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void draw_campaign(const AccessFigures& f, UiState& state, const SessionInfo& session,
                   const Fonts& fonts, Actions& actions) {
  const AccessFigures::Campaign* c = current(f);
  panel(c ? c->name.c_str() : tr("access.campaign"), fonts);
  if (!c) {
    note(tr("access.tile.no_campaign"));
    return;
  }
  std::string when =
      c->state == CampaignState::closed
          ? trf("access.campaign.closed", c->starts_on.display(), c->closed_on->display())
          : trf("access.campaign.open", c->starts_on.display(), c->due_on.display(),
                c->reviewer_name);
  note(when);
  if (c->state == CampaignState::open) {
    ImGui::BeginDisabled(!may(session, Permission::decide_reviews));
    if (ImGui::SmallButton(tr("access.campaign.close"))) ImGui::OpenPopup("close_campaign");
    ImGui::EndDisabled();
    remember_item(state, "access.campaign.close");
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("access.campaign.export"))) actions.export_campaign = c->id;
  remember_item(state, "access.campaign.export");
  if (ImGui::BeginPopup("close_campaign")) {
    std::int64_t pending = c->decisions[static_cast<std::size_t>(ReviewDecision::pending)];
    ImGui::TextUnformatted(
        pending > 0 ? trn("access.campaign.close_pending", pending, format_count(pending)).c_str()
                    : tr("access.campaign.close_question"));
    if (ImGui::Button(tr("access.campaign.close_confirm"))) {
      actions.close_campaign = Actions::Versioned{c->id, c->version};
      ImGui::CloseCurrentPopup();
    }
    remember_item(state, "access.campaign.close_confirm");
    ImGui::EndPopup();
  }
  draw_burnup(f, *c, state, fonts);
}

// -- how access is held -------------------------------------------------------------------------

void draw_systems(const AccessFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("access.by_system"), fonts);
  const plot::Theme& theme = plot::theme(state.theme);
  std::vector<plot::Series> series;
  for (std::size_t p = 0; p < Privilege_count; ++p)
    series.push_back({tr(catalog_key(static_cast<Privilege>(p))),
                      {},
                      privilege_colour(theme, static_cast<Privilege>(p))});
  std::vector<plot::StackedRow> rows;
  for (const auto& system : f.systems) {
    plot::StackedRow row{system.name, {}, system.owner};
    for (std::int64_t v : system.by_privilege) row.values.push_back(static_cast<double>(v));
    rows.push_back(std::move(row));
  }
  auto picked =
      plot::stacked_rows_chart("access_by_system", rows, series, state.chart_context(fonts));
  remember_item(state, "plot.access.systems");
  if (!picked || picked->index < 0 || picked->series < 0) return;
  const auto& system = f.systems[static_cast<std::size_t>(picked->index)];
  auto privilege = static_cast<Privilege>(picked->series);
  state.table =
      accounts({active(), equals("system_id", std::to_string(system.id), system.name),
                equals("privilege", std::string(key_of(privilege)), tr(catalog_key(privilege)))},
               system.name + ", " + tr(catalog_key(privilege)));
}

void draw_revoke_delays(const AccessFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("access.revoke_delay"), fonts);
  const plot::Theme& theme = plot::theme(state.theme);
  charts::Ranking ranking = charts::access_revoke_delays(f, theme);
  auto picked = plot::ranking_chart("access_revoke_delay", ranking.items, ranking.options,
                                    state.chart_context(fonts));
  remember_item(state, "plot.access.delays");
  if (picked && picked->index >= 0) {
    auto b = static_cast<std::size_t>(picked->index);
    state.table = accounts({these(f.revoke_delay_accounts[b], picked->category)},
                           trf("access.drill.delay", picked->category));
  }
  // The trend: median days from leaving to revocation by the month of leaving; the target is 0.
  plot::TimeSeriesData data = charts::calendar_data(f.months, plot::TimeUnit::month, f.today);
  data.counted_on = f.today;  // the running bucket is drawn as not yet whole
  plot::Series median{tr("access.delay.median"), {}, theme.bad};
  for (const auto& m : f.median_delay_per_month) median.values.push_back(m.value_or(std::nan("")));
  data.series.push_back(std::move(median));
  plot::TimeChartOptions trend{plot::TimeChartKind::line, false, 0.0, tr("access.delay.target"),
                               120};
  plot::time_chart("access_delay_trend", data, trend, state.chart("access_delay_trend"),
                   state.chart_context(fonts));
}

void draw_grants(const AccessFigures& f, UiState& state, const Fonts& fonts) {
  panel(tr("access.grants"), fonts);
  plot::TimeSeriesData data = charts::calendar_data(f.months, plot::TimeUnit::month, f.today);
  data.counted_on = f.today;  // the running bucket is drawn as not yet whole
  data.series = {charts::count_series(tr("access.series.granted"), f.grants_per_month),
                 charts::count_series(tr("access.series.revoked"), f.revocations_per_month)};
  plot::TimeChartOptions options{plot::TimeChartKind::bars, false, std::nullopt, "", 200};
  auto picked = plot::time_chart("access_grants", data, options, state.chart("access_grants"),
                                 state.chart_context(fonts));
  remember_item(state, "plot.access.grants");
  if (!picked || picked->series < 0 || !picked->from || !picked->until) return;
  const char* column = picked->series == 0 ? "granted_on" : "revoked_on";
  Date until = std::min(*picked->until, f.today);
  state.table =
      accounts({{column, Kind::between, picked->from->iso(), until.iso(),
                 trf(picked->series == 0 ? "chip.granted_between" : "chip.revoked_between",
                     picked->from->display(), until.display())}},
               picked->category + ", " + plot::bucket_label(*picked->from, plot::TimeUnit::month));
}

// The registers and portals table of one unit: who holds which privilege where.
void draw_matrix(const AccessFigures& f, UiState& state, const Fonts& fonts, Actions& actions) {
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("access.matrix"));
  ImGui::PopFont();
  ImGui::SameLine();
  std::string current_unit;
  for (const auto& unit : f.units)
    if (unit.id == f.matrix_unit) current_unit = unit.name;
  ImGui::SetNextItemWidth(320);
  if (ImGui::BeginCombo("##unit", current_unit.c_str())) {
    for (const auto& unit : f.units)
      if (ImGui::Selectable(unit.name.c_str(), unit.id == f.matrix_unit)) {
        state.area_options.access_unit = unit.id;
        actions.reload_area = true;
      }
    ImGui::EndCombo();
  }
  remember_item(state, "access.matrix.unit");
  ImGui::SameLine();
  note(tr("access.matrix.hint"));
  const plot::Theme& theme = plot::theme(state.theme);
  plot::MatrixData data;
  data.rows = f.matrix_people;
  data.row_flagged = f.matrix_left;
  data.columns = f.matrix_systems;
  data.cells = f.matrix_cells;
  for (std::size_t p = 0; p < Privilege_count; ++p) {
    data.levels.push_back(tr(catalog_key(static_cast<Privilege>(p))));
    data.level_colours.push_back(privilege_colour(theme, static_cast<Privilege>(p)));
  }
  auto picked = plot::matrix_chart("access_matrix", data, state.chart_context(fonts));
  remember_item(state, "plot.access.matrix");
  if (!picked || picked->row < 0 || picked->index < 0) return;
  auto row = static_cast<std::size_t>(picked->row);
  auto column = static_cast<std::size_t>(picked->index);
  state.table = accounts(
      {equals("person_id", std::to_string(f.matrix_person_ids[row]), f.matrix_people[row]),
       equals("system_id", std::to_string(f.matrix_system_ids[column]), f.matrix_systems[column])},
      f.matrix_people[row] + ", " + f.matrix_systems[column]);
}

// -- who may do what in Raekoda -----------------------------------------------------------------

// The people's logins, their roles and what each role may do: ordinary tables, edited (by the IT
// lead) in the ordinary editor and audited as any change.
void draw_people_and_roles(UiState& state) {
  if (ImGui::Button(tr("access.people_roles")))
    state.table = records_table(person_roles_spec(), {}, tr("access.people_roles"), "person_id");
  remember_item(state, "access.people_roles");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("access.people_roles_hint"));
  ImGui::SameLine();
  if (ImGui::Button(tr("access.logins")))
    state.table = records_table(people_spec(), {}, tr("access.logins"), "full_name");
  remember_item(state, "access.logins");
  ImGui::SameLine();
  if (ImGui::Button(tr("access.role_permissions")))
    state.table = records_table(role_permissions_spec(), {}, tr("access.role_permissions"), "role");
  remember_item(state, "access.role_permissions");
}

// -- starting a campaign ------------------------------------------------------------------------

void draw_campaign_form(const AccessFigures& f, UiState& state, const SessionInfo& session,
                        Actions& actions) {
  CampaignForm& form = state.campaign_form;
  ImGui::BeginDisabled(!may(session, Permission::decide_reviews));
  if (ImGui::Button(tr("access.start"))) {
    form = {};
    form.plan.name = default_campaign_name(f.today);
    form.plan.due_on = f.today.plus_days(30);
    form.due_text = form.plan.due_on->display();
    // The reviewer of the last campaign reviews again unless changed.
    if (!f.campaigns.empty()) form.plan.reviewer = f.campaigns.front().reviewer;
    ImGui::OpenPopup("start_campaign");
  }
  ImGui::EndDisabled();
  remember_item(state, "access.start");
  if (!ImGui::BeginPopup("start_campaign")) return;
  ImGui::PushItemWidth(380);
  ImGui::TextUnformatted(tr("access.form.name"));
  ImGui::InputText("##name", &form.plan.name);
  remember_item(state, "access.form.name");
  ImGui::TextUnformatted(tr("access.form.reviewer"));
  const std::string* reviewer =
      form.plan.reviewer ? state.references.find("people", *form.plan.reviewer) : nullptr;
  if (ImGui::BeginCombo("##reviewer", reviewer ? reviewer->c_str() : "",
                        ImGuiComboFlags_HeightLarge)) {
    for (const auto& [id, name] : state.references.ordered("people"))
      if (ImGui::Selectable((*name + "##" + std::to_string(id)).c_str(), form.plan.reviewer == id))
        form.plan.reviewer = id;
    ImGui::EndCombo();
  }
  ImGui::TextUnformatted(tr("access.form.due"));
  if (ImGui::InputTextWithHint("##due", tr("editor.date_hint"), &form.due_text))
    form.plan.due_on = Date::parse_display(form.due_text);
  remember_item(state, "access.form.due");
  ImGui::Checkbox(tr("access.form.all_systems"), &form.plan.all_systems);
  remember_item(state, "access.form.all_systems");
  if (!form.plan.all_systems) {
    for (const auto& system : f.systems) {
      bool in = std::find(form.plan.systems.begin(), form.plan.systems.end(), system.id) !=
                form.plan.systems.end();
      if (ImGui::Checkbox(system.name.c_str(), &in)) {
        if (in)
          form.plan.systems.push_back(system.id);
        else
          std::erase(form.plan.systems, system.id);
      }
    }
  }
  ImGui::PopItemWidth();
  std::vector<std::string> problems = plan_problems(form.plan, f.today);
  const plot::Theme& theme = plot::theme(state.theme);
  for (const std::string& problem : problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
    ImGui::TextUnformatted(problem.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::BeginDisabled(!problems.empty());
  if (ImGui::Button(tr("access.form.start"))) {
    actions.start_campaign = form.plan;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  remember_item(state, "access.form.start");
  ImGui::EndPopup();
}

}  // namespace

void draw_access(const AccessFigures& f, UiState& state, const SessionInfo& session,
                 const Fonts& fonts, Actions& actions) {
  report_heading(tr("view.access"), trf("access.subheading", long_date(f.today)), f.today, fonts,
                 state, actions);
  draw_campaign_form(f, state, session, actions);
  ImGui::SameLine(0, 24);
  draw_people_and_roles(state);
  ImGui::Spacing();
  draw_tiles(f, state, fonts);
  if (begin_panels("##access_now", 2)) {
    panel(trf("access.leavers", format_count(static_cast<std::int64_t>(f.leaver_accounts.size())))
              .c_str(),
          fonts);
    draw_leavers(f, state, session, actions);
    panel(trf("access.undone", format_count(static_cast<std::int64_t>(f.revokes_not_done.size())))
              .c_str(),
          fonts);
    draw_undone_revokes(f, state, session, actions);
    end_panels();
  }
  if (begin_panels("##access_campaign", 2, {2, 3})) {
    draw_campaign(f, state, session, fonts, actions);
    panel(tr("access.decisions"), fonts);
    draw_decisions(f, state, session, actions);
    end_panels();
  }
  if (begin_panels("##access_held", 3)) {
    draw_systems(f, state, fonts);
    draw_revoke_delays(f, state, fonts);
    draw_grants(f, state, fonts);
    end_panels();
  }
  draw_matrix(f, state, fonts, actions);
}

}  // namespace raekoda::ui
