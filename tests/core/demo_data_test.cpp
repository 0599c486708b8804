#include <catch2/catch.hpp>

#include <map>
#include <string>

#include <fmt/format.h>

#include "core/demo_data.h"
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
