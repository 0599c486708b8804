#include "ui/records_columns.h"

#include <algorithm>

#include "core/i18n.h"
#include "core/number_format.h"

namespace raekoda::ui {
namespace {

// The widest a closed list's column (choices, document types) starts, in em: any longer name is
// cut with its tooltip.
constexpr float closed_list_cap = 24;
// The status column's: the status is long when it also says how far a deadline can be extended,
// and beside the editor a wider column would leave room for little else.
constexpr float status_cap = 20;

std::vector<std::string_view> words_of(std::string_view label) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < label.size();) {
    std::size_t space = std::min(label.find(' ', start), label.size());
    if (space > start) words.push_back(label.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// The widest of `texts`, looking no further once `cap` is reached: a city's staff list is long,
// and a column is never wider than the cap anyway.
template <class Texts, class Shown>
float widest(const Texts& texts, Shown shown, const TextWidth& text, float cap) {
  float width = 0;
  for (const auto& item : texts) {
    width = std::max(width, text(shown(item)));
    if (width >= cap) return cap;
  }
  return width;
}

// Names of people, outlets and systems are an open list, cut at 16 em; the document types are a
// closed one, measured whole.
float reference_width(const FieldSpec& field, const ReferenceLabels& labels,
                      const ColumnMeasure& measure) {
  float cap = 16 * measure.em;
  if (field.reference_table == "deadline_rules") {
    cap = closed_list_cap * measure.em;
    auto named = [](const std::string& key) { return tr("doc_type." + key); };
    if (!labels.document_types.empty())
      return widest(labels.document_types, named, measure.text, cap);
    std::vector<std::string> keys;
    for (const DeadlineRule& rule : default_deadline_rules()) keys.push_back(rule.key);
    return widest(keys, named, measure.text, cap);
  }
  auto table = labels.by_table.find(field.reference_table);
  if (table == labels.by_table.end() || table->second.empty()) return 10 * measure.em;
  return widest(
      table->second, [](const auto& entry) -> const std::string& { return entry.second; },
      measure.text, cap);
}

ColumnPlan plan_field(const TableSpec& spec, const FieldSpec& field, const ReferenceLabels& labels,
                      const ColumnMeasure& measure) {
  ColumnPlan plan{&field, tr(field_label_key(spec, field))};
  float header = two_line_width(plan.label, measure.text) + measure.header_extra;
  float em = measure.em;
  auto fixed = [&](float content) { plan.width = std::max(content, header); };
  auto stretch = [&](float minimum, float weight) {
    plan.stretch = true;
    plan.width = std::max(minimum, header);
    plan.weight = weight;
  };
  switch (field.type) {
    case FieldType::date:
      fixed(measure.text(Date::from_ymd(2026, 12, 28)->display()));
      break;
    case FieldType::date_time:
      fixed(measure.text(DateTime{*Date::from_ymd(2026, 12, 28), 23 * 60 + 58}.display()));
      break;
    case FieldType::choice: {
      std::string prefix = "enum." + std::string(field.choice_list) + ".";
      fixed(widest(
          field.choices, [&](std::string_view key) { return tr(prefix + std::string(key)); },
          measure.text, closed_list_cap * em));
      break;
    }
    case FieldType::flag:
      fixed(measure.text(tr("value.yes")));
      break;
    case FieldType::integer:
      fixed(measure.text(format_count(field.max_value > 0 ? field.max_value : 9'999'999)));
      break;
    case FieldType::reference:
      fixed(reference_width(field, labels, measure));
      break;
    case FieldType::text:
      // Registration numbers, user names and references to requests are short codes.
      if (field.max_length <= 100)
        fixed(static_cast<float>(std::min<std::size_t>(field.max_length, 14)) * measure.text("0"));
      else if (field.max_length <= 200)
        stretch(10 * em, 1);  // names, audiences, topics
      else if (field.max_length <= 500)
        stretch(16 * em, 2);  // titles
      else
        stretch(12 * em, 1);  // addresses of pages
      break;
    case FieldType::notes:
      stretch(12 * em, 1);
      break;
  }
  return plan;
}

ColumnPlan plan_status(const TableSpec& spec, const std::vector<std::string>& statuses,
                       const ColumnMeasure& measure) {
  ColumnPlan plan{nullptr, status_label(spec)};
  float header = two_line_width(plan.label, measure.text) + measure.header_extra;
  float cap = status_cap * measure.em;
  float content = statuses.empty()
                      ? 12 * measure.em
                      : widest(
                            statuses, [](const std::string& s) { return s; }, measure.text, cap);
  plan.width = std::max(content, header);
  return plan;
}

}  // namespace

std::vector<ColumnPlan> plan_columns(const TableSpec& spec, const ReferenceLabels& labels,
                                     const std::vector<std::string>& statuses,
                                     const ColumnMeasure& measure) {
  std::vector<ColumnPlan> plans;
  for (const FieldSpec& field : spec.fields) {
    plans.push_back(plan_field(spec, field, labels, measure));
    if (plans.size() == 1 && spec.status) plans.push_back(plan_status(spec, statuses, measure));
  }
  // The first column stays in view when the table scrolls sideways: it keeps its minimum
  // rather than grow with the window.
  if (!plans.empty()) plans.front().stretch = false;
  return plans;
}

std::vector<std::string> wrap_label(std::string_view label, float width, const TextWidth& text,
                                    int max_lines) {
  std::vector<std::string> lines;
  std::string line;
  for (std::string_view word : words_of(label)) {
    if (line.empty()) {
      line = word;
      continue;
    }
    std::string longer = line + " " + std::string(word);
    if (static_cast<int>(lines.size()) + 1 < max_lines && text(longer) > width) {
      lines.push_back(std::move(line));
      line = word;
    } else {
      line = std::move(longer);
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

float two_line_width(std::string_view label, const TextWidth& text) {
  std::vector<std::string_view> words = words_of(label);
  float best = text(label);
  for (std::size_t split = 1; split < words.size(); ++split) {
    std::string first, second;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string& part = i < split ? first : second;
      part += (part.empty() ? "" : " ") + std::string(words[i]);
    }
    best = std::min(best, std::max(text(first), text(second)));
  }
  return best;
}

}  // namespace raekoda::ui
