#include "import/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <system_error>
#include <vector>

#include "core/i18n.h"
#include "import/charset.h"

namespace raekoda::import {

namespace {

// How much is read before anything is decided (encoding, separator), and each read after.
constexpr std::size_t head_bytes = 64 * 1024;
constexpr std::size_t chunk_bytes = 64 * 1024;
// How far a file that starts in ASCII is read before its encoding is decided.
constexpr std::size_t ascii_lookahead_bytes = 4 << 20;
// The lines the separator is sniffed from.
constexpr std::size_t sniffed_lines = 50;

class FileBytes : public ByteSource {
public:
  explicit FileBytes(const std::filesystem::path& file) : path_(file) {
    std::error_code error;
    if (std::filesystem::is_directory(file, error))
      throw ReadError(trf("import.read.cannot_open", file.string()));
    file_ = std::fopen(file.c_str(), "rb");
    if (!file_) throw ReadError(trf("import.read.cannot_open", file.string()));
    const auto size = std::filesystem::file_size(file, error);
    size_ = error ? 0 : size;
  }
  ~FileBytes() override { std::fclose(file_); }
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t got = std::fread(buffer, 1, size, file_);
    if (got == 0 && std::ferror(file_))
      throw ReadError(trf("import.read.read_failed", path_.string()));
    return got;
  }
  std::uint64_t size() const override { return size_; }

private:
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::uint64_t size_ = 0;
};

class MemoryBytes : public ByteSource {
public:
  explicit MemoryBytes(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t got = std::min(size, bytes_.size() - position_);
    std::copy_n(bytes_.data() + position_, got, buffer);
    position_ += got;
    return got;
  }
  std::uint64_t size() const override { return bytes_.size(); }

private:
  std::string bytes_;
  std::size_t position_ = 0;
};

bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}

// One line's view for sniffing: separators outside quotes, and whether it ends with one.
struct LineCount {
  std::size_t separators = 0;
  bool ends_with_separator = false;
};

// The first lines of `text` as they split with `separator`: a quote opens a quoted cell only at
// the start of a cell (after any candidate separator), so an inch mark (5" screen) does not
// swallow the lines after it. An unfinished last line of a sample is left out, and so are empty
// lines.
std::vector<LineCount> count_lines(std::string_view text, char separator, bool complete) {
  std::vector<LineCount> lines;
  LineCount line;
  bool quoted = false, at_cell_start = true, empty = true;
  for (std::size_t i = 0; i < text.size() && lines.size() < sniffed_lines; ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          ++i;
        } else {
          quoted = false;
        }
      }
      continue;
    }
    if (is_line_end(c)) {
      if (!empty) lines.push_back(line);
      line = {};
      at_cell_start = true;
      empty = true;
      continue;
    }
    empty = false;
    if (c == separator) {
      ++line.separators;
      line.ends_with_separator = true;
      at_cell_start = true;
    } else if (c == ';' || c == ',' || c == '\t' || c == '|') {
      // Another candidate's separator: a quote after it opens a cell in the file's real
      // dialect, and what it quotes must not be counted for this candidate either.
      line.ends_with_separator = false;
      at_cell_start = true;
    } else if (c == ' ') {
      // spaces neither start a cell's text nor end a line's separator
    } else {
      line.ends_with_separator = false;
      if (c == '"' && at_cell_start) quoted = true;
      at_cell_start = false;
    }
  }
  if (complete && !empty && !quoted && lines.size() < sniffed_lines) lines.push_back(line);
  return lines;
}

}  // namespace

std::unique_ptr<ByteSource> file_bytes(const std::filesystem::path& file) {
  return std::make_unique<FileBytes>(file);
}

std::unique_ptr<ByteSource> memory_bytes(std::string bytes) {
  return std::make_unique<MemoryBytes>(std::move(bytes));
}

std::optional<char> separator_directive(std::string_view first_line) {
  while (!first_line.empty() && (first_line.back() == ' ' || is_line_end(first_line.back())))
    first_line.remove_suffix(1);
  if (first_line.size() != 5) return std::nullopt;
  std::string head(first_line.substr(0, 4));
  for (char& c : head) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (head != "sep=") return std::nullopt;
  const char separator = first_line[4];
  if (separator == '"' || is_line_end(separator)) return std::nullopt;
  return separator;
}

CsvDialect sniff_dialect(std::string_view text, std::optional<char> separator, bool complete) {
  CsvDialect dialect;
  std::size_t best_agree = 0, best_mode = 0;
  const std::array<char, 4> candidates = {';', ',', '\t', '|'};
  for (char candidate : candidates) {
    if (separator && candidate != *separator) continue;
    std::map<std::size_t, std::size_t> lines_by_count;
    for (const LineCount& line : count_lines(text, candidate, complete))
      if (line.separators > 0) ++lines_by_count[line.separators];
    std::size_t mode = 0, agree = 0;
    for (auto [count, lines] : lines_by_count)
      if (lines > agree || (lines == agree && count > mode)) mode = count, agree = lines;
    if (agree > best_agree || (agree == best_agree && agree > 0 && mode > best_mode)) {
      best_agree = agree;
      best_mode = mode;
      dialect.separator = candidate;
    }
  }
  if (separator) dialect.separator = *separator;

  // GLPI ends every line with a separator; in a file where only some lines do, the empty last
  // cells are real.
  std::size_t splitting = 0, ending = 0;
  for (const LineCount& line : count_lines(text, dialect.separator, complete)) {
    if (line.separators == 0) continue;
    ++splitting;
    if (line.ends_with_separator) ++ending;
  }
  dialect.trailing_separator = splitting > 0 && ending == splitting;
  return dialect;
}

namespace {

class CsvReader : public RowReader {
public:
  CsvReader(std::unique_ptr<ByteSource> source, const ReadOptions& options,
            const ReadLimits& limits)
      : source_(std::move(source)), limits_(limits) {
    info_.format = FileFormat::csv;
    std::string raw(head_bytes, '\0');
    raw.resize(read_some(raw.data(), raw.size()));
    if (raw.empty()) throw ReadError(tr("import.read.empty_file"));

    std::size_t skip = 0;
    const std::optional<ByteOrderMark> bom = detect_bom(raw);
    if (bom && (!options.encoding || *options.encoding == bom->encoding)) {
      info_.had_bom = true;
      skip = bom->length;
    }
    std::string encoding;
    if (options.encoding) {
      encoding = *options.encoding;
    } else if (info_.had_bom) {
      encoding = bom->encoding;
    } else if (auto utf16 = detect_utf16_without_bom(raw)) {
      encoding = *utf16;
    } else {
      if (looks_binary(raw)) throw ReadError(tr("import.read.not_a_table"));
      read_past_ascii(raw);
      encoding = detect_encoding(raw, source_done_);
    }
    info_.encoding = encoding;
    utf8_ = encoding == "UTF-8";
    if (!utf8_) converter_.emplace(encoding);

    decode(std::string_view(raw).substr(skip), source_done_);
    if (looks_binary(std::string_view(text_).substr(0, head_bytes)))
      throw ReadError(tr("import.read.not_a_table"));
    if (source_done_ && text_.empty()) throw ReadError(tr("import.read.empty_file"));

    // Excel's "sep=;" line names the separator and is not a row.
    const std::size_t first_end = std::min(text_.find_first_of("\r\n"), text_.size());
    if (auto directive = separator_directive(std::string_view(text_).substr(0, first_end))) {
      pos_ = first_end;
      directive_separator_ = *directive;
    }
    const std::optional<char> chosen = options.separator      ? options.separator
                                       : directive_separator_ ? directive_separator_
                                                              : std::nullopt;
    dialect_ = sniff_dialect(std::string_view(text_).substr(pos_), chosen, source_done_);
    info_.separator = dialect_.separator;
    // The sep= line counts as line 1; its line end is read as an empty row and skipped.
  }

  bool next(RawRow& row) override {
    row.cells.clear();
    row.problem.reset();
    row.line = 0;
    while (true) {
      if (pos_ >= text_.size()) {
        if (!fill()) return finish_at_end(row);
        continue;
      }
      const char c = text_[pos_++];
      if (consume(c, row)) return true;
    }
  }

  double progress() const override {
    const std::uint64_t total = source_->size();
    if (total == 0) return source_done_ ? 1.0 : 0.0;
    return std::min(1.0, static_cast<double>(raw_read_) / static_cast<double>(total));
  }

private:
  enum class State { cell_start, unquoted, quoted, quote_in_quoted, skip_line };

  std::size_t read_some(char* buffer, std::size_t size) {
    std::size_t total = 0;
    while (total < size) {
      const std::size_t got = source_->read(buffer + total, size - total);
      if (got == 0) {
        source_done_ = true;
        break;
      }
      total += got;
    }
    raw_read_ += total;
    return total;
  }

  // A Windows-1257 export can have a first page of rows without a single õ or š: all ASCII,
  // which would pass for UTF-8 and turn every later name into a problem row. Read on, bounded,
  // to the first byte that is not ASCII so there is something to tell the encoding by.
  void read_past_ascii(std::string& raw) {
    auto ascii = [](std::string_view bytes) {
      return std::all_of(bytes.begin(), bytes.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    };
    std::size_t checked = 0;
    while (!source_done_ && raw.size() < ascii_lookahead_bytes &&
           ascii(std::string_view(raw).substr(checked))) {
      checked = raw.size();
      raw.resize(checked + chunk_bytes);
      raw.resize(checked + read_some(raw.data() + checked, chunk_bytes));
    }
  }

  void decode(std::string_view raw, bool at_end) {
    if (utf8_) {
      text_.append(raw);
    } else {
      converter_->convert(raw, text_, at_end);
    }
  }

  // More text after pos_; false at the end of the file.
  bool fill() {
    if (source_done_) return false;
    text_.erase(0, pos_);
    pos_ = 0;
    std::string raw(chunk_bytes, '\0');
    raw.resize(read_some(raw.data(), raw.size()));
    decode(raw, source_done_);
    return !text_.empty() || !source_done_;
  }

  void set_problem(std::string problem) {
    if (!problem_) problem_ = std::move(problem);
  }

  void start_row_if_needed() {
    if (started_row_) return;
    started_row_ = true;
    row_line_ = line_;
    row_bytes_ = 0;
  }

  void append(char c) {
    if (cell_.size() >= limits_.max_cell_bytes) {
      if (!cell_truncated_)
        set_problem(trf("import.read.cell_too_long", row_line_, limits_.max_cell_bytes));
      cell_truncated_ = true;
      return;
    }
    cell_ += c;
  }

  void end_cell() {
    if (cell_quoted_ && quote_closed_at_ < cell_.size()) {
      // Spaces after a closing quote are layout, not text.
      const bool only_spaces =
          std::all_of(cell_.begin() + static_cast<std::ptrdiff_t>(quote_closed_at_), cell_.end(),
                      [](char c) { return c == ' ' || c == '\t'; });
      if (only_spaces) cell_.resize(quote_closed_at_);
    }
    if (cell_truncated_) cell_.resize(utf8_boundary_before(cell_, cell_.size()));
    if (cells_.size() >= limits_.max_columns) {
      if (!columns_exceeded_)
        set_problem(trf("import.read.too_many_columns", row_line_, limits_.max_columns));
      columns_exceeded_ = true;
    } else {
      cells_.push_back(std::move(cell_));
    }
    last_cell_quoted_ = cell_quoted_;
    cell_.clear();
    cell_quoted_ = false;
    cell_truncated_ = false;
    quote_closed_at_ = 0;
    state_ = State::cell_start;
  }

  // Hands the finished row out; false when it holds nothing and is skipped.
  bool end_row(RawRow& row) {
    end_cell();
    started_row_ = false;
    state_ = State::cell_start;
    if (dialect_.trailing_separator && cells_.size() > 1 && cells_.back().empty() &&
        !last_cell_quoted_ && !columns_exceeded_)
      cells_.pop_back();
    columns_exceeded_ = false;
    for (std::string& cell : cells_) check_text(cell);
    std::optional<std::string> problem = std::move(problem_);
    problem_.reset();
    const bool empty = std::all_of(cells_.begin(), cells_.end(), [](const std::string& cell) {
      return cell.find_first_not_of(" \t") == std::string::npos;
    });
    if (empty && !problem) {
      cells_.clear();
      return false;
    }
    row.line = row_line_;
    row.cells = std::move(cells_);
    row.problem = std::move(problem);
    cells_.clear();
    return true;
  }

  // A cell that is not text in the file's encoding, or holds zero bytes, is shown with U+FFFD
  // in their place and its row is marked.
  void check_text(std::string& cell) {
    const bool has_zero = cell.find('\0') != std::string::npos;
    const bool valid = !utf8_ || is_valid_utf8(cell);
    if (valid && !has_zero) return;
    if (!valid) cell = make_valid_utf8(cell);
    if (has_zero) {
      std::string cleaned;
      for (char c : cell) {
        if (c == '\0') {
          cleaned += "\xEF\xBF\xBD";
        } else {
          cleaned += c;
        }
      }
      cell = std::move(cleaned);
    }
    // Each bad byte became three: the cell may have grown past its limit.
    if (cell.size() > limits_.max_cell_bytes)
      cell.resize(utf8_boundary_before(cell, limits_.max_cell_bytes));
    set_problem(trf("import.read.not_in_encoding", row_line_, info_.encoding));
  }

  // A line end: counts the physical line; "\r\n" is one line end.
  void count_line_end(char c) {
    if (c == '\n' && after_cr_) {
      after_cr_ = false;
      return;
    }
    ++line_;
    after_cr_ = c == '\r';
  }

  // Feeds one byte; true when a row was finished into `row`.
  bool consume(char c, RawRow& row) {
    const bool crlf_tail = c == '\n' && after_cr_;
    if (!is_line_end(c)) after_cr_ = false;

    if (state_ == State::skip_line) {
      if (is_line_end(c)) {
        count_line_end(c);
        if (!crlf_tail) state_ = State::cell_start;
      }
      return false;
    }
    if (crlf_tail) {
      if (state_ != State::quoted) {
        after_cr_ = false;
        return false;
      }
      count_line_end(c);  // the cell already holds the '\n' written for the '\r'
      return false;
    }

    if (!started_row_) {
      if (is_line_end(c)) {  // an empty line
        count_line_end(c);
        return false;
      }
      start_row_if_needed();
    }
    if (++row_bytes_ > limits_.max_row_bytes) {
      const bool open_quote = state_ == State::quoted;
      set_problem(open_quote ? trf("import.read.quote_not_closed", row_line_)
                             : trf("import.read.row_too_long", row_line_, limits_.max_row_bytes));
      const bool finished = end_row(row);
      // Read on from the next line end, where a new row most likely starts.
      state_ = State::skip_line;
      if (is_line_end(c)) {
        count_line_end(c);
        state_ = State::cell_start;
      }
      return finished;
    }

    const char separator = dialect_.separator;
    switch (state_) {
      case State::cell_start:
      case State::unquoted:
        if (c == separator) {
          end_cell();
        } else if (is_line_end(c)) {
          count_line_end(c);
          return end_row(row);
        } else if (c == '"' && !cell_quoted_ && cell_.find_first_not_of(' ') == std::string::npos) {
          cell_.clear();  // spaces before an opening quote are layout
          cell_quoted_ = true;
          state_ = State::quoted;
        } else {
          append(c);
          state_ = State::unquoted;
        }
        return false;
      case State::quoted:
        if (c == '"') {
          quote_closed_at_ = cell_.size();
          state_ = State::quote_in_quoted;
        } else if (is_line_end(c)) {
          count_line_end(c);
          append('\n');
        } else {
          append(c);
        }
        return false;
      case State::quote_in_quoted:
        if (c == '"') {
          append('"');
          state_ = State::quoted;
        } else if (c == separator) {
          end_cell();
        } else if (is_line_end(c)) {
          count_line_end(c);
          return end_row(row);
        } else {
          // Text after a closing quote ("a"b) is kept as it stands.
          append(c);
          state_ = State::unquoted;
        }
        return false;
      case State::skip_line:
        return false;
    }
    return false;
  }

  bool finish_at_end(RawRow& row) {
    if (!started_row_) return false;
    if (state_ == State::quoted) set_problem(trf("import.read.quote_not_closed", row_line_));
    if (state_ == State::skip_line) return false;
    if (end_row(row)) return true;
    return false;
  }

  std::unique_ptr<ByteSource> source_;
  ReadLimits limits_;
  std::optional<Utf8Converter> converter_;
  bool utf8_ = true;
  bool source_done_ = false;
  std::uint64_t raw_read_ = 0;
  std::optional<char> directive_separator_;
  CsvDialect dialect_;

  std::string text_;  // UTF-8 decoded and not yet parsed from pos_
  std::size_t pos_ = 0;

  State state_ = State::cell_start;
  std::size_t line_ = 1;  // the physical line of the next byte
  bool after_cr_ = false;
  bool started_row_ = false;
  std::size_t row_line_ = 0;
  std::size_t row_bytes_ = 0;
  std::vector<std::string> cells_;
  std::string cell_;
  bool cell_quoted_ = false;
  bool cell_truncated_ = false;
  bool last_cell_quoted_ = false;
  bool columns_exceeded_ = false;
  std::size_t quote_closed_at_ = 0;
  std::optional<std::string> problem_;
};

}  // namespace

std::unique_ptr<RowReader> open_csv(std::unique_ptr<ByteSource> source, const ReadOptions& options,
                                    const ReadLimits& limits) {
  return std::make_unique<CsvReader>(std::move(source), options, limits);
}

}  // namespace raekoda::import
