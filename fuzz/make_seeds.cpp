// Writes the fuzzers' first inputs from the tests' fixtures, so no binary seed is kept in the
// repository: make_seeds FOLDER → FOLDER/csv/*, FOLDER/xlsx/* (first byte: see xlsx_fuzzer.cpp).

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <zip.h>

#include "import/reader_fixtures.h"

namespace {

void write(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

// One part of a workbook, unpacked: the xlsx fuzzer's modes 1-3 take a part alone.
std::string part_of(const std::string& zip_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  std::string bytes;
  if (archive) {
    if (zip_file_t* file = zip_fopen(archive, name, 0)) {
      char buffer[65536];
      zip_int64_t got;
      while ((got = zip_fread(file, buffer, sizeof buffer)) > 0)
        bytes.append(buffer, static_cast<std::size_t>(got));
      zip_fclose(file);
    }
    zip_discard(archive);
  } else if (source) {
    zip_source_free(source);
  }
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_seeds FOLDER\n";
    return 2;
  }
  const std::filesystem::path folder = argv[1];
  std::filesystem::create_directories(folder / "csv");
  std::filesystem::create_directories(folder / "xlsx");
  std::filesystem::create_directories(folder / "work");

  int n = 0;
  for (const std::string& seed : raekoda::testing::csv_seeds())
    write(folder / "csv" / ("seed" + std::to_string(n++)), seed);

  n = 0;
  const char* parts[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"};
  for (const std::string& seed : raekoda::testing::xlsx_seeds(folder / "work")) {
    write(folder / "xlsx" / ("workbook" + std::to_string(n)), std::string(1, '\0') + seed);
    for (int mode = 1; mode <= 3; ++mode) {
      const std::string part = part_of(seed, parts[mode - 1]);
      if (!part.empty())
        write(folder / "xlsx" / ("part" + std::to_string(n) + "_" + std::to_string(mode)),
              std::string(1, static_cast<char>(mode)) + part);
    }
    ++n;
  }
  std::filesystem::remove_all(folder / "work");
  std::cout << "seeds written to " << folder.string() << "\n";
  return 0;
}
