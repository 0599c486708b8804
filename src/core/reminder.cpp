#include "core/reminder.h"

#include "core/i18n.h"
#include "core/number_format.h"

namespace raekoda {

std::string reminder_text(const std::string& responder, const std::vector<ReminderItem>& items,
                          Date today, const WorkingCalendar& calendar) {
  std::string text = trf("reminder.greeting", responder) + "\n\n";
  text += trf("reminder.intro", format_count(static_cast<std::int64_t>(items.size())),
              today.display()) +
          "\n";
  auto section = [&](bool overdue) {
    std::string lines;
    for (const ReminderItem& item : items) {
      if ((item.due < today) != overdue) continue;
      std::string when = overdue ? trf("reminder.overdue_by", item.due.display(),
                                       calendar.working_days_between(item.due, today))
                                 : trf("reminder.due", item.due.display());
      lines += "- " + item.reg_number + " " + tr("doc_type." + item.doc_type) + ": " + item.title +
               " — " + when + "\n";
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

}  // namespace raekoda
