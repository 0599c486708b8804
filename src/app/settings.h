#pragma once
// The user's settings file (app/paths.h: settings_path()), a TOML table such as
//   language = "ru"
//   database = "/mnt/linn/raekoda.sqlite"
//   theme = "dark"
//   view = "deadlines"
//   recent = ["/mnt/linn/raekoda.sqlite", "/home/mari/proov.sqlite"]
//   [window]
//   x = 40
//   y = 30
//   width = 1600
//   height = 1000
// over the desktop's defaults in /etc/raekoda/settings.toml (the same keys; the IT lead points
// every desktop at the shared file with `database`). Keys Raekoda does not know are kept when it
// writes the file again, so a later version's settings survive an older one.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/area.h"
#include "core/i18n.h"

namespace raekoda::app {

// Where the window was and how large, in screen coordinates.
struct WindowPlace {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

struct Settings {
  std::optional<Language> language;     // chosen in the top bar; none: the locale's
  std::optional<std::string> database;  // opened when no --db is given: a file or a server
  std::optional<std::string> theme;     // "light" or "dark"
  std::optional<WindowPlace> window;    // as the window was closed
  std::optional<View> view;             // the view it was closed on
  std::vector<std::string> recent;      // databases opened in the dashboard, the latest first
  // Why a file could not be read, or held a value Raekoda does not take, in the user's
  // language; empty when all was read or the files are missing. A file that cannot be read is
  // not written over: its settings are the defaults until it is mended.
  std::string problem;
};

inline constexpr std::size_t recent_kept = 8;

// The user's settings over the desktop's: each key the user's file has replaces the other's.
Settings read_settings(const std::filesystem::path& file,
                       const std::filesystem::path& system_file = {});

// Each writes its keys into the user's file, creating it and its folder if missing, the other
// keys staying; each returns why it could not, in the user's language, or an empty string.
std::string remember_language(const std::filesystem::path& file, Language language);
// The window's place and view as it closes.
std::string remember_window(const std::filesystem::path& file, const WindowPlace& place, View view);
// A database opened in the dashboard goes first in `recent`.
std::string remember_opened(const std::filesystem::path& file, const std::string& database);

}  // namespace raekoda::app
