// The reminder the information specialist sends a responder: each document once, in words that
// count right.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/reminder.h"

using namespace raekoda;

namespace {

const Date today = *Date::parse_iso("2026-11-23");

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("a title that begins with the document's type does not say the type twice") {
  set_language(Language::et);
  WorkingCalendar calendar;
  std::vector<ReminderItem> items = {
      {"6-3/412", "media_inquiry", "Meediapäring: linnapea intervjuu", today.plus_days(1)},
      {"7-1/88", "letter", "puu raie loa taotlus", today.plus_days(9)}};
  std::string text = reminder_text("Mari Maasikas", items, today, calendar);
  CHECK(occurrences(text, "Meediapäring") == 1);
  CHECK(text.find("- 6-3/412 Meediapäring: linnapea intervjuu — tähtaeg") != std::string::npos);
  // A title that does not say what it is gets the type in front.
  CHECK(text.find("- 7-1/88 Kiri või avaldus: puu raie loa taotlus — tähtaeg") !=
        std::string::npos);
}

TEST_CASE("the reminder counts its documents and days in the language's plural forms") {
  WorkingCalendar calendar;
  std::vector<ReminderItem> one = {{"6-3/412", "media_inquiry", "Meediapäring: linnapea intervjuu",
                                    *Date::parse_iso("2026-11-20")}};
  set_language(Language::et);
  std::string estonian = reminder_text("Mari Maasikas", one, today, calendar);
  CHECK(estonian.find("Sinu vastata on 1 dokument (seis 23.11.2026).") != std::string::npos);
  CHECK(estonian.find("tähtaeg oli 20.11.2026, 1 tööpäev tagasi") != std::string::npos);
  CHECK(reminder_subject(1) == "Meeldetuletus: 1 dokument ootab vastust");
  CHECK(reminder_subject(3) == "Meeldetuletus: 3 dokumenti ootavad vastust");
  set_language(Language::en);
  std::string english = reminder_text("Mari Maasikas", one, today, calendar);
  CHECK(english.find("You have 1 document to answer") != std::string::npos);
  CHECK(english.find("1 working day ago") != std::string::npos);
  CHECK(reminder_subject(2) == "Reminder: 2 documents await your answer");
  set_language(Language::et);
}
