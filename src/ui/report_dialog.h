#pragma once
// The Report… button every view has at the right of its title, and the dialog it opens: the
// period (a month, a quarter or a range of days), the areas, where the PDF goes. What it asks
// for goes out as Actions::write_report; the application writes the file.

#include <string>

#include "core/date.h"
#include "ui/dashboard.h"

namespace raekoda::ui {

// A view's title and subtitle (view_heading), with the Report… button at the right of the title
// and its dialog; `today` is the day the view's figures are counted on.
void report_heading(const char* title, const std::string& subtitle, Date today, const Fonts& fonts,
                    UiState& state, Actions& actions);

}  // namespace raekoda::ui
