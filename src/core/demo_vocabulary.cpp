#include "core/demo_vocabulary.h"

#include <array>
#include <cctype>

namespace raekoda::demo {
namespace {

using namespace std::string_view_literals;

constexpr std::array estonian_first = {
    "Mari"sv,   "Kadri"sv, "Tiina"sv,  "Anu"sv,   "Jaan"sv,   "Andres"sv, "Peeter"sv, "Margus"sv,
    "Kristi"sv, "Liis"sv,  "Triin"sv,  "Rein"sv,  "Toomas"sv, "Urmas"sv,  "Sirje"sv,  "Malle"sv,
    "Aivar"sv,  "Kalev"sv, "Maarja"sv, "Helen"sv, "Merike"sv, "Õie"sv,    "Ülle"sv,   "Tõnu"sv,
    "Jüri"sv,   "Mart"sv,  "Kersti"sv, "Piret"sv, "Siim"sv,   "Ott"sv,    "Karin"sv,  "Heli"sv};
constexpr std::array estonian_last = {
    "Tamm"sv,   "Saar"sv,   "Sepp"sv,  "Mägi"sv,  "Kask"sv,  "Kukk"sv,     "Rebane"sv, "Ilves"sv,
    "Pärn"sv,   "Koppel"sv, "Lepik"sv, "Kuusk"sv, "Vaher"sv, "Kõiv"sv,     "Lõhmus"sv, "Järv"sv,
    "Põder"sv,  "Sõmer"sv,  "Kivi"sv,  "Mets"sv,  "Org"sv,   "Raudsepp"sv, "Karu"sv,   "Jõgi"sv,
    "Männik"sv, "Laur"sv,   "Kütt"sv,  "Ots"sv,   "Valk"sv,  "Hunt"sv};
// Whether a given name is a woman's decides the form of the surname beside it.
constexpr std::array russian_first = {
    RussianGivenName{"Jelena", true},     RussianGivenName{"Sergei", false},
    RussianGivenName{"Olga", true},       RussianGivenName{"Dmitri", false},
    RussianGivenName{"Natalja", true},    RussianGivenName{"Aleksandr", false},
    RussianGivenName{"Tatjana", true},    RussianGivenName{"Vladimir", false},
    RussianGivenName{"Svetlana", true},   RussianGivenName{"Andrei", false},
    RussianGivenName{"Irina", true},      RussianGivenName{"Nikolai", false},
    RussianGivenName{"Galina", true},     RussianGivenName{"Igor", false},
    RussianGivenName{"Ljudmila", true},   RussianGivenName{"Aleksei", false},
    RussianGivenName{"Marina", true},     RussianGivenName{"Pavel", false},
    RussianGivenName{"Julia", true},      RussianGivenName{"Viktor", false},
    RussianGivenName{"Oksana", true},     RussianGivenName{"Roman", false},
    RussianGivenName{"Anastassia", true}, RussianGivenName{"Denis", false}};
// A family's name in its masculine form, as a register lists it; russian_surname() gives a
// woman's form. The -enko and -uk names of Ukrainian origin are the same for both.
constexpr std::array russian_last = {
    "Ivanov"sv,  "Smirnov"sv,    "Kuznetsov"sv, "Popov"sv,      "Volkov"sv,     "Sokolov"sv,
    "Lebedev"sv, "Kozlov"sv,     "Novikov"sv,   "Morozov"sv,    "Petrov"sv,     "Vassiljev"sv,
    "Pavlov"sv,  "Semjonov"sv,   "Golubev"sv,   "Vinogradov"sv, "Bogdanov"sv,   "Fjodorov"sv,
    "Žukov"sv,   "Tšernov"sv,    "Orlov"sv,     "Makarov"sv,    "Nikitin"sv,    "Iljin"sv,
    "Fomin"sv,   "Kovalevski"sv, "Zalesski"sv,  "Kovalenko"sv,  "Bondarenko"sv, "Martšuk"sv};
constexpr std::array organisation_names = {"OÜ Kirde Ehitus"sv,   "MTÜ Linnakodanike Ühendus"sv,
                                           "AS Virumaa Soojus"sv, "OÜ Põhjaranna Transport"sv,
                                           "MTÜ Vanemate Kogu"sv, "Korteriühistu Järveküla 12"sv,
                                           "OÜ Idavõrk"sv,        "Ida-Viru Maavalitsuse Arhiiv"sv,
                                           "SA Kirde Kultuur"sv,  "OÜ Roheline Linn"sv};

constexpr std::array units = {"Linnakantselei"sv,
                              "Volikogu kantselei"sv,
                              "Rahandusosakond"sv,
                              "Linnamajandusosakond"sv,
                              "Haridusosakond"sv,
                              "Sotsiaalosakond"sv,
                              "Arhitektuuri- ja planeerimisosakond"sv,
                              "Kultuuriosakond"sv,
                              "Ettevõtlusosakond"sv,
                              "Õigusosakond"sv,
                              "IT-teenistus"sv,
                              "Avalike suhete osakond"sv};
constexpr std::array titles = {
    "peaspetsialist"sv, "vanemspetsialist"sv,  "spetsialist"sv, "juhataja"sv,      "nõunik"sv,
    "referent"sv,       "juhtivspetsialist"sv, "jurist"sv,      "raamatupidaja"sv, "sekretär"sv};
constexpr std::array kindergarten_names = {"Lasteaed Kalevipoeg"sv, "Lasteaed Pääsuke"sv,
                                           "Lasteaed Tareke"sv,     "Lasteaed Rukkilill"sv,
                                           "Lasteaed Sipsik"sv,     "Lasteaed Mesimumm"sv};
constexpr std::array other_institution_names = {"Linnaraamatukogu"sv, "Kultuurikeskus"sv,
                                                "Spordikool"sv, "Sotsiaalmaja"sv};

constexpr std::array outlet_specs = {
    OutletSpec{"Põhjarannik", Channel::print, ContentLanguage::et, 10, 9000},
    OutletSpec{"Северное побережье", Channel::print, ContentLanguage::ru, 8, 7000},
    OutletSpec{"Ida-Viru Teataja", Channel::online, ContentLanguage::et, 9, 15000},
    OutletSpec{"Новости Кохтла-Ярве", Channel::online, ContentLanguage::ru, 12, 18000},
    OutletSpec{"Kirde Uudised", Channel::online, ContentLanguage::et, 6, 11000},
    OutletSpec{"Вести Вирумаа", Channel::online, ContentLanguage::ru, 7, 12000},
    OutletSpec{"Kirde TV", Channel::tv, ContentLanguage::et, 3, 30000},
    OutletSpec{"Телеканал Восток", Channel::tv, ContentLanguage::ru, 4, 35000},
    OutletSpec{"Virumaa Raadio", Channel::radio, ContentLanguage::et, 3, 20000},
    OutletSpec{"Радио Северо-Восток", Channel::radio, ContentLanguage::ru, 3, 22000},
    OutletSpec{"Kohtla-Järve linnakodanikud", Channel::facebook, ContentLanguage::et, 7, 4000},
    OutletSpec{"Кохтла-Ярве сегодня", Channel::facebook, ContentLanguage::ru, 10, 6000},
    OutletSpec{"kjarve_elu", Channel::instagram, ContentLanguage::et, 4, 2500},
    OutletSpec{"Ida-Virumaa ettevõtlus", Channel::linkedin, ContentLanguage::en, 2, 1500},
    OutletSpec{"Naabrite foorum", Channel::other, ContentLanguage::ru, 3, 1200},
    OutletSpec{"Rahvusringhääling", Channel::tv, ContentLanguage::et, 2, 120000},
};

constexpr std::array system_specs = {
    SystemSpec{"Dokumendihaldussüsteem", SystemKind::document_management, 90, true,
               "Linnakantselei"},
    SystemSpec{"Raamatupidamistarkvara", SystemKind::accounting, 90, true, "Rahandusosakond"},
    SystemSpec{"Võrgusalvesti (NAS)", SystemKind::nas, 90, true, ""},
    SystemSpec{"E-post", SystemKind::email, 180, true, ""},
    SystemSpec{"Rahvastikuregister", SystemKind::state_register, 0, false, "Linnakantselei"},
    SystemSpec{"Ehitisregister", SystemKind::state_register, 0, false,
               "Arhitektuuri- ja planeerimisosakond"},
    SystemSpec{"Sotsiaalteenuste register", SystemKind::state_register, 0, false,
               "Sotsiaalosakond"},
    SystemSpec{"Eesti hariduse infosüsteem", SystemKind::state_register, 0, false,
               "Haridusosakond"},
    SystemSpec{"Riigihangete register", SystemKind::portal, 0, false, "Õigusosakond"},
    SystemSpec{"Linna veebileht", SystemKind::portal, 180, true, "Avalike suhete osakond"},
};

struct Topic {
  std::string_view et, ru, en;
};
constexpr std::array topics = {
    Topic{"koolivõrgu korrastamine", "реорганизация школьной сети", "school network reform"},
    Topic{"ühistranspordi sõiduplaan", "расписание общественного транспорта", "bus timetable"},
    Topic{"tänavavalgustuse uuendamine", "обновление уличного освещения", "street lighting"},
    Topic{"lasteaiakohtade puudus", "нехватка мест в детских садах", "kindergarten places"},
    Topic{"kaugkütte hind", "цена центрального отопления", "district heating price"},
    Topic{"linna eelarve", "городской бюджет", "city budget"},
    Topic{"spordihalli ehitus", "строительство спортхолла", "sports hall construction"},
    Topic{"jäätmeveo korraldus", "организация вывоза мусора", "waste collection"},
    Topic{"teede remont", "ремонт дорог", "road repairs"},
    Topic{"linnaruumi haljastus", "озеленение города", "urban greenery"},
    Topic{"eestikeelsele õppele üleminek", "переход на эстонский язык обучения",
          "transition to Estonian-language schooling"},
    Topic{"tööstuspargi laiendus", "расширение промышленного парка", "industrial park expansion"},
};

constexpr std::array headlines_et = {
    "Volikogu istungil oli arutusel {}"sv,     "Linnavalitsus: {} saab lahenduse"sv,
    "Elanikud küsivad, mis saab edasi: {}"sv,  "Arvamus: {} vajab selgemat plaani"sv,
    "Volikogu komisjon tegi ettepaneku: {}"sv, "Linnapea vastas küsimustele: {}"sv,
    "Opositsioon kritiseerib: {}"sv,           "Uus kava: {}"sv};
constexpr std::array headlines_ru = {"На заседании горсобрания обсудили: {}"sv,
                                     "Горуправа о главном: {}"sv,
                                     "Жители спрашивают: {}"sv,
                                     "Мнение: {} — нужен ясный план"sv,
                                     "Комиссия горсобрания предлагает: {}"sv,
                                     "Мэр ответил на вопросы: {}"sv,
                                     "Оппозиция критикует: {}"sv,
                                     "Новый план: {}"sv};
constexpr std::array headlines_en = {
    "City council discusses {}"sv,      "City government on {}"sv,
    "Residents ask about {}"sv,         "Opinion: {} needs a clearer plan"sv,
    "Council committee proposal: {}"sv, "Mayor answers questions on {}"sv,
    "Opposition criticises {}"sv,       "New plan: {}"sv};

constexpr std::array information_request_subjects = {
    "ehitusloa menetluse dokumendid"sv,   "hankelepingu koopia"sv,
    "linnavalitsuse istungi protokoll"sv, "teehoolduse lepingu andmed"sv,
    "lasteaia järjekorra statistika"sv,   "toetuste jagamise otsused"sv};
constexpr std::array memorandum_subjects = {
    "bussipeatuse ümberpaigutamine"sv, "mänguväljaku rajamine"sv, "tänavavalgustuse puudumine"sv,
    "parkimiskorraldus kesklinnas"sv, "prügikastide lisamine pargis"sv};
constexpr std::array council_question_subjects = {
    "koolivõrgu reformi kulud"sv, "kaugkütte hinnatõus"sv, "spordihalli ehitushange"sv,
    "linna laenukoormus"sv, "sotsiaaltoetuste maksmine"sv};
constexpr std::array letter_subjects = {
    "sotsiaaltoetuse taotlus"sv, "kaevetöö loa taotlus"sv,        "korteriühistu pöördumine"sv,
    "üürilepingu pikendamine"sv, "ürituse korraldamise teatis"sv, "aadressi muutmise avaldus"sv,
    "lasteaiakoha taotlus"sv,    "puu raie loa taotlus"sv};
constexpr std::array media_inquiry_subjects = {
    "kommentaar eelarve kohta"sv, "koolide ühendamise ajakava"sv, "küttehinna põhjendus"sv,
    "linnapea intervjuu"sv, "teede remondi graafik"sv};

constexpr std::array hardware_titles = {"Printer ei prindi"sv, "Sülearvuti ei käivitu"sv,
                                        "Monitor vilgub"sv, "Projektor ei leia signaali"sv};
constexpr std::array software_titles = {"Tarkvara uuendus ebaõnnestus"sv,
                                        "E-posti klient ei ava kirju"sv,
                                        "Digiallkirjastamine ei tööta"sv};
constexpr std::array network_titles = {"Wi-Fi ühendus katkeb"sv, "VPN ei ühendu"sv,
                                       "Lasteaia internet maas"sv};
constexpr std::array account_titles = {"Parool aegunud"sv, "Juurdepääs kaustale puudub"sv,
                                       "Uue töötaja kontod"sv};
constexpr std::array document_management_titles = {"Dokumendi registreerimine ebaõnnestub"sv,
                                                   "Dokumendihaldus: menetlusring takerdus"sv};
constexpr std::array accounting_titles = {"Raamatupidamise aruanne ei avane"sv,
                                          "Palgaarvestuse eksport katkes"sv};
constexpr std::array nas_titles = {"Öine varundus ebaõnnestus"sv, "NAS-i kettaruum otsakorral"sv,
                                   "Varukoopia taastamine aeglane"sv};
constexpr std::array security_titles = {
    "Õngitsuskiri töötajatele"sv, "Pahavara leitud tööjaamast"sv,
    "Kahtlane sisselogimine välismaalt"sv, "Kaotatud sülearvuti"sv};

// Titles tied to a time of year come only then: the school year starts on 1 September, the
// Christmas market is in December, roads are dug up from spring to autumn, the city's day is in
// June, and the budget is adopted around the turn of the year.
constexpr Season all_year{1, 12};
constexpr Season building_season{4, 10};

constexpr std::array press_release_title_list = {
    SeasonalTitle{"Volikogu kinnitas linna eelarve", {12, 2}},
    SeasonalTitle{"Algab tänavavalgustuse uuendamine", building_season},
    SeasonalTitle{"Linn kuulutab välja kodanike ideekonkursi", all_year},
    SeasonalTitle{"Lasteaedade suvine töökorraldus", {4, 6}},
    SeasonalTitle{"Volikogu istungi kokkuvõte", all_year},
    SeasonalTitle{"Linnapea vastuvõtt linnakodanikele", all_year},
    SeasonalTitle{"Teede remont: liikluspiirangud", building_season},
    SeasonalTitle{"Linn toetab kogukonna projekte", all_year}};

constexpr std::array website_titles = {SeasonalTitle{"Uudis veebilehel: volikogu istung", all_year},
                                       SeasonalTitle{"Veebileht: teenuste juhend", all_year}};
constexpr std::array social_titles = {
    SeasonalTitle{"Postitus: linna sündmused nädalavahetusel", all_year},
    SeasonalTitle{"Postitus: teetööd ja ümbersõidud", building_season},
    SeasonalTitle{"Postitus: linnapea videotervitus", all_year}};
constexpr std::array newspaper_titles = {
    SeasonalTitle{"Linnaleht: volikogu veerg", all_year},
    SeasonalTitle{"Linnaleht: intervjuu osakonnajuhatajaga", all_year}};
constexpr std::array video_titles = {SeasonalTitle{"Video: linnaruumi uuendused", all_year},
                                     SeasonalTitle{"Video: kooliaasta algus", {8, 9}}};
constexpr std::array event_titles = {SeasonalTitle{"Linna sünnipäeva kajastus", {6, 6}},
                                     SeasonalTitle{"Delegatsiooni vastuvõtt", all_year},
                                     SeasonalTitle{"Jõululaada kajastus", {12, 12}}};
constexpr std::array campaign_titles = {
    SeasonalTitle{"Kampaania: jäätmete sorteerimine", all_year},
    SeasonalTitle{"Kampaania: ühistranspordi kasutamine", all_year}};
constexpr std::array other_titles = {SeasonalTitle{"Infotund elanikele", all_year}};

}  // namespace

std::span<const std::string_view> estonian_first_names() {
  return estonian_first;
}
std::span<const std::string_view> estonian_surnames() {
  return estonian_last;
}
std::span<const RussianGivenName> russian_given_names() {
  return russian_first;
}
std::span<const std::string_view> russian_surnames() {
  return russian_last;
}
std::span<const std::string_view> organisations() {
  return organisation_names;
}
std::span<const std::string_view> unit_names() {
  return units;
}
std::span<const std::string_view> job_titles() {
  return titles;
}
std::span<const std::string_view> kindergartens() {
  return kindergarten_names;
}
std::span<const std::string_view> other_institutions() {
  return other_institution_names;
}
std::span<const OutletSpec> outlets() {
  return outlet_specs;
}
std::span<const SystemSpec> systems() {
  return system_specs;
}

std::size_t topic_count() {
  return topics.size();
}

std::string russian_surname(std::string_view masculine, bool feminine) {
  std::string name(masculine);
  if (!feminine) return name;
  // -ski is the register's spelling of -ский, whose feminine is -ская; -ov, -ev, -in take -a.
  if (name.ends_with("ski")) return name.substr(0, name.size() - 1) + "aja";
  for (std::string_view ending : {"ov", "ev", "in"})
    if (name.ends_with(ending)) return name + "a";
  return name;
}

std::string sentence_case(std::string_view text) {
  std::string result(text);
  if (result.empty()) return result;
  auto first = static_cast<unsigned char>(result[0]);
  auto second = result.size() > 1 ? static_cast<unsigned char>(result[1]) : 0;
  if (first >= 'a' && first <= 'z') {
    result[0] = static_cast<char>(first - 0x20);
  } else if (first == 0xC3 && second >= 0xA0 && second <= 0xBE && second != 0xB7) {
    result[1] = static_cast<char>(second - 0x20);  // à..þ → À..Þ (õ ä ö ü among them)
  } else if (first == 0xC5 && (second == 0xA1 || second == 0xBE)) {
    result[1] = static_cast<char>(second - 1);  // š → Š, ž → Ž
  }
  return result;
}

std::string topic_label(std::size_t index) {
  return sentence_case(topic(index, ContentLanguage::et));
}

std::string_view topic(std::size_t index, ContentLanguage language) {
  const Topic& t = topics[index % topics.size()];
  switch (language) {
    case ContentLanguage::ru:
      return t.ru;
    case ContentLanguage::en:
      return t.en;
    default:
      return t.et;
  }
}

std::size_t headline_pattern_count() {
  return headlines_et.size();
}

std::string headline(std::size_t pattern, std::size_t topic_index, ContentLanguage language) {
  std::string_view format =
      language == ContentLanguage::ru   ? headlines_ru[pattern % headlines_ru.size()]
      : language == ContentLanguage::en ? headlines_en[pattern % headlines_en.size()]
                                        : headlines_et[pattern % headlines_et.size()];
  std::string text(format);
  text.replace(text.find("{}"), 2, topic(topic_index, language));
  return text;
}

std::span<const std::string_view> document_subjects(std::string_view doc_type) {
  if (doc_type == "information_request") return information_request_subjects;
  if (doc_type == "memorandum") return memorandum_subjects;
  if (doc_type == "council_question") return council_question_subjects;
  if (doc_type == "media_inquiry") return media_inquiry_subjects;
  return letter_subjects;
}

std::string_view document_title_prefix(std::string_view doc_type) {
  if (doc_type == "information_request") return "Teabenõue: ";
  if (doc_type == "memorandum") return "Märgukiri: ";
  if (doc_type == "council_question") return "Järelepärimine: ";
  if (doc_type == "media_inquiry") return "Meediapäring: ";
  return "";
}

std::span<const std::string_view> incident_titles(IncidentCategory category) {
  switch (category) {
    case IncidentCategory::hardware:
      return hardware_titles;
    case IncidentCategory::software:
      return software_titles;
    case IncidentCategory::network:
      return network_titles;
    case IncidentCategory::account_access:
      return account_titles;
    case IncidentCategory::document_management:
      return document_management_titles;
    case IncidentCategory::accounting_software:
      return accounting_titles;
    case IncidentCategory::nas_backup:
      return nas_titles;
    case IncidentCategory::security:
      return security_titles;
  }
  return software_titles;
}

std::span<const SeasonalTitle> press_release_titles() {
  return press_release_title_list;
}

bool Season::contains(Date day) const {
  int month = day.month();
  return first <= last ? month >= first && month <= last : month >= first || month <= last;
}

std::vector<std::string_view> in_season(std::span<const SeasonalTitle> titles, Date day) {
  std::vector<std::string_view> fitting;
  for (const SeasonalTitle& title : titles)
    if (title.season.contains(day)) fitting.push_back(title.text);
  return fitting;
}

std::optional<Season> season_of(std::string_view title) {
  for (std::size_t channel = 0; channel < ActivityChannel_count; ++channel)
    for (const SeasonalTitle& known : activity_titles(static_cast<ActivityChannel>(channel)))
      if (known.text == title) return known.season;
  return std::nullopt;
}

std::span<const SeasonalTitle> activity_titles(ActivityChannel channel) {
  switch (channel) {
    case ActivityChannel::press_release:
      return press_release_title_list;
    case ActivityChannel::website:
      return website_titles;
    case ActivityChannel::facebook:
    case ActivityChannel::instagram:
    case ActivityChannel::linkedin:
      return social_titles;
    case ActivityChannel::newspaper:
      return newspaper_titles;
    case ActivityChannel::video:
      return video_titles;
    case ActivityChannel::event:
      return event_titles;
    case ActivityChannel::campaign:
      return campaign_titles;
    case ActivityChannel::other:
      return other_titles;
  }
  return other_titles;
}

std::string ascii_fold(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, char>, 12> folds = {{
      {"õ", 'o'},
      {"Õ", 'o'},
      {"ä", 'a'},
      {"Ä", 'a'},
      {"ö", 'o'},
      {"Ö", 'o'},
      {"ü", 'u'},
      {"Ü", 'u'},
      {"š", 's'},
      {"Š", 's'},
      {"ž", 'z'},
      {"Ž", 'z'},
  }};
  std::string folded;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (auto [from, to] : folds) {
      if (text.substr(i, from.size()) == from) {
        folded += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    unsigned char c = static_cast<unsigned char>(text[i++]);
    if (std::isalnum(c))
      folded += static_cast<char>(std::tolower(c));
    else if (c == ' ' || c == '-')
      folded += '.';
  }
  return folded;
}

}  // namespace raekoda::demo
