#pragma once
// The dashboard's figures in the parts a reader reads apart: one per area, the names records
// refer to, and what records are validated by. Each part names the tables its queries read, so
// that a colleague's save re-reads only the parts that depend on what it changed.

#include <array>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dashboard_figures.h"
#include "core/validation_context.h"
#include "db/access_queries.h"
#include "db/dashboard_queries.h"
#include "db/deadline_queries.h"
#include "db/incident_queries.h"

namespace raekoda::db {

class Database;

enum class FigurePart {
  overview,
  media,
  deadlines,
  plan,
  incidents,
  access,
  references,
  validation
};
inline constexpr std::array<FigurePart, 8> all_figure_parts = {
    FigurePart::overview,  FigurePart::media,  FigurePart::deadlines,  FigurePart::plan,
    FigurePart::incidents, FigurePart::access, FigurePart::references, FigurePart::validation};

// The part that holds what `view` draws (the overview: its tiles and trends); none for the
// gallery.
std::optional<FigurePart> part_of(View view);
std::string_view part_key(FigurePart part);

// The tables `part`'s queries read. A table added to a query is added here, or its changes go
// unseen until another table of the part changes (tests/db/figure_parts_test.cpp checks every
// query of a part against its list).
std::span<const std::string_view> tables_read_by(FigurePart part);
// Whether a choice on screen changes what `part` reads: the media period only the media part's.
bool choice_matters(FigurePart part, const AreaOptions& a, const AreaOptions& b);

// What one read brought: the parts in `read`, whole.
struct FigureParts {
  std::set<FigurePart> read;
  bool database_empty = false;
  DashboardFigures figures;  // the areas' parts; database_empty is the field above
  ReferenceNames references;
  std::vector<std::string> document_types;
  ValidationContext validation;
};

// What a reader keeps between its reads of one database, so that the next read reads only what
// changed: the overview's states and account counts, the year's whole months of answers and the
// responders' names, the year's incidents month by month, and the access figures with the
// current campaign's decisions.
struct ReaderMemory {
  KeptOverview overview;
  KeptDeadlines deadlines;
  KeptIncidents incidents;
  KeptAccess access;
};

// On a server a reader hears of a commit by a notice that may reach it after the window has
// asked for figures, while what it keeps is kept by the counts those notices raise: before
// `part` is read, what is kept of it is forgotten where the window knows more, all of it after
// the window's own save (`own_save`), else what was read from a table the window heard of.
void forget_kept(ReaderMemory& memory, FigurePart part, bool own_save,
                 std::span<const std::string> heard);

// Reads `part` at `now` into `into`, and marks it read. The database is only read. The second
// form keeps what it may use again in `memory`.
void read_figure_part(Database& db, FigurePart part, DateTime now, const AreaOptions& options,
                      FigureParts& into);
void read_figure_part(Database& db, FigurePart part, DateTime now, const AreaOptions& options,
                      FigureParts& into, ReaderMemory& memory);

}  // namespace raekoda::db
