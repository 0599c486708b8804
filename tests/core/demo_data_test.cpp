#include <catch2/catch.hpp>

#include <map>
#include <string>

#include <fmt/format.h>

#include "core/demo_data.h"
#include "core/demo_vocabulary.h"
#include "core/working_calendar.h"

using namespace raekoda;

namespace {

// Writes every record as a line of text and counts them per kind.
class TextSink final : public DemoSink {
public:
  std::string text;
  std::map<std::string, int> counts;
  std::vector<Document> documents;
  std::vector<MediaItem> media;

  void add(const Unit& u) override { line("unit", fmt::format("{} {}", u.id, u.name)); }
  void add(const Institution& i) override { line("institution", i.name); }
  void add(const Person& p) override {
    line("person", fmt::format("{} {} {}", p.full_name, p.joined_on.iso(),
                               p.left_on ? p.left_on->iso() : ""));
  }
  void add(const MediaOutlet& o) override { line("outlet", o.name); }
  void add(const MediaItem& m) override {
    media.push_back(m);
    line("media", fmt::format("{} {} {}", m.published_on.iso(), m.title, m.reach));
  }
  void add(const PressRelease& r) override { line("release", r.title); }
  void add(const Document& d) override {
    documents.push_back(d);
    line("document", d.reg_number);
  }
  void add(const CommPlan& p) override { line("plan", p.name); }
  void add(const CommActivity& a) override { line("activity", a.planned_on.iso()); }
  void add(const NewspaperIssue& n) override { line("issue", n.title); }
  void add(const Incident& i) override { line("incident", i.opened_at.iso()); }
  void add(const InformationSystem& s) override { line("system", s.name); }
  void add(const Backup& b) override { line("backup", b.taken_at.iso()); }
  void add(const RestoreTest& t) override { line("restore", t.tested_on.iso()); }
  void add(const Account& a) override { line("account", a.username); }
  void add(const ReviewCampaign& c) override { line("campaign", c.name); }
  void add(const AccessDecision& d) override { line("decision", std::to_string(d.account_id)); }

private:
  void line(const std::string& kind, const std::string& content) {
    ++counts[kind];
    text += kind + ' ' + content + '\n';
  }
};

DemoOptions options(std::uint64_t seed, int scale = 1) {
  return DemoOptions{seed, 3, scale, *Date::parse_iso("2026-11-22")};
}

}  // namespace

TEST_CASE("the same seed gives the same demo data, another seed other data") {
  TextSink first, again, other;
  generate_demo_data(options(7), first);
  generate_demo_data(options(7), again);
  generate_demo_data(options(8), other);
  CHECK(first.text == again.text);
  CHECK(first.text != other.text);
  CHECK(first.text.size() > 100000);
}

TEST_CASE("demo data has every area's records in plausible volumes for a city of 35,000") {
  TextSink sink;
  generate_demo_data(options(1), sink);
  CHECK(sink.counts["person"] >= 120);
  CHECK(sink.counts["person"] <= 250);
  CHECK(sink.counts["media"] > 2000);
  CHECK(sink.counts["document"] > 3000);
  CHECK(sink.counts["incident"] > 1000);
  CHECK(sink.counts["activity"] > 300);
  CHECK(sink.counts["release"] > 100);
  CHECK(sink.counts["account"] > sink.counts["person"]);
  CHECK(sink.counts["campaign"] >= 5);
  CHECK(sink.counts["outlet"] >= 10);
}

TEST_CASE("demo documents are registered on working days only") {
  TextSink sink;
  generate_demo_data(options(3), sink);
  WorkingCalendar calendar;
  for (const Document& doc : sink.documents) {
    INFO(doc.reg_number << " " << doc.registered_on.iso());
    REQUIRE(calendar.is_working_day(doc.registered_on));
  }
}

TEST_CASE("demo coverage is in Estonian and Russian, with Cyrillic titles") {
  TextSink sink;
  generate_demo_data(options(1), sink);
  int russian = 0;
  int cyrillic_titles = 0;
  for (const MediaItem& item : sink.media) {
    if (item.language == ContentLanguage::ru) ++russian;
    if (item.title.find("\xD0") != std::string::npos ||
        item.title.find("\xD1") != std::string::npos)
      ++cyrillic_titles;
  }
  CHECK(russian > static_cast<int>(sink.media.size()) / 4);
  CHECK(cyrillic_titles == russian);
}

TEST_CASE("scale multiplies the volumes") {
  TextSink one, ten;
  generate_demo_data(options(1, 1), one);
  generate_demo_data(options(1, 10), ten);
  CHECK(ten.counts["media"] > 8 * one.counts["media"]);
  CHECK(ten.counts["document"] > 8 * one.counts["document"]);
  CHECK(ten.counts["person"] > 8 * one.counts["person"]);
}

namespace {

// The people of a data set by name, as the sink saw them.
class PeopleSink final : public DemoSink {
public:
  std::vector<Person> people;
  std::vector<MediaItem> media;
  std::vector<Document> documents;
  std::vector<CommActivity> activities;
  std::vector<PressRelease> releases;
  void add(const Unit&) override {}
  void add(const Institution&) override {}
  void add(const Person& p) override { people.push_back(p); }
  void add(const MediaOutlet&) override {}
  void add(const MediaItem& m) override { media.push_back(m); }
  void add(const PressRelease& r) override { releases.push_back(r); }
  void add(const Document& d) override { documents.push_back(d); }
  void add(const CommPlan&) override {}
  void add(const CommActivity& a) override { activities.push_back(a); }
  void add(const NewspaperIssue&) override {}
  void add(const Incident&) override {}
  void add(const InformationSystem&) override {}
  void add(const Backup&) override {}
  void add(const RestoreTest&) override {}
  void add(const Account&) override {}
  void add(const ReviewCampaign&) override {}
  void add(const AccessDecision&) override {}
};

bool starts_with_capital(const std::string& text) {
  return !text.empty() && demo::sentence_case(text) == text;
}

}  // namespace

TEST_CASE("a Russian surname takes the gender of the given name") {
  CHECK(demo::russian_surname("Morozov", true) == "Morozova");
  CHECK(demo::russian_surname("Morozov", false) == "Morozov");
  CHECK(demo::russian_surname("Lebedev", true) == "Lebedeva");
  CHECK(demo::russian_surname("Nikitin", true) == "Nikitina");
  CHECK(demo::russian_surname("Kovalevski", true) == "Kovalevskaja");
  CHECK(demo::russian_surname("Kovalenko", true) == "Kovalenko");
  CHECK(demo::russian_surname("Martšuk", true) == "Martšuk");

  std::map<std::string, bool> feminine;
  for (const auto& given : demo::russian_given_names())
    feminine[std::string(given.name)] = given.feminine;
  PeopleSink sink;
  generate_demo_data(options(1), sink);
  int russians = 0;
  for (const Person& person : sink.people) {
    auto space = person.full_name.find(' ');
    auto given = feminine.find(person.full_name.substr(0, space));
    if (given == feminine.end()) continue;
    ++russians;
    std::string surname = person.full_name.substr(space + 1);
    INFO(person.full_name);
    bool agrees = false;
    for (std::string_view family : demo::russian_surnames())
      agrees |= demo::russian_surname(family, given->second) == surname;
    CHECK(agrees);
  }
  CHECK(russians > 40);
}

TEST_CASE("demo titles and topic labels begin with a capital letter") {
  CHECK(demo::sentence_case("ühistranspordi sõiduplaan") == "Ühistranspordi sõiduplaan");
  CHECK(demo::sentence_case("šokk") == "Šokk");
  CHECK(demo::sentence_case("Teabenõue: hankelepingu koopia") == "Teabenõue: hankelepingu koopia");
  PeopleSink sink;
  generate_demo_data(options(1), sink);
  int topics = 0;
  for (const MediaItem& item : sink.media) {
    INFO(item.title << " / " << item.topic);
    CHECK(starts_with_capital(item.title));
    if (item.topic.empty()) continue;
    ++topics;
    CHECK(starts_with_capital(item.topic));
  }
  CHECK(topics > 100);
  for (const Document& doc : sink.documents) {
    INFO(doc.title);
    CHECK(starts_with_capital(doc.title));
  }
}

TEST_CASE("seasonal activities and press releases come only in their season") {
  using demo::season_of;
  REQUIRE(season_of("Video: kooliaasta algus"));
  CHECK_FALSE(season_of("Video: kooliaasta algus")->contains(*Date::parse_iso("2025-12-10")));
  CHECK(season_of("Video: kooliaasta algus")->contains(*Date::parse_iso("2025-09-01")));
  // A season across the New Year.
  REQUIRE(season_of("Volikogu kinnitas linna eelarve"));
  CHECK(season_of("Volikogu kinnitas linna eelarve")->contains(*Date::parse_iso("2026-01-15")));
  CHECK_FALSE(
      season_of("Volikogu kinnitas linna eelarve")->contains(*Date::parse_iso("2026-07-15")));

  PeopleSink sink;
  generate_demo_data(options(1), sink);
  int school_videos = 0;
  for (const CommActivity& activity : sink.activities) {
    INFO(activity.title << " " << activity.planned_on.iso());
    auto season = season_of(activity.title);
    REQUIRE(season);
    CHECK(season->contains(activity.planned_on));
    if (activity.title == "Video: kooliaasta algus") {
      ++school_videos;
      CHECK((activity.planned_on.month() == 8 || activity.planned_on.month() == 9));
    }
  }
  CHECK(school_videos > 0);
  for (const PressRelease& release : sink.releases) {
    INFO(release.title << " " << release.drafted_on.iso());
    auto season = season_of(release.title);
    REQUIRE(season);
    CHECK(season->contains(release.drafted_on));
  }
}
