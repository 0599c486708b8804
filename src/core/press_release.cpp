#include "core/press_release.h"

#include "core/i18n.h"

namespace raekoda {

Record submitted_release(const Record& release) {
  Record next = release;
  next.set("state", std::string(key_of(PressReleaseState::awaiting_approval)));
  return next;
}

Record approved_release(const Record& release, Date today, std::optional<Id> approver) {
  Record next = release;
  next.set("state", std::string(key_of(PressReleaseState::approved)));
  next.set("approved_on", today.iso());
  next.set("approver_id", approver ? std::optional(std::to_string(*approver)) : std::nullopt);
  next.set("return_comment", "");
  return next;
}

Record returned_release(const Record& release, const std::string& comment) {
  Record next = release;
  next.set("state", std::string(key_of(PressReleaseState::draft)));
  next.set("approved_on", std::nullopt);
  next.set("approver_id", std::nullopt);
  next.set("return_comment", comment);
  return next;
}

void check_press_release(const Record&, const Record& edited, const ValidationContext&,
                         std::vector<FieldError>& errors) {
  auto has = [&](std::string_view column) {
    const auto& value = edited.value(column);
    return value && !value->empty();
  };
  auto state = enum_from_key<PressReleaseState>(edited.value("state").value_or(""));
  if (!state) return;
  bool approved = *state == PressReleaseState::approved || *state == PressReleaseState::published;
  bool published = *state == PressReleaseState::published;
  if (approved != has("approved_on"))
    errors.push_back({"approved_on", tr(approved ? "validation.release_needs_approval_date"
                                                 : "validation.release_not_approved")});
  if (published != has("published_on"))
    errors.push_back({"published_on", tr(published ? "validation.release_needs_publication_date"
                                                   : "validation.release_not_published")});
}

}  // namespace raekoda
