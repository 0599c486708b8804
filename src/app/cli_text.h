#pragma once
// The command line in the user's language: which language a run speaks, CLI11's help and its
// refusals of a malformed command line, and the checks of option values that say why in words.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/i18n.h"

namespace raekoda::app {

// Reads an environment variable; nullptr when it is not set.
using Environment = std::function<const char*(const char*)>;

// What the locale says, as POSIX orders its variables (LC_ALL, then LC_MESSAGES, then LANG; the
// first one set and not empty wins): the language it names when Raekoda speaks it ("et_EE.UTF-8",
// "ru_RU.UTF-8", "en_GB.UTF-8"); Estonian, the product's own, for C, POSIX and any other.
Language language_from_locale(const Environment& environment);
// The value of --lang among the arguments ("--lang en" or "--lang=en"), if it names a language.
std::optional<Language> language_from_arguments(int argc, char** argv);
// The language a run speaks from its first line on: --lang, else the one the user chose in the
// dashboard (`remembered`), else the locale's.
Language run_language(int argc, char** argv, const Environment& environment,
                      std::optional<Language> remembered = std::nullopt);

// Help in the current language: the section labels, the help flag, and the group names. Call on
// the application before adding options, and on each subcommand after creating it.
void localise_help(CLI::App& command);

// Value checks whose refusals are in the current language; they add nothing to the help's
// type column, which names the kind of value instead (FILE, N...).
CLI::Validator one_of(std::vector<std::string> values);
CLI::Validator whole_number(std::int64_t low, std::int64_t high);

// A malformed command line in two lines of the current language: what is wrong, and which
// help to read (the subcommand's, when one was given).
std::string refusal(const CLI::App& application, const CLI::Error& error);

}  // namespace raekoda::app
