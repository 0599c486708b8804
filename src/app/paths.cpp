#include "app/paths.h"

#include <cstdlib>
#include <ctime>

namespace raekoda::app {

std::filesystem::path default_database_path() {
  std::filesystem::path data_home;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    data_home = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    data_home = std::filesystem::path(home) / ".local/share";
  else
    data_home = ".";
  return data_home / "raekoda" / "raekoda.sqlite";
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
