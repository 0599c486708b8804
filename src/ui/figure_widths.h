#pragma once
// The widths the views fit a column or a label to, measured once for each figures: by the
// reader's thread before it hands the figures over, so that the frame they arrive in measures
// nothing, and by the view itself for figures that came without them. Both measure with the same
// functions here, so the two can never disagree. Measuring only reads a font's glyph tables,
// which are built once at start-up and never changed after, so another thread may measure while
// the window draws.

#include <string>
#include <string_view>

#include <imgui.h>

#include "core/access_figures.h"
#include "core/dashboard_figures.h"
#include "core/i18n.h"
#include "core/plan_figures.h"

namespace raekoda::ui {

// What ImGui::CalcTextSize(text).x gives in this font and size, without ImGui's context.
float text_width(const ImFont* font, float size, std::string_view text);

// When a leaver left, and how many days ago: "27.02.2025 (633 päeva)".
std::string leaver_left(const AccessFigures::LeaverAccount& account);

// The slots of AccessFigures::leaver_widths.
enum LeaverWidth : std::size_t { leaver_person_width, leaver_left_width };

float widest_coming_title(const PlanFigures& plan, const ImFont* font, float size);
float widest_leaver(const AccessFigures& access, LeaverWidth which, const ImFont* font, float size);

// Fills the widths of the plan and access figures there are, in `font` at `size` as the views will
// ask for them, and in `language`, the one the figures were read in. Were the window in another
// language before or after, nothing is kept measured: the view measures in its own.
void measure_widths(DashboardFigures& figures, const ImFont* font, float size, Language language);

}  // namespace raekoda::ui
