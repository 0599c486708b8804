#pragma once
// The user's settings file (app/paths.h: settings_path()), a TOML table such as
//   language = "ru"
// Keys Raekoda does not know are kept when it writes the file again, so a later version's
// settings survive an older one.

#include <filesystem>
#include <optional>
#include <string>

#include "core/i18n.h"

namespace raekoda::app {

struct Settings {
  std::optional<Language> language;  // chosen in the top bar; none: the locale's
  // Why the file could not be read, in the user's language; empty when it was read or is
  // missing. A file that cannot be read is not written over.
  std::string problem;
};

Settings read_settings(const std::filesystem::path& file);

// Writes `language` into the file, creating it and its folder if missing; the other keys stay.
// Returns why it could not, in the user's language, or an empty string.
std::string remember_language(const std::filesystem::path& file, Language language);

}  // namespace raekoda::app
