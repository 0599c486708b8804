#pragma once
// The queries behind the overview and the area summaries. Called when the data or the day
// changes, never from a frame.

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dashboard_figures.h"
#include "core/record_spec.h"
#include "core/records.h"
#include "core/validation_context.h"
#include "core/working_calendar.h"
#include "db/period_queries.h"

namespace raekoda::db {

class Database;

// Weekends and public holidays plus the extra days off kept in the database.
WorkingCalendar load_working_calendar(Database& db);

// The overview's tiles, and the figures of `areas` only: each area's figures scan its tables,
// so a refresh reads just the ones on screen (View::overview: the trends under its tiles).
// `now` is the moment on `today` that open incidents are judged against their targets.
DashboardFigures load_dashboard_figures(Database& db, DateTime now,
                                        std::span<const View> areas = all_views,
                                        const AreaOptions& options = {});
// A group of the overview's tiles, counted from the same tables, as last counted.
struct KeptTiles {
  std::vector<std::int64_t> versions;  // change_counts of the group's tables; empty: none kept
  Date today;
  std::vector<std::int64_t> counts;
};
// The overview's tiles by the tables they count: media, documents, activities, incidents,
// accounts.
enum class TileGroup : std::size_t { media, documents, activities, incidents, accounts, count };
// What a reader keeps of the overview between its reads: the trends' states, and each group of
// tiles while none of its tables changes on the same day. A save recounts only its own tiles,
// some of which count a backlog as long as the history.
struct KeptOverview {
  KeptStates states;
  std::array<KeptTiles, static_cast<std::size_t>(TileGroup::count)> tiles;
  KeptTiles& operator[](TileGroup group) { return tiles[static_cast<std::size_t>(group)]; }
  // Forgets what was read from a table `changed` names.
  void forget(std::span<const std::string> changed);
};
// The overview's tiles and the trends under them, read again only where their tables changed
// since `kept` was filled.
OverviewFigures load_overview_figures(Database& db, Date today, KeptOverview& kept);
// Reads the figures `view` draws from into `figures`.
void load_area_figures(Database& db, View view, DateTime now, const AreaOptions& options,
                       DashboardFigures& figures);

// The names of the rows records refer to: people, outlets, institutions, systems, plans; and
// each table's ids in the order of its names in the user's language, for the lists to pick from.
struct ReferenceNames {
  std::map<std::string, std::map<Id, std::string>, std::less<>> by_table;
  std::map<std::string, std::vector<Id>, std::less<>> in_order;
};
ReferenceNames load_reference_labels(Database& db);
// Accounts are too many to name all at every refresh: the ones `records` refer to are named
// when they are read ("jaan.kask · E-post").
void add_account_labels(Database& db, const TableSpec& spec, const std::vector<Record>& records,
                        std::map<std::string, std::map<Id, std::string>, std::less<>>& labels);
// When people left, by person id.
std::unordered_map<Id, Date> load_departures(Database& db);
// What records are validated by at `now`: the rules, the calendar, the targets, who has left.
ValidationContext load_validation_context(Database& db, DateTime now);
// The keys of the deadline rules: the document types a document can have.
std::vector<std::string> load_document_types(Database& db);

}  // namespace raekoda::db
