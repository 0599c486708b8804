// Names sorted as each language sorts them.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/collation.h"

using namespace raekoda;

namespace {

std::vector<std::string> sorted(std::vector<std::string> names, Language language) {
  sort_by_name(
      names, [](const std::string& name) -> const std::string& { return name; }, language);
  return names;
}

}  // namespace

TEST_CASE("Estonian puts š z ž after s and õ ä ö ü after w") {
  std::vector<std::string> names = {"Ülle Tamm", "Õun",   "Zirk", "Šmidt", "Saar", "Tamm",
                                    "Ärm",       "Žukov", "Wiik", "Öpik",  "Aas",  "Võsu"};
  CHECK(sorted(names, Language::et) == std::vector<std::string>{"Aas", "Saar", "Šmidt", "Zirk",
                                                                "Žukov", "Tamm", "Võsu", "Wiik",
                                                                "Õun", "Ärm", "Öpik", "Ülle Tamm"});
  // English knows none of this: the letters sort with their base letters.
  CHECK(sorted(names, Language::en) == std::vector<std::string>{"Aas", "Ärm", "Öpik", "Õun", "Saar",
                                                                "Šmidt", "Tamm", "Ülle Tamm",
                                                                "Võsu", "Wiik", "Zirk", "Žukov"});
}

TEST_CASE("Russian sorts Cyrillic by its alphabet, ё beside е, before Latin names") {
  std::vector<std::string> names = {"Яковлев", "Ёлкин",    "Андреев", "Saar", "Елисеев",
                                    "Жуков",   "Борисова", "Иванов",  "Эйхе", "Щукин"};
  CHECK(sorted(names, Language::ru) == std::vector<std::string>{"Андреев", "Борисова", "Елисеев",
                                                                "Ёлкин", "Жуков", "Иванов", "Щукин",
                                                                "Эйхе", "Яковлев", "Saar"});
  // In Estonian the Latin names come first and the Cyrillic ones after them.
  CHECK(sorted(names, Language::et).front() == "Saar");
}

TEST_CASE("upper and lower case sort together, and text that is not UTF-8 comes last") {
  CHECK(collates_before("saar", "Šmidt", Language::et));
  CHECK(collates_before("Saar", "šmidt", Language::et));
  CHECK(collate("Tamm", "Tamm", Language::ru) == 0);
  std::string broken = "Tamm\xff";
  CHECK(collates_before("Zirk", broken, Language::et));
  CHECK_FALSE(collates_before(broken, "Zirk", Language::et));
  // Equal to the collator but not the same bytes: still one order, the same every time.
  CHECK(collate("e\u0301", "\u00e9", Language::en) != 0);
  CHECK(collate("e\u0301", "\u00e9", Language::en) == -collate("\u00e9", "e\u0301", Language::en));
}

TEST_CASE("ranks number texts in the language's order, equal texts sharing one") {
  std::vector<std::string_view> names{"Žanna", "Sander", "Õie", "Sander", "Zoja", "Tõnu", "Šura"};
  std::vector<std::size_t> ranks = collation_ranks(names, Language::et);
  REQUIRE(ranks.size() == names.size());
  CHECK(ranks[1] == ranks[3]);  // the same name twice
  // s < š < z < ž < t ... in Estonian: Sander, Šura, Zoja, Žanna, Tõnu, Õie.
  CHECK(ranks[1] == 0);
  CHECK(ranks[6] == 1);
  CHECK(ranks[4] == 2);
  CHECK(ranks[0] == 3);
  CHECK(ranks[5] == 4);
  CHECK(ranks[2] == 5);
  CHECK(collation_ranks({}, Language::et).empty());
}
