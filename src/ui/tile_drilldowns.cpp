// What each overview tile counts, as a filter on the records: the table behind a tile shows
// exactly the rows its number counts.

#include "core/i18n.h"
#include "ui/views.h"

namespace raekoda::ui {

TableState tile_drilldown(View area, const OverviewFigures& figures) {
  using Kind = RecordFilter::Kind;
  std::string today = figures.today.iso();
  std::string today_text = figures.today.display();
  TableState table;
  switch (area) {
    case View::media:
      table.query.spec = &media_items_spec();
      table.query.filters = {
          {"published_on", Kind::between, figures.today.plus_days(-29).iso(), today,
           trf("chip.published_between", figures.today.plus_days(-29).display(), today_text)}};
      table.query.sort_column = "published_on";
      break;
    case View::deadlines:
      table.query.spec = &documents_spec();
      table.query.filters = {
          {"answered_on", Kind::is_null, std::nullopt, std::nullopt, tr("chip.not_answered")},
          {"effective_due_on", Kind::before, today, std::nullopt,
           trf("chip.due_before", today_text)}};
      table.query.sort_column = "due_on";
      break;
    case View::plan:
      table.query.spec = &comm_activities_spec();
      table.query.filters = {
          {"status", Kind::one_of, "planned,in_progress", std::nullopt, tr("chip.not_done")},
          {"ends_on", Kind::before, today, std::nullopt, trf("chip.ends_before", today_text)}};
      table.query.sort_column = "planned_on";
      break;
    case View::incidents:
      table.query.spec = &incidents_spec();
      table.query.filters = {
          {"resolved_at", Kind::is_null, std::nullopt, std::nullopt, tr("chip.unresolved")}};
      table.query.sort_column = "opened_at";
      break;
    case View::access:
    default:
      table.query.spec = &accounts_spec();
      table.query.filters = {
          {"revoked_on", Kind::is_null, std::nullopt, std::nullopt, tr("chip.account_active")},
          {"person_id", Kind::holder_left_by, today, std::nullopt,
           trf("chip.holder_left", today_text)}};
      table.query.sort_column = "granted_on";
      break;
  }
  return table;
}

}  // namespace raekoda::ui
