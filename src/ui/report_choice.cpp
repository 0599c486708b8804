#include "ui/report_choice.h"

#include <algorithm>

#include <fmt/format.h>

namespace raekoda::ui {

Date default_report_month(Date today) {
  Date month = today.month_start();
  return today.day() <= report_late_days ? month.plus_months(-1) : month;
}

Date default_report_quarter(Date today) {
  return default_report_month(today).quarter_start();
}

std::vector<Date> report_months(Date today) {
  std::vector<Date> months;
  for (int back = 0; back < report_month_count; ++back)
    months.push_back(today.month_start().plus_months(-back));
  return months;
}

std::vector<Date> report_quarters(Date today) {
  std::vector<Date> quarters;
  for (int back = 0; back < report_quarter_count; ++back)
    quarters.push_back(today.quarter_start().plus_months(-3 * back));
  return quarters;
}

ReportChoice default_report_choice(Date today) {
  ReportChoice choice;
  choice.month = default_report_month(today);
  choice.quarter = default_report_quarter(today);
  Period month = month_period(choice.month);
  choice.range_text = {month.from.display(), std::min(month.until, today).display()};
  return choice;
}

ChosenPeriod chosen_report_period(const ReportChoice& choice, Date today) {
  switch (choice.kind) {
    case ReportKind::month:
      return {month_period(choice.month)};
    case ReportKind::quarter:
      return {quarter_period(choice.quarter)};
    case ReportKind::range:
      break;
  }
  auto from = Date::parse_display(choice.range_text[0]);
  auto until = Date::parse_display(choice.range_text[1]);
  if (!from) return {std::nullopt, "report.range.bad_from"};
  if (!until) return {std::nullopt, "report.range.bad_until"};
  if (*from > *until) return {std::nullopt, "report.range.reversed"};
  if (*from > today) return {std::nullopt, "report.range.future"};
  return {Period{*from, *until}};
}

std::vector<View> chosen_report_areas(const ReportChoice& choice) {
  std::vector<View> areas;
  for (std::size_t i = 0; i < report_areas.size(); ++i)
    if (choice.areas[i]) areas.push_back(report_areas[i]);
  return areas;
}

std::string report_file_name(const Period& period, Language language) {
  const char* word = "report";
  switch (language) {
    case Language::et:
      word = "aruanne";
      break;
    case Language::ru:
      word = "otchet";
      break;
    case Language::en:
      break;
  }
  return fmt::format("raekoda-{}-{}.pdf", word, report_period_tag(period));
}

std::string report_month_label(Date month) {
  return report_period_label(month_period(month));
}

std::string report_quarter_label(Date quarter) {
  return report_period_label(quarter_period(quarter));
}

}  // namespace raekoda::ui
