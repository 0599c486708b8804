// The language menu in the top bar: a switch takes effect in the next frame, every list in the
// new language's order, and is remembered in the settings file for the next start.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "app/settings.h"
#include "core/collation.h"
#include "core/i18n.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

// The people's names in the order the editor's lists offer them.
std::vector<std::string> people_in_order(Session& session) {
  std::vector<std::string> names;
  for (const auto& [id, name] : session.ui().references.ordered("people")) names.push_back(*name);
  return names;
}

void choose_language(Session& session, const char* code) {
  session.click("topbar.language");
  session.click(std::string("language.") + code);
  session.frame();
}

}  // namespace

TEST_CASE("the language menu switches the dashboard at once and re-sorts its lists") {
  set_language(Language::et);
  Session session;
  session.frame();
  std::vector<std::string> estonian = people_in_order(session);
  REQUIRE(estonian.size() > 20);

  choose_language(session, "ru");
  CHECK(current_language() == Language::ru);
  CHECK(session.probe.has("topbar.language"));
  std::vector<std::string> russian = people_in_order(session);
  // The same people, now in Russian order: Ü, Õ and Š sort beside U, O and S.
  CHECK(russian.size() == estonian.size());
  CHECK(std::is_sorted(russian.begin(), russian.end(), [](const auto& a, const auto& b) {
    return collates_before(a, b, Language::ru);
  }));
  CHECK(std::is_sorted(estonian.begin(), estonian.end(), [](const auto& a, const auto& b) {
    return collates_before(a, b, Language::et);
  }));
  CHECK(russian != estonian);

  choose_language(session, "en");
  CHECK(current_language() == Language::en);
  choose_language(session, "et");
  CHECK(current_language() == Language::et);
  CHECK(people_in_order(session) == estonian);
}

TEST_CASE("the chosen language is written to the settings file, other keys kept") {
  set_language(Language::et);
  Session session;
  auto file = session.dir / "config" / "raekoda" / "settings.toml";
  std::filesystem::create_directories(file.parent_path());
  write_text(file, "theme = \"dark\"\n");
  session.controller.remember_settings_in(file, "");
  choose_language(session, "ru");
  CHECK(app::read_settings(file).language == Language::ru);
  // toml++ writes the value again in its own quotes.
  std::string written = read_text(file);
  CHECK(written.find("theme") != std::string::npos);
  CHECK(written.find("dark") != std::string::npos);
  choose_language(session, "en");
  CHECK(app::read_settings(file).language == Language::en);
  set_language(Language::et);
}

TEST_CASE("a settings file that cannot be read is said, left as it is, and never written over") {
  set_language(Language::et);
  testing::TempDir dir;
  auto file = dir / "settings.toml";
  write_text(file, "language = \"ru\n");  // the quote is never closed
  app::Settings settings = app::read_settings(file);
  CHECK_FALSE(settings.language);
  CHECK(settings.problem.find(file.string()) != std::string::npos);
  CHECK(settings.problem.find("real 1") != std::string::npos);
  CHECK_FALSE(app::remember_language(file, Language::en).empty());
  CHECK(read_text(file) == "language = \"ru\n");

  // A language Raekoda does not speak: the locale decides, and the user is told.
  write_text(file, "language = \"fi\"\n");
  settings = app::read_settings(file);
  CHECK_FALSE(settings.language);
  CHECK(settings.problem.find("„fi“") != std::string::npos);

  // No file at all is no problem; the first choice creates it and its folder.
  auto fresh = dir / "new" / "raekoda" / "settings.toml";
  CHECK(app::read_settings(fresh).problem.empty());
  CHECK(app::remember_language(fresh, Language::ru).empty());
  CHECK(app::read_settings(fresh).language == Language::ru);

  // The dashboard says why in its notice line, and a switch still works for the session.
  Session session;
  write_text(file, "language = [\n");
  settings = app::read_settings(file);
  session.controller.remember_settings_in(file, settings.problem);
  CHECK(session.controller.session().notice == settings.problem);
  choose_language(session, "ru");
  CHECK(current_language() == Language::ru);
  CHECK(read_text(file) == "language = [\n");
  set_language(Language::et);
}
