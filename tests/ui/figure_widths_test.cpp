// The widths the plan's timeline and the leavers' list fit to come measured with the figures, so
// that the frame they arrive in measures nothing: measured on the reader's thread, in the font
// and size the views ask for, to the pixel ImGui itself measures.

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "support/dashboard_session.h"
#include "ui/figure_widths.h"

using namespace raekoda;
using testing::DashboardSession;

TEST_CASE("a text is as wide off the window's thread as ImGui measures it in a frame") {
  app::HeadlessImGui imgui(1600, 1000);
  const ImFont* font = imgui.fonts().regular;
  const std::vector<std::string> texts = {"Linnavolikogu istungi kutse", "Ülevaade õigusaktidest",
                                          "План коммуникации на 2027 год", "", "x"};
  std::vector<float> off_thread(texts.size());
  std::thread reader([&] {
    for (std::size_t i = 0; i < texts.size(); ++i)
      off_thread[i] = ui::text_width(font, font->FontSize, texts[i]);
  });
  reader.join();
  imgui.frame([&] {
    REQUIRE(ImGui::GetFont() == font);  // the views' tables draw in the regular font
    REQUIRE(ImGui::GetFontSize() == font->FontSize);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      INFO(texts[i]);
      CHECK(off_thread[i] == ImGui::CalcTextSize(texts[i].c_str()).x);
    }
  });
  CHECK(off_thread[0] > off_thread[4]);
}

TEST_CASE("figures come from the reader with the widths their views fit to already measured") {
  DashboardSession session;
  const ImFont* font = session.imgui.fonts().regular;
  const float size = font->FontSize;
  bool measured_later = false;
  auto not_measured_yet = [&] {
    measured_later = true;
    return -1.0f;
  };

  SECTION("the plan's timeline: its widest title") {
    session.ui().view = View::plan;
    session.frame();  // the window's first frame tells the reader its font
    session.controller.refresh();
    session.controller.wait_for_figures();  // taken, not yet drawn
    const PlanFigures& plan = *session.controller.figures().plan;
    REQUIRE(plan.coming.size() > 10);
    float widest = plan.coming_widths.get(0, font, size, not_measured_yet);
    CHECK_FALSE(measured_later);
    CHECK(widest == ui::widest_coming_title(plan, font, size));
    CHECK(widest > 0);
    // The view asks in the same font and size, so it finds the width and measures nothing.
    session.frame();
    plan.coming_widths.get(0, font, size, not_measured_yet);
    CHECK_FALSE(measured_later);
  }

  SECTION("the leavers' list: the widest name and leaving day") {
    session.ui().view = View::access;
    session.frame();
    session.controller.refresh();
    session.controller.wait_for_figures();
    const AccessFigures& access = *session.controller.figures().access;
    REQUIRE_FALSE(access.leaver_accounts.empty());
    for (ui::LeaverWidth which : {ui::leaver_person_width, ui::leaver_left_width}) {
      float widest = access.leaver_widths.get(which, font, size, not_measured_yet);
      CHECK_FALSE(measured_later);
      CHECK(widest == ui::widest_leaver(access, which, font, size));
    }
    session.frame();
    for (ui::LeaverWidth which : {ui::leaver_person_width, ui::leaver_left_width})
      access.leaver_widths.get(which, font, size, not_measured_yet);
    CHECK_FALSE(measured_later);
  }
}

TEST_CASE("widths measured while the window is in another language are left to the view") {
  app::HeadlessImGui imgui(1600, 1000);
  const ImFont* font = imgui.fonts().regular;
  DashboardFigures figures;
  figures.access.emplace();
  AccessFigures::LeaverAccount leaver;
  leaver.person = "Mari Maasikas";
  leaver.left_on = *Date::parse_iso("2025-02-27");
  leaver.days_since_left = 633;
  figures.access->leaver_accounts.push_back(leaver);
  bool measured_later = false;
  auto not_measured_yet = [&] {
    measured_later = true;
    return -1.0f;
  };
  REQUIRE(current_language() == Language::et);
  // Read in Russian, the window switched back to Estonian meanwhile: "633 дня" is not what
  // the view will draw.
  ui::measure_widths(figures, font, font->FontSize, Language::ru);
  figures.access->leaver_widths.get(ui::leaver_left_width, font, font->FontSize, not_measured_yet);
  CHECK(measured_later);

  measured_later = false;
  figures.access->leaver_widths = {};
  ui::measure_widths(figures, font, font->FontSize, Language::et);
  float left = figures.access->leaver_widths.get(ui::leaver_left_width, font, font->FontSize,
                                                 not_measured_yet);
  CHECK_FALSE(measured_later);
  CHECK(left == ui::text_width(font, font->FontSize, ui::leaver_left(leaver)));
}

TEST_CASE("the reader ends before the window's fonts go, and what is asked after is not read") {
  DashboardSession session;
  session.frame();
  std::uint64_t taken = session.controller.updates_taken();
  session.controller.end_reading();
  session.controller.refresh();
  session.controller.wait_for_figures();  // returns: nothing is coming
  CHECK(session.controller.updates_taken() == taken);
}
