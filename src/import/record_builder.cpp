#include "import/record_builder.h"

#include "core/deadline_rule.h"
#include "core/i18n.h"
#include "core/text.h"
#include "import/values.h"

namespace raekoda::import {
namespace {

constexpr std::size_t title_limit = 500;

class Row {
public:
  explicit Row(const FieldValues& values) : values_(values) {}
  const std::string* get(std::string_view key) const {
    auto found = values_.find(key);
    return found == values_.end() || found->second.empty() ? nullptr : &found->second;
  }
  std::string text(std::string_view key) const {
    const std::string* value = get(key);
    return value ? *value : std::string();
  }
  bool has(std::string_view key) const { return get(key) != nullptr; }
  std::optional<Date> date(std::string_view key) const {
    const std::string* value = get(key);
    if (!value) return std::nullopt;
    return Date::parse_iso(std::string_view(*value).substr(0, 10));
  }

private:
  const FieldValues& values_;
};

void copy(const Row& row, Record& record, std::string_view field, std::string_view column) {
  if (const std::string* value = row.get(field)) record.set(column, *value);
}

// A caption of several lines (a Facebook post) becomes a title of one, within the limit.
std::string one_line_title(std::string_view text) {
  std::string line;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n' || c == '\t') {
      if (!line.empty() && line.back() != ' ') line += ' ';
      continue;
    }
    line += c;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (utf8_length(line) <= title_limit) return line;
  // Cut at a character boundary, leaving room for the ellipsis.
  std::size_t characters = 0;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (characters == title_limit - 1) {
      cut = i;
      break;
    }
    ++characters;
  }
  return line.substr(0, cut) + "…";
}

bool has_cyrillic(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead == 0xD0 || lead == 0xD1) return true;
  }
  return false;
}

Channel channel_of_url(std::string_view url) {
  if (url.find("facebook.com") != std::string_view::npos) return Channel::facebook;
  if (url.find("instagram.com") != std::string_view::npos) return Channel::instagram;
  if (url.find("linkedin.com") != std::string_view::npos) return Channel::linkedin;
  return Channel::online;
}

void build_document(const Row& row, db::ImportWriter& writer, BuiltRecord& built) {
  Record& record = built.values;
  std::string reg_number = row.text("reg_number");
  built.key = {reg_number, {{"reg_number", reg_number}}};
  record.set("reg_number", reg_number);
  copy(row, record, "doc_type", "doc_type");
  copy(row, record, "title", "title");
  copy(row, record, "registered_on", "registered_on");
  copy(row, record, "sender", "sender");
  copy(row, record, "answered_on", "answered_on");
  auto registered = row.date("registered_on");
  std::optional<Record> existing = writer.find(documents_spec(), built.key);
  std::string direction = row.has("direction") ? row.text("direction")
                          : existing           ? existing->value("direction").value_or("incoming")
                                               : "incoming";
  record.set("direction", direction);
  if (row.has("responder") && registered)
    record.set("responder_id", std::to_string(writer.person(row.text("responder"), "",
                                                            row.text("unit"), *registered)));
  // An outgoing document awaits no answer: a register's date on it is not a due date.
  if (direction == "incoming") {
    copy(row, record, "due_on", "due_on");
    copy(row, record, "extended_due_on", "extended_due_on");
    if (row.has("extended_due_on"))
      record.set("extension_reason", row.has("extension_reason")
                                         ? row.text("extension_reason")
                                         : std::string(tr("import.extension_in_register")));
    const DeadlineRule* rule = writer.context().rule(row.text("doc_type"));
    if (rule && registered) {
      Date law = due_date(*rule, *registered, writer.context().calendar);
      record.set("law_due_on", law.iso());
      built.law_due = law;
      if (row.has("due_on"))
        built.register_due = row.date("due_on");
      else
        record.set("due_on", law.iso());
    }
  } else {
    record.set("due_on", std::nullopt);
    record.set("extended_due_on", std::nullopt);
    record.set("extension_reason", std::nullopt);
  }
  if (const std::string* restriction = row.get("access_restricted")) {
    auto flag = parse_flag(*restriction);
    std::string folded = fold_name(*restriction);
    bool open = folded == "avalik" || folded == "public" || folded == "-" || folded == "открытый" ||
                (flag && !*flag);
    record.set("access_restricted", open ? "0" : "1");
    if (!open && !flag)
      record.set("restriction_basis",
                 row.has("restriction_basis") ? row.text("restriction_basis") : *restriction);
  }
  if (row.has("restriction_basis") && !row.has("access_restricted")) {
    record.set("access_restricted", "1");
    copy(row, record, "restriction_basis", "restriction_basis");
  }
}

void build_media(const Row& row, db::ImportWriter& writer, BuiltRecord& built) {
  Record& record = built.values;
  std::string title = one_line_title(row.text("title"));
  std::string url = row.text("url");
  auto channel =
      row.has("channel") ? *enum_from_key<Channel>(row.text("channel")) : channel_of_url(url);
  auto language = row.has("language")   ? *enum_from_key<ContentLanguage>(row.text("language"))
                  : has_cyrillic(title) ? ContentLanguage::ru
                                        : ContentLanguage::et;
  Id outlet = writer.outlet(row.text("outlet"), channel, language);
  std::string published = row.text("published_on").substr(0, 10);
  std::string outlet_key = std::to_string(outlet);
  if (!url.empty())
    built.key = {outlet_key + "|" + url, {{"outlet_id", outlet_key}, {"url", url}}};
  else
    built.key = {outlet_key + "|" + published + "|" + title,
                 {{"outlet_id", outlet_key}, {"published_on", published}, {"title", title}}};
  std::optional<Record> existing = writer.find(media_items_spec(), built.key);
  record.set("outlet_id", outlet_key);
  record.set("published_on", published);
  record.set("title", title);
  if (!url.empty()) record.set("url", url);
  if (row.has("channel") || !existing) record.set("channel", std::string(key_of(channel)));
  if (row.has("language") || !existing) record.set("language", std::string(key_of(language)));
  if (row.has("tone") || !existing)
    record.set("tone", row.has("tone") ? row.text("tone") : "neutral");
  if (row.has("subject") || !existing)
    record.set("subject", row.has("subject") ? row.text("subject") : "city_government");
  copy(row, record, "topic", "topic");
  if (row.has("reach") || !existing)
    record.set("reach", row.has("reach") ? row.text("reach") : "0");
  if (!existing) {
    record.set("misleading", "0");
    record.set("rebuttal_status", "not_needed");
    record.set("notes", "");
  }
}

void build_incident(const Row& row, db::ImportWriter& writer, const BuildOptions& options,
                    BuiltRecord& built) {
  Record& record = built.values;
  std::string ticket = row.text("ticket_id");
  built.key = {options.system + ":" + ticket, {}};
  std::optional<Record> existing = writer.find(incidents_spec(), built.key);
  copy(row, record, "title", "title");
  copy(row, record, "opened_at", "opened_at");
  copy(row, record, "root_cause", "root_cause");
  // A solve date means solved, whatever the status column says of a ticket later reopened and
  // closed again; a solved ticket without one cannot be counted against its target.
  if (row.has("resolved_at")) {
    record.set("resolved_at", row.text("resolved_at"));
    record.set("status", "resolved");
  } else if (row.has("status")) {
    if (row.text("status") == "resolved")
      built.problems.push_back(tr("import.problem.resolved_without_date"));
    record.set("status", row.text("status"));
    record.set("resolved_at", std::nullopt);
  } else if (!existing) {
    record.set("status", "registered");
  }
  if (row.has("severity") || !existing)
    record.set("severity", row.has("severity") ? row.text("severity") : "normal");
  if (row.has("category") || !existing)
    record.set("category", row.has("category") ? row.text("category") : "software");
  bool security = row.text("category") == "security" || row.text("is_security") == "1";
  if (row.has("is_security") || row.has("category") || !existing)
    record.set("is_security", security ? "1" : "0");
  if (row.has("institution"))
    record.set("institution_id", std::to_string(writer.institution(row.text("institution"))));
  else if (!existing)
    record.set("institution_id", std::to_string(writer.home_institution()));
  if (row.has("assignee")) {
    Date since = row.date("opened_at").value_or(options.today);
    record.set("assignee_id", std::to_string(writer.person(row.text("assignee"), "", "", since)));
  }
  if (!existing && !record.value("root_cause")) record.set("root_cause", "");
}

void build_account(const Row& row, db::ImportWriter& writer, const BuildOptions& options,
                   BuiltRecord& built) {
  Record& record = built.values;
  std::string system_name = row.has("system") ? row.text("system") : options.system;
  if (system_name.empty()) {
    built.problems.push_back(tr("import.problem.system_required"));
    return;
  }
  std::string system = std::to_string(writer.system(system_name));
  std::string username = row.text("username");
  built.key = {system + ":" + db::folded_name(username),
               {{"system_id", system}, {"username", username}}};
  std::optional<Record> existing = writer.find(accounts_spec(), built.key);
  record.set("system_id", system);
  record.set("username", username);
  Date granted = row.date("granted_on").value_or(options.today);
  if (!existing || row.has("person") || row.has("email")) {
    std::string name = row.has("person") ? row.text("person") : username;
    record.set("person_id",
               std::to_string(writer.person(name, row.text("email"), row.text("unit"), granted)));
  }
  if (row.has("granted_on") || !existing) record.set("granted_on", granted.iso());
  if (row.has("privilege") || !existing)
    record.set("privilege", row.has("privilege") ? row.text("privilege") : "user");
  if (!existing) record.set("request_ref", "");
  // A disabled account counts as revoked from the day a list first showed it disabled.
  if (row.has("revoked_on")) {
    copy(row, record, "revoked_on", "revoked_on");
  } else if (row.has("enabled")) {
    bool enabled = row.text("enabled") == "1";
    std::optional<std::string> revoked =
        existing ? existing->value("revoked_on") : std::optional<std::string>();
    if (enabled)
      record.set("revoked_on", std::nullopt);
    else
      record.set("revoked_on", revoked ? *revoked : std::max(options.today, granted).iso());
  }
}

void build_person(const Row& row, db::ImportWriter& writer, const BuildOptions& options,
                  BuiltRecord& built) {
  Record& record = built.values;
  std::string name = row.text("full_name");
  std::string email = row.text("email");
  std::optional<Id> id = writer.find_person(name, email);
  built.key = {email.empty() ? "name:" + db::folded_name(name) : "email:" + db::folded_name(email),
               {}};
  if (id) built.key.columns = {{"id", std::to_string(*id)}};
  record.set("full_name", name);
  copy(row, record, "job_title", "job_title");
  copy(row, record, "email", "email");
  copy(row, record, "joined_on", "joined_on");
  copy(row, record, "left_on", "left_on");
  if (row.has("unit") || !id) record.set("unit_id", std::to_string(writer.unit(row.text("unit"))));
  if (!id) {
    if (!row.has("joined_on")) record.set("joined_on", options.today.iso());
    if (!row.has("job_title")) record.set("job_title", "");
  }
}

void build_activity(const Row& row, db::ImportWriter& writer, BuiltRecord& built) {
  Record& record = built.values;
  auto planned = row.date("planned_on");
  if (!planned) return;
  auto plan = writer.plan(row.text("plan"), *planned);
  if (!plan) {
    built.problems.push_back(trf("import.problem.no_plan", planned->display()));
    return;
  }
  std::string plan_id = std::to_string(*plan);
  std::string title = one_line_title(row.text("title"));
  built.key = {plan_id + "|" + planned->iso() + "|" + title,
               {{"plan_id", plan_id}, {"planned_on", planned->iso()}, {"title", title}}};
  std::optional<Record> existing = writer.find(comm_activities_spec(), built.key);
  record.set("plan_id", plan_id);
  record.set("title", title);
  record.set("planned_on", planned->iso());
  copy(row, record, "planned_until", "planned_until");
  copy(row, record, "audience", "audience");
  copy(row, record, "link", "link");
  if (row.has("channel") || !existing)
    record.set("channel", row.has("channel") ? row.text("channel") : "other");
  if (row.has("owner"))
    record.set("owner_id", std::to_string(writer.person(row.text("owner"), "", "", *planned)));
  else if (!existing)
    record.set("owner_id", std::to_string(writer.plan_owner(*plan)));
  if (!existing) record.set("audience", row.has("audience") ? row.text("audience") : "");
  // Done means done on a day: the file's, else the last planned day.
  if (row.has("done_on")) {
    copy(row, record, "done_on", "done_on");
    record.set("status", "done");
  } else if (row.has("status")) {
    record.set("status", row.text("status"));
    if (row.text("status") == "done")
      record.set("done_on", row.has("planned_until") ? row.text("planned_until") : planned->iso());
    else
      record.set("done_on", std::nullopt);
  } else if (!existing) {
    record.set("status", "planned");
  }
}

}  // namespace

const TableSpec& table_of(ImportKind kind) {
  switch (kind) {
    case ImportKind::documents:
      return documents_spec();
    case ImportKind::media:
      return media_items_spec();
    case ImportKind::incidents:
      return incidents_spec();
    case ImportKind::accounts:
      return accounts_spec();
    case ImportKind::people:
      return people_spec();
    case ImportKind::activities:
      return comm_activities_spec();
  }
  return documents_spec();
}

BuiltRecord build_record(ImportKind kind, const FieldValues& values, db::ImportWriter& writer,
                         const BuildOptions& options) {
  BuiltRecord built;
  built.spec = &table_of(kind);
  Row row(values);
  switch (kind) {
    case ImportKind::documents:
      build_document(row, writer, built);
      break;
    case ImportKind::media:
      build_media(row, writer, built);
      break;
    case ImportKind::incidents:
      build_incident(row, writer, options, built);
      break;
    case ImportKind::accounts:
      build_account(row, writer, options, built);
      break;
    case ImportKind::people:
      build_person(row, writer, options, built);
      break;
    case ImportKind::activities:
      build_activity(row, writer, built);
      break;
  }
  return built;
}

}  // namespace raekoda::import
