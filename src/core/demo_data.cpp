#include "core/demo_data.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/deadline_rule.h"
#include "core/demo_vocabulary.h"
#include "core/random.h"
#include "core/working_calendar.h"

namespace raekoda {
namespace {

using demo::ascii_fold;

// Relative activity per month: quiet in July, busy in autumn when the budget is debated.
constexpr std::array<double, 12> season = {0.9, 1.0, 1.05, 1.05, 1.0, 0.85,
                                           0.6, 0.8, 1.15, 1.2,  1.2, 1.0};

double seasonal(Date day) {
  return season[day.month() - 1];
}

// Local elections are held on the third Sunday of October every four years (2021, 2025, ...):
// coverage swells and turns sharper in the weeks before.
bool election_season(Date day) {
  return day.year() % 4 == 1 && (day.month() == 9 || (day.month() == 10 && day.day() <= 20));
}

template <class E, std::size_t N>
E weighted_enum(Random& random, const std::array<double, N>& weights) {
  return static_cast<E>(random.weighted(weights));
}

class Generator {
public:
  Generator(const DemoOptions& options, DemoSink& sink)
      : options_(options),
        sink_(sink),
        random_(options.seed * 0x9E3779B97F4A7C15ull + 0x5261654Bull),
        start_(options.until.plus_months(-12 * std::max(options.years, 1)).plus_days(1)),
        until_(options.until),
        scale_(std::max(options.scale, 1)) {}

  void run() {
    organisation();
    staff();
    outlets_and_systems();
    media();
    press_releases();
    documents();
    communication_plan();
    incidents();
    backups_and_restore_tests();
    access();
  }

private:
  struct Staff {
    Person person;
    bool estonian = true;
  };

  // -- people and organisation -----------------------------------------------------------------

  void organisation() {
    Id id = 0;
    for (std::string_view name : demo::unit_names()) sink_.add(Unit{++id, std::string(name)});
    id = 0;
    sink_.add(Institution{++id, "Linnavalitsus", InstitutionKind::city_government});
    city_government_ = id;
    for (std::string_view name : demo::kindergartens()) {
      sink_.add(Institution{++id, std::string(name), InstitutionKind::kindergarten});
      kindergartens_.push_back(id);
    }
    for (std::string_view name : demo::other_institutions()) {
      sink_.add(Institution{++id, std::string(name), InstitutionKind::other});
      other_institutions_.push_back(id);
    }
  }

  Id unit_id(std::string_view name) const {
    auto names = demo::unit_names();
    return static_cast<Id>(std::find(names.begin(), names.end(), name) - names.begin()) + 1;
  }

  std::string person_name(bool estonian) {
    // The surname is drawn first: the order in which this compiler happened to evaluate the two
    // draws when they were arguments of one call, kept so that a seed still names the same
    // people, and now written out so that every compiler draws alike.
    if (estonian) {
      std::string_view surname = random_.pick(demo::estonian_surnames());
      std::string_view given = random_.pick(demo::estonian_first_names());
      return fmt::format("{} {}", given, surname);
    }
    std::string_view family = random_.pick(demo::russian_surnames());
    const demo::RussianGivenName& given = random_.pick(demo::russian_given_names());
    return fmt::format("{} {}", given.name, demo::russian_surname(family, given.feminine));
  }

  Date random_day(Date from, Date to) {
    if (to <= from) return from;
    return from.plus_days(static_cast<int>(random_.between(0, from.days_until(to))));
  }

  Date random_working_day(Date from, Date to) {
    Date day = calendar_.working_day_on_or_after(random_day(from, to));
    return day > to ? from : day;
  }

  Id add_staff(std::string_view unit, std::string title, bool may_leave) {
    Staff staff;
    staff.estonian = random_.chance(0.55);
    Person& p = staff.person;
    p.id = static_cast<Id>(people_.size()) + 1;
    p.full_name = person_name(staff.estonian);
    p.job_title = std::move(title);
    p.unit_id = unit_id(unit);
    // Most staff were there before the data starts; the rest joined during it.
    p.joined_on = random_.chance(0.8)
                      ? random_working_day(start_.plus_months(-180), start_.plus_days(-1))
                      : random_working_day(start_, until_);
    double leave_probability = 1.0 - std::pow(0.93, options_.years);
    if (may_leave && random_.chance(leave_probability)) {
      Date earliest = std::max(p.joined_on.plus_days(30), start_);
      if (earliest < until_) p.left_on = random_working_day(earliest, until_);
    }
    std::string local = ascii_fold(p.full_name);
    p.email = fmt::format("{}{}@linn.example", local, p.id);
    people_.push_back(std::move(staff));
    by_unit_[p.unit_id].push_back(p.id);
    return p.id;
  }

  void staff() {
    // The people the dashboard is for come first and stay.
    city_secretary_ = add_staff("Linnakantselei", "linnasekretär", false);
    it_lead_ = add_staff("IT-teenistus", "IT-peaspetsialist", false);
    comms_manager_ = add_staff("Volikogu kantselei", "kommunikatsioonijuht", false);
    comms_specialist_ =
        add_staff("Avalike suhete osakond", "avalike suhete juhtivspetsialist", false);
    council_chair_ = add_staff("Volikogu kantselei", "volikogu esimees", false);
    hr_officer_ = add_staff("Linnakantselei", "personalispetsialist", false);
    information_specialist_ = add_staff("Linnakantselei", "infospetsialist", false);
    for (int i = 1; i < scale_; ++i) add_staff("IT-teenistus", "IT-vanemspetsialist", false);

    const std::array<double, 12> unit_weights = {14, 3, 12, 14, 12, 14, 9, 6, 5, 5, 3, 3};
    int count = 150 * scale_;
    for (int i = 0; i < count; ++i) {
      std::size_t unit = random_.weighted(unit_weights);
      add_staff(demo::unit_names()[unit], std::string(random_.pick(demo::job_titles())), true);
    }
    for (const Staff& staff : people_) sink_.add(staff.person);
  }

  const Person& person(Id id) const { return people_[static_cast<std::size_t>(id - 1)].person; }

  bool employed(Id id, Date day) const {
    const Person& p = person(id);
    return p.joined_on <= day && (!p.left_on || *p.left_on > day);
  }

  // Someone of `unit` employed on `day`, or `fallback` when nobody is found quickly.
  Id staff_of(std::string_view unit, Date day, Id fallback) {
    const auto& members = by_unit_[unit_id(unit)];
    for (int attempt = 0; attempt < 8 && !members.empty(); ++attempt) {
      Id id = random_.pick(members);
      if (employed(id, day)) return id;
    }
    return fallback;
  }

  // -- media -------------------------------------------------------------------------------------

  void outlets_and_systems() {
    Id id = 0;
    for (const demo::OutletSpec& spec : demo::outlets()) {
      sink_.add(MediaOutlet{++id, std::string(spec.name), spec.channel, spec.language});
      outlet_weights_.push_back(spec.weight);
    }
    id = 0;
    for (const demo::SystemSpec& spec : demo::systems()) {
      // The unit that uses a system owns it and reviews who may use it; the IT lead owns the
      // infrastructure. The city secretary owns the document management system.
      Id owner = spec.owner_unit.empty() ? it_lead_
                 : spec.owner_unit == "Linnakantselei"
                     ? city_secretary_
                     : staff_of(spec.owner_unit, start_, it_lead_);
      system_owners_.push_back(owner);
      InformationSystem system{++id, std::string(spec.name), spec.kind, owner, std::nullopt};
      if (spec.restore_test_interval_days > 0)
        system.restore_test_interval_days = spec.restore_test_interval_days;
      sink_.add(system);
    }
  }

  void media() {
    Id id = 0;
    const std::array<double, 3> tone_weights = {22, 55, 23};
    const std::array<double, 3> election_tone_weights = {35, 45, 20};
    const std::array<double, 3> subject_weights = {35, 45, 20};
    // Headline patterns that fit each tone (see demo_vocabulary.cpp).
    const std::array<std::array<std::size_t, 3>, 3> patterns_by_tone = {
        {{2, 3, 6}, {0, 4, 5}, {1, 5, 7}}};
    for (Date day = start_; day <= until_; day = day.plus_days(1)) {
      bool election = election_season(day);
      double mean =
          2.8 * scale_ * seasonal(day) * (day.is_weekend() ? 0.45 : 1.15) * (election ? 1.8 : 1.0);
      int count = random_.poisson(mean);
      for (int i = 0; i < count; ++i) {
        std::size_t outlet = random_.weighted(outlet_weights_);
        const demo::OutletSpec& spec = demo::outlets()[outlet];
        MediaItem item;
        item.id = ++id;
        item.outlet_id = static_cast<Id>(outlet) + 1;
        item.published_on = day;
        item.channel = spec.channel;
        item.language = spec.language;
        item.tone = weighted_enum<Tone>(random_, election ? election_tone_weights : tone_weights);
        std::size_t topic = static_cast<std::size_t>(random_.between(0, demo::topic_count() - 1));
        std::size_t pattern = random_.pick(
            std::span<const std::size_t>(patterns_by_tone[static_cast<std::size_t>(item.tone)]));
        item.title = demo::headline(pattern, topic, spec.language);
        item.subject = weighted_enum<Subject>(random_, subject_weights);
        if (item.subject == Subject::topic) item.topic = demo::topic_label(topic);
        item.url = fmt::format("https://uudised.example/{}/{}", item.outlet_id, item.id);
        item.reach =
            std::max<std::int64_t>(50, static_cast<std::int64_t>(static_cast<double>(spec.reach) *
                                                                 std::exp(0.5 * random_.normal())));
        if (item.tone == Tone::negative && random_.chance(0.06)) rebuttal(item);
        sink_.add(item);
      }
    }
  }

  // A misleading item: the council answers it within two working days.
  void rebuttal(MediaItem& item) {
    item.misleading = true;
    Date due = calendar_.add_working_days(item.published_on, 2);
    item.rebuttal_due_on = due;
    int age = item.published_on.days_until(until_);
    if (age > 21 || (age > 3 && random_.chance(0.6))) {
      item.rebuttal_status =
          random_.chance(0.92) ? RebuttalStatus::published : RebuttalStatus::not_needed;
    } else {
      const std::array<double, 4> recent = {40, 25, 15, 20};
      item.rebuttal_status = static_cast<RebuttalStatus>(1 + random_.weighted(recent));
    }
    if (item.rebuttal_status == RebuttalStatus::not_needed) item.rebuttal_due_on.reset();
    if (item.rebuttal_status == RebuttalStatus::published)
      item.rebuttal_url = fmt::format("https://linn.example/vastulause/{}", item.id);
  }

  void press_releases() {
    Id id = 0;
    for (Date day = start_; day <= until_; day = day.plus_days(1)) {
      if (calendar_.is_day_off(day)) continue;
      int count = random_.poisson(0.32 * scale_ * seasonal(day));
      for (int i = 0; i < count; ++i) {
        PressRelease release;
        release.id = ++id;
        std::vector<std::string_view> titles = demo::in_season(demo::press_release_titles(), day);
        release.title = std::string(random_.pick(std::span<const std::string_view>(titles)));
        release.author_id = random_.chance(0.6) ? comms_specialist_ : comms_manager_;
        release.drafted_on = day;
        Date approved = calendar_.add_working_days(day, static_cast<int>(random_.between(0, 2)));
        Date published =
            calendar_.add_working_days(approved, static_cast<int>(random_.between(0, 1)));
        // The last week's releases are still on their way to the chair.
        if (approved > until_ || (day.days_until(until_) < 8 && random_.chance(0.5))) {
          release.state =
              random_.chance(0.4) ? PressReleaseState::draft : PressReleaseState::awaiting_approval;
        } else {
          release.approver_id = council_chair_;
          release.approved_on = approved;
          release.state = PressReleaseState::approved;
          if (published <= until_) {
            release.published_on = published;
            release.state = PressReleaseState::published;
          }
        }
        sink_.add(release);
      }
    }
  }

  // -- documents
  // -----------------------------------------------------------------------------------

  void documents() {
    std::vector<DeadlineRule> rules = default_deadline_rules();
    const std::map<std::string, std::string> prefixes = {{"information_request", "7-1"},
                                                         {"memorandum", "7-2"},
                                                         {"council_question", "1-6"},
                                                         {"letter", "7-3"},
                                                         {"media_inquiry", "7-4"}};
    // information_request, memorandum, council_question, letter, media_inquiry
    const std::array<double, 5> type_weights = {20, 9, 4, 57, 10};
    const std::array<std::string_view, 7> answering_units = {"Linnakantselei",
                                                             "Linnamajandusosakond",
                                                             "Haridusosakond",
                                                             "Sotsiaalosakond",
                                                             "Arhitektuuri- ja planeerimisosakond",
                                                             "Rahandusosakond",
                                                             "Õigusosakond"};
    std::vector<std::string> council_members;
    for (int i = 0; i < 21; ++i) council_members.push_back(person_name(random_.chance(0.5)));
    std::map<std::string, int> sequence;
    Id id = 0;
    for (Date day = start_; day <= until_; day = day.plus_days(1)) {
      if (calendar_.is_day_off(day)) continue;
      int count = random_.poisson(6.0 * scale_ * seasonal(day));
      for (int i = 0; i < count; ++i) {
        Document doc;
        doc.id = ++id;
        doc.registered_on = day;
        bool outgoing = random_.chance(0.15);
        const DeadlineRule& rule = rules[random_.weighted(type_weights)];
        doc.doc_type = outgoing ? "letter" : rule.key;
        doc.direction = outgoing ? Direction::outgoing : Direction::incoming;
        std::string prefix = outgoing ? "7-5" : prefixes.at(rule.key);
        int number = ++sequence[fmt::format("{}/{}", prefix, day.year())];
        doc.reg_number = fmt::format("{}/{}-{:04}", prefix, day.year(), number);
        std::string_view subject = random_.pick(demo::document_subjects(doc.doc_type));
        doc.title = demo::sentence_case(
            std::string(outgoing ? "Vastuskiri: " : demo::document_title_prefix(doc.doc_type)) +
            std::string(subject));
        if (doc.doc_type == "council_question") {
          doc.sender = random_.pick(council_members);
        } else if (doc.doc_type == "media_inquiry") {
          doc.sender = fmt::format("{}, {}", random_.pick(demo::outlets()).name,
                                   person_name(random_.chance(0.5)));
        } else {
          doc.sender = random_.chance(0.7) ? person_name(random_.chance(0.5))
                                           : std::string(random_.pick(demo::organisations()));
        }
        std::string_view unit =
            doc.doc_type == "media_inquiry"
                ? std::string_view("Avalike suhete osakond")
                : random_.pick(std::span<const std::string_view>(answering_units));
        doc.responder_id = staff_of(unit, day, information_specialist_);
        if (doc.doc_type == "letter" && subject.find("toetuse") != std::string_view::npos) {
          doc.access_restricted = true;
          doc.restriction_basis = "AvTS § 35 lg 1 p 12";
        }
        if (!outgoing) answer(doc, rule);
        sink_.add(doc);
      }
    }
  }

  void answer(Document& doc, const DeadlineRule& rule) {
    Date due = due_date(rule, doc.registered_on, calendar_);
    doc.due_on = due;
    Date deadline = due;
    bool can_extend = rule.key == "information_request" || rule.key == "memorandum";
    if (can_extend && random_.chance(0.04)) {
      Date extended = rule.key == "information_request"
                          ? calendar_.add_working_days(doc.registered_on,
                                                       static_cast<int>(random_.between(8, 15)))
                          : calendar_.working_day_on_or_after(doc.registered_on.plus_days(60));
      if (extended > due) {
        doc.extended_due_on = extended;
        doc.extension_reason = rule.key == "information_request"
                                   ? "Teabe väljastamiseks tuleb läbi vaadata suur hulk dokumente"
                                   : "Vastamiseks on vaja teiste asutuste seisukohti";
        deadline = extended;
      }
    }
    int age = doc.registered_on.days_until(until_);
    double forgotten = age < 45 ? 0.05 : 0.004;
    if (random_.chance(forgotten)) return;  // still open: overdue once its deadline passes
    Date answered;
    if (random_.chance(0.9)) {
      int span = std::max(1, calendar_.working_days_between(doc.registered_on, deadline));
      answered =
          calendar_.add_working_days(doc.registered_on, static_cast<int>(random_.between(0, span)));
    } else {
      answered = calendar_.add_working_days(deadline, static_cast<int>(random_.between(1, 12)));
    }
    if (answered <= until_) doc.answered_on = answered;
  }

  // -- communication plan
  // --------------------------------------------------------------------------

  void communication_plan() {
    const std::array<double, 10> channel_weights = {14, 18, 20, 8, 4, 6, 6, 8, 4, 2};
    Date horizon = until_.plus_days(120);
    int last_year = until_.year() + (until_.month() >= 10 ? 1 : 0);
    Id plan_id = 0;
    Id activity_id = 0;
    Id issue_id = 0;
    for (int year = start_.year(); year <= last_year; ++year) {
      CommPlan plan{++plan_id, fmt::format("Kommunikatsiooniplaan {}", year), comms_manager_,
                    *Date::from_ymd(year, 1, 1), *Date::from_ymd(year, 12, 31)};
      sink_.add(plan);
      Date first = std::max(plan.starts_on, start_);
      Date last = std::min(plan.ends_on, horizon);
      for (Date week = first.week_start(); week <= last; week = week.plus_days(7)) {
        int count = random_.poisson(3.6 * scale_ * seasonal(week));
        for (int i = 0; i < count; ++i) {
          CommActivity activity;
          activity.id = ++activity_id;
          activity.plan_id = plan.id;
          activity.channel = weighted_enum<ActivityChannel>(random_, channel_weights);
          // Drawn now and matched to a title once the day is known, so that the draws that
          // follow stay as they were.
          auto title_draw = static_cast<std::size_t>(
              random_.between(0, std::numeric_limits<std::int64_t>::max()));
          activity.audience = random_.chance(0.5) ? "linnaelanikud" : "eesti- ja venekeelne meedia";
          activity.owner_id = random_.chance(0.7)
                                  ? (random_.chance(0.5) ? comms_specialist_ : comms_manager_)
                                  : staff_of("Kultuuriosakond", week, comms_specialist_);
          Date planned = week.plus_days(static_cast<int>(random_.between(0, 4)));
          if (activity.channel == ActivityChannel::event && random_.chance(0.3))
            planned = week.plus_days(5);  // events also happen on Saturdays
          else
            planned = calendar_.working_day_on_or_after(planned);
          if (planned < first || planned > last) continue;
          activity.planned_on = planned;
          std::vector<std::string_view> titles =
              demo::in_season(demo::activity_titles(activity.channel), planned);
          activity.title = std::string(titles[title_draw % titles.size()]);
          if (activity.channel == ActivityChannel::campaign)
            activity.planned_until = planned.plus_days(static_cast<int>(random_.between(14, 42)));
          progress(activity);
          sink_.add(activity);
        }
      }
      // The city newspaper: every other Friday, copy due four working days before.
      Date friday = first.week_start().plus_days(4);
      for (Date day = friday; day <= std::min(plan.ends_on, horizon); day = day.plus_days(14)) {
        if (day < first) continue;
        Date publication = calendar_.working_day_on_or_after(day);
        Date copy_deadline = day.plus_days(-6);
        while (calendar_.is_day_off(copy_deadline)) copy_deadline = copy_deadline.plus_days(-1);
        sink_.add(NewspaperIssue{++issue_id,
                                 fmt::format("Linnaleht nr {}/{}", ++issue_number_[year], year),
                                 copy_deadline, publication});
      }
    }
  }

  void progress(CommActivity& activity) {
    int age = activity.planned_on.days_until(until_);
    if (age < 0) {
      activity.status =
          random_.chance(0.12) ? ActivityStatus::in_progress : ActivityStatus::planned;
      return;
    }
    double roll = random_.unit();
    if (age <= 7) {
      if (roll < 0.6)
        done(activity, 0.8);
      else
        activity.status = roll < 0.85 ? ActivityStatus::in_progress : ActivityStatus::planned;
      return;
    }
    if (roll < 0.86)
      done(activity, 0.82);
    else if (roll < 0.92)
      activity.status = ActivityStatus::postponed;
    else if (roll < 0.97)
      activity.status = ActivityStatus::cancelled;
    else
      activity.status = random_.chance(0.5) ? ActivityStatus::in_progress : ActivityStatus::planned;
  }

  void done(CommActivity& activity, double on_time) {
    Date done_on = random_.chance(on_time)
                       ? activity.planned_on.plus_days(-static_cast<int>(random_.between(0, 1)))
                       : activity.planned_on.plus_days(static_cast<int>(random_.between(1, 12)));
    done_on = std::min(done_on, until_);
    activity.status = ActivityStatus::done;
    activity.done_on = done_on;
    activity.link = fmt::format("https://linn.example/uudised/{}", activity.id);
  }

  // -- IT incidents and backups -----------------------------------------------------------------

  void incidents() {
    const std::array<double, 8> category_weights = {20, 22, 12, 18, 9, 6, 6, 3};
    const std::array<double, 4> severity_weights = {2, 13, 60, 25};
    const std::array<double, 4> security_severity = {15, 45, 35, 5};
    const std::array<double, 4> median_hours = {3, 7, 20, 60};
    const std::array<std::string_view, 5> causes = {"Kasutaja viga", "Riistvara rike",
                                                    "Tarkvara viga", "Võrguseadme rike",
                                                    "Teenusepakkuja tõrge"};
    // Hours of the day incidents are reported in, 0..23.
    std::array<double, 24> hour_weights{};
    for (int h = 0; h < 24; ++h)
      hour_weights[static_cast<std::size_t>(h)] =
          h >= 8 && h < 17 ? (h == 9 || h == 13 ? 14 : 10) : 0.4;
    Id id = 0;
    for (Date day = start_; day <= until_; day = day.plus_days(1)) {
      bool off = calendar_.is_day_off(day);
      double school_start = day.month() == 9 ? 1.3 : 1.0;
      int count = random_.poisson((off ? 0.15 : 2.3) * scale_ * seasonal(day) * school_start);
      for (int i = 0; i < count; ++i) {
        Incident incident;
        incident.id = ++id;
        incident.category = weighted_enum<IncidentCategory>(random_, category_weights);
        incident.is_security =
            incident.category == IncidentCategory::security ||
            (incident.category == IncidentCategory::account_access && random_.chance(0.05));
        incident.severity = weighted_enum<Severity>(
            random_, incident.is_security ? security_severity : severity_weights);
        incident.title = std::string(random_.pick(demo::incident_titles(incident.category)));
        double where = random_.unit();
        incident.institution_id = where < 0.55  ? city_government_
                                  : where < 0.9 ? random_.pick(kindergartens_)
                                                : random_.pick(other_institutions_);
        int minute = static_cast<int>(random_.weighted(hour_weights)) * 60 +
                     static_cast<int>(random_.between(0, 59));
        incident.opened_at = DateTime{day, minute};
        incident.assignee_id = staff_of("IT-teenistus", day, it_lead_);
        double hours = median_hours[static_cast<std::size_t>(incident.severity)] *
                       std::exp(0.8 * random_.normal());
        DateTime resolved = after_minutes(incident.opened_at, static_cast<int>(hours * 60) + 5);
        // Most are resolved; the newest may still be open, and now and then one waits for a
        // supplier long past its target.
        bool stuck = day.days_until(until_) < 45 && random_.chance(0.04);
        if (resolved.date <= until_ && !stuck &&
            !(resolved.date.days_until(until_) < 2 && random_.chance(0.3))) {
          incident.resolved_at = resolved;
          incident.status = IncidentStatus::resolved;
          incident.root_cause =
              std::string(random_.pick(std::span<const std::string_view>(causes)));
        } else {
          const std::array<double, 3> open_states = {30, 50, 20};
          incident.status = static_cast<IncidentStatus>(random_.weighted(open_states));
        }
        sink_.add(incident);
      }
    }
  }

  // `minutes` later; work that would end outside office hours ends the next working morning.
  DateTime after_minutes(DateTime from, int minutes) {
    int total = from.minute_of_day + minutes;
    DateTime to{from.date.plus_days(total / 1440), total % 1440};
    if (calendar_.is_day_off(to.date) || to.minute_of_day < 8 * 60 || to.minute_of_day >= 18 * 60) {
      Date next = to.minute_of_day >= 18 * 60 ? to.date.plus_days(1) : to.date;
      to = DateTime{calendar_.working_day_on_or_after(next),
                    8 * 60 + static_cast<int>(random_.between(0, 120))};
    }
    return to;
  }

  void backups_and_restore_tests() {
    Id backup_id = 0;
    Id test_id = 0;
    Id system_id = 0;
    for (const demo::SystemSpec& spec : demo::systems()) {
      ++system_id;
      if (spec.backed_up) {
        double size = 2000 + random_.between(0, 8000);
        for (Date day = start_; day <= until_; day = day.plus_days(1)) {
          size *= 1.0007;
          BackupResult result =
              random_.chance(0.015) ? BackupResult::failed : BackupResult::succeeded;
          sink_.add(Backup{++backup_id, system_id,
                           DateTime{day, 90 + static_cast<int>(random_.between(0, 25))}, result,
                           static_cast<std::int64_t>(size)});
        }
      }
      if (spec.restore_test_interval_days <= 0) continue;
      // E-mail's restore tests lapsed after a staff change: the IT lead should see that.
      Date stop = spec.kind == SystemKind::email
                      ? until_.plus_days(-spec.restore_test_interval_days - 40)
                      : until_;
      for (Date day = start_.plus_days(static_cast<int>(random_.between(5, 30))); day <= stop;
           day = day.plus_days(spec.restore_test_interval_days +
                               static_cast<int>(random_.between(-10, 5)))) {
        Date tested = calendar_.working_day_on_or_after(day);
        if (tested > stop) break;
        double roll = random_.unit();
        RestoreResult result = roll < 0.85   ? RestoreResult::passed
                               : roll < 0.95 ? RestoreResult::partial
                                             : RestoreResult::failed;
        sink_.add(RestoreTest{
            ++test_id, system_id, tested, result, it_lead_,
            result == RestoreResult::passed ? "" : "Osa faile ei taastunud, kordustest tehtud"});
      }
    }
  }

  // -- access
  // ----------------------------------------------------------------------------------------

  struct Grant {
    std::size_t system;  // index into demo::systems()
    Privilege privilege;
  };

  std::vector<Grant> grants_for(const Person& p) {
    std::string_view unit = demo::unit_names()[static_cast<std::size_t>(p.unit_id - 1)];
    bool it = unit == "IT-teenistus";
    std::vector<Grant> grants = {
        {3, it ? Privilege::admin : Privilege::user},
        {0, it || p.id == city_secretary_ ? Privilege::admin : Privilege::user}};
    if (it || random_.chance(0.7)) grants.push_back({2, it ? Privilege::admin : Privilege::user});
    if (unit == "Rahandusosakond")
      grants.push_back({1, Privilege::user});
    else if (random_.chance(0.06))
      grants.push_back({1, Privilege::read});
    if (unit == "Sotsiaalosakond") {
      grants.push_back({4, Privilege::user});
      grants.push_back({6, Privilege::user});
    }
    if (unit == "Linnakantselei" && random_.chance(0.4)) grants.push_back({4, Privilege::read});
    if (unit == "Arhitektuuri- ja planeerimisosakond") grants.push_back({5, Privilege::user});
    if (unit == "Haridusosakond") grants.push_back({7, Privilege::user});
    if (unit == "Õigusosakond" || (unit == "Rahandusosakond" && random_.chance(0.3)))
      grants.push_back({8, Privilege::user});
    if (unit == "Avalike suhete osakond" || p.id == comms_manager_)
      grants.push_back({9, Privilege::admin});
    return grants;
  }

  void access() {
    std::vector<Account> accounts;
    std::set<std::string> usernames;
    int request = 0;
    for (const Staff& staff : people_) {
      const Person& p = staff.person;
      for (const Grant& grant : grants_for(p)) {
        Account account;
        account.id = static_cast<Id>(accounts.size()) + 1;
        account.person_id = p.id;
        account.system_id = static_cast<Id>(grant.system) + 1;
        std::string base = ascii_fold(p.full_name);
        account.username = base;
        for (int n = 2;
             !usernames.insert(fmt::format("{}@{}", account.username, account.system_id)).second;
             ++n)
          account.username = fmt::format("{}{}", base, n);
        account.privilege = grant.privilege;
        account.granted_on =
            calendar_.add_working_days(p.joined_on, static_cast<int>(random_.between(0, 3)));
        if (account.granted_on > until_ || (p.left_on && account.granted_on > *p.left_on))
          account.granted_on = p.joined_on;
        account.request_ref =
            fmt::format("PT-{}-{:03}", account.granted_on.year(), ++request % 1000);
        account.requested_by_id = hr_officer_;
        if (p.left_on) {
          double roll = random_.unit();
          int delay = roll < 0.7   ? 0
                      : roll < 0.9 ? static_cast<int>(random_.between(1, 5))
                                   : static_cast<int>(random_.between(6, 40));
          Date revoked = p.left_on->plus_days(delay);
          if (revoked <= until_) account.revoked_on = revoked;
        } else if (random_.chance(0.04)) {
          // Rights withdrawn after a change of duties.
          Date from = std::max(account.granted_on, start_);
          if (from < until_) account.revoked_on = random_day(from, until_);
        }
        accounts.push_back(std::move(account));
      }
    }
    campaigns(accounts);
    // A few leavers whose accounts someone forgot, some despite a review that decided to revoke
    // them: the reason access reviews exist.
    int forgotten = 0;
    for (Account& account : accounts) {
      const Person& p = person(account.person_id);
      if (forgotten < 3 * scale_ && p.left_on && account.revoked_on &&
          p.left_on->days_until(until_) > 20 && account.system_id != 1 && random_.chance(0.15)) {
        account.revoked_on.reset();
        ++forgotten;
      }
    }
    for (const Account& account : accounts) sink_.add(account);
    for (const ReviewCampaign& campaign : campaigns_) sink_.add(campaign);
    for (const AccessDecision& decision : decisions_) sink_.add(decision);
  }

  // Every spring and autumn the IT lead reviews who holds which rights.
  void campaigns(std::vector<Account>& accounts) {
    Id campaign_id = 0;
    for (int year = start_.year(); year <= until_.year(); ++year) {
      for (unsigned month : {4u, 11u}) {
        Date starts = calendar_.working_day_on_or_after(*Date::from_ymd(year, month, 1));
        if (starts < start_ || starts > until_.plus_days(30)) continue;
        ReviewCampaign campaign;
        campaign.id = ++campaign_id;
        campaign.name =
            fmt::format("Juurdepääsuõiguste ülevaatus {} {}", month == 4 ? "kevad" : "sügis", year);
        campaign.reviewer_id = it_lead_;
        campaign.starts_on = starts;
        campaign.due_on = starts.plus_days(30);
        if (starts > until_) {
          campaign.state = CampaignState::planned;
          campaigns_.push_back(campaign);
          continue;
        }
        Date closes = calendar_.working_day_on_or_after(
            campaign.due_on.plus_days(static_cast<int>(random_.between(-5, 6))));
        bool closed = closes <= until_;
        campaign.state = closed ? CampaignState::closed : CampaignState::open;
        if (closed) campaign.closed_on = closes;
        Date last_decision = closed ? closes : until_;
        double finished =
            closed ? 1.0 : std::clamp(starts.days_until(until_) / 30.0 * 1.1, 0.0, 1.0);
        for (Account& account : accounts) {
          bool active =
              account.granted_on <= starts && (!account.revoked_on || *account.revoked_on > starts);
          if (!active) continue;
          AccessDecision decision;
          decision.id = static_cast<Id>(decisions_.size()) + 1;
          decision.campaign_id = campaign.id;
          decision.account_id = account.id;
          if (random_.chance(finished)) {
            const Person& holder = person(account.person_id);
            bool gone = holder.left_on && *holder.left_on <= starts;
            double roll = random_.unit();
            decision.decision = gone          ? ReviewDecision::revoke
                                : roll < 0.9  ? ReviewDecision::keep
                                : roll < 0.95 ? ReviewDecision::reduce
                                              : ReviewDecision::revoke;
            decision.decided_on = random_day(starts, last_decision);
            // The system's owner decides on its accounts, the IT lead where the owner is gone.
            Id owner = system_owners_[static_cast<std::size_t>(account.system_id - 1)];
            decision.decided_by_id = employed(owner, *decision.decided_on) ? owner : it_lead_;
            decision.reason = decision.decision == ReviewDecision::keep ? ""
                              : gone                                    ? "Töötaja on lahkunud"
                                     : "Tööülesanded muutunud";
            if (decision.decision == ReviewDecision::revoke) {
              Date revoked = calendar_.add_working_days(*decision.decided_on,
                                                        static_cast<int>(random_.between(0, 3)));
              if (revoked <= until_ && (!account.revoked_on || *account.revoked_on > revoked))
                account.revoked_on = revoked;
            }
          }
          decisions_.push_back(std::move(decision));
        }
        campaigns_.push_back(campaign);
      }
    }
  }

  const DemoOptions& options_;
  DemoSink& sink_;
  Random random_;
  WorkingCalendar calendar_;
  Date start_;
  Date until_;
  int scale_;

  std::vector<Staff> people_;
  std::map<Id, std::vector<Id>> by_unit_;
  Id city_government_ = 0;
  std::vector<Id> kindergartens_;
  std::vector<Id> other_institutions_;
  Id city_secretary_ = 0, it_lead_ = 0, comms_manager_ = 0, comms_specialist_ = 0,
     council_chair_ = 0, hr_officer_ = 0, information_specialist_ = 0;
  std::vector<double> outlet_weights_;
  std::map<int, int> issue_number_;
  std::vector<Id> system_owners_;  // by system id - 1
  std::vector<ReviewCampaign> campaigns_;
  std::vector<AccessDecision> decisions_;
};

}  // namespace

void generate_demo_data(const DemoOptions& options, DemoSink& sink) {
  Generator(options, sink).run();
}

}  // namespace raekoda
