#include "report/report_sections.h"

#include <cmath>
#include <functional>

#include "charts/area_charts.h"
#include "core/date_words.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"

namespace raekoda::report {
namespace {

// Tables list what a reader acts on first; the rest is counted and found in the dashboard.
constexpr std::size_t table_rows = 20;
// Fewer than these on the page left, and the list starts on the next.
constexpr std::size_t min_rows_on_page = 8;
constexpr float chart_height = 170;

// Measures as the page's painter does and draws nothing: how tall a chart will be, before a
// place on the page is found for it.
class MeasuringPainter : public plot::Painter {
public:
  explicit MeasuringPainter(plot::Painter& real) : real_(real) {}
  void line(ImVec2, ImVec2, ImU32, float) override {}
  void polyline(std::span<const ImVec2>, ImU32, float) override {}
  void rect_filled(ImVec2, ImVec2, ImU32) override {}
  void rect(ImVec2, ImVec2, ImU32, float) override {}
  void polygon_filled(std::span<const ImVec2>, ImU32) override {}
  void circle_filled(ImVec2, float, ImU32) override {}
  void circle(ImVec2, float, ImU32, float) override {}
  void text(ImVec2, std::string_view, ImU32, plot::TextStyle) override {}
  float text_width(std::string_view text, plot::TextStyle style) override {
    return real_.text_width(text, style);
  }
  float line_height(plot::TextStyle style) override { return real_.line_height(style); }
  void push_clip(ImVec2, ImVec2) override {}
  void pop_clip() override {}

private:
  plot::Painter& real_;
};

std::string area_title(View area) {
  return tr("report.area." + std::string(view_key(area)));
}

// The colour of a change: bad news vermillion, good news blue, neither the text's.
ImU32 change_colour(const Headline& headline, const plot::Theme& theme) {
  if (!headline.value || !headline.previous || headline.better == 0) return 0;
  double difference = *headline.value - *headline.previous;
  if (std::fabs(difference) < 1e-9) return 0;
  bool good = (difference > 0) == (headline.better > 0);
  return good ? plot::tone_colour(theme, 2) : theme.bad;
}

// What every chart and table of an area is counted over, printed with it.
std::string context_line(const ReportFigures& f) {
  const ReportPeriods& p = f.periods;
  std::string label = report_period_label(p.period);
  // A range is named by its days already: they are not said twice.
  if (label == range_text(p.counted))
    return trf("report.context_range", label, range_text(p.previous));
  return trf("report.context", label, range_text(p.counted), range_text(p.previous));
}

// The report period, shaded in a chart of the months or weeks around it.
plot::TimeChartOptions::DayBand report_band(const ReportFigures& f) {
  return {f.periods.counted.from, f.periods.counted.until, tr("report.chart.period")};
}

void chart_caption(PdfDocument& doc, const std::string& title, const std::string& context) {
  doc.keep_room(chart_height + 40);
  doc.space(4);
  doc.paragraph(title, false, 1.1f);
  if (!context.empty()) doc.paragraph(context, true, 0.9f);
}

// A drawing as tall as it paints itself: measured first, then placed where it fits.
void fitted_block(PdfDocument& doc, float space_below,
                  const std::function<float(plot::Painter&, ImVec2, float)>& paint) {
  MeasuringPainter measure(doc.painter());
  float height = paint(measure, {doc.left(), 0}, doc.width());
  doc.block(height + space_below,
            [&](plot::Painter& p, ImVec2 min, ImVec2 size) { paint(p, min, size.x); });
}

// The key above a chart: its series where there are several, and the marks it names.
void key_block(PdfDocument& doc, const std::vector<plot::Series>& series,
               const std::vector<plot::KeyEntry>& keys) {
  if (series.size() < 2 && keys.empty()) return;
  const std::vector<plot::Series> named = series.size() > 1 ? series : std::vector<plot::Series>{};
  fitted_block(doc, 4, [&](plot::Painter& p, ImVec2 min, float width) {
    return plot::paint_key(p, min, width, named, keys, doc.theme());
  });
}

void time_chart_block(PdfDocument& doc, const charts::TimeChart& chart) {
  key_block(doc, chart.data.series, plot::time_chart_keys(chart.data, chart.options, doc.theme()));
  doc.block(chart.options.height, [&](plot::Painter& p, ImVec2 min, ImVec2 size) {
    plot::paint_time_chart(p, min, size, chart.data, chart.options, doc.theme());
  });
  doc.space(6);
}

void ranking_block(PdfDocument& doc, const charts::Ranking& ranking) {
  // The colour groups (outlets' languages) in a key above, as on screen.
  key_block(doc, {}, plot::ranking_chart_keys(ranking.options, doc.theme()));
  fitted_block(doc, 0, [&](plot::Painter& p, ImVec2 min, float width) {
    return plot::paint_ranking_chart(p, min, width, ranking.items, ranking.options, doc.theme());
  });
  doc.space(6);
}

// A table of what a reader acts on, its first rows and how many more there are.
void action_table(PdfDocument& doc, const std::string& title, Table table, std::size_t total,
                  const std::string& none) {
  // A whole list that would leave most of its rows for the next page starts there.
  if (total > 0 && total <= table_rows && doc.rows_fitting(table) * 2 < total) doc.new_page();
  doc.space(4);
  doc.paragraph(title, false, 1.1f);
  if (total == 0) {
    doc.paragraph(none, true);
    return;
  }
  if (table.rows.size() > table_rows) table.rows.resize(table_rows);
  auto say_how_many_more = [&] {
    table.footnote.clear();
    if (total > table.rows.size()) {
      auto more = static_cast<std::int64_t>(total - table.rows.size());
      table.footnote = trn("report.table.more", more, format_count(more));
    }
  };
  say_how_many_more();
  // A list already cut short ends on its page rather than leaving a row or two for the next:
  // the dashboard has the rest.
  if (table.footnote.size() > 0) {
    std::size_t fitting = doc.rows_fitting(table);
    if (fitting >= min_rows_on_page && fitting < table.rows.size()) {
      table.rows.resize(fitting);
      say_how_many_more();
    }
  }
  doc.table(table);
}

void headline_table(PdfDocument& doc, const AreaReport& area) {
  Table table;
  table.columns = {{tr("report.column.figure"), 3.2f},
                   {tr("report.column.period"), 1.1f, true},
                   {tr("report.column.previous"), 1.1f, true},
                   {tr("report.column.change"), 1.5f, true}};
  for (const Headline& headline : area.headlines) {
    std::string name = headline.name;
    if (!headline.note.empty()) name += " (" + headline.note + ")";
    table.rows.push_back({name, headline_value(headline, headline.value),
                          headline_value(headline, headline.previous), headline_change(headline)});
    table.colours.push_back({0, 0, 0, change_colour(headline, doc.theme())});
  }
  doc.table(table);
}

// -- the areas ----------------------------------------------------------------------------------

void media_section(PdfDocument& doc, const ReportFigures& f) {
  const MediaFigures& m = *f.views.media;
  chart_caption(doc, tr("report.media.trend"), context_line(f));
  time_chart_block(doc, charts::media_tone_trend(m, false, chart_height, doc.theme()));
  chart_caption(doc, tr("report.media.outlets"), range_text(f.periods.counted));
  ranking_block(doc, charts::media_outlets(m, false, 8));

  Table rebuttals;
  rebuttals.columns = {{tr("report.column.title"), 3.2f},
                       {tr("report.column.outlet"), 1.5f},
                       {tr("report.column.published"), 1.3f},
                       {tr("report.column.status"), 1.2f},
                       {tr("report.column.due"), 1.0f}};
  for (const auto& item : m.open_rebuttals)
    rebuttals.rows.push_back({item.title, item.outlet, item.published_on.display(),
                              tr(catalog_key(item.status)),
                              item.due_on ? item.due_on->display() : "–"});
  action_table(doc, trf("report.media.rebuttals_table", f.counted_at.date.display()), rebuttals,
               m.open_rebuttals.size(), tr("report.media.no_rebuttals"));
}

void deadlines_section(PdfDocument& doc, const ReportFigures& f) {
  const DeadlineFigures& d = *f.views.deadlines;
  charts::TimeChart on_time = charts::deadlines_on_time_trend(*f.charts().deadlines, chart_height);
  on_time.options.band = report_band(f);
  std::string until = f.periods.counted.until.display();
  chart_caption(doc, tr("report.deadlines.on_time_trend"),
                trf("report.chart.last_12_months", until));
  time_chart_block(doc, on_time);
  charts::TimeChart overdue =
      charts::deadlines_overdue_trend(*f.charts().deadlines, chart_height, doc.theme());
  overdue.options.band = report_band(f);
  chart_caption(doc, tr("report.deadlines.overdue_trend"),
                trf("report.chart.last_26_weeks", until));
  time_chart_block(doc, overdue);

  Table responders;
  responders.columns = {{tr("report.column.responder"), 2.3f},
                        {tr("report.column.overdue"), 1.2f, true},
                        {tr("report.column.due_soon"), 1.2f, true},
                        {tr("report.column.oldest_due"), 1.3f, true},
                        {tr("report.column.on_time_12m"), 1.7f, true}};
  std::size_t total = 0;
  for (const auto& group : d.responders) {
    if (group.overdue == 0) continue;
    ++total;
    auto share = on_time_share(group.answered, group.on_time);
    responders.rows.push_back({charts::responder_name(group), format_count(group.overdue),
                               format_count(group.due_soon),
                               group.oldest_due ? group.oldest_due->display() : "–",
                               share ? format_percent(*share, 0) : "–"});
  }
  action_table(doc, trf("report.deadlines.responders_table", f.counted_at.date.display()),
               responders, total, tr("report.deadlines.nothing_overdue"));
}

void plan_section(PdfDocument& doc, const ReportFigures& f) {
  const PlanFigures& plan = *f.views.plan;
  if (const PlanFigures& at_end = *f.charts().plan; at_end.chosen) {
    charts::TimeChart burnup = charts::plan_burnup(at_end, chart_height, doc.theme());
    burnup.options.band = report_band(f);
    chart_caption(doc, trf("report.plan.burnup", at_end.plans[*at_end.chosen].name), "");
    time_chart_block(doc, burnup);
  }
  Table late;
  late.columns = {{tr("report.column.owner"), 3.0f}, {tr("report.column.late"), 1.0f, true}};
  std::size_t total = 0;
  for (const auto& owner : plan.late_by_owner) {
    if (owner.late == 0) continue;
    ++total;
    late.rows.push_back(
        {owner.name.empty() ? tr("report.nobody") : owner.name, format_count(owner.late)});
  }
  // The owners' table is the chosen plan's, as in the plan view; the headline counts every plan.
  std::string plan_name = plan.chosen ? plan.plans[*plan.chosen].name : tr("report.nobody");
  action_table(doc, trf("report.plan.late_table", plan_name, f.counted_at.date.display()), late,
               total, tr("report.plan.nothing_late"));
}

void incidents_section(PdfDocument& doc, const ReportFigures& f) {
  const IncidentFigures& inc = *f.views.incidents;
  charts::TimeChart weekly =
      charts::incidents_weekly(*f.charts().incidents, chart_height, doc.theme());
  weekly.options.band = report_band(f);
  chart_caption(doc, tr("report.incidents.weekly"),
                trf("report.chart.last_26_weeks", f.periods.counted.until.display()));
  time_chart_block(doc, weekly);

  Table breaching;
  breaching.columns = {{tr("report.column.number"), 0.6f, true},
                       {tr("report.column.title"), 3.0f},
                       {tr("report.column.severity"), 1.1f},
                       {tr("report.column.opened"), 1.4f, true},
                       {tr("report.column.target"), 1.4f, true}};
  std::size_t total = 0;
  for (const auto& incident : inc.open) {
    if (!incident.breaching) continue;
    ++total;
    breaching.rows.push_back({std::to_string(incident.id), incident.title,
                              tr(catalog_key(incident.severity)), incident.opened_at.display(),
                              incident.due.display()});
  }
  action_table(doc, trf("report.incidents.breaching_table", f.counted_at.date.display()), breaching,
               total, tr("report.incidents.none_breaching"));
}

void access_section(PdfDocument& doc, const ReportFigures& f) {
  const AccessFigures& a = *f.views.access;
  chart_caption(doc, tr("report.access.delays"),
                trf("report.chart.leavers_12_months", f.periods.counted.until.display()));
  ranking_block(doc, charts::access_revoke_delays(*f.charts().access, doc.theme()));

  Table leavers;
  leavers.columns = {{tr("report.column.person"), 2.0f},
                     {tr("report.column.system"), 1.6f},
                     {tr("report.column.username"), 1.4f},
                     {tr("report.column.privilege"), 1.0f},
                     {tr("report.column.left_on"), 1.1f, true}};
  for (const auto& account : a.leaver_accounts)
    leavers.rows.push_back({account.person, account.system, account.username,
                            tr(catalog_key(account.privilege)), account.left_on.display()});
  action_table(doc, trf("report.access.leavers_table", f.counted_at.date.display()), leavers,
               a.leaver_accounts.size(), tr("report.access.no_leavers"));

  Table pending;
  pending.columns = {{tr("report.column.person"), 2.0f},
                     {tr("report.column.system"), 1.6f},
                     {tr("report.column.username"), 1.4f},
                     {tr("report.column.privilege"), 1.0f}};
  std::size_t total = 0;
  for (const auto& decision : a.decisions) {
    if (decision.decision != ReviewDecision::pending) continue;
    ++total;
    pending.rows.push_back(
        {decision.person, decision.system, decision.username, tr(catalog_key(decision.privilege))});
  }
  std::string campaign =
      a.current ? a.campaigns[*a.current].name : std::string(tr("report.access.no_campaign"));
  action_table(doc, trf("report.access.pending_table", campaign), pending, total,
               tr("report.access.none_pending"));
}

void title_page(PdfDocument& doc, const ReportFigures& f, const std::vector<int>& area_pages) {
  doc.space(40);
  doc.paragraph(f.city.empty() ? tr("report.city_unnamed") : f.city, true, 1.3f);
  doc.heading(tr("report.title"), 2.2f);
  doc.heading(report_period_label(f.periods.period), 1.6f);
  doc.space(6);
  const ReportPeriods& p = f.periods;
  doc.paragraph(
      p.running ? trf("report.counted_running", range_text(p.counted), long_date(p.counted.until))
                : trf("report.counted", range_text(p.counted)));
  doc.paragraph(trf("report.compared", range_text(p.previous)));
  doc.paragraph(trf("report.made", long_moment(f.made_at)), true);
  doc.space(18);
  doc.heading(tr("report.contents"), 1.2f);
  Table contents;
  contents.columns = {{"", 5.0f}, {tr("report.column.page"), 1.0f, true}};
  for (std::size_t i = 0; i < f.areas.size(); ++i)
    contents.rows.push_back({std::to_string(i + 1) + ". " + area_title(f.areas[i].area),
                             i < area_pages.size() ? std::to_string(area_pages[i]) : ""});
  doc.table(contents);
  doc.space(12);
  doc.paragraph(tr("report.how_to_read"), true, 0.95f);
}

}  // namespace

std::vector<int> compose_report(PdfDocument& doc, const ReportFigures& f,
                                const std::vector<int>& area_pages) {
  title_page(doc, f, area_pages);
  std::vector<int> pages;
  for (std::size_t i = 0; i < f.areas.size(); ++i) {
    const AreaReport& area = f.areas[i];
    doc.new_page();
    pages.push_back(doc.page());
    doc.heading(std::to_string(i + 1) + ". " + area_title(area.area));
    doc.paragraph(context_line(f), true, 0.95f);
    doc.space(4);
    headline_table(doc, area);
    if (area.empty) {
      doc.paragraph(trf("report.area_empty", range_text(f.periods.counted)));
      continue;
    }
    switch (area.area) {
      case View::media:
        media_section(doc, f);
        break;
      case View::deadlines:
        deadlines_section(doc, f);
        break;
      case View::plan:
        plan_section(doc, f);
        break;
      case View::incidents:
        incidents_section(doc, f);
        break;
      case View::access:
        access_section(doc, f);
        break;
      default:
        break;
    }
  }
  return pages;
}

}  // namespace raekoda::report
