#include "import/import_kind.h"

#include <array>
#include <string>

namespace raekoda::import {
namespace {

using V = ValueType;

constexpr TargetField field(std::string_view key, ValueType type, bool required = false) {
  return {key, type, required, {}};
}
constexpr TargetField choice(std::string_view key, std::string_view list, bool required = false) {
  return {key, ValueType::choice, required, list};
}

// The doc_type list is the deadline rules' keys: information_request, memorandum,
// council_question, letter, media_inquiry.
constexpr std::array document_targets = {
    field("reg_number", V::text, true),
    field("registered_on", V::date, true),
    field("title", V::text, true),
    choice("doc_type", "doc_type", true),
    choice("direction", "direction"),
    field("sender", V::text),
    field("responder", V::name),
    field("unit", V::name),
    field("due_on", V::date),
    field("extended_due_on", V::date),
    field("extension_reason", V::notes),
    field("answered_on", V::date),
    field("access_restricted", V::text),  // yes/no, or the restriction itself
    field("restriction_basis", V::text),
};

// A monitoring service's "Not rated" is neutral: Raekoda's tone has three values.
constexpr std::array media_targets = {
    field("published_on", V::date, true),
    field("title", V::text, true),
    field("outlet", V::name, true),
    choice("channel", "channel"),
    choice("language", "content_language"),
    field("reach", V::integer),
    choice("tone", "tone"),
    field("url", V::text),
    choice("subject", "subject"),
    field("topic", V::text),
};

constexpr std::array incident_targets = {
    field("ticket_id", V::text, true),
    field("title", V::text, true),
    field("opened_at", V::date_time, true),
    choice("status", "incident_status"),
    choice("severity", "severity"),
    choice("category", "incident_category"),
    field("is_security", V::flag),
    field("institution", V::name),
    field("assignee", V::name),
    field("resolved_at", V::date_time),
    field("root_cause", V::notes),
};

// An account list is one system's (named with --system or chosen in the window), unless the
// file has a column naming the system of each row.
constexpr std::array account_targets = {
    field("username", V::text, true), field("person", V::name),
    field("email", V::text),          field("unit", V::name),
    field("enabled", V::flag),        choice("privilege", "privilege"),
    field("granted_on", V::date),     field("revoked_on", V::date),
    field("system", V::name),
};

constexpr std::array people_targets = {
    field("full_name", V::name, true), field("unit", V::name),      field("job_title", V::text),
    field("email", V::text),           field("joined_on", V::date), field("left_on", V::date),
};

constexpr std::array activity_targets = {
    field("title", V::text, true),
    field("planned_on", V::date, true),
    choice("channel", "activity_channel"),
    field("owner", V::name),
    choice("status", "activity_status"),
    field("planned_until", V::date),
    field("done_on", V::date),
    field("audience", V::text),
    field("link", V::text),
    field("plan", V::name),
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
