#include "ui/figure_widths.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"

namespace raekoda::ui {

float text_width(const ImFont* font, float size, std::string_view text) {
  if (text.empty()) return 0;
  ImVec2 measured =
      font->CalcTextSizeA(size, FLT_MAX, -1.0f, text.data(), text.data() + text.size());
  return std::floor(measured.x + 0.99999f);  // rounded up, as ImGui::CalcTextSize rounds
}

std::string leaver_left(const AccessFigures::LeaverAccount& account) {
  return trn("access.leavers.days", account.days_since_left, account.left_on.display(),
             format_count(account.days_since_left));
}

float widest_coming_title(const PlanFigures& plan, const ImFont* font, float size) {
  float widest = 0;
  for (const auto& activity : plan.coming)
    widest = std::max(widest, text_width(font, size, activity.title));
  return widest;
}

float widest_leaver(const AccessFigures& access, LeaverWidth which, const ImFont* font,
                    float size) {
  bool person = which == leaver_person_width;
  float widest =
      text_width(font, size, tr(person ? "access.leavers.person" : "access.leavers.left"));
  for (const auto& account : access.leaver_accounts)
    widest =
        std::max(widest, text_width(font, size, person ? account.person : leaver_left(account)));
  return widest;
}

void measure_widths(DashboardFigures& figures, const ImFont* font, float size, Language language) {
  if (current_language() != language) return;
  if (figures.plan)
    figures.plan->coming_widths.set(0, font, size, widest_coming_title(*figures.plan, font, size));
  if (figures.access)
    for (LeaverWidth which : {leaver_person_width, leaver_left_width})
      figures.access->leaver_widths.set(which, font, size,
                                        widest_leaver(*figures.access, which, font, size));
  // The leavers' days are words of the window's language, read as the widths were measured.
  if (current_language() != language && figures.access) figures.access->leaver_widths = {};
}

}  // namespace raekoda::ui
