#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/date_words.h"
#include "core/i18n.h"

using raekoda::Date;
using raekoda::DateTime;
using raekoda::iso_week;
using raekoda::IsoWeek;
using raekoda::Language;
using raekoda::set_language;
using raekoda::tr;

TEST_CASE("a date is read from ISO text and from the dd.mm.yyyy users type") {
  auto iso = Date::parse_iso("2026-02-20");
  REQUIRE(iso);
  CHECK(iso->display() == "20.02.2026");
  CHECK(Date::parse_display("20.02.2026") == iso);
  CHECK(Date::parse_display("1.3.2026") == Date::parse_iso("2026-03-01"));
  CHECK(iso->iso() == "2026-02-20");
}

TEST_CASE("days that do not exist are refused, not rolled over") {
  CHECK_FALSE(Date::parse_iso("2026-02-29"));
  CHECK(Date::parse_iso("2024-02-29"));
  CHECK_FALSE(Date::parse_iso("2026-13-01"));
  CHECK_FALSE(Date::parse_display("31.04.2026"));
  CHECK_FALSE(Date::parse_display("20.02.26"));
  CHECK_FALSE(Date::parse_iso("2026-2-20"));
  CHECK_FALSE(Date::parse_iso("abcd-ef-gh"));
  CHECK_FALSE(Date::parse_display(""));
}

TEST_CASE("weeks start on Monday and carry ISO numbers across New Year") {
  Date sunday = *Date::parse_iso("2026-11-22");
  CHECK(sunday.iso_weekday() == 7);
  CHECK(sunday.week_start() == Date::parse_iso("2026-11-16"));
  CHECK(iso_week(sunday) == IsoWeek{2026, 47});
  // 2020 had 53 weeks; 1 January 2021 belongs to its week 53.
  CHECK(iso_week(*Date::parse_iso("2021-01-01")) == IsoWeek{2020, 53});
  // 29 December 2025 is Monday of week 1 of 2026.
  CHECK(iso_week(*Date::parse_iso("2025-12-29")) == IsoWeek{2026, 1});
}

TEST_CASE("month arithmetic clamps to the month's last day") {
  CHECK(Date::parse_iso("2026-01-31")->plus_months(1) == Date::parse_iso("2026-02-28"));
  CHECK(Date::parse_iso("2024-01-31")->plus_months(1) == Date::parse_iso("2024-02-29"));
  CHECK(Date::parse_iso("2026-11-22")->plus_months(-12) == Date::parse_iso("2025-11-22"));
  CHECK(Date::parse_iso("2026-11-22")->quarter_start() == Date::parse_iso("2026-10-01"));
}

TEST_CASE("an incident time is read to the minute and checked") {
  auto moment = DateTime::parse_iso("2026-11-20 16:30");
  REQUIRE(moment);
  CHECK(moment->minute_of_day == 16 * 60 + 30);
  CHECK(moment->display() == "20.11.2026 16:30");
  CHECK_FALSE(DateTime::parse_iso("2026-11-20 24:00"));
  CHECK_FALSE(DateTime::parse_iso("2026-11-20"));
}

TEST_CASE("the last twelve months end with this one, and a day finds its month among them") {
  Date today = *Date::parse_iso("2026-02-28");
  auto months = last_months(today, 12);
  REQUIRE(months.size() == 12);
  CHECK(months.front() == *Date::parse_iso("2025-03-01"));
  CHECK(months.back() == *Date::parse_iso("2026-02-01"));
  CHECK(month_index(months, *Date::parse_iso("2025-03-01")) == 0u);
  CHECK(month_index(months, *Date::parse_iso("2025-12-31")) == 9u);
  CHECK(month_index(months, *Date::parse_iso("2026-02-28")) == 11u);
  CHECK_FALSE(month_index(months, *Date::parse_iso("2025-02-28")));
  CHECK_FALSE(month_index(months, *Date::parse_iso("2026-03-01")));
}

TEST_CASE("a date in words: Russian names the month in the genitive after a day") {
  Date first = *Date::from_ymd(2026, 12, 1);
  Date march = *Date::from_ymd(2027, 3, 22);
  set_language(Language::et);
  CHECK(raekoda::long_date(first) == "1. detsember 2026");
  CHECK(raekoda::long_date(march) == "22. märts 2027");
  CHECK(raekoda::long_moment({march, 14 * 60 + 5}) == "22. märts 2027 kell 14:05");
  set_language(Language::ru);
  CHECK(raekoda::long_date(first) == "1 декабря 2026 года");
  CHECK(raekoda::long_date(march) == "22 марта 2027 года");
  CHECK(raekoda::long_moment({march, 14 * 60 + 5}) == "22 марта 2027 года, 14:05");
  CHECK(std::string(tr("month.long.12")) == "декабрь");  // alone: the nominative
  set_language(Language::en);
  CHECK(raekoda::long_date(first) == "1 December 2026");
  CHECK(raekoda::long_date(march) == "22 March 2027");
  // The figures' own dates stay dd.mm.yyyy in every language.
  CHECK(first.display() == "01.12.2026");
  set_language(Language::et);
}
