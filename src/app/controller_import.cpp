// The import panel's work: the file read and tried (a dry run: the preview) or written, on a
// worker thread with a connection of its own so that the window never waits for it; the
// report turned into the words the panel shows; presets saved; imports undone.

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <thread>

#include "app/controller.h"
#include "app/messages.h"
#include "app/paths.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "db/import_writer.h"
#include "import/import_run.h"
#include "import/values.h"
#include "reading/background_work.h"

namespace raekoda::app {

// One run of an import, owned by the controller and shared with its thread until it finishes.
// The thread writes `report` or `error` and then `finished`; the controller reads them only
// after it has seen `finished`, so nothing is shared half-built.
struct Controller::ImportJob {
  bool dry_run = true;
  import::ImportProgress progress;
  std::atomic<bool> finished{false};
  std::optional<import::ImportReport> report;
  std::string error;
  std::thread thread;

  ~ImportJob() {
    progress.cancel = true;  // the writer rolls back: the database is as it was
    if (thread.joinable()) thread.join();
  }
};

// What the panel needs beyond what it shows: the last report (for the conflicts' keys and the
// header a preset is saved from) and the user's presets.
struct Controller::ImportSession {
  std::unique_ptr<ImportJob> job;
  std::optional<import::ImportReport> report;
  std::vector<import::Preset> user_presets;
  bool preview_wanted = false;  // asked for while a preview was being cancelled
  std::string previewed_path;   // the file the columns belong to
};

namespace {

// Encodings the city's systems write, by iconv's names; the rest of iconv's are typed nowhere.
constexpr std::pair<const char*, const char*> encodings[] = {
    {"UTF-8", nullptr},
    {"UTF-16LE", nullptr},
    {"UTF-16BE", nullptr},
    {"WINDOWS-1257", "import.panel.encoding.baltic"},
    {"WINDOWS-1252", "import.panel.encoding.western"},
    {"ISO-8859-1", "import.panel.encoding.latin1"},
    {"ISO-8859-13", "import.panel.encoding.baltic"},
    {"WINDOWS-1251", "import.panel.encoding.cyrillic"},
    {"KOI8-R", "import.panel.encoding.cyrillic"},
    {"CP775", "import.panel.encoding.dos_baltic"},
};

constexpr std::pair<char, const char*> separators[] = {
    {';', "import.panel.separator.semicolon"},
    {',', "import.panel.separator.comma"},
    {'\t', "import.panel.separator.tab"},
    {'|', "import.panel.separator.bar"},
};

std::string separator_name(char separator) {
  for (const auto& [character, key] : separators)
    if (character == separator) return tr(key);
  return std::string(1, separator);
}

std::string kind_name(import::ImportKind kind) {
  return tr("import.kind." + std::string(import::kind_key(kind)));
}

// A path as a user pastes it: in quotes, or as a file manager's file:// address.
std::string cleaned_path(std::string text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.back())) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && blank(text[start])) ++start;
  text.erase(0, start);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front())
    text = text.substr(1, text.size() - 2);
  if (text.starts_with("file://")) {
    std::string decoded;
    for (std::size_t i = 7; i < text.size(); ++i) {
      if (text[i] == '%' && i + 2 < text.size() &&
          std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
          std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
        decoded += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        decoded += text[i];
      }
    }
    text = decoded;
  }
  return text;
}

// A value as read_cell() stored it, as the user reads it: dates dd.mm.yyyy, lists by their
// names (document types as the deadlines view names them), yes or no.
std::string shown_value(const import::TargetField& field, const std::string& value) {
  using import::ValueType;
  switch (field.type) {
    case ValueType::date:
      if (auto day = Date::parse_iso(value)) return day->display();
      return value;
    case ValueType::date_time:
      if (auto moment = DateTime::parse_iso(value)) return moment->display();
      if (auto day = Date::parse_iso(value)) return day->display();
      return value;
    case ValueType::flag:
      return tr(value == "1" ? "value.yes" : "import.panel.no");
    case ValueType::integer:
      try {
        return format_count(std::stoll(value));
      } catch (const std::exception&) {
        return value;
      }
    case ValueType::choice:
      if (field.choice_list == "doc_type") return tr("doc_type." + value);
      return tr("enum." + std::string(field.choice_list) + "." + value);
    default:
      return value;
  }
}

std::string shown_when(const std::string& at) {
  if (auto moment = DateTime::parse_iso(at.substr(0, 16))) return moment->display();
  return at;
}

std::string import_error_text(const std::exception& error) {
  if (auto* database = dynamic_cast<const db::DatabaseError*>(&error)) return describe(*database);
  return error.what();
}

}  // namespace

Controller::~Controller() = default;

void Controller::EndImportSession::operator()(ImportSession* session) const {
  delete session;  // a running job is cancelled and its thread joined
}

bool Controller::busy() const {
  return import_ && import_->job;
}

void Controller::open_import(const std::optional<std::filesystem::path>& file) {
  if (!import_) import_.reset(new ImportSession);
  if (!ui_.import) {
    ui::ImportPanel panel;
    for (import::ImportKind kind : import::all_import_kinds)
      panel.kinds.push_back({std::string(import::kind_key(kind)), kind_name(kind)});
    for (const auto& [name, description] : encodings)
      panel.encodings.push_back(
          {name, description ? std::string(name) + "  " + tr(description) : std::string(name)});
    for (const auto& [character, key] : separators)
      panel.separators.push_back({std::string(1, character), tr(key)});
    ui_.import = std::move(panel);
    load_import_choices();
  }
  // A file dropped while an import is being written waits for the user to drop it again.
  if (file && !(import_->job && !import_->job->dry_run)) {
    ui_.import->path = file->string();
    start_import(true);
  }
  redraw_ = true;
}

// The presets on offer, the systems Raekoda knows and the imports that can be undone.
void Controller::load_import_choices() {
  ui::ImportPanel& panel = *ui_.import;
  std::vector<std::string> problems;
  import_->user_presets = import::load_user_presets(user_presets_folder(), &problems);
  panel.presets.clear();
  panel.presets.push_back({ui::ImportPanel::none_preset, tr("import.panel.preset.none")});
  auto add = [&](const import::Preset& preset) {
    panel.presets.push_back(
        {preset.name,
         preset.name + "  ·  " + kind_name(preset.kind) +
             (preset.built_in ? "" : "  ·  " + std::string(tr("import.panel.preset.own")))});
  };
  for (const import::Preset& preset : import_->user_presets) add(preset);
  for (const import::Preset& preset : import::built_in_presets()) add(preset);
  if (!problems.empty()) {
    panel.message = problems.front();
    panel.message_is_problem = true;
  }
  panel.systems.clear();
  for (const auto& [id, name] : ui_.references.ordered("information_systems"))
    panel.systems.push_back(*name);
  load_recent_imports();
}

void Controller::load_recent_imports() {
  ui::ImportPanel& panel = *ui_.import;
  attempt([&] {
    panel.recent.clear();
    for (const db::ImportSummary& summary : db::recent_imports(database_, 20)) {
      ui::ImportHistoryEntry entry;
      entry.id = summary.id;
      entry.when = shown_when(summary.run_at);
      entry.file = summary.file_name;
      auto kind = import::kind_from_key(summary.kind);
      entry.kind = kind ? kind_name(*kind) : summary.kind;
      entry.run_by = summary.run_by;
      entry.summary = import::summary_line(summary.counts);
      entry.undone = summary.undone;
      panel.recent.push_back(std::move(entry));
    }
  });
}

void Controller::carry_out_import(const ui::Actions& actions) {
  if (actions.open_import) open_import();
  if (!ui_.import || !import_) return;
  if (actions.close_import) {
    // A running import finishes (or is cancelled by its own button); a preview is dropped.
    if (import_->job && !import_->job->dry_run) return;
    if (import_->job) import_->job->progress.cancel = true;
    import_->preview_wanted = false;
    ui_.import.reset();
    redraw_ = true;
    return;
  }
  if (actions.cancel_import && import_->job) import_->job->progress.cancel = true;
  if (actions.preview_import) start_import(true);
  if (actions.run_import && ui_.import &&
      permitted(permission_to_import(ui_.import->found_kind_key)))
    start_import(false);
  if (actions.save_import_preset) save_import_preset();
  if (actions.undo_import) undo_import(*actions.undo_import);
}

raekoda::import::ImportRequest Controller::import_request(bool dry_run) const {
  const ui::ImportPanel& panel = *ui_.import;
  import::ImportRequest request;
  request.file = cleaned_path(panel.path);
  if (!panel.kind.empty()) request.kind = import::kind_from_key(panel.kind);
  const import::ImportReport* last = import_->report ? &*import_->report : nullptr;
  if (panel.preset == ui::ImportPanel::none_preset) {
    // No preset: the fields' own names in three languages, for the kind chosen or found.
    import::Preset plain;
    plain.built_in = false;
    plain.kind = request.kind ? *request.kind : last ? last->kind : import::ImportKind::documents;
    if (request.kind || last) request.mapping_file = plain;
  } else if (!panel.preset.empty()) {
    request.preset = panel.preset;
  }
  // The user's own column choices, for the header they were made on.
  if (panel.mapping_adjusted && last && panel.columns.size() == last->header.size() &&
      import_->previewed_path == panel.path) {
    import::ColumnMapping mapping;
    mapping.kind = request.kind ? *request.kind : last->kind;
    for (const ui::ImportColumn& column : panel.columns) mapping.targets.push_back(column.field);
    request.mapping = std::move(mapping);
  }
  if (!panel.encoding.empty()) request.read.encoding = panel.encoding;
  if (!panel.separator.empty()) request.read.separator = panel.separator.front();
  if (!panel.sheet.empty()) request.read.sheet = panel.sheet;
  request.system = panel.system;
  request.dry_run = dry_run;
  request.conflicts.take_all = panel.take_all;
  for (const ui::ImportConflictView& conflict : panel.conflicts)
    if (conflict.take_file) request.conflicts.take.insert(conflict.key);
  request.presets = import_->user_presets;
  request.preview_rows = 50;
  return request;
}

void Controller::start_import(bool dry_run) {
  ui::ImportPanel& panel = *ui_.import;
  if (cleaned_path(panel.path).empty()) return;
  if (import_->job) {
    // A newer choice replaces a preview under way; an import is never interrupted by one.
    if (import_->job->dry_run && dry_run) {
      import_->job->progress.cancel = true;
      import_->preview_wanted = true;
    }
    return;
  }
  if (!dry_run && (!panel.importable || database_.read_only())) return;
  if (import_->previewed_path != panel.path) {
    panel.mapping_adjusted = false;
    panel.conflicts.clear();
    panel.take_all = false;
  }
  import::ImportRequest request = import_request(dry_run);
  ValidationContext context = ui_.validation;
  context.now = now();
  auto job = std::make_unique<ImportJob>();
  job->dry_run = dry_run;
  panel.running = true;
  panel.running_import = !dry_run;
  panel.fraction = 0;
  panel.rows_read = 0;
  panel.message.clear();
  if (dry_run) panel.summary.clear();
  // An import writes through a connection of its own: it waits there for the file's check, as
  // the window's own saves do, and is refused after a failed one.
  std::shared_ptr<reading::FileChecker> checker = dry_run ? nullptr : file_checker_;
  auto work = [job = job.get(), request = std::move(request), context = std::move(context),
               viewer = database_.viewer(),
               checker](db::Database* shared, const std::string& target) {
    try {
      if (checker)
        if (auto refusal = checker->wait().refusal()) throw *refusal;
      if (shared) {
        job->report = import::run_import(*shared, request, context, &job->progress);
      } else {
        reading::give_way_to_the_window();
        db::Database own = db::Database::open(target, db::OpenMode::existing);
        own.set_viewer(viewer);  // the audit log names the person on this connection too
        job->report = import::run_import(own, request, context, &job->progress);
      }
    } catch (const std::exception& error) {
      job->error = import_error_text(error);
    }
    job->finished.store(true, std::memory_order_release);
  };
  if (database_.in_memory())
    // An in-memory database cannot be opened twice: the run happens here, while the window waits.
    work(&database_, database_.target());
  else
    job->thread = std::thread(std::move(work), nullptr, database_.target());
  import_->job = std::move(job);
  poll_import();
  redraw_ = true;
}

void Controller::poll_import() {
  if (!import_ || !import_->job) return;
  ImportJob& job = *import_->job;
  if (!job.finished.load(std::memory_order_acquire)) {
    if (ui_.import) {
      ui_.import->fraction = static_cast<float>(job.progress.fraction.load());
      ui_.import->rows_read = job.progress.rows.load();
    }
    return;
  }
  if (job.thread.joinable()) job.thread.join();
  std::unique_ptr<ImportJob> done = std::move(import_->job);
  redraw_ = true;
  if (done->report && done->report->written) refresh();  // the figures include the import
  if (!ui_.import) {
    if (done->report && done->report->written) tell(import::summary_line(done->report->counts));
    return;
  }
  ui::ImportPanel& panel = *ui_.import;
  panel.running = false;
  panel.running_import = false;
  if (!done->error.empty()) {
    panel.error = done->error;
    panel.previewed = done->dry_run ? false : panel.previewed;
    if (done->dry_run) import_->report.reset();
  } else if (done->report) {
    panel.error.clear();
    show_import_report(std::move(*done->report), done->dry_run);
  }
  if (import_->preview_wanted) {
    import_->preview_wanted = false;
    start_import(true);
  }
}

void Controller::show_import_report(import::ImportReport report, bool dry_run) {
  ui::ImportPanel& panel = *ui_.import;
  if (report.cancelled) {
    // The preview before it still says what the file holds.
    if (!import_->preview_wanted) {
      panel.message = tr(dry_run ? "import.panel.preview_cancelled" : "import.panel.cancelled");
      panel.message_is_problem = false;
    }
    return;
  }
  panel.failure = report.failure;
  if (!dry_run) {
    if (report.written) {
      panel.summary = trf("import.panel.done", import::summary_line(report.counts));
      panel.written_id = report.import_id;
      panel.importable = false;
      const db::ImportCounts& c = report.counts;
      panel.counts = {c.added, c.updated, c.unchanged, c.refused, c.conflicts, c.names_added};
      load_recent_imports();
    }
    return;
  }

  import::ImportKind kind = report.kind;
  panel.previewed = true;
  panel.found_kind = kind_name(kind);
  panel.found_kind_key = std::string(import::kind_key(kind));
  panel.found_preset = report.preset;
  panel.is_xlsx = report.source.format == import::FileFormat::xlsx;
  panel.found_encoding = report.source.encoding + (report.source.had_bom ? " + BOM" : "");
  panel.found_separator = separator_name(report.source.separator);
  panel.sheets = report.source.sheets;
  panel.header_line = report.header_line;
  panel.rows = report.rows;
  panel.needs_system =
      kind == import::ImportKind::accounts && !report.mapping.column_of("system").has_value();
  panel.written_id.reset();
  panel.summary.clear();

  panel.fields.clear();
  for (const import::TargetField& field : import::target_fields(kind))
    panel.fields.push_back({std::string(field.key), tr(import::field_label_key(kind, field.key)) +
                                                        std::string(field.required ? " *" : "")});
  panel.columns.clear();
  for (std::size_t i = 0; i < report.header.size(); ++i)
    panel.columns.push_back(
        {report.header[i], i < report.mapping.targets.size() ? report.mapping.targets[i] : ""});
  panel.unmapped = report.unmapped;

  // The rows as saved: one column per field a column fills, in the fields' order.
  std::vector<const import::TargetField*> shown;
  panel.preview_headers.clear();
  for (const import::TargetField& field : import::target_fields(kind))
    if (report.mapping.column_of(field.key)) {
      shown.push_back(&field);
      panel.preview_headers.push_back(tr(import::field_label_key(kind, field.key)));
    }
  panel.preview.clear();
  for (const import::PreviewRow& row : report.preview) {
    ui::ImportPreviewRow line{row.line, {}, row.problem};
    for (const import::TargetField* field : shown) {
      auto value = row.values.find(field->key);
      line.cells.push_back(value == row.values.end() ? "" : shown_value(*field, value->second));
    }
    panel.preview.push_back(std::move(line));
  }

  const db::ImportCounts& c = report.counts;
  panel.counts = {c.added, c.updated, c.unchanged, c.refused, c.conflicts, c.names_added};
  panel.importable = report.failure.empty() && c.added + c.updated + c.conflicts > 0;
  panel.refused.clear();
  for (const import::RefusedRow& row : report.refused)
    panel.refused.push_back({row.line, row.reason});
  panel.law_differences.clear();
  for (const import::LawDifference& row : report.law_differences)
    panel.law_differences.push_back(
        {row.line, row.reg_number, row.register_due.display(), row.law_due.display()});

  // Conflicts field by field, with the choice the user made for each before, if any.
  std::map<std::string, bool> chosen;
  for (const ui::ImportConflictView& conflict : panel.conflicts)
    chosen[conflict.key] = conflict.take_file;
  panel.conflicts.clear();
  for (const db::ImportConflict& conflict : report.conflicts) {
    ui::ImportConflictView view;
    view.key = conflict.key;
    view.line = conflict.line;
    view.take_file = chosen[conflict.key];
    const TableSpec& spec = import::table_of(kind);
    for (const std::string& column : conflict.columns) {
      const FieldSpec* field = spec.table == conflict.table ? spec.field(column) : nullptr;
      ui::ImportConflictView::Field shown_field;
      if (field) {
        shown_field.label = tr(field_label_key(spec, *field));
        shown_field.ours =
            ui::display_value(spec, *field, conflict.current.value(column), ui_.references);
        shown_field.theirs =
            ui::display_value(spec, *field, conflict.incoming.value(column), ui_.references);
      } else {
        shown_field.label = column;
        shown_field.ours = conflict.current.value(column).value_or("");
        shown_field.theirs = conflict.incoming.value(column).value_or("");
      }
      view.fields.push_back(std::move(shown_field));
    }
    panel.conflicts.push_back(std::move(view));
  }
  import_->previewed_path = panel.path;
  import_->report = std::move(report);
}

void Controller::save_import_preset() {
  ui::ImportPanel& panel = *ui_.import;
  if (!import_->report || panel.preset_name.empty()) return;
  const import::ImportReport& report = *import_->report;
  import::Preset preset;
  // The preset this mapping was adjusted from lends its value words and date order.
  for (const import::Preset& base : import::built_in_presets())
    if (base.name == report.preset) {
      preset.values = base.values;
      preset.slash_dates = base.slash_dates;
    }
  for (const import::Preset& base : import_->user_presets)
    if (base.name == report.preset) {
      preset.values = base.values;
      preset.slash_dates = base.slash_dates;
    }
  preset.name = panel.preset_name;
  preset.kind = report.kind;
  preset.built_in = false;
  for (const ui::ImportColumn& column : panel.columns)
    if (!column.header.empty()) preset.columns[column.header] = column.field;
  // The reading the preview settled on, so that the next file of this system reads the same.
  if (report.source.format == import::FileFormat::xlsx) {
    if (!report.source.sheet.empty()) preset.read.sheet = report.source.sheet;
  } else {
    preset.read.encoding = report.source.encoding;
    preset.read.separator = report.source.separator;
  }
  preset.header = report.header;
  try {
    import::save_user_preset(user_presets_folder(), preset);
    panel.message =
        trf("import.panel.preset_saved", preset.name, (user_presets_folder() / "").string());
    panel.message_is_problem = false;
    panel.saving_preset = false;
    load_import_choices();
    panel.preset = preset.name;
  } catch (const std::exception& error) {
    panel.message = error.what();
    panel.message_is_problem = true;
  }
  redraw_ = true;
}

void Controller::undo_import(Id import_id) {
  ui::ImportPanel& panel = *ui_.import;
  try {
    db::ImportUndo undone = db::undo_import(database_, import_id, db::current_author());
    panel.message =
        trf("import.panel.undone", format_count(static_cast<std::int64_t>(undone.removed)),
            format_count(static_cast<std::int64_t>(undone.restored)),
            format_count(static_cast<std::int64_t>(undone.kept)));
    panel.message_is_problem = false;
    if (panel.written_id == import_id) {
      panel.written_id.reset();
      panel.summary.clear();
      // The file can be imported again; a preview says what that would do now.
      start_import(true);
    }
    refresh();
  } catch (const db::DatabaseError& error) {
    panel.message = describe(error);
    panel.message_is_problem = true;
  }
  load_recent_imports();
  redraw_ = true;
}

}  // namespace raekoda::app
