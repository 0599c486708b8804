#include "core/reminder.h"

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "core/text.h"

namespace raekoda {
namespace {

// Registers often begin a title with the document's type ("Meediapäring: linnapea intervjuu");
// the type is then not said twice.
std::string what_it_is(const ReminderItem& item) {
  std::string type = tr("doc_type." + item.doc_type);
  if (fold_case(item.title).starts_with(fold_case(type))) return item.title;
  return type + ": " + item.title;
}

}  // namespace

std::string reminder_text(const std::string& responder, const std::vector<ReminderItem>& items,
                          Date today, const WorkingCalendar& calendar) {
  std::string text = trf("reminder.greeting", responder) + "\n\n";
  auto count = static_cast<std::int64_t>(items.size());
  text += trn("reminder.intro", count, format_count(count), today.display()) + "\n";
  auto section = [&](bool overdue) {
    std::string lines;
    for (const ReminderItem& item : items) {
      if ((item.due < today) != overdue) continue;
      int late = overdue ? calendar.working_days_between(item.due, today) : 0;
      std::string when =
          overdue ? trn("reminder.overdue_by", late, item.due.display(), format_count(late))
                  : trf("reminder.due", item.due.display());
      lines += "- " + item.reg_number + " " + what_it_is(item) + " — " + when + "\n";
    }
    if (!lines.empty())
      text +=
          "\n" + std::string(tr(overdue ? "reminder.overdue" : "reminder.coming")) + "\n" + lines;
  };
  section(true);
  section(false);
  text += "\n" + std::string(tr("reminder.closing")) + "\n";
  return text;
}

std::string reminder_subject(std::size_t documents) {
  auto count = static_cast<std::int64_t>(documents);
  return trn("reminder.subject", count, format_count(count));
}

}  // namespace raekoda
