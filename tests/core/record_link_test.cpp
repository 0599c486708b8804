#include <catch2/catch.hpp>

#include <array>

#include "core/i18n.h"
#include "core/record_spec.h"

using namespace raekoda;

TEST_CASE("a web link opens as it is, http and https only, trimmed of spaces") {
  CHECK(link_target(LinkKind::web, "https://uudised.example/3/1609") ==
        "https://uudised.example/3/1609");
  CHECK_FALSE(link_target(LinkKind::web, "https://err.ee/õun ja pirn"));  // a space inside
  CHECK(link_target(LinkKind::web, " HTTP://err.ee/Õun\t") == "HTTP://err.ee/Õun");
  CHECK(link_target(LinkKind::web, "mailto:pressi@linn.example") == "mailto:pressi@linn.example");
  for (const char* refused :
       {"", "   ", "www.err.ee/1609", "file:///etc/passwd", "javascript:alert(1)", "https://",
        "ftp://linn.example/a.pdf", "-https://x", "https://linn.example/\x01"}) {
    INFO(refused);
    CHECK_FALSE(link_target(LinkKind::web, refused));
  }
}

TEST_CASE("an e-mail address becomes a mailto: for the mail program") {
  CHECK(link_target(LinkKind::email, "mari.maasikas1@linn.example") ==
        "mailto:mari.maasikas1@linn.example");
  CHECK(link_target(LinkKind::email, "mailto:mari@linn.example") == "mailto:mari@linn.example");
  for (const char* refused : {"mari", "@linn.example", "mari@", "a@b@c", "mari maasikas@linn.ee",
                              "mari@linn.example?cc=x@y", "https://linn.example"}) {
    INFO(refused);
    CHECK_FALSE(link_target(LinkKind::email, refused));
  }
}

TEST_CASE("every address a record holds is a link field the editor can open") {
  const FieldSpec* url = media_items_spec().field("url");
  REQUIRE(url);  // every media item has one, and the editor used to leave it out
  CHECK(url->link == LinkKind::web);
  CHECK(url->max_length == 2000);
  CHECK(media_items_spec().field("rebuttal_url")->link == LinkKind::web);
  CHECK(comm_activities_spec().field("link")->link == LinkKind::web);
  CHECK(people_spec().field("email")->link == LinkKind::email);
  CHECK(media_items_spec().field("title")->link == LinkKind::none);
}

TEST_CASE("a too long text says its limit in the right plural form") {
  set_language(Language::et);
  static const std::array fields = [] {
    FieldSpec code;
    code.column = "code";
    code.max_length = 1;
    return std::array{code};
  }();
  const TableSpec spec{"codes", fields, {}};
  Record record;
  record.set("code", "ÕÄ");
  auto errors = validate(spec, record, *Date::parse_iso("2026-11-22"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "Liiga pikk: lubatud 1 märk, sisestatud 2");
  set_language(Language::en);
  CHECK(validate(spec, record, *Date::parse_iso("2026-11-22"))[0].message ==
        "Too long: 1 character allowed, 2 entered");
  set_language(Language::et);
}
