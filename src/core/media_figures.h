#pragma once
// The communications manager's report to the council chair, in figures: coverage of a period
// and the period before it, by tone, outlet, channel, language and subject; rebuttals still owed;
// press releases waiting for the chair. Filled by the database layer, read by the media view.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/enums.h"
#include "core/period.h"
#include "core/records.h"

namespace raekoda {

enum class TrendStep { day, week, month };

// The step of a trend over `days` days: days up to a month, weeks up to half a year, months.
TrendStep trend_step_for(int days);

struct MediaFigures {
  Date today;
  PeriodChoice choice;
  Period period;
  Period previous;

  // Items by tone in the period and in the one before.
  std::array<std::int64_t, Tone_count> by_tone{};
  std::array<std::int64_t, Tone_count> by_tone_previous{};
  std::int64_t items() const;
  std::int64_t items_previous() const;

  // Misleading or false items whose rebuttal is not yet published, whenever they appeared.
  struct Rebuttal {
    Id id = 0;
    std::string title;
    std::string outlet;
    Date published_on;
    RebuttalStatus status = RebuttalStatus::needed;
    std::optional<Date> due_on;
    std::int64_t version = 0;  // as read: an approval does not step over a colleague's edit
  };
  std::vector<Rebuttal> open_rebuttals;  // nearest due first, those without a due date last

  // Coverage over time, by tone, over the period and the one it is compared with: days for
  // up to a month (this week beside last week), weeks for up to half a year, months beyond.
  // Buckets are whole calendar days, weeks or months; the one holding today is still running.
  Date trend_from;
  std::vector<Date> trend_buckets;
  TrendStep trend_step = TrendStep::week;
  std::array<std::vector<std::int64_t>, Tone_count> trend_by_tone;
  // Items in each trend bucket, all tones: what the tone shares of the bucket are of.
  std::vector<std::int64_t> trend_totals() const;
  // The first day of the bucket after `start`.
  Date trend_bucket_after(Date start) const;

  struct Outlet {
    Id id = 0;
    std::string name;
    ContentLanguage language = ContentLanguage::et;
    std::int64_t items = 0;
    std::int64_t reach = 0;
    double share_of_voice = 0;  // its share of all outlets' reach in the period, 0..1
  };
  std::vector<Outlet> outlets;  // with items in the period, most items first
  std::int64_t reach_total = 0;

  std::array<std::int64_t, Channel_count> by_channel{};
  std::array<std::int64_t, ContentLanguage_count> by_language{};

  // The council, the city government, and each named topic.
  struct SubjectCount {
    Subject subject = Subject::council;
    std::string topic;  // for Subject::topic
    std::int64_t items = 0;
  };
  std::vector<SubjectCount> subjects;  // most items first

  // Items per outlet and week, for the outlets with the most items: the weeks of the period and
  // its comparison, at least the last twelve, at most twenty-six.
  std::vector<std::size_t> heatmap_outlets;  // indexes into `outlets`
  std::vector<Date> heatmap_weeks;
  std::vector<std::int64_t> heatmap;  // row-major: outlet × week

  // Press releases not yet published, the ones waiting for the chair first.
  struct Release {
    Id id = 0;
    std::int64_t version = 0;
    std::string title;
    std::string author;
    Date drafted_on;
    PressReleaseState state = PressReleaseState::draft;
    std::string return_comment;
  };
  std::vector<Release> releases;
  std::int64_t awaiting_approval = 0;
  std::optional<Date> oldest_awaiting;  // drafted on
};

// Each value's share of their sum, 0..1; all zeros when the sum is zero.
std::vector<double> shares_of(const std::vector<std::int64_t>& values);

}  // namespace raekoda
