#include "app/paths.h"

#include <cstdlib>

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
