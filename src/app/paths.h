#pragma once

#include <filesystem>
#include <string>

namespace raekoda::app {

// $XDG_DATA_HOME/raekoda/raekoda.sqlite, or ~/.local/share/raekoda/raekoda.sqlite.
std::filesystem::path default_database_path();

// $XDG_CONFIG_HOME/raekoda/import-presets, or ~/.config/raekoda/import-presets: the user's own
// import presets.
std::filesystem::path user_presets_folder();

// $XDG_CONFIG_HOME/raekoda/settings.toml, or ~/.config/raekoda/settings.toml: what the user
// chose once and finds again (the language).
std::filesystem::path settings_path();
// The desktop's defaults under the user's: /etc/raekoda/settings.toml.
std::filesystem::path system_settings_path();

// Where a saved chart or exported table goes: $XDG_PICTURES_DIR for images, the documents folder
// for tables (and for images without it); the name says what and when
// ("raekoda-documents-2026-11-22-101500.csv").
std::filesystem::path export_path(const std::string& what, const std::string& extension);

// Where documents the user asked for go (tables, the PDF report): $XDG_DOCUMENTS_DIR, else the
// folder user-dirs.dirs in $XDG_CONFIG_HOME names (xdg-user-dirs writes it in the desktop's
// language:
// ~/Dokumendid), if it exists; else the home folder.
std::filesystem::path documents_folder();

}  // namespace raekoda::app
