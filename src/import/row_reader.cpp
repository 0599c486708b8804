#include "import/row_reader.h"

#include <cstdio>
#include <system_error>

#include "core/i18n.h"
#include "import/csv_reader.h"
#include "import/xlsx_reader.h"

namespace raekoda::import {

namespace {

// Every XLSX is a zip, and a zip's first entry starts with these bytes; the file's name is not
// trusted (users rename .csv to .xlsx and back).
constexpr std::string_view zip_signature = "PK\x03\x04";

std::string first_bytes(const std::filesystem::path& file, std::size_t count) {
  std::error_code error;
  if (std::filesystem::is_directory(file, error) || !std::filesystem::exists(file, error))
    throw ReadError(trf("import.read.cannot_open", file.string()));
  std::FILE* stream = std::fopen(file.c_str(), "rb");
  if (!stream) throw ReadError(trf("import.read.cannot_open", file.string()));
  std::string bytes(count, '\0');
  bytes.resize(std::fread(bytes.data(), 1, count, stream));
  const bool failed = std::ferror(stream) != 0;
  std::fclose(stream);
  if (failed) throw ReadError(trf("import.read.read_failed", file.string()));
  return bytes;
}

}  // namespace

std::unique_ptr<RowReader> open_rows(const std::filesystem::path& file, const ReadOptions& options,
                                     const ReadLimits& limits) {
  const std::string head = first_bytes(file, zip_signature.size());
  if (head.empty()) throw ReadError(tr("import.read.empty_file"));
  if (head == zip_signature) return open_xlsx(file, options, limits);
  return open_csv(file_bytes(file), options, limits);
}

std::unique_ptr<RowReader> open_rows_in_memory(std::string bytes, const ReadOptions& options,
                                               const ReadLimits& limits) {
  if (bytes.empty()) throw ReadError(tr("import.read.empty_file"));
  if (bytes.starts_with(zip_signature))
    return open_xlsx_in_memory(std::move(bytes), options, limits);
  return open_csv(memory_bytes(std::move(bytes)), options, limits);
}

}  // namespace raekoda::import
