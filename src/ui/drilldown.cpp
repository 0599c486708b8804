#include "ui/drilldown.h"

#include "core/i18n.h"
#include "plot/chart.h"

namespace raekoda::ui {

const std::string* ReferenceLabels::find(std::string_view table, Id id) const {
  auto found = by_table.find(table);
  if (found == by_table.end()) return nullptr;
  auto label = found->second.find(id);
  return label == found->second.end() ? nullptr : &label->second;
}

std::vector<std::pair<Id, const std::string*>> ReferenceLabels::ordered(
    std::string_view table) const {
  std::vector<std::pair<Id, const std::string*>> names;
  auto order = in_order.find(table);
  if (order == in_order.end()) return names;
  names.reserve(order->second.size());
  for (Id id : order->second)
    if (const std::string* name = find(table, id)) names.emplace_back(id, name);
  return names;
}

std::string display_value(const TableSpec& spec, const FieldSpec& field,
                          const std::optional<std::string>& value, const ReferenceLabels& labels) {
  (void)spec;
  if (!value || value->empty()) return {};
  switch (field.type) {
    case FieldType::date:
      if (auto day = Date::parse_iso(*value)) return day->display();
      return *value;
    case FieldType::date_time:
      if (auto moment = DateTime::parse_iso(*value)) return moment->display();
      return *value;
    case FieldType::choice:
      return choice_name(field.choice_list, *value);
    case FieldType::flag:
      return *value == "1" ? tr("value.yes") : "";
    case FieldType::reference: {
      if (field.reference_table == "deadline_rules") return tr("doc_type." + *value);
      try {
        if (const std::string* label = labels.find(field.reference_table, std::stoll(*value)))
          return *label;
      } catch (const std::exception&) {
      }
      // A record that refers to one no longer there (or never was): said, not a bare number.
      return trf("value.unknown_reference", *value);
    }
    default:
      return *value;
  }
}

std::string status_label(const TableSpec& spec) {
  std::string own = "table.status." + std::string(spec.table);
  return Catalog::embedded(current_language()).find(own) ? tr(own) : tr("table.status");
}

std::string records_csv(const TableSpec& spec, const std::vector<Record>& records,
                        const ReferenceLabels& labels, const ValidationContext& context) {
  std::string csv = "\xEF\xBB\xBF";  // the BOM tells spreadsheets the text is UTF-8
  // The status follows the first field, as in the table.
  auto with_status = [&](std::vector<std::string> cells, std::string status) {
    if (spec.status) cells.insert(cells.begin() + (cells.empty() ? 0 : 1), std::move(status));
    return cells;
  };
  std::vector<std::string> header;
  for (const FieldSpec& field : spec.fields) header.push_back(tr(field_label_key(spec, field)));
  csv += plot::csv_line(with_status(std::move(header), status_label(spec)));
  for (const Record& record : records) {
    std::vector<std::string> row;
    for (const FieldSpec& field : spec.fields)
      row.push_back(display_value(spec, field, record.value(field.column), labels));
    std::string status = spec.status ? spec.status(record, context).text : std::string();
    csv += plot::csv_line(with_status(std::move(row), std::move(status)));
  }
  return csv;
}

exports::SheetTable records_sheet(const TableSpec& spec, const std::vector<Record>& records,
                                  const ReferenceLabels& labels, const ValidationContext& context,
                                  std::string title_line) {
  using Kind = exports::SheetColumn::Kind;
  exports::SheetTable sheet;
  sheet.title_line = std::move(title_line);
  // The status second, as in the table and the CSV.
  const std::size_t status_at = spec.fields.empty() ? 0 : 1;
  auto kind_of = [](const FieldSpec& field) {
    switch (field.type) {
      case FieldType::date:
        return Kind::date;
      case FieldType::date_time:
        return Kind::datetime;
      case FieldType::integer:
        return Kind::integer;
      default:
        return Kind::text;
    }
  };
  for (const FieldSpec& field : spec.fields)
    sheet.columns.push_back({tr(field_label_key(spec, field)), kind_of(field)});
  if (spec.status)
    sheet.columns.insert(sheet.columns.begin() + status_at, {status_label(spec), Kind::text});
  sheet.rows.reserve(records.size());
  for (const Record& record : records) {
    std::vector<std::string> row;
    row.reserve(sheet.columns.size());
    for (const FieldSpec& field : spec.fields) {
      const std::optional<std::string>& value = record.value(field.column);
      // Dates and numbers as stored, for the writer to make real ones of; the rest as shown.
      if (kind_of(field) != Kind::text)
        row.push_back(value.value_or(""));
      else
        row.push_back(display_value(spec, field, value, labels));
    }
    if (spec.status)
      row.insert(row.begin() + static_cast<std::ptrdiff_t>(status_at),
                 spec.status(record, context).text);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

std::string table_title_line(const TableState& table) {
  std::string line = table.title;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!line.empty()) line += " · ";
    line += part;
  };
  for (const RecordFilter& filter : table.query.filters) add(filter.label);
  if (!table.query.search.empty()) add(trf("table.searched_for", table.query.search));
  return line;
}

std::string evidence_csv(const std::vector<EvidenceRow>& rows) {
  std::string csv = "\xEF\xBB\xBF";
  std::vector<std::string> header;
  for (const char* key :
       {"evidence.person", "evidence.unit", "evidence.system", "evidence.username",
        "evidence.privilege", "evidence.decision", "evidence.decided_by", "evidence.decided_on",
        "evidence.reason", "evidence.revoked_on"})
    header.push_back(tr(key));
  csv += plot::csv_line(header);
  auto day = [](const std::string& iso) {
    auto date = Date::parse_iso(iso);
    return date ? date->display() : iso;
  };
  for (const EvidenceRow& row : rows)
    csv += plot::csv_line({row.person, row.unit, row.system, row.username,
                           choice_name("privilege", row.privilege),
                           choice_name("review_decision", row.decision), row.decided_by,
                           day(row.decided_on), row.reason, day(row.revoked_on)});
  return csv;
}

}  // namespace raekoda::ui
