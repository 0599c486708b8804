#pragma once
// The closed lists of the domain. Each value has a key: the same word is stored in the database
// (where a CHECK constraint lists the keys) and names the value in the translation catalogs
// ("enum.<list>.<key>").

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace raekoda {

template <class E>
struct EnumKeys;  // specialised below: `list` names the enum, `keys` its values in order

#define RAEKODA_ENUM_KEYS(Enum, list_name, ...)                                       \
  template <>                                                                         \
  struct EnumKeys<Enum> {                                                             \
    static constexpr std::string_view list = list_name;                               \
    static constexpr std::array<std::string_view, Enum##_count> keys = {__VA_ARGS__}; \
  };

enum class Tone { negative, neutral, positive };
inline constexpr std::size_t Tone_count = 3;
RAEKODA_ENUM_KEYS(Tone, "tone", "negative", "neutral", "positive")

// Where a media item appeared.
enum class Channel { print, online, tv, radio, facebook, instagram, linkedin, other };
inline constexpr std::size_t Channel_count = 8;
RAEKODA_ENUM_KEYS(Channel, "channel", "print", "online", "tv", "radio", "facebook", "instagram",
                  "linkedin", "other")

enum class ContentLanguage { et, ru, en, other };
inline constexpr std::size_t ContentLanguage_count = 4;
RAEKODA_ENUM_KEYS(ContentLanguage, "content_language", "et", "ru", "en", "other")

enum class Subject { council, city_government, topic };
inline constexpr std::size_t Subject_count = 3;
RAEKODA_ENUM_KEYS(Subject, "subject", "council", "city_government", "topic")

enum class RebuttalStatus { not_needed, needed, drafted, approved, published };
inline constexpr std::size_t RebuttalStatus_count = 5;
RAEKODA_ENUM_KEYS(RebuttalStatus, "rebuttal_status", "not_needed", "needed", "drafted", "approved",
                  "published")

enum class PressReleaseState { draft, awaiting_approval, approved, published };
inline constexpr std::size_t PressReleaseState_count = 4;
RAEKODA_ENUM_KEYS(PressReleaseState, "press_release_state", "draft", "awaiting_approval",
                  "approved", "published")

enum class Direction { incoming, outgoing };
inline constexpr std::size_t Direction_count = 2;
RAEKODA_ENUM_KEYS(Direction, "direction", "incoming", "outgoing")

enum class TermUnit { working_days, calendar_days };
inline constexpr std::size_t TermUnit_count = 2;
RAEKODA_ENUM_KEYS(TermUnit, "term_unit", "working_days", "calendar_days")

// How a communication plan activity reaches its audience.
enum class ActivityChannel {
  press_release,
  website,
  facebook,
  instagram,
  linkedin,
  newspaper,
  video,
  event,
  campaign,
  other
};
inline constexpr std::size_t ActivityChannel_count = 10;
RAEKODA_ENUM_KEYS(ActivityChannel, "activity_channel", "press_release", "website", "facebook",
                  "instagram", "linkedin", "newspaper", "video", "event", "campaign", "other")

enum class ActivityStatus { planned, in_progress, done, postponed, cancelled };
inline constexpr std::size_t ActivityStatus_count = 5;
RAEKODA_ENUM_KEYS(ActivityStatus, "activity_status", "planned", "in_progress", "done", "postponed",
                  "cancelled")

enum class IncidentCategory {
  hardware,
  software,
  network,
  account_access,
  document_management,
  accounting_software,
  nas_backup,
  security
};
inline constexpr std::size_t IncidentCategory_count = 8;
RAEKODA_ENUM_KEYS(IncidentCategory, "incident_category", "hardware", "software", "network",
                  "account_access", "document_management", "accounting_software", "nas_backup",
                  "security")

enum class Severity { critical, high, normal, low };
inline constexpr std::size_t Severity_count = 4;
RAEKODA_ENUM_KEYS(Severity, "severity", "critical", "high", "normal", "low")

enum class IncidentStatus { registered, in_progress, waiting, resolved };
inline constexpr std::size_t IncidentStatus_count = 4;
RAEKODA_ENUM_KEYS(IncidentStatus, "incident_status", "registered", "in_progress", "waiting",
                  "resolved")

enum class InstitutionKind { city_government, kindergarten, other };
inline constexpr std::size_t InstitutionKind_count = 3;
RAEKODA_ENUM_KEYS(InstitutionKind, "institution_kind", "city_government", "kindergarten", "other")

enum class SystemKind {
  document_management,
  accounting,
  nas,
  email,
  state_register,
  portal,
  other
};
inline constexpr std::size_t SystemKind_count = 7;
RAEKODA_ENUM_KEYS(SystemKind, "system_kind", "document_management", "accounting", "nas", "email",
                  "state_register", "portal", "other")

enum class Privilege { read, user, admin };
inline constexpr std::size_t Privilege_count = 3;
RAEKODA_ENUM_KEYS(Privilege, "privilege", "read", "user", "admin")

enum class CampaignState { planned, open, closed };
inline constexpr std::size_t CampaignState_count = 3;
RAEKODA_ENUM_KEYS(CampaignState, "campaign_state", "planned", "open", "closed")

enum class ReviewDecision { pending, keep, revoke, reduce };
inline constexpr std::size_t ReviewDecision_count = 4;
RAEKODA_ENUM_KEYS(ReviewDecision, "review_decision", "pending", "keep", "revoke", "reduce")

enum class BackupResult { succeeded, failed };
inline constexpr std::size_t BackupResult_count = 2;
RAEKODA_ENUM_KEYS(BackupResult, "backup_result", "succeeded", "failed")

enum class RestoreResult { passed, partial, failed };
inline constexpr std::size_t RestoreResult_count = 3;
RAEKODA_ENUM_KEYS(RestoreResult, "restore_result", "passed", "partial", "failed")

// Who a person is in the city government's work (core/roles.h), and what a role allows.
enum class Role {
  council_chair,
  head_of_chancellery,
  city_secretary,
  information_specialist,
  communications,
  it_lead,
  responder,
  viewer,
};
inline constexpr std::size_t Role_count = 8;
RAEKODA_ENUM_KEYS(Role, "role", "council_chair", "head_of_chancellery", "city_secretary",
                  "information_specialist", "communications", "it_lead", "responder", "viewer")

enum class Permission {
  personal_data,     // requesters' and senders' names; documents with restricted access
  review_people,     // the employees in access reviews, by name
  approve_releases,  // press releases and rebuttals: approve, send back
  decide_reviews,    // access reviews: start, decide, close; revoke accounts
  edit_rules,        // deadline rules, incident targets, days off
  edit_documents,
  edit_media,   // media items, outlets, press release drafts
  edit_plan,    // the communication plan and the newspaper
  edit_it,      // incidents, systems, backups, restore tests, accounts
  edit_people,  // people, units, logins and roles
};
inline constexpr std::size_t Permission_count = 10;
RAEKODA_ENUM_KEYS(Permission, "permission", "personal_data", "review_people", "approve_releases",
                  "decide_reviews", "edit_rules", "edit_documents", "edit_media", "edit_plan",
                  "edit_it", "edit_people")

#undef RAEKODA_ENUM_KEYS

template <class E>
constexpr std::string_view key_of(E value) {
  return EnumKeys<E>::keys[static_cast<std::size_t>(value)];
}

template <class E>
constexpr std::optional<E> enum_from_key(std::string_view key) {
  const auto& keys = EnumKeys<E>::keys;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<E>(i);
  return std::nullopt;
}

// The translation key that names a value: "enum.tone.negative".
template <class E>
std::string catalog_key(E value) {
  return "enum." + std::string(EnumKeys<E>::list) + "." + std::string(key_of(value));
}

}  // namespace raekoda
