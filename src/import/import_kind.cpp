#include "import/import_kind.h"

#include <array>
#include <string>

namespace raekoda::import {
namespace {

using V = ValueType;

// The doc_type list is the deadline rules' keys: information_request, memorandum,
// council_question, letter, media_inquiry.
constexpr std::array document_targets = {
    TargetField{"reg_number", V::text, true},
    TargetField{"registered_on", V::date, true},
    TargetField{"title", V::text, true},
    TargetField{"doc_type", V::choice, true, "doc_type"},
    TargetField{"direction", V::choice, false, "direction"},
    TargetField{"sender", V::text},
    TargetField{"responder", V::name},
    TargetField{"unit", V::name},
    TargetField{"due_on", V::date},
    TargetField{"extended_due_on", V::date},
    TargetField{"extension_reason", V::notes},
    TargetField{"answered_on", V::date},
    TargetField{"access_restricted", V::flag},
    TargetField{"restriction_basis", V::text},
};

// A monitoring service's "Not rated" is neutral: Raekoda's tone has three values.
constexpr std::array media_targets = {
    TargetField{"published_on", V::date, true},
    TargetField{"title", V::text, true},
    TargetField{"outlet", V::name, true},
    TargetField{"channel", V::choice, false, "channel"},
    TargetField{"language", V::choice, false, "content_language"},
    TargetField{"reach", V::integer},
    TargetField{"tone", V::choice, false, "tone"},
    TargetField{"url", V::text},
    TargetField{"subject", V::choice, false, "subject"},
    TargetField{"topic", V::text},
};

constexpr std::array incident_targets = {
    TargetField{"ticket_id", V::text, true},
    TargetField{"title", V::text, true},
    TargetField{"opened_at", V::date_time, true},
    TargetField{"status", V::choice, false, "incident_status"},
    TargetField{"severity", V::choice, false, "severity"},
    TargetField{"category", V::choice, false, "incident_category"},
    TargetField{"is_security", V::flag},
    TargetField{"institution", V::name},
    TargetField{"assignee", V::name},
    TargetField{"resolved_at", V::date_time},
    TargetField{"root_cause", V::notes},
};

// An account list is one system's (named with --system or chosen in the window), unless the
// file has a column naming the system of each row.
constexpr std::array account_targets = {
    TargetField{"username", V::text, true},
    TargetField{"person", V::name},
    TargetField{"email", V::text},
    TargetField{"unit", V::name},
    TargetField{"enabled", V::flag},
    TargetField{"privilege", V::choice, false, "privilege"},
    TargetField{"granted_on", V::date},
    TargetField{"revoked_on", V::date},
    TargetField{"system", V::name},
};

constexpr std::array people_targets = {
    TargetField{"full_name", V::name, true},
    TargetField{"unit", V::name},
    TargetField{"job_title", V::text},
    TargetField{"email", V::text},
    TargetField{"joined_on", V::date},
    TargetField{"left_on", V::date},
};

constexpr std::array activity_targets = {
    TargetField{"title", V::text, true},
    TargetField{"planned_on", V::date, true},
    TargetField{"channel", V::choice, false, "activity_channel"},
    TargetField{"owner", V::name},
    TargetField{"status", V::choice, false, "activity_status"},
    TargetField{"planned_until", V::date},
    TargetField{"done_on", V::date},
    TargetField{"audience", V::text},
    TargetField{"link", V::text},
    TargetField{"plan", V::name},
};

}  // namespace

std::string_view kind_key(ImportKind kind) {
  switch (kind) {
    case ImportKind::documents:
      return "documents";
    case ImportKind::media:
      return "media";
    case ImportKind::incidents:
      return "incidents";
    case ImportKind::accounts:
      return "accounts";
    case ImportKind::people:
      return "people";
    case ImportKind::activities:
      return "activities";
  }
  return "documents";
}

std::optional<ImportKind> kind_from_key(std::string_view key) {
  for (ImportKind kind : all_import_kinds)
    if (kind_key(kind) == key) return kind;
  return std::nullopt;
}

std::span<const TargetField> target_fields(ImportKind kind) {
  switch (kind) {
    case ImportKind::documents:
      return document_targets;
    case ImportKind::media:
      return media_targets;
    case ImportKind::incidents:
      return incident_targets;
    case ImportKind::accounts:
      return account_targets;
    case ImportKind::people:
      return people_targets;
    case ImportKind::activities:
      return activity_targets;
  }
  return {};
}

const TargetField* find_target(ImportKind kind, std::string_view key) {
  for (const TargetField& field : target_fields(kind))
    if (field.key == key) return &field;
  return nullptr;
}

std::string field_label_key(ImportKind kind, std::string_view field_key) {
  return "import.field." + std::string(kind_key(kind)) + "." + std::string(field_key);
}

}  // namespace raekoda::import
