#include "app/settings.h"

#include <fstream>
#include <functional>
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
  if (file.empty() || !std::filesystem::exists(file, error)) return parsed;
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

// The keys one file holds, over what `settings` has from the files read before it.
void take_keys(const Parsed& parsed, const std::filesystem::path& file, Settings& settings) {
  auto said = [&](std::string problem) {
    if (settings.problem.empty()) settings.problem = std::move(problem);
  };
  if (!parsed.problem.empty()) said(parsed.problem);
  const toml::table& table = parsed.table;
  if (auto code = table["language"].value<std::string>()) {
    if (auto language = parse_language(*code))
      settings.language = language;
    else
      said(trf("error.settings.language", file.string(), *code));
  }
  if (auto database = table["database"].value<std::string>(); database && !database->empty())
    settings.database = *database;
  if (auto theme = table["theme"].value<std::string>()) {
    if (*theme == "light" || *theme == "dark")
      settings.theme = *theme;
    else
      said(trf("error.settings.value", file.string(), "theme", *theme));
  }
  if (auto key = table["view"].value<std::string>()) {
    if (auto view = view_from_key(*key))
      settings.view = view;
    else
      said(trf("error.settings.value", file.string(), "view", *key));
  }
  if (const toml::table* window = table["window"].as_table()) {
    auto x = (*window)["x"].value<int>();
    auto y = (*window)["y"].value<int>();
    auto width = (*window)["width"].value<int>();
    auto height = (*window)["height"].value<int>();
    // A window smaller than a tile, or larger than any screen, was not one Raekoda closed.
    auto fits = [](std::optional<int> size) { return size && *size >= 320 && *size <= 16384; };
    if (x && y && fits(width) && fits(height))
      settings.window = WindowPlace{*x, *y, *width, *height};
  }
  if (const toml::array* recent = table["recent"].as_array()) {
    settings.recent.clear();
    for (const auto& entry : *recent)
      if (auto database = entry.value<std::string>();
          database && !database->empty() && settings.recent.size() < recent_kept)
        settings.recent.push_back(*database);
  }
}

std::string change(const std::filesystem::path& file,
                   const std::function<void(toml::table&)>& edit) {
  Parsed parsed = parse(file);
  if (!parsed.problem.empty()) return parsed.problem;
  edit(parsed.table);
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  std::ostringstream text;
  text << parsed.table << '\n';
  if (!write_file_atomically(file, text.str()).empty())
    return trf("error.settings.unwritable", file.string());
  return {};
}

}  // namespace

Settings read_settings(const std::filesystem::path& file,
                       const std::filesystem::path& system_file) {
  Settings settings;
  take_keys(parse(system_file), system_file, settings);
  take_keys(parse(file), file, settings);
  return settings;
}

std::string remember_language(const std::filesystem::path& file, Language language) {
  return change(file, [&](toml::table& table) {
    table.insert_or_assign("language", std::string(language_code(language)));
  });
}

std::string remember_window(const std::filesystem::path& file, const WindowPlace& place,
                            View view) {
  return change(file, [&](toml::table& table) {
    table.insert_or_assign("view", std::string(view_key(view)));
    table.insert_or_assign(
        "window",
        toml::table{
            {"x", place.x}, {"y", place.y}, {"width", place.width}, {"height", place.height}});
  });
}

std::string remember_opened(const std::filesystem::path& file, const std::string& database) {
  return change(file, [&](toml::table& table) {
    toml::array recent;
    recent.push_back(database);
    if (const toml::array* before = table["recent"].as_array())
      for (const auto& entry : *before)
        if (auto kept = entry.value<std::string>();
            kept && *kept != database && recent.size() < recent_kept)
          recent.push_back(*kept);
    table.insert_or_assign("recent", std::move(recent));
  });
}

}  // namespace raekoda::app
