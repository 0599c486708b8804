#pragma once
// The views the dashboard switches between, each in a file of its own.

#include <optional>

#include "core/dashboard_figures.h"
#include "ui/dashboard.h"

namespace raekoda::ui {

// The top bar's line beside the switcher: the day the figures were counted on (none before a
// read went through), the database, who is at the keyboard.
std::string top_bar_context(const SessionInfo& session, std::optional<Date> today);
void draw_top_bar(const SessionInfo& session, std::optional<Date> today, UiState& state,
                  const Fonts& fonts, Actions& actions);
void draw_overview(const OverviewFigures& figures, UiState& state, const Fonts& fonts,
                   Actions& actions);
void draw_media(const MediaFigures& figures, UiState& state, const SessionInfo& session,
                const Fonts& fonts, Actions& actions);
void draw_incidents(const IncidentFigures& figures, UiState& state, const SessionInfo& session,
                    const Fonts& fonts, Actions& actions);
void draw_access(const AccessFigures& figures, UiState& state, const SessionInfo& session,
                 const Fonts& fonts, Actions& actions);
void draw_plan(const PlanFigures& figures, UiState& state, const SessionInfo& session,
               const Fonts& fonts, Actions& actions);
void draw_deadlines(const DeadlineFigures& figures, UiState& state, const Fonts& fonts,
                    Actions& actions);
// Every chart kind on fixed sample data, for looking at them all at once.
void draw_gallery(UiState& state, const Fonts& fonts);
void draw_welcome(const SessionInfo& session, UiState& state, const Fonts& fonts, Actions& actions);

// The records table and the editor beside it; both read what the controller loaded.
void draw_records_table(UiState& state, const SessionInfo& session, const Fonts& fonts,
                        Actions& actions);
void draw_record_editor(UiState& state, const SessionInfo& session, const Fonts& fonts,
                        Actions& actions);
// The import of another system's export: its choices, preview, findings and history.
void draw_import(UiState& state, const SessionInfo& session, const Fonts& fonts, Actions& actions);
// The records behind an overview tile.
TableState tile_drilldown(View area, const OverviewFigures& figures);

// The catalog key of a view's name: "view.media".
std::string view_title_key(View view);

}  // namespace raekoda::ui
