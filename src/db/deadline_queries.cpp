#include "db/deadline_queries.h"

#include "db/database.h"

namespace raekoda::db {

std::vector<DeadlineRule> load_deadline_rules(Database& db) {
  std::vector<DeadlineRule> rules;
  Statement select = db.prepare(
      "SELECT key, amount, unit, max_extension, extension_unit, basis FROM deadline_rules ORDER BY "
      "key");
  while (select.step()) {
    DeadlineRule rule;
    rule.key = select.text(0);
    rule.amount = static_cast<int>(select.integer(1));
    rule.unit = enum_from_key<TermUnit>(select.text(2)).value_or(TermUnit::calendar_days);
    if (!select.is_null(3)) rule.max_extension = static_cast<int>(select.integer(3));
    rule.extension_unit = enum_from_key<TermUnit>(select.text(4)).value_or(rule.unit);
    rule.basis = select.text(5);
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace raekoda::db
