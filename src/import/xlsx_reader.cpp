#include "import/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <vector>

#include <expat.h>
#include <zip.h>

#include "core/i18n.h"
#include "import/charset.h"

namespace raekoda::import {

// [SECTION] Cell references, number formats, date serials, numbers

std::optional<std::size_t> column_index(std::string_view reference) {
  std::size_t column = 0, letters = 0;
  for (char c : reference) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (++letters > 3) return std::nullopt;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  if (letters == 0 || column > 16384) return std::nullopt;
  for (char c : reference.substr(letters))
    if (c < '0' || c > '9') return std::nullopt;
  return column - 1;
}

DateFormat builtin_date_format(int id) {
  if (id >= 14 && id <= 17) return DateFormat::date;
  if (id == 22) return DateFormat::date_time;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateFormat::time;
  return DateFormat::none;
}

DateFormat custom_date_format(std::string_view code) {
  bool day_or_year = false, month_or_minute = false, hour_or_second = false;
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  auto starts_with_nocase = [&](std::size_t at, std::string_view word) {
    if (code.size() - at < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (lower(code[at + k]) != word[k]) return false;
    return true;
  };
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = lower(code[i]);
    if (c == '"') {  // literal text
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {  // an escaped, spacing or fill character
      ++i;
    } else if (c == '[') {  // [Red], [$-425], [<100] do not count; [h] [mm] [ss] are elapsed time
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos)
        hour_or_second = true;
      i = close;
    } else if (starts_with_nocase(i, "general")) {
      i += 6;
    } else if (starts_with_nocase(i, "am/pm")) {
      hour_or_second = true;
      i += 4;
    } else if (starts_with_nocase(i, "a/p")) {
      hour_or_second = true;
      i += 2;
    } else if (c == 'd' || c == 'y') {
      day_or_year = true;
    } else if (c == 'm') {
      month_or_minute = true;
    } else if (c == 'h' || c == 's') {
      hour_or_second = true;
    }
  }
  const bool date = day_or_year || (month_or_minute && !hour_or_second);
  if (date && hour_or_second) return DateFormat::date_time;
  if (date) return DateFormat::date;
  if (hour_or_second) return DateFormat::time;
  return DateFormat::none;
}

namespace {

struct CivilDate {
  int year, month, day;
};

// The proleptic Gregorian date `days` after 1970-01-01, by 400-year eras of 146,097 days
// counted from the 1st of March, so that the leap day falls at the end of a year.
CivilDate civil_from_days(std::int64_t days) {
  days += 719468;  // from 0000-03-01
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), month, day};
}

std::string two_digits(int value) {
  return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

}  // namespace

std::optional<std::string> excel_serial_to_text(double serial, bool date1904, DateFormat format) {
  // 2958465 is 9999-12-31, Excel's last day.
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return std::nullopt;
  const auto seconds = static_cast<std::int64_t>(std::llround(serial * 86400.0));
  const std::int64_t day = seconds / 86400;
  const int minute_of_day = static_cast<int>(seconds % 86400 / 60);
  const std::string time = two_digits(minute_of_day / 60) + ":" + two_digits(minute_of_day % 60);
  if (format == DateFormat::time && day == 0) return time;

  std::string date;
  if (!date1904 && day == 60) {
    date = "1900-02-29";  // the day Excel shows and that never was; the value check refuses it
  } else {
    // 1899-12-31 is day 0 before the false leap day and 1899-12-30 after it; 1904-01-01 is
    // day 0 of the 1904 system.
    const std::int64_t days_since_1970 =
        date1904 ? day - 24107 : (day < 60 ? day - 25568 : day - 25569);
    const CivilDate civil = civil_from_days(days_since_1970);
    date = std::to_string(civil.year) + "-" + two_digits(civil.month) + "-" + two_digits(civil.day);
  }
  const bool with_time =
      format == DateFormat::date_time || format == DateFormat::time || minute_of_day != 0;
  return with_time ? date + " " + time : date;
}

std::string plain_number(std::string_view text) {
  const std::size_t e = text.find_first_of("eE");
  if (e == std::string_view::npos) return std::string(text);
  std::string_view mantissa = text.substr(0, e);
  std::string_view exponent_text = text.substr(e + 1);
  const bool negative = !mantissa.empty() && mantissa[0] == '-';
  if (!mantissa.empty() && (mantissa[0] == '-' || mantissa[0] == '+')) mantissa.remove_prefix(1);
  if (!exponent_text.empty() && exponent_text[0] == '+') exponent_text.remove_prefix(1);
  int exponent = 0;
  const auto [end, error] =
      std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  if (error != std::errc() || end != exponent_text.data() + exponent_text.size() ||
      exponent_text.empty())
    return std::string(text);

  std::string digits;
  int point = -1;
  for (char c : mantissa) {
    if (c == '.' && point < 0) {
      point = static_cast<int>(digits.size());
    } else if (c >= '0' && c <= '9') {
      digits += c;
    } else {
      return std::string(text);
    }
  }
  if (digits.empty()) return std::string(text);
  if (point < 0) point = static_cast<int>(digits.size());
  // Only a whole number of a plausible length is written out; anything else stays as written.
  if (exponent > 40 || exponent < -400) return std::string(text);
  const int whole_digits = point + exponent;
  if (whole_digits > 40) return std::string(text);
  for (int k = std::max(whole_digits, 0); k < static_cast<int>(digits.size()); ++k)
    if (digits[static_cast<std::size_t>(k)] != '0') return std::string(text);
  std::string whole =
      whole_digits <= 0
          ? std::string("0")
          : digits.substr(
                0, std::min<std::size_t>(digits.size(), static_cast<std::size_t>(whole_digits)));
  if (whole_digits > static_cast<int>(digits.size()))
    whole.append(static_cast<std::size_t>(whole_digits) - digits.size(), '0');
  const std::size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  return negative && whole != "0" ? "-" + whole : whole;
}

namespace {

// [SECTION] The zip, bounded

constexpr std::size_t chunk_bytes = 64 * 1024;
// Below this a part's compression ratio is not questioned: small XML compresses well.
constexpr std::uint64_t ratio_free_bytes = 16 << 20;

std::string part_label(const std::string& name) {
  return name;
}

class Zip {
public:
  explicit Zip(const std::filesystem::path& file) {
    int code = 0;
    archive_ = zip_open(file.c_str(), ZIP_RDONLY, &code);
    if (!archive_) throw ReadError(tr("import.read.workbook_damaged"));
  }
  explicit Zip(std::string bytes) : bytes_(std::move(bytes)) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source) archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (source && !archive_) zip_source_free(source);
    zip_error_fini(&error);
    if (!archive_) throw ReadError(tr("import.read.workbook_damaged"));
  }
  ~Zip() {
    if (archive_) zip_discard(archive_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  zip_t* archive() const { return archive_; }
  std::optional<zip_uint64_t> find(const std::string& name) const {
    const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(index);
  }

private:
  std::string bytes_;  // the workbook in memory; libzip reads it in place
  zip_t* archive_ = nullptr;
};

// All the parts read together may not unpack beyond the limit: counted from the sizes the zip
// declares and again from the bytes actually unpacked, since a zip bomb lies in its headers.
class UnzipBudget {
public:
  explicit UnzipBudget(const ReadLimits& limits) : limits_(limits) {}
  void declare(const std::string& part, std::uint64_t size, std::uint64_t compressed) {
    if (size > limits_.max_unzipped_bytes - std::min(declared_, limits_.max_unzipped_bytes))
      throw too_big();
    declared_ += size;
    check_ratio(part, size, compressed);
  }
  void spend(std::uint64_t bytes) {
    spent_ += bytes;
    if (spent_ > limits_.max_unzipped_bytes) throw too_big();
  }
  void check_ratio(const std::string& part, std::uint64_t size, std::uint64_t compressed) const {
    if (size <= ratio_free_bytes) return;
    if (static_cast<double>(size) >
        limits_.max_compression_ratio * static_cast<double>(std::max<std::uint64_t>(compressed, 1)))
      throw ReadError(trf("import.read.workbook_ratio", part_label(part)));
  }

private:
  ReadError too_big() const {
    return ReadError(trf("import.read.workbook_too_big", limits_.max_unzipped_bytes >> 20));
  }
  const ReadLimits& limits_;
  std::uint64_t declared_ = 0;
  std::uint64_t spent_ = 0;
};

// One part of the zip, unpacked a piece at a time.
class PartStream {
public:
  PartStream(const Zip& zip, zip_uint64_t index, const std::string& name, UnzipBudget& budget)
      : name_(name), budget_(budget) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip.archive(), index, 0, &stat) != 0)
      throw ReadError(trf("import.read.part_damaged", part_label(name)));
    if (stat.valid & ZIP_STAT_SIZE) size_ = stat.size;
    if (stat.valid & ZIP_STAT_COMP_SIZE) compressed_ = stat.comp_size;
    budget_.declare(name, size_, compressed_);
    file_ = zip_fopen_index(zip.archive(), index, 0);
    if (!file_) throw ReadError(trf("import.read.part_damaged", part_label(name)));
  }
  ~PartStream() { zip_fclose(file_); }
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;

  // Up to `size` bytes; 0 at the end of the part.
  std::size_t read(char* buffer, std::size_t size) {
    const zip_int64_t got = zip_fread(file_, buffer, size);
    if (got < 0) throw ReadError(trf("import.read.part_damaged", part_label(name_)));
    const auto bytes = static_cast<std::uint64_t>(got);
    unpacked_ += bytes;
    budget_.spend(bytes);
    if (unpacked_ > size_) throw ReadError(trf("import.read.part_damaged", part_label(name_)));
    budget_.check_ratio(name_, unpacked_, compressed_);
    return static_cast<std::size_t>(bytes);
  }
  // Pieces of at most 64 KB, smaller for a small part (most parts are a few KB).
  std::size_t next_read_size() const {
    const std::uint64_t left = size_ > unpacked_ ? size_ - unpacked_ : 0;
    return static_cast<std::size_t>(std::min<std::uint64_t>(chunk_bytes, left + 1));
  }
  double progress() const {
    return size_ == 0 ? 1.0 : static_cast<double>(unpacked_) / static_cast<double>(size_);
  }

private:
  std::string name_;
  UnzipBudget& budget_;
  zip_file_t* file_ = nullptr;
  std::uint64_t size_ = 0;
  std::uint64_t compressed_ = 0;
  std::uint64_t unpacked_ = 0;
};

// [SECTION] XML, with no document type declarations

// Excel never writes a DOCTYPE; a part that has one is refused, which closes the door on entity
// expansion (billion laughs) and external entities alike.
class XmlHandler {
public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  // Stops parsing with a message for the user.
  void fail(std::string message) {
    if (!failure) failure = std::move(message);
    if (parser) XML_StopParser(parser, XML_FALSE);
  }
  XML_Parser parser = nullptr;
  std::optional<std::string> failure;
  bool declarations = false;
};

// "uri|local" → "local": prefixes differ between programs, local names do not.
std::string_view local_name(const char* name) {
  std::string_view full(name);
  const std::size_t bar = full.rfind('|');
  return bar == std::string_view::npos ? full : full.substr(bar + 1);
}

std::optional<std::string_view> attribute(const char** attributes, std::string_view name) {
  for (std::size_t i = 0; attributes[i]; i += 2)
    if (local_name(attributes[i]) == name) return std::string_view(attributes[i + 1]);
  return std::nullopt;
}

class XmlParser {
public:
  explicit XmlParser(XmlHandler& handler) : handler_(handler) {
    parser_ = XML_ParserCreateNS(nullptr, '|');
    if (!parser_) throw std::bad_alloc();
    handler.parser = parser_;
    XML_SetUserData(parser_, &handler);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
    XML_SetStartDoctypeDeclHandler(parser_, [](void* data, const XML_Char*, const XML_Char*,
                                               const XML_Char*, int) { refuse(data); });
    XML_SetEntityDeclHandler(
        parser_, [](void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                    const XML_Char*, const XML_Char*, const XML_Char*) { refuse(data); });
    XML_SetElementHandler(
        parser_,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
          auto& h = *static_cast<XmlHandler*>(data);
          if (!h.failure) h.start(local_name(name), attributes);
        },
        [](void* data, const XML_Char* name) {
          auto& h = *static_cast<XmlHandler*>(data);
          if (!h.failure) h.end(local_name(name));
        });
    XML_SetCharacterDataHandler(parser_, [](void* data, const XML_Char* text, int length) {
      auto& h = *static_cast<XmlHandler*>(data);
      if (!h.failure) h.text(std::string_view(text, static_cast<std::size_t>(length)));
    });
  }
  ~XmlParser() {
    handler_.parser = nullptr;
    XML_ParserFree(parser_);
  }
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  XML_Parser get() const { return parser_; }

  // Unpacks the next piece of `stream` into expat's own buffer, sparing a copy; returns its
  // size, 0 at the end. Not while the parser is suspended.
  std::size_t feed(PartStream& stream) {
    const std::size_t size = stream.next_read_size();
    void* buffer = XML_GetBuffer(parser_, static_cast<int>(size));
    if (!buffer) throw std::bad_alloc();
    return stream.read(static_cast<char*>(buffer), size);
  }

  // Turns a stopped or failed parse into the user's message.
  [[noreturn]] void throw_error(const std::string& part) const {
    if (handler_.declarations) throw ReadError(trf("import.read.xml_declarations", part));
    if (handler_.failure) throw ReadError(*handler_.failure);
    throw ReadError(trf("import.read.xml_error", part_label(part),
                        static_cast<unsigned long>(XML_GetCurrentLineNumber(parser_))));
  }

private:
  static void refuse(void* data) {
    auto& h = *static_cast<XmlHandler*>(data);
    h.declarations = true;
    h.fail("declarations");
  }
  XmlHandler& handler_;
  XML_Parser parser_ = nullptr;
};

// Parses a whole part; false when the zip has no such part.
bool parse_part(const Zip& zip, const std::string& name, XmlHandler& handler, UnzipBudget& budget) {
  const std::optional<zip_uint64_t> index = zip.find(name);
  if (!index) return false;
  PartStream stream(zip, *index, name, budget);
  XmlParser parser(handler);
  while (true) {
    const std::size_t got = parser.feed(stream);
    if (XML_ParseBuffer(parser.get(), static_cast<int>(got), got == 0) != XML_STATUS_OK)
      parser.throw_error(name);
    if (got == 0) return true;
  }
}

// Appends up to `limit` + 1 bytes, so that "longer than the limit" can still be told.
void append_bounded(std::string& to, std::string_view text, std::size_t limit) {
  if (to.size() > limit) return;
  to.append(text.substr(0, limit + 1 - to.size()));
}

// A part's path from a relationship's target, relative to the folder of the part that names it.
std::string resolve_target(std::string_view folder, std::string_view target) {
  std::vector<std::string> segments;
  auto push_path = [&](std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t slash = path.find('/', start);
      if (slash == std::string_view::npos) slash = path.size();
      const std::string_view segment = path.substr(start, slash - start);
      if (segment == "..") {
        if (!segments.empty()) segments.pop_back();
      } else if (!segment.empty() && segment != ".") {
        segments.emplace_back(segment);
      }
      start = slash + 1;
    }
  };
  if (!target.starts_with('/')) push_path(folder);
  push_path(target);
  std::string path;
  for (const std::string& segment : segments) path += (path.empty() ? "" : "/") + segment;
  return path;
}

std::string folder_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash));
}

std::string rels_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string folder =
      slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
  const std::string file(slash == std::string_view::npos ? part : part.substr(slash + 1));
  return folder + "_rels/" + file + ".rels";
}

// [SECTION] The workbook's parts read before the sheet

struct Relationships {
  std::map<std::string, std::string> target_by_id;
  std::string office_document, shared_strings, styles;  // by type
};

class RelationshipsHandler : public XmlHandler {
public:
  RelationshipsHandler(std::string folder, Relationships& out)
      : folder_(std::move(folder)), out_(out) {}
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const auto id = attribute(attributes, "Id");
    const auto target = attribute(attributes, "Target");
    const auto type = attribute(attributes, "Type").value_or("");
    if (!id || !target || out_.target_by_id.size() > 100000) return;
    if (attribute(attributes, "TargetMode").value_or("") == "External") return;
    const std::string path = resolve_target(folder_, *target);
    out_.target_by_id[std::string(*id)] = path;
    if (type.ends_with("/officeDocument")) out_.office_document = path;
    if (type.ends_with("/sharedStrings")) out_.shared_strings = path;
    if (type.ends_with("/styles")) out_.styles = path;
  }
  void end(std::string_view) override {}

private:
  std::string folder_;
  Relationships& out_;
};

struct SheetEntry {
  std::string name, relationship;
};

class WorkbookHandler : public XmlHandler {
public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const auto value = attribute(attributes, "date1904").value_or("");
      date1904 = value == "1" || value == "true";
    } else if (name == "sheet" && sheets.size() < 100000) {
      sheets.push_back({std::string(attribute(attributes, "name").value_or("")),
                        std::string(attribute(attributes, "id").value_or(""))});
    }
  }
  void end(std::string_view) override {}
  bool date1904 = false;
  std::vector<SheetEntry> sheets;
};

// Which cell formats show dates: cellXfs by index, through their numFmtId.
class StylesHandler : public XmlHandler {
public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      int id = -1;
      const std::string_view text = attribute(attributes, "numFmtId").value_or("");
      std::from_chars(text.data(), text.data() + text.size(), id);
      if (id >= 0 && custom_.size() < 100000)
        custom_[id] = custom_date_format(attribute(attributes, "formatCode").value_or(""));
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_ && formats.size() < 1000000) {
      int id = 0;
      const std::string_view text = attribute(attributes, "numFmtId").value_or("0");
      std::from_chars(text.data(), text.data() + text.size(), id);
      const auto custom = custom_.find(id);
      formats.push_back(custom != custom_.end() ? custom->second : builtin_date_format(id));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  std::vector<DateFormat> formats;

private:
  std::map<int, DateFormat> custom_;
  bool in_cell_xfs_ = false;
};

// The text of each <si>: its <t>, or its rich text runs' <t> joined; phonetic guides (<rPh>)
// are not the text.
class SharedStringsHandler : public XmlHandler {
public:
  SharedStringsHandler(const ReadLimits& limits, std::vector<std::string>& out)
      : limits_(limits), out_(out) {}
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_item_ && phonetic_depth_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      if (phonetic_depth_ > 0) --phonetic_depth_;
    } else if (name == "si" && in_item_) {
      in_item_ = false;
      // Each string costs its bytes and its bookkeeping, so a million empty ones count too.
      total_ += current_.size() + sizeof(std::string);
      if (total_ > limits_.max_shared_string_bytes) {
        fail(trf("import.read.shared_strings_too_big", limits_.max_shared_string_bytes >> 20));
        return;
      }
      out_.push_back(std::move(current_));
      current_.clear();
    }
  }
  void text(std::string_view text) override {
    if (in_text_) append_bounded(current_, text, limits_.max_cell_bytes);
  }

private:
  const ReadLimits& limits_;
  std::vector<std::string>& out_;
  std::string current_;
  std::uint64_t total_ = 0;
  bool in_item_ = false, in_text_ = false;
  int phonetic_depth_ = 0;
};

// [SECTION] The sheet, a row at a time

struct Workbook {
  bool date1904 = false;
  std::vector<DateFormat> formats;
  std::vector<std::string> shared_strings;
};

class SheetHandler : public XmlHandler {
public:
  SheetHandler(const Workbook& workbook, const ReadLimits& limits)
      : workbook_(workbook), limits_(limits) {}

  void start(std::string_view name, const char** attributes) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      start_row(attributes);
    } else if (name == "c" && in_row_) {
      start_cell(attributes);
    } else if (!in_cell_) {
      return;
    } else if (name == "v") {
      collecting_ = &value_;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_inline_ && phonetic_depth_ == 0) {
      collecting_ = &inline_;
    }
  }

  void end(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (name == "v" || name == "t") {
      collecting_ = nullptr;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      if (phonetic_depth_ > 0) --phonetic_depth_;
    } else if (name == "c" && in_cell_) {
      end_cell();
    } else if (name == "row" && in_row_) {
      end_row();
    }
  }

  void text(std::string_view text) override {
    if (collecting_) append_bounded(*collecting_, text, limits_.max_cell_bytes);
  }

  std::deque<RawRow> rows;

private:
  void start_row(const char** attributes) {
    in_row_ = true;
    row_ = RawRow{};
    row_bytes_ = 0;
    next_column_ = 0;
    std::size_t number = 0;
    const std::string_view r = attribute(attributes, "r").value_or("");
    const auto [end, error] = std::from_chars(r.data(), r.data() + r.size(), number);
    row_.line =
        error == std::errc() && end == r.data() + r.size() && number > 0 ? number : last_row_ + 1;
    last_row_ = row_.line;
  }

  void start_cell(const char** attributes) {
    in_cell_ = true;
    value_.clear();
    inline_.clear();
    type_ = std::string(attribute(attributes, "t").value_or("n"));
    style_ = 0;
    const std::string_view s = attribute(attributes, "s").value_or("0");
    std::from_chars(s.data(), s.data() + s.size(), style_);
    column_ = next_column_;
    if (auto r = attribute(attributes, "r")) {
      const std::size_t digits = r->find_first_of("0123456789");
      if (auto index = column_index(*r); index && digits != std::string_view::npos)
        column_ = *index;
    }
    next_column_ = column_ + 1;
  }

  std::string cell_text() {
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [end, error] =
          std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (error != std::errc() || index >= workbook_.shared_strings.size()) return {};
      return workbook_.shared_strings[index];
    }
    if (type_ == "inlineStr") return std::move(inline_);
    if (type_ == "e") return {};  // #N/A, #DIV/0!: no value
    if (type_ == "b") return value_ == "1" || value_ == "true" ? "1" : "0";
    if (type_ == "str") return std::move(value_);
    if (type_ == "d") {  // an ISO 8601 date (strict OOXML): to Raekoda's "YYYY-MM-DD HH:MM"
      if (value_.size() >= 16 && value_[10] == 'T')
        return value_.substr(0, 10) + " " + value_.substr(11, 5);
      return std::move(value_);
    }
    const std::size_t first = value_.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const std::string_view number =
        std::string_view(value_).substr(first, value_.find_last_not_of(" \t\r\n") - first + 1);
    const DateFormat format =
        style_ < workbook_.formats.size() ? workbook_.formats[style_] : DateFormat::none;
    if (format != DateFormat::none) {
      double serial = 0;
      const auto [end, error] =
          std::from_chars(number.data(), number.data() + number.size(), serial);
      if (error == std::errc() && end == number.data() + number.size())
        if (auto text = excel_serial_to_text(serial, workbook_.date1904, format)) return *text;
    }
    return plain_number(number);
  }

  void set_problem(std::string problem) {
    if (!row_.problem) row_.problem = std::move(problem);
  }

  void end_cell() {
    in_cell_ = false;
    collecting_ = nullptr;
    in_inline_ = false;
    phonetic_depth_ = 0;
    std::string text = cell_text();
    if (text.empty()) return;
    if (column_ >= limits_.max_columns) {
      set_problem(trf("import.read.too_many_columns", row_.line, limits_.max_columns));
      return;
    }
    if (!is_valid_utf8(text)) text = make_valid_utf8(text);  // a cut shared string
    if (text.size() > limits_.max_cell_bytes) {
      set_problem(trf("import.read.cell_too_long", row_.line, limits_.max_cell_bytes));
      text.resize(utf8_boundary_before(text, limits_.max_cell_bytes));
    }
    row_bytes_ += text.size();
    if (row_bytes_ > limits_.max_row_bytes) {
      set_problem(trf("import.read.row_too_long", row_.line, limits_.max_row_bytes));
      return;
    }
    if (row_.cells.size() <= column_) row_.cells.resize(column_ + 1);
    row_.cells[column_] = std::move(text);
  }

  void end_row() {
    in_row_ = false;
    if (row_.cells.empty() && !row_.problem) return;  // a formatted but empty row
    rows.push_back(std::move(row_));
    row_ = RawRow{};
    // One row at a time: the parser waits until this one is taken.
    if (parser) XML_StopParser(parser, XML_TRUE);
  }

  const Workbook& workbook_;
  const ReadLimits& limits_;
  bool in_data_ = false, in_row_ = false, in_cell_ = false, in_inline_ = false;
  int phonetic_depth_ = 0;
  RawRow row_;
  std::size_t row_bytes_ = 0;
  std::size_t last_row_ = 0;
  std::size_t next_column_ = 0, column_ = 0;
  std::string type_;
  std::size_t style_ = 0;
  std::string value_, inline_;
  std::string* collecting_ = nullptr;
};

class XlsxReader : public RowReader {
public:
  XlsxReader(std::unique_ptr<Zip> zip, const ReadOptions& options, const ReadLimits& limits)
      : zip_(std::move(zip)), limits_(limits), budget_(limits_) {
    info_.format = FileFormat::xlsx;
    info_.encoding = "UTF-8";

    Relationships package;
    RelationshipsHandler package_handler("", package);
    parse_part(*zip_, "_rels/.rels", package_handler, budget_);
    const std::string workbook_part =
        package.office_document.empty() ? "xl/workbook.xml" : package.office_document;

    WorkbookHandler workbook;
    if (!parse_part(*zip_, workbook_part, workbook, budget_))
      throw ReadError(tr("import.read.not_a_workbook"));
    workbook_.date1904 = workbook.date1904;
    Relationships relationships;
    RelationshipsHandler relationships_handler(folder_of(workbook_part), relationships);
    parse_part(*zip_, rels_of(workbook_part), relationships_handler, budget_);

    if (workbook.sheets.empty()) throw ReadError(tr("import.read.no_sheets"));
    for (const SheetEntry& sheet : workbook.sheets) info_.sheets.push_back(sheet.name);
    const SheetEntry* chosen = &workbook.sheets.front();
    if (options.sheet) {
      chosen = nullptr;
      for (const SheetEntry& sheet : workbook.sheets)
        if (sheet.name == *options.sheet) chosen = &sheet;
      if (!chosen) throw ReadError(trf("import.read.sheet_not_found", *options.sheet));
    }
    info_.sheet = chosen->name;
    const auto target = relationships.target_by_id.find(chosen->relationship);
    if (target == relationships.target_by_id.end())
      throw ReadError(trf("import.read.missing_part", chosen->name));

    const std::string folder = folder_of(workbook_part);
    StylesHandler styles;
    parse_part(
        *zip_,
        relationships.styles.empty() ? resolve_target(folder, "styles.xml") : relationships.styles,
        styles, budget_);
    workbook_.formats = std::move(styles.formats);
    SharedStringsHandler strings(limits_, workbook_.shared_strings);
    parse_part(*zip_,
               relationships.shared_strings.empty() ? resolve_target(folder, "sharedStrings.xml")
                                                    : relationships.shared_strings,
               strings, budget_);

    sheet_part_ = target->second;
    const std::optional<zip_uint64_t> index = zip_->find(sheet_part_);
    if (!index) throw ReadError(trf("import.read.missing_part", chosen->name));
    stream_ = std::make_unique<PartStream>(*zip_, *index, sheet_part_, budget_);
    handler_ = std::make_unique<SheetHandler>(workbook_, limits_);
    parser_ = std::make_unique<XmlParser>(*handler_);
  }

  bool next(RawRow& row) override {
    while (true) {
      if (!handler_->rows.empty()) {
        row = std::move(handler_->rows.front());
        handler_->rows.pop_front();
        return true;
      }
      if (finished_) return false;
      XML_Status status;
      if (suspended_) {
        status = XML_ResumeParser(parser_->get());
      } else {
        const std::size_t got = parser_->feed(*stream_);
        final_ = got == 0;
        status = XML_ParseBuffer(parser_->get(), static_cast<int>(got), final_);
      }
      if (status == XML_STATUS_ERROR) {
        finished_ = true;
        parser_->throw_error(sheet_part_);
      }
      suspended_ = status == XML_STATUS_SUSPENDED;
      if (status == XML_STATUS_OK && final_) finished_ = true;
    }
  }

  double progress() const override { return finished_ ? 1.0 : stream_->progress(); }

private:
  std::unique_ptr<Zip> zip_;
  ReadLimits limits_;
  UnzipBudget budget_;
  Workbook workbook_;
  std::string sheet_part_;
  std::unique_ptr<PartStream> stream_;
  std::unique_ptr<SheetHandler> handler_;
  std::unique_ptr<XmlParser> parser_;
  bool suspended_ = false, final_ = false, finished_ = false;
};

}  // namespace

std::unique_ptr<RowReader> open_xlsx(const std::filesystem::path& file, const ReadOptions& options,
                                     const ReadLimits& limits) {
  return std::make_unique<XlsxReader>(std::make_unique<Zip>(file), options, limits);
}

std::unique_ptr<RowReader> open_xlsx_in_memory(std::string bytes, const ReadOptions& options,
                                               const ReadLimits& limits) {
  return std::make_unique<XlsxReader>(std::make_unique<Zip>(std::move(bytes)), options, limits);
}

}  // namespace raekoda::import
