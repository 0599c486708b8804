#pragma once

#include <filesystem>

namespace raekoda::app {

// $XDG_DATA_HOME/raekoda/raekoda.sqlite, or ~/.local/share/raekoda/raekoda.sqlite.
std::filesystem::path default_database_path();

}  // namespace raekoda::app
