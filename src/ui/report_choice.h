#pragma once
// What the Report… dialog's choices mean, apart from drawing them: which months and quarters it
// offers, which it starts on, the period a choice asks for and the file it is written to.

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/report_period.h"

namespace raekoda::ui {

enum class ReportKind { month, quarter, range };

struct ReportChoice {
  ReportKind kind = ReportKind::month;
  Date month;                             // its first day
  Date quarter;                           // its first day
  std::array<std::string, 2> range_text;  // the range's ends as typed, dd.mm.yyyy
  // One for each of report_areas, in that order.
  std::array<bool, report_areas.size()> areas = {true, true, true, true, true};
};

// The dialog's state, kept while the program runs: the choices made stay for the next report.
struct ReportDialog {
  bool open = false;
  bool chosen = false;  // the choice has had its defaults
  ReportChoice choice;
  // Where the file goes, found by the application while the dialog is open (app/paths.h).
  std::filesystem::path folder;
};

inline constexpr int report_month_count = 24;
inline constexpr int report_quarter_count = 8;
// A monthly report is made at the start of the next month: until this day of a month the dialog
// starts on the month before.
inline constexpr unsigned report_late_days = 5;

// The month the dialog starts on: today's, or the one before in a month's first days.
Date default_report_month(Date today);
// The quarter that holds the default month.
Date default_report_quarter(Date today);
// The months and quarters offered, by their first days, newest first; today's is the first.
std::vector<Date> report_months(Date today);
std::vector<Date> report_quarters(Date today);
// A month's default choice: every area, the range the default month up to today.
ReportChoice default_report_choice(Date today);

// The period a choice asks for, or the catalog key of why it asks for none (a range's end that
// is no date, ends reversed, a range not yet begun).
struct ChosenPeriod {
  std::optional<Period> period;
  const char* problem = nullptr;
};
ChosenPeriod chosen_report_period(const ReportChoice& choice, Date today);
std::vector<View> chosen_report_areas(const ReportChoice& choice);

// "raekoda-aruanne-2026-11.pdf": ASCII in every language, so that any program and mail
// attachment takes it.
std::string report_file_name(const Period& period, Language language);

// "november 2026", "IV kv 2026" in the current language.
std::string report_month_label(Date month);
std::string report_quarter_label(Date quarter);

}  // namespace raekoda::ui
