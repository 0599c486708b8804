#include "app/paths.h"

#include <cstdlib>
#include <ctime>

namespace raekoda::app {

namespace {

// An XDG base folder: the variable's value, else the folder under the home that the XDG
// specification gives as its default.
std::filesystem::path xdg_home(const char* variable, const char* default_under_home) {
  if (const char* xdg = std::getenv(variable); xdg && *xdg) return xdg;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / default_under_home;
  return ".";
}

}  // namespace

std::filesystem::path default_database_path() {
  return xdg_home("XDG_DATA_HOME", ".local/share") / "raekoda" / "raekoda.sqlite";
}

std::filesystem::path user_presets_folder() {
  return xdg_home("XDG_CONFIG_HOME", ".config") / "raekoda" / "import-presets";
}

std::filesystem::path settings_path() {
  return xdg_home("XDG_CONFIG_HOME", ".config") / "raekoda" / "settings.toml";
}

}  // namespace raekoda::app

namespace raekoda::app {

std::filesystem::path export_path(const std::string& what, const std::string& extension) {
  const char* preferred =
      std::getenv(extension == "png" ? "XDG_PICTURES_DIR" : "XDG_DOCUMENTS_DIR");
  std::filesystem::path folder;
  if (preferred && *preferred)
    folder = preferred;
  else if (const char* home = std::getenv("HOME"); home && *home)
    folder = home;
  else
    folder = ".";
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &local);
  return folder / ("raekoda-" + what + "-" + stamp + "." + extension);
}

}  // namespace raekoda::app
