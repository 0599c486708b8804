// The notice line, as a user meets it: a message never moves the page under the pointer, news
// goes after a few seconds, a problem stays until put away, both go when the user moves on.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

// A clock the test moves by hand.
struct TestClock {
  std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now();
  void attach(app::Controller& controller) {
    controller.set_clock([this] { return now; });
  }
  void advance(double seconds) {
    now += std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(seconds));
  }
};

ImVec2 top_left(Session& session, const std::string& item) {
  return session.probe.items.at(item).min;
}

}  // namespace

TEST_CASE("a notice, short or long, does not move a control of the page") {
  set_language(Language::et);
  Session session;
  session.click("switcher.access");
  session.frame();
  session.frame();
  ImVec2 before = top_left(session, "tile.access.leavers");
  ImVec2 start = top_left(session, "access.start");

  session.controller.tell("Konto suletud.");
  session.frame();
  session.frame();
  CHECK(top_left(session, "tile.access.leavers").y == before.y);
  CHECK(top_left(session, "access.start").y == start.y);

  // A problem long enough to wrap three times over is cut to the line, and whole on hover.
  std::string problem;
  for (int i = 0; i < 40; ++i) problem += "Andmebaasi faili ei saanud lugeda. ";
  session.controller.warn(problem);
  session.frame();
  session.frame();
  CHECK(top_left(session, "tile.access.leavers").y == before.y);
  auto line = session.probe.items.at("notice.line");
  auto text = session.probe.items.at("notice.text");
  CHECK(text.max.x <= line.max.x);
  CHECK(line.max.y - line.min.y == Approx(ImGui::GetFrameHeight()));
}

TEST_CASE("news goes after a few seconds, a problem stays until put away") {
  set_language(Language::et);
  Session session;
  TestClock clock;
  clock.attach(session.controller);
  session.frame();
  session.controller.tell("Pressiteade kinnitatud.");
  session.frame();
  clock.advance(app::Controller::news_seconds - 1);
  session.frame();
  CHECK(session.controller.session().notice == "Pressiteade kinnitatud.");
  clock.advance(2);
  CHECK(session.controller.tick());
  CHECK(session.controller.session().notice.empty());

  session.controller.warn("Andmebaas on hõivatud.");
  session.frame();
  clock.advance(60);
  session.frame();
  CHECK(session.controller.session().notice == "Andmebaas on hõivatud.");
  session.click("notice.dismiss");
  CHECK(session.controller.session().notice.empty());
}

TEST_CASE("a notice goes when the user moves on to another view") {
  set_language(Language::et);
  Session session;
  session.click("switcher.media");
  session.controller.warn("Graafikut ei saanud salvestada.");
  session.frame();
  session.click("switcher.deadlines");
  CHECK(session.controller.session().notice.empty());
}

TEST_CASE("the window is told when the next notice is due to go, and idles after") {
  set_language(Language::et);
  Session session;
  TestClock clock;
  clock.attach(session.controller);
  session.frame();
  CHECK_FALSE(session.controller.seconds_to_next_tick());
  session.controller.tell("Eksporditud 3 rida.");
  session.frame();
  REQUIRE(session.controller.seconds_to_next_tick());
  CHECK(*session.controller.seconds_to_next_tick() == Approx(app::Controller::news_seconds));
  clock.advance(app::Controller::news_seconds);
  session.frame();
  CHECK_FALSE(session.controller.seconds_to_next_tick());
}
