#include "app/cli_text.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "core/number_format.h"

namespace raekoda::app {
namespace {

// "et_EE.UTF-8", "et@euro", "et" name Estonian; the language is what comes before the region,
// the encoding and the modifier.
std::optional<Language> named_language(std::string_view locale) {
  return parse_language(locale.substr(0, locale.find_first_of("_.@")));
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
  std::string text;
  for (const std::string& value : values) {
    if (!text.empty()) text += separator;
    text += value;
  }
  return text;
}

// What follows `marker` in CLI11's English message, or nullopt when the message has another
// shape than the one it was written for.
std::optional<std::string> after(const std::string& message, std::string_view marker) {
  auto at = message.find(marker);
  if (at == std::string::npos) return std::nullopt;
  return message.substr(at + marker.size());
}

std::optional<std::string> before(const std::string& message, std::string_view marker) {
  auto at = message.find(marker);
  if (at == std::string::npos || at == 0) return std::nullopt;
  return message.substr(0, at);
}

template <class Kind>
bool is(const CLI::Error& error) {
  return dynamic_cast<const Kind*>(&error) != nullptr;
}

// The first line of a refusal: CLI11 builds its messages in English from the option names, so
// the names are taken back out of them and said again in the user's language.
std::string what_is_wrong(const CLI::Error& error) {
  // By type: CLI11 names some errors after the application rather than their kind.
  std::string message = error.what();
  if (is<CLI::RequiredError>(error)) {
    if (auto option = before(message, " is required")) return trf("cli.error.required", *option);
  } else if (is<CLI::ExtrasError>(error)) {
    if (auto extras = after(message, " expected: ")) return trf("cli.error.unexpected", *extras);
  } else if (is<CLI::ValidationError>(error)) {
    return message;  // "--lang: " and the refusal of one of our own checks, already translated
  } else if (is<CLI::ConversionError>(error)) {
    if (auto value = after(message, "Could not convert: "))
      return trf("cli.error.conversion", *value);
  } else if (is<CLI::ArgumentMismatch>(error)) {
    if (auto option = before(message, ": ")) return trf("cli.error.value_missing", *option);
  } else if (is<CLI::ExcludesError>(error)) {
    auto first = before(message, " excludes ");
    auto second = after(message, " excludes ");
    if (first && second) return trf("cli.error.excludes", *first, *second);
  }
  return trf("cli.error.other", message);
}

}  // namespace

Language language_from_locale(const Environment& environment) {
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = environment(variable);
    if (value && *value) return named_language(value).value_or(Language::et);
  }
  return Language::et;
}

std::optional<Language> language_from_arguments(int argc, char** argv) {
  std::optional<Language> found;
  for (int i = 1; i < argc; ++i) {
    std::string_view argument = argv[i];
    if (argument == "--lang" && i + 1 < argc) {
      if (auto language = parse_language(argv[i + 1])) found = language;
    } else if (argument.starts_with("--lang=")) {
      if (auto language = parse_language(argument.substr(7))) found = language;
    }
  }
  return found;
}

Language run_language(int argc, char** argv, const Environment& environment,
                      std::optional<Language> remembered) {
  if (auto chosen = language_from_arguments(argc, argv)) return *chosen;
  return remembered ? *remembered : language_from_locale(environment);
}

void localise_help(CLI::App& command) {
  auto formatter = command.get_formatter();
  for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals",
                            "REQUIRED", "TEXT", "INT", "UINT", "Needs", "Excludes", "Env"})
    formatter->label(label, tr(std::string("cli.label.") + label));
  command.option_defaults()->group(tr("cli.help.options"));
  // Set again after the group: a subcommand's help flag is made before it takes its parent's
  // defaults.
  command.set_help_flag("-h,--help", tr("cli.help.help"));
  command.group(tr("cli.help.commands"));
}

CLI::Validator one_of(std::vector<std::string> values) {
  return CLI::Validator(
      [values](std::string& input) -> std::string {
        if (std::find(values.begin(), values.end(), input) != values.end()) return {};
        return trf("cli.error.one_of", input, joined(values, ", "));
      },
      "");
}

CLI::Validator whole_number(std::int64_t low, std::int64_t high) {
  return CLI::Validator(
      [low, high](std::string& input) -> std::string {
        std::int64_t value = 0;
        const char* end = input.data() + input.size();
        auto [stop, problem] = std::from_chars(input.data(), end, value);
        if (problem == std::errc{} && stop == end && value >= low && value <= high) return {};
        return trf("cli.error.whole_number", input, format_count(low), format_count(high));
      },
      "");
}

std::string refusal(const CLI::App& application, const CLI::Error& error) {
  std::string help = application.get_name();
  for (const CLI::App* command : application.get_subcommands()) help += " " + command->get_name();
  return what_is_wrong(error) + "\n" + trf("cli.error.help_hint", help + " --help") + "\n";
}

}  // namespace raekoda::app
