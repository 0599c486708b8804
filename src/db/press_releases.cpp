#include "db/press_releases.h"

#include "core/press_release.h"
#include "db/database.h"

namespace raekoda::db {

SaveResult advance_release(Database& db, Id release, std::int64_t version, ReleaseStep step,
                           const std::string& comment, Date today, const Author& author) {
  const TableSpec& spec = press_releases_spec();
  auto current = load_record(db, spec, release);
  if (!current) return {SaveStatus::missing, {}, 0};
  // The user acted on the version on screen: a colleague's change since is not stepped over.
  PressReleaseState from =
      step == ReleaseStep::submit ? PressReleaseState::draft : PressReleaseState::awaiting_approval;
  if (current->version != version || current->value("state") != key_of(from))
    return {SaveStatus::conflict, *current, 0};
  Record next;
  switch (step) {
    case ReleaseStep::submit:
      next = submitted_release(*current);
      break;
    case ReleaseStep::approve: {
      std::int64_t chair = db.query_integer("SELECT council_chair_id FROM settings", 0);
      next = approved_release(*current, today, chair > 0 ? std::optional<Id>(chair) : std::nullopt);
      break;
    }
    case ReleaseStep::send_back:
      next = returned_release(*current, comment);
      break;
  }
  return update_record(db, spec, *current, next, author);
}

}  // namespace raekoda::db
