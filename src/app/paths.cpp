#include "app/paths.h"

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <string_view>

namespace raekoda::app {

namespace {

std::filesystem::path home_folder() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::filesystem::path(home) : std::filesystem::path(".");
}

// An XDG base folder: the variable's value, else the folder under the home that the XDG
// specification gives as its default.
std::filesystem::path xdg_home(const char* variable, const char* default_under_home) {
  if (const char* xdg = std::getenv(variable); xdg && *xdg) return xdg;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / default_under_home;
  return ".";
}

// The XDG_DOCUMENTS_DIR line of user-dirs.dirs: `XDG_DOCUMENTS_DIR="$HOME/Dokumendid"`, a path
// that is absolute or starts with $HOME, as xdg-user-dirs(5) allows.
std::optional<std::filesystem::path> user_dirs_documents() {
  std::ifstream file(xdg_home("XDG_CONFIG_HOME", ".config") / "user-dirs.dirs");
  std::string line;
  constexpr std::string_view prefix = "XDG_DOCUMENTS_DIR=\"";
  while (std::getline(file, line)) {
    if (!line.starts_with(prefix) || line.size() < prefix.size() + 1 || line.back() != '"')
      continue;
    std::string value = line.substr(prefix.size(), line.size() - prefix.size() - 1);
    if (value.starts_with("$HOME")) {
      std::string under_home = value.substr(5);
      while (under_home.starts_with('/')) under_home.erase(0, 1);
      return home_folder() / under_home;
    }
    if (value.starts_with("/")) return std::filesystem::path(value);
  }
  return std::nullopt;
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

std::filesystem::path system_settings_path() {
  return "/etc/raekoda/settings.toml";
}

std::filesystem::path documents_folder() {
  if (const char* documents = std::getenv("XDG_DOCUMENTS_DIR"); documents && *documents)
    return documents;
  std::error_code error;
  if (auto named = user_dirs_documents(); named && std::filesystem::is_directory(*named, error))
    return *named;
  return home_folder();
}

std::filesystem::path export_path(const std::string& what, const std::string& extension) {
  std::filesystem::path folder = documents_folder();
  if (extension == "png")
    if (const char* pictures = std::getenv("XDG_PICTURES_DIR"); pictures && *pictures)
      folder = pictures;
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &local);
  return folder / ("raekoda-" + what + "-" + stamp + "." + extension);
}

}  // namespace raekoda::app
