#include "app/settings.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include <toml++/toml.h>

#include "core/atomic_file.h"

namespace raekoda::app {
namespace {

struct Parsed {
  toml::table table;
  std::string problem;  // empty when the file was read or is missing
};

Parsed parse(const std::filesystem::path& file) {
  Parsed parsed;
  std::error_code error;
  if (!std::filesystem::exists(file, error)) return parsed;
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    parsed.problem = trf("error.settings.unreadable", file.string());
    return parsed;
  }
  try {
    parsed.table = toml::parse(text.str(), file.string());
  } catch (const toml::parse_error& failure) {
    parsed.problem = trf("error.settings.malformed", file.string(), failure.source().begin.line,
                         std::string(failure.description()));
  }
  return parsed;
}

}  // namespace

Settings read_settings(const std::filesystem::path& file) {
  Parsed parsed = parse(file);
  Settings settings;
  settings.problem = parsed.problem;
  if (auto code = parsed.table["language"].value<std::string>()) {
    settings.language = parse_language(*code);
    if (!settings.language && settings.problem.empty())
      settings.problem = trf("error.settings.language", file.string(), *code);
  }
  return settings;
}

std::string remember_language(const std::filesystem::path& file, Language language) {
  Parsed parsed = parse(file);
  if (!parsed.problem.empty()) return parsed.problem;
  parsed.table.insert_or_assign("language", std::string(language_code(language)));
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  std::ostringstream text;
  text << parsed.table << '\n';
  if (!write_file_atomically(file, text.str()).empty())
    return trf("error.settings.unwritable", file.string());
  return {};
}

}  // namespace raekoda::app
