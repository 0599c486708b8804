// "Write e-mail" beside "Copy" in the deadlines view: the responder's reminder opens in the
// user's mail program, addressed; a responder with no address is told plainly.

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/desktop_open.h"
#include "core/i18n.h"
#include "db/deadline_queries.h"
#include "support/dashboard_session.h"
#include "support/fake_opener.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

using testing::FakeOpener;

Id open_deadlines(Session& session) {
  session.click("switcher.deadlines");
  session.frame();
  session.frame();
  REQUIRE(session.figures().deadlines);
  // Below the person's own tiles and the charts.
  session.scroll_to("plot.deadlines.units");
  session.scroll_to("deadlines.email.0");
  return std::stoll(session.figures().deadlines->responders.at(0).key);
}

}  // namespace

TEST_CASE("Write e-mail opens the mail program addressed to the responder, with the reminder") {
  set_language(Language::et);
  Session session;
  FakeOpener opener;
  Id responder = open_deadlines(session);
  std::string address = "mari.maasikas@linn.example";
  session.controller.database().exec("UPDATE people SET email = '" + address +
                                     "' WHERE id = " + std::to_string(responder));
  session.click("deadlines.email.0");
  std::string uri = opener.opened();
  CHECK(uri.starts_with("mailto:" + address + "?subject=Meeldetuletus%3A%20"));
  // Each open document's register number is in the body, percent-encoded as the mailto: has it.
  const std::string empty_mail = app::mailto_uri("", "", "");
  for (const ReminderItem& item : db::open_documents_of(session.controller.database(), responder))
    CHECK(uri.find(app::mailto_uri("", "", item.reg_number).substr(empty_mail.size())) !=
          std::string::npos);
  CHECK(session.controller.session().notice.find("E-kiri on meiliprogrammis valmis") == 0);
  CHECK_FALSE(session.controller.session().notice_is_problem);
}

TEST_CASE("a responder with no e-mail address is told plainly, and nothing is opened") {
  set_language(Language::et);
  Session session;
  FakeOpener opener;
  Id responder = open_deadlines(session);
  session.controller.database().exec("UPDATE people SET email = NULL WHERE id = " +
                                     std::to_string(responder));
  session.click("deadlines.email.0");
  CHECK(session.controller.session().notice_is_problem);
  CHECK(session.controller.session().notice.find("pole e-posti aadressi") != std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK_FALSE(std::filesystem::exists(opener.seen));
}
