#include "import/values.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/deadline_rule.h"
#include "core/enums.h"
#include "core/i18n.h"
#include "core/text.h"

namespace raekoda::assets {
extern const std::string_view import_values_json;
}  // namespace raekoda::assets

namespace raekoda::import {
namespace {

// [SECTION] Text: trimming and folding

// Spaces a cell may carry around or inside a value: ASCII blanks, the no-break space (U+00A0),
// the narrow no-break space (U+202F) and thin/figure spaces (U+2007, U+2009) that Estonian number
// formatting and Excel write, and a stray byte-order mark (U+FEFF).
std::size_t space_length(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < text.size()) {
    unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
    unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && (b2 == 0xAF || b2 == 0x87 || b2 == 0x89)) return 3;  // U+202F U+2007 U+2009
  }
  if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
      static_cast<unsigned char>(text[i + 2]) == 0xBF)
    return 3;  // U+FEFF
  return 0;
}

// The length of a space that ends at `end` (exclusive), 0 when none does.
std::size_t space_length_before(std::string_view text, std::size_t end) {
  for (std::size_t length : {std::size_t{1}, std::size_t{2}, std::size_t{3}})
    if (end >= length && space_length(text, end - length) == length) return length;
  return 0;
}

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t length = space_length(text, begin);
    if (length == 0) break;
    begin += length;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t length = space_length_before(text, end);
    if (length == 0) break;
    end -= length;
  }
  return text.substr(begin, end - begin);
}

// Runs of spaces (and, for names, '_' and '-') become one ' '; the ends are trimmed.
std::string collapse_spaces(std::string_view text, bool dashes_too) {
  // Most cells have nothing to collapse: one look, one copy.
  bool plain = true;
  for (std::size_t i = 0; i < text.size() && plain; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ')
      plain = i + 1 < text.size() && text[i + 1] != ' ' && i > 0;
    else if (c < 0x20 || c == 0xC2 || c == 0xE2 || c == 0xEF ||
             (dashes_too && (c == '_' || c == '-')))
      plain = false;
  }
  if (plain) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = space_length(text, i);
    if (length == 0 && dashes_too && (text[i] == '_' || text[i] == '-')) length = 1;
    if (length > 0) {
      pending_space = !out.empty();
      i += length;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += text[i++];
  }
  return out;
}

std::string quoted_for_message(std::string_view text) {
  // A message names the value but not a 10 MB cell.
  constexpr std::size_t limit = 80;
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

// [SECTION] Dates and times

struct Moment {
  int year = 0;
  int month = 0;
  int day = 0;
  int minute_of_day = 0;
};

enum class DateStatus { ok, not_a_date, no_such_day, no_such_day_month_first };

struct Cursor {
  std::string_view text;
  std::size_t at = 0;

  bool done() const { return at >= text.size(); }
  char peek() const { return done() ? '\0' : text[at]; }
  bool take(char c) {
    if (peek() != c) return false;
    ++at;
    return true;
  }
  std::size_t skip_spaces() {
    std::size_t start = at;
    while (!done()) {
      std::size_t length = space_length(text, at);
      if (length == 0) break;
      at += length;
    }
    return at - start;
  }
  // Between `min` and `max` digits; false (and nothing consumed) when fewer than `min`.
  bool number(int min, int max, int& value, int* count = nullptr) {
    std::size_t start = at;
    int n = 0;
    value = 0;
    while (n < max && !done() && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (peek() - '0');
      ++at;
      ++n;
    }
    if (n < min || (!done() && peek() >= '0' && peek() <= '9')) {
      at = start;
      return false;
    }
    if (count) *count = n;
    return true;
  }
  static bool is_letter_byte(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
  }
  std::string_view word() {
    std::size_t start = at;
    while (!done() && is_letter_byte(peek()) && space_length(text, at) == 0) ++at;
    return text.substr(start, at - start);
  }
};

// Month names and their usual abbreviations in English, Estonian and Russian (nominative and
// genitive: "12 марта 2026"), folded.
const std::unordered_map<std::string, int>& month_names() {
  static const std::unordered_map<std::string, int> names = [] {
    static constexpr std::array<std::array<std::string_view, 10>, 12> by_month = {{
        {"january", "jan", "jaanuar", "jaan", "январь", "января", "янв"},
        {"february", "feb", "veebruar", "veebr", "veeb", "февраль", "февраля", "февр", "фев"},
        {"march", "mar", "märts", "mär", "март", "марта", "мар"},
        {"april", "apr", "aprill", "апрель", "апреля", "апр"},
        {"may", "mai", "май", "мая"},
        {"june", "jun", "juuni", "июнь", "июня", "июн"},
        {"july", "jul", "juuli", "июль", "июля", "июл"},
        {"august", "aug", "август", "августа", "авг"},
        {"september", "sep", "sept", "сентябрь", "сентября", "сент", "сен"},
        {"october", "oct", "oktoober", "okt", "октябрь", "октября", "окт"},
        {"november", "nov", "ноябрь", "ноября", "нояб", "ноя"},
        {"december", "dec", "detsember", "dets", "декабрь", "декабря", "дек"},
    }};
    std::unordered_map<std::string, int> map;
    for (int month = 0; month < 12; ++month)
      for (std::string_view name : by_month[month])
        if (!name.empty()) map.emplace(fold_letters(name), month + 1);
    return map;
  }();
  return names;
}

std::optional<int> month_from_word(std::string_view word) {
  if (word.empty() || word.size() > 24) return std::nullopt;
  auto found = month_names().find(fold_letters(word));
  if (found == month_names().end()) return std::nullopt;
  return found->second;
}

int full_year(int year, int digits) {
  // Two-digit years as strptime's %y reads them: 00–68 are 2000–2068, 69–99 are 1969–1999
  // (an employee who joined in '98).
  if (digits == 2) return year < 69 ? 2000 + year : 1900 + year;
  return year;
}

bool day_exists(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month(month),
                                     std::chrono::day(day)}
      .ok();
}

// The day part: ISO `2026-03-12`, dotted `12.03.2026`, slashed `03/12/2026` (by `order`),
// with a month name `12/Mar/24`, `12. märts 2026`, `Mar 12, 2026`.
DateStatus parse_day_part(Cursor& in, SlashDates order, Moment& out) {
  int a = 0;
  int a_digits = 0;
  int year_digits = 4;
  if (Cursor::is_letter_byte(in.peek())) {  // "Mar 12, 2026"
    auto month = month_from_word(in.word());
    in.take('.');
    if (!month || in.skip_spaces() == 0 || !in.number(1, 2, out.day)) return DateStatus::not_a_date;
    in.take(',');
    in.skip_spaces();
    if (!in.number(4, 4, out.year)) return DateStatus::not_a_date;
    out.month = *month;
  } else if (!in.number(1, 4, a, &a_digits)) {
    return DateStatus::not_a_date;
  } else if (a_digits == 4) {  // ISO, or 2026/03/12 and 2026.03.12, always year first
    char separator = in.peek();
    if (separator != '-' && separator != '/' && separator != '.') return DateStatus::not_a_date;
    ++in.at;
    out.year = a;
    if (!in.number(1, 2, out.month) || !in.take(separator) || !in.number(1, 2, out.day))
      return DateStatus::not_a_date;
  } else if (a_digits <= 2) {
    char separator = in.peek();
    if (separator != '.' && separator != '/' && separator != '-' && separator != ' ')
      return DateStatus::not_a_date;
    ++in.at;
    in.skip_spaces();
    if (Cursor::is_letter_byte(in.peek())) {  // 12/Mar/24, 12-Mar-2026, 12. märts 2026
      auto month = month_from_word(in.word());
      if (!month) return DateStatus::not_a_date;
      in.take('.');
      bool separated = in.take(separator) || in.take('/') || in.take('-');
      if (in.skip_spaces() == 0 && !separated) return DateStatus::not_a_date;
      if (!in.number(2, 4, out.year, &year_digits) || year_digits == 3)
        return DateStatus::not_a_date;
      out.day = a;
      out.month = *month;
    } else {
      if (separator == ' ') return DateStatus::not_a_date;
      int b = 0;
      if (!in.number(1, 2, b) || !in.take(separator)) return DateStatus::not_a_date;
      if (!in.number(2, 4, out.year, &year_digits) || year_digits == 3)
        return DateStatus::not_a_date;
      bool month_first = separator == '/' && order == SlashDates::month_first;
      out.day = month_first ? b : a;
      out.month = month_first ? a : b;
      out.year = full_year(out.year, year_digits);
      if (!day_exists(out.year, out.month, out.day)) {
        // 25/03/2026 read month first: the file probably writes the day first.
        if (month_first && day_exists(out.year, b, a)) return DateStatus::no_such_day_month_first;
        return DateStatus::no_such_day;
      }
      return DateStatus::ok;
    }
  } else {
    return DateStatus::not_a_date;
  }
  out.year = full_year(out.year, year_digits);
  return day_exists(out.year, out.month, out.day) ? DateStatus::ok : DateStatus::no_such_day;
}

// Minutes east of UTC of Estonian time at a UTC moment: EET (+2), EEST (+3) from the last Sunday
// of March to the last Sunday of October, changing at 01:00 UTC as everywhere in the EU.
int estonian_offset_minutes(std::chrono::sys_days utc_day, int utc_minute) {
  using namespace std::chrono;
  year y = year_month_day{utc_day}.year();
  sys_days summer_starts{y / March / Sunday[last]};
  sys_days summer_ends{y / October / Sunday[last]};
  auto at = [](sys_days day, int minute) { return day.time_since_epoch().count() * 1440 + minute; };
  long long now = at(utc_day, utc_minute);
  bool summer = now >= at(summer_starts, 60) && now < at(summer_ends, 60);
  return summer ? 180 : 120;
}

// The time after the day: `9:41`, `09:41:00`, `09:41:00.123`, `9:41 AM`, with `Z`, `UTC` or an
// offset `+02:00`. A time with an offset is turned into Estonian local time.
DateStatus parse_time_part(Cursor& in, Moment& out) {
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!in.number(1, 2, hour) || !in.take(':') || !in.number(2, 2, minute))
    return DateStatus::not_a_date;
  if (in.take(':')) {
    if (!in.number(2, 2, second)) return DateStatus::not_a_date;
    if (in.take('.') || in.take(',')) {
      int fraction = 0;
      int digits = 0;
      if (!in.number(1, 9, fraction, &digits)) return DateStatus::not_a_date;
    }
  }
  in.skip_spaces();
  std::optional<int> offset;
  if (Cursor::is_letter_byte(in.peek())) {
    std::size_t start = in.at;
    std::string word = fold_letters(in.word());
    if (word == "a" || word == "p") {  // a.m., p.m.
      if (!in.take('.') || !(in.take('m') || in.take('M'))) return DateStatus::not_a_date;
      in.take('.');
      word += 'm';
    }
    if (word == "am" || word == "pm") {
      if (hour < 1 || hour > 12) return DateStatus::not_a_date;
      hour = hour % 12 + (word == "pm" ? 12 : 0);
      in.skip_spaces();
      start = in.at;
      word = fold_letters(in.word());
    }
    if (word == "z" || word == "utc" || word == "gmt") {
      offset = 0;
    } else if (!word.empty()) {
      in.at = start;
      return DateStatus::not_a_date;
    }
  }
  if (in.peek() == '+' || in.peek() == '-') {
    int sign = in.peek() == '+' ? 1 : -1;
    ++in.at;
    int hours = 0;
    int minutes = 0;
    int digits = 0;
    if (!in.number(2, 4, hours, &digits) || digits == 3) return DateStatus::not_a_date;
    if (digits == 4) {  // +0200
      minutes = hours % 100;
      hours /= 100;
    } else if (in.take(':') && !in.number(2, 2, minutes)) {  // +02:00, or +02
      return DateStatus::not_a_date;
    }
    if (hours > 14 || minutes > 59) return DateStatus::not_a_date;
    offset = offset.value_or(0) + sign * (hours * 60 + minutes);
  }
  in.skip_spaces();
  if (!in.done()) return DateStatus::not_a_date;
  if (hour > 23 || minute > 59 || second > 59) return DateStatus::not_a_date;
  out.minute_of_day = hour * 60 + minute;
  if (offset) {
    using namespace std::chrono;
    sys_days day{year{out.year} / month(out.month) / std::chrono::day(out.day)};
    int minute_utc = out.minute_of_day - *offset;
    long long total = day.time_since_epoch().count() * 1440LL + minute_utc;
    auto floor_div = [](long long a, long long b) { return a / b - ((a % b != 0) && (a < 0)); };
    sys_days utc_day{days{floor_div(total, 1440)}};
    int utc_minute = static_cast<int>(total - floor_div(total, 1440) * 1440);
    total += estonian_offset_minutes(utc_day, utc_minute);
    year_month_day local{sys_days{days{floor_div(total, 1440)}}};
    out.year = static_cast<int>(local.year());
    out.month = static_cast<int>(static_cast<unsigned>(local.month()));
    out.day = static_cast<int>(static_cast<unsigned>(local.day()));
    out.minute_of_day = static_cast<int>(total - floor_div(total, 1440) * 1440);
  }
  return DateStatus::ok;
}

DateStatus parse_moment(std::string_view text, SlashDates order, Moment& out) {
  Cursor in{trim(text)};
  if (in.done()) return DateStatus::not_a_date;
  DateStatus status = parse_day_part(in, order, out);
  if (status != DateStatus::ok) return status;
  if (in.done()) return DateStatus::ok;
  bool separated = in.take('T') || in.skip_spaces() > 0;
  if (!separated) return DateStatus::not_a_date;
  if (in.take(',')) in.skip_spaces();  // "Mar 12, 2026, 9:41 AM"
  return parse_time_part(in, out);
}

void append_digits(std::string& out, int value, int width) {
  char digits[8];
  for (int i = width - 1; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits, static_cast<std::size_t>(width));
}

std::string iso_day(const Moment& moment) {
  std::string out;
  out.reserve(16);
  append_digits(out, moment.year, 4);
  out += '-';
  append_digits(out, moment.month, 2);
  out += '-';
  append_digits(out, moment.day, 2);
  return out;
}

std::string iso_minute(const Moment& moment) {
  std::string out = iso_day(moment);
  out += ' ';
  append_digits(out, moment.minute_of_day / 60, 2);
  out += ':';
  append_digits(out, moment.minute_of_day % 60, 2);
  return out;
}

std::string date_problem(DateStatus status, std::string_view text) {
  std::string value = quoted_for_message(trim(text));
  switch (status) {
    case DateStatus::no_such_day:
      return trf("import.value.no_such_day", value);
    case DateStatus::no_such_day_month_first:
      return trf("import.value.slash_date_day_first", value);
    default:
      return trf("import.value.bad_date", value);
  }
}

// [SECTION] Numbers

// The digits of a whole number written with grouped thousands: "12 345", "12 345,0",
// "1,234,567", "1.234.567", "12345.00". A single ',' or '.' followed by exactly three digits
// groups thousands ("1,234" is 1234: a reach of 1.234 people means nothing); with a space
// grouping, or with both marks, the last mark is the decimal one.
std::optional<std::int64_t> parse_whole_number(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  bool spaces = false;
  int commas = 0;
  int dots = 0;
  std::size_t last_mark = std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      ++i;
    } else if (c == ',' || c == '.') {
      (c == ',' ? commas : dots) += 1;
      last_mark = i++;
    } else if (std::size_t length = space_length(text, i); length > 0 || c == '\'') {
      spaces = true;
      i += length > 0 ? length : 1;
    } else {
      return std::nullopt;
    }
  }
  // Which mark, if any, starts the fraction.
  char decimal = '\0';
  if (commas > 0 && dots > 0) {
    decimal = text[last_mark];
    if ((decimal == ',' ? commas : dots) > 1) return std::nullopt;
  } else if (commas + dots == 1) {
    std::size_t after = text.size() - last_mark - 1;
    bool looks_grouped = after == 3 && !spaces && last_mark >= 1 && last_mark <= 3;
    if (!looks_grouped) decimal = text[last_mark];
  }
  std::string_view whole = text;
  std::string_view fraction;
  if (decimal != '\0') {
    whole = text.substr(0, last_mark);
    fraction = text.substr(last_mark + 1);
    if (fraction.empty()) return std::nullopt;
    for (char c : fraction)
      if (c < '0' || c > '9') return std::nullopt;
  }
  // The whole part: a first group of 1–3 digits (or any digits when nothing groups them), then
  // groups of exactly three.
  std::int64_t value = 0;
  int group = 0;
  bool grouped = false;
  bool any_digit = false;
  for (std::size_t i = 0; i < whole.size();) {
    char c = whole[i];
    if (c >= '0' && c <= '9') {
      if (value > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) return std::nullopt;
      value = value * 10 + (c - '0');
      ++group;
      any_digit = true;
      ++i;
      continue;
    }
    // A group separator.
    if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) return std::nullopt;
    grouped = true;
    group = 0;
    std::size_t length = space_length(whole, i);
    i += length > 0 ? length : 1;
  }
  if (!any_digit || (grouped && group != 3)) return std::nullopt;
  for (char c : fraction)
    if (c != '0') return std::nullopt;  // 12,5 is not a whole number
  return value;
}

// [SECTION] Yes and no

const std::unordered_map<std::string, bool>& flag_words() {
  static const std::unordered_map<std::string, bool> words = [] {
    std::unordered_map<std::string, bool> map;
    // Besides yes and no: an account's state (AD's Enabled, a NAS's "Normal"/"Disabled") and a
    // document's access restriction ("AK", "Asutusesiseseks kasutamiseks" against "Avalik").
    for (std::string_view yes : {"jah",
                                 "ja",
                                 "j",
                                 "tõene",
                                 "tõsi",
                                 "aktiivne",
                                 "lubatud",
                                 "normaalne",
                                 "yes",
                                 "y",
                                 "true",
                                 "1",
                                 "enabled",
                                 "on",
                                 "active",
                                 "normal",
                                 "x",
                                 "да",
                                 "д",
                                 "истина",
                                 "включен",
                                 "включена",
                                 "активен",
                                 "активна",
                                 "ak",
                                 "asutusesiseseks kasutamiseks",
                                 "piiratud",
                                 "restricted",
                                 "internal use only",
                                 "confidential",
                                 "дсп",
                                 "для служебного пользования"})
      map.emplace(fold_name(yes), true);
    for (std::string_view no :
         {"ei",        "väär",         "vale",      "mitteaktiivne", "passiivne",
          "keelatud",  "aegunud",      "lukus",     "suletud",       "no",
          "n",         "false",        "0",         "disabled",      "off",
          "inactive",  "expired",      "locked",    "нет",           "н",
          "ложь",      "отключен",     "отключена", "выключен",      "неактивен",
          "неактивна", "заблокирован", "avalik",    "public",        "публичный",
          "открытый"})
      map.emplace(fold_name(no), false);
    return map;
  }();
  return words;
}

// [SECTION] Closed lists

struct ChoiceList {
  std::vector<std::string> keys;                         // in the list's order
  std::string catalog_prefix;                            // "enum.tone." or "doc_type."
  std::unordered_map<std::string, std::string> by_name;  // folded name → key
};

template <class E>
void add_enum_list(std::map<std::string, ChoiceList, std::less<>>& lists) {
  ChoiceList list;
  for (std::string_view key : EnumKeys<E>::keys) list.keys.emplace_back(key);
  list.catalog_prefix = "enum." + std::string(EnumKeys<E>::list) + ".";
  lists.emplace(std::string(EnumKeys<E>::list), std::move(list));
}

// Every list a target field can name, with the names it is known by: its keys, its names in
// the Estonian and English catalogs, and the synonyms of assets/import/values.json (Russian names
// and the words of GLPI, Jira, osTicket, Zammad and monitoring services). The first list to claim
// a folded name keeps it, in this order: key, catalog, values.json.
using ChoiceLists = std::map<std::string, ChoiceList, std::less<>>;

const ChoiceLists& choice_lists() {
  static const ChoiceLists lists = [] {
    ChoiceLists map;
    add_enum_list<Tone>(map);
    add_enum_list<Channel>(map);
    add_enum_list<ContentLanguage>(map);
    add_enum_list<Subject>(map);
    add_enum_list<Direction>(map);
    add_enum_list<ActivityChannel>(map);
    add_enum_list<ActivityStatus>(map);
    add_enum_list<IncidentCategory>(map);
    add_enum_list<Severity>(map);
    add_enum_list<IncidentStatus>(map);
    add_enum_list<Privilege>(map);
    ChoiceList doc_types;
    for (const DeadlineRule& rule : default_deadline_rules()) doc_types.keys.push_back(rule.key);
    doc_types.catalog_prefix = "doc_type.";
    map.emplace("doc_type", std::move(doc_types));

    for (auto& [name, list] : map) {
      for (const std::string& key : list.keys) {
        list.by_name.emplace(fold_name(key), key);
        for (Language language : all_languages)
          if (const std::string* text = Catalog::embedded(language).find(list.catalog_prefix + key))
            list.by_name.emplace(fold_name(*text), key);
      }
    }
    // values.json: { list: { key: { "et": [names], "en": [...], "ru": [...] } } }. A build
    // whose asset is broken should say so at once: the tests read every list.
    auto json = nlohmann::json::parse(assets::import_values_json, nullptr, false);
    if (!json.is_object()) throw std::logic_error("assets/import/values.json is not an object");
    for (auto& [list_name, keys] : json.items()) {
      auto list = map.find(list_name);
      if (list == map.end() || !keys.is_object())
        throw std::logic_error("assets/import/values.json: unknown list " + list_name);
      for (auto& [key, languages] : keys.items()) {
        const std::vector<std::string>& known = list->second.keys;
        if (std::find(known.begin(), known.end(), key) == known.end() || !languages.is_object())
          throw std::logic_error("assets/import/values.json: unknown key " + list_name + "." + key);
        for (auto& [language, names] : languages.items())
          for (auto& name : names)
            if (name.is_string())
              list->second.by_name.emplace(fold_name(name.get<std::string>()), key);
      }
    }
    return map;
  }();
  return lists;
}

}  // namespace

// [SECTION] Public functions

std::string fold_name(std::string_view text) {
  // Collapsed in place: this runs for every name and list value of a file.
  std::string folded = fold_letters(text);
  std::size_t out = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t length = space_length(folded, i);
    if (length == 0 && (folded[i] == '_' || folded[i] == '-')) length = 1;
    if (length > 0) {
      pending_space = out > 0;
      i += length;
      continue;
    }
    if (pending_space) folded[out++] = ' ';
    pending_space = false;
    folded[out++] = folded[i++];
  }
  folded.resize(out);
  return folded;
}

std::span<const std::string> choice_keys(std::string_view list) {
  auto found = choice_lists().find(list);
  if (found == choice_lists().end()) return {};
  return found->second.keys;
}

bool is_choice_key(std::string_view list, std::string_view key) {
  for (const std::string& known : choice_keys(list))
    if (known == key) return true;
  return false;
}

std::optional<std::string> parse_date(std::string_view text, SlashDates order) {
  Moment moment;
  if (parse_moment(text, order, moment) != DateStatus::ok) return std::nullopt;
  return iso_day(moment);
}

std::optional<std::string> parse_date_time(std::string_view text, SlashDates order) {
  Moment moment;
  if (parse_moment(text, order, moment) != DateStatus::ok) return std::nullopt;
  return iso_minute(moment);
}

std::optional<std::int64_t> parse_count(std::string_view text) {
  return parse_whole_number(text);
}

std::optional<bool> parse_flag(std::string_view text) {
  auto found = flag_words().find(fold_name(text));
  if (found == flag_words().end()) return std::nullopt;
  return found->second;
}

std::optional<std::string> parse_choice(std::string_view list, std::string_view text,
                                        const ValueMap* system_values) {
  std::string folded = fold_name(text);
  if (folded.empty()) return std::nullopt;
  if (system_values) {
    auto found = system_values->find(folded);
    if (found == system_values->end()) found = system_values->find(trim(text));
    if (found != system_values->end()) return found->second;
  }
  auto lists = choice_lists().find(list);
  if (lists == choice_lists().end()) return std::nullopt;
  const auto& by_name = lists->second.by_name;
  if (auto found = by_name.find(folded); found != by_name.end()) return found->second;
  // A category path, GLPI's "Riistvara > Printer" or osTicket's "Report a Problem / Access
  // Issue": the most specific part that names a value, else the broadest.
  for (std::string_view separator : {" > ", " / ", " » "}) {
    std::size_t last = folded.rfind(separator);
    if (last == std::string::npos) continue;
    if (auto found = by_name.find(folded.substr(last + separator.size())); found != by_name.end())
      return found->second;
    if (auto found = by_name.find(folded.substr(0, folded.find(separator))); found != by_name.end())
      return found->second;
  }
  return std::nullopt;
}

CellValue read_cell(const TargetField& field, std::string_view text, const ValueRules& rules) {
  std::string_view trimmed = trim(text);
  if (trimmed.empty()) return {};
  switch (field.type) {
    case ValueType::text:
      return {collapse_spaces(trimmed, false), std::nullopt};
    case ValueType::name:
      return {collapse_spaces(trimmed, false), std::nullopt};
    case ValueType::notes: {
      std::string out;
      out.reserve(trimmed.size());
      for (std::size_t i = 0; i < trimmed.size(); ++i) {
        if (trimmed[i] == '\r') {
          out += '\n';
          if (i + 1 < trimmed.size() && trimmed[i + 1] == '\n') ++i;
        } else {
          out += trimmed[i];
        }
      }
      return {std::move(out), std::nullopt};
    }
    case ValueType::date:
    case ValueType::date_time: {
      Moment moment;
      DateStatus status = parse_moment(trimmed, rules.slash_dates, moment);
      if (status != DateStatus::ok) return {std::nullopt, date_problem(status, trimmed)};
      return {field.type == ValueType::date ? iso_day(moment) : iso_minute(moment), std::nullopt};
    }
    case ValueType::integer: {
      auto count = parse_whole_number(trimmed);
      if (!count) return {std::nullopt, trf("import.value.bad_count", quoted_for_message(trimmed))};
      return {std::to_string(*count), std::nullopt};
    }
    case ValueType::flag: {
      auto flag = parse_flag(trimmed);
      if (!flag) return {std::nullopt, trf("import.value.bad_flag", quoted_for_message(trimmed))};
      return {std::string(*flag ? "1" : "0"), std::nullopt};
    }
    case ValueType::choice: {
      const ValueMap* system_values = nullptr;
      if (rules.values) {
        auto found = rules.values->find(field.key);
        if (found != rules.values->end()) system_values = &found->second;
      }
      if (auto key = parse_choice(field.choice_list, trimmed, system_values))
        return {std::move(*key), std::nullopt};
      // Name what would be accepted, as the user reads the list.
      std::string accepted;
      auto lists = choice_lists().find(field.choice_list);
      if (lists != choice_lists().end()) {
        const Catalog& catalog = Catalog::embedded(current_language());
        for (const std::string& key : lists->second.keys) {
          if (!accepted.empty()) accepted += ", ";
          const std::string* name = catalog.find(lists->second.catalog_prefix + key);
          accepted += name ? *name : key;
        }
      }
      return {std::nullopt,
              trf("import.value.unknown_choice", quoted_for_message(trimmed), accepted)};
    }
  }
  return {std::string(trimmed), std::nullopt};
}

}  // namespace raekoda::import
