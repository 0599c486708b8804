#include "import/import_run.h"

#include <algorithm>

#include "core/i18n.h"
#include "core/number_format.h"
#include "db/database.h"

namespace raekoda::import {
namespace {

// Rows looked at for the header: a monitoring service's preamble is a few lines long.
constexpr std::size_t header_search_rows = 30;

bool blank(const RawRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& cell) {
    return cell.find_first_not_of(" \t\r\n") == std::string::npos;
  });
}

// Jira and some spreadsheets repeat the header further down.
bool same_cells(const RawRow& row, const std::vector<std::string>& header) {
  std::size_t n = std::max(row.cells.size(), header.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view a = i < row.cells.size() ? std::string_view(row.cells[i]) : "";
    std::string_view b = i < header.size() ? std::string_view(header[i]) : "";
    if (a != b) return false;
  }
  return true;
}

std::string field_label(ImportKind kind, std::string_view field) {
  return tr(field_label_key(kind, field));
}

std::string join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "; ") + part;
  return joined;
}

const Preset* find_preset(const std::vector<Preset>& presets, std::string_view name) {
  for (const Preset& preset : presets)
    if (fold_name(preset.name) == fold_name(name)) return &preset;
  return nullptr;
}

// The row reader over the file; the header is found among its first rows.
class Rows {
public:
  explicit Rows(std::unique_ptr<RowReader> reader) : reader_(std::move(reader)) {
    RawRow row;
    while (buffer_.size() < header_search_rows && reader_->next(row)) buffer_.push_back(row);
  }
  std::span<const RawRow> first() const { return buffer_; }
  void start_after(std::size_t index) { next_ = index + 1; }
  bool next(RawRow& row) {
    if (next_ < buffer_.size()) {
      row = buffer_[next_++];
      return true;
    }
    return reader_->next(row);
  }
  const RowReader& reader() const { return *reader_; }

private:
  std::unique_ptr<RowReader> reader_;
  std::vector<RawRow> buffer_;
  std::size_t next_ = 0;
};

struct Layout {
  ImportKind kind;
  const Preset* preset = nullptr;
  std::size_t header_index = 0;
  ColumnMapping mapping;
};

Layout choose_layout(const ImportRequest& request, const std::vector<Preset>& presets,
                     std::span<const RawRow> first) {
  const Preset* named = nullptr;
  if (request.mapping_file) {
    named = &*request.mapping_file;
  } else if (request.preset) {
    named = find_preset(presets, *request.preset);
    if (!named) {
      std::string known;
      for (const Preset& preset : presets) known += (known.empty() ? "" : ", ") + preset.name;
      throw ImportError(trf("import.error.unknown_preset", *request.preset, known));
    }
  }
  std::optional<ImportKind> kind = request.kind;
  if (named && !kind) kind = named->kind;
  if (named && kind && named->kind != *kind)
    throw ImportError(trf("import.error.preset_kind", named->name,
                          tr("import.kind." + std::string(kind_key(named->kind)))));
  std::vector<Preset> candidates = named ? std::vector<Preset>{*named} : presets;
  Guess guess = guess_layout(first, candidates, kind,
                             named ? std::optional<std::string>(named->name) : std::nullopt);
  if (guess.score == 0 && !request.mapping) throw ImportError(tr("import.error.no_header"));
  Layout layout{guess.kind, nullptr, guess.header_row, guess.mapping};
  if (guess.preset) layout.preset = named ? named : find_preset(presets, guess.preset->name);
  if (request.mapping) {
    layout.mapping = *request.mapping;
    layout.kind = request.mapping->kind;
  }
  return layout;
}

}  // namespace

std::string summary_line(const db::ImportCounts& counts) {
  return trf("import.summary", format_count(static_cast<std::int64_t>(counts.added)),
             format_count(static_cast<std::int64_t>(counts.updated)),
             format_count(static_cast<std::int64_t>(counts.unchanged)),
             format_count(static_cast<std::int64_t>(counts.refused)));
}

ImportReport run_import(db::Database& db, const ImportRequest& request,
                        const ValidationContext& context, ImportProgress* progress) {
  std::vector<Preset> presets = request.presets;
  for (const Preset& preset : built_in_presets()) presets.push_back(preset);

  ReadOptions read = request.read;
  Rows rows(open_rows(request.file, read));
  Layout layout = choose_layout(request, presets, rows.first());
  // A preset may know the encoding, separator or sheet its system always uses.
  if (layout.preset && !request.read.encoding && !request.read.separator && !request.read.sheet &&
      (layout.preset->read.encoding || layout.preset->read.separator ||
       layout.preset->read.sheet)) {
    read = layout.preset->read;
    rows = Rows(open_rows(request.file, read));
  }

  ImportReport report;
  report.source = rows.reader().info();
  report.kind = layout.kind;
  report.preset = layout.preset ? layout.preset->name : "";
  if (layout.header_index < rows.first().size()) {
    report.header = rows.first()[layout.header_index].cells;
    report.header_line = rows.first()[layout.header_index].line;
  }
  report.mapping = layout.mapping;
  report.mapping.targets.resize(report.header.size());
  for (std::size_t i = 0; i < report.header.size(); ++i)
    if (report.mapping.targets[i].empty() && !report.header[i].empty())
      report.unmapped.push_back(report.header[i]);
  std::vector<std::string> missing;
  for (std::string_view field : report.mapping.missing_required())
    missing.push_back(field_label(layout.kind, field));
  if (!missing.empty()) throw ImportError(trf("import.error.missing_columns", join(missing)));

  // The columns read, with their fields: looked up once, not per row.
  struct Column {
    std::size_t index;
    const TargetField* field;
  };
  std::vector<Column> columns;
  for (std::size_t i = 0; i < report.mapping.targets.size(); ++i)
    if (const TargetField* field = find_target(layout.kind, report.mapping.targets[i]))
      columns.push_back({i, field});
  ValueRules rules;
  if (layout.preset) {
    rules.slash_dates = layout.preset->slash_dates;
    rules.values = &layout.preset->values;
  }

  // Tickets are numbered per helpdesk, so its preset names them when the user did not; an
  // account list names its system itself (--system, or a column), as no preset can know it.
  std::string system = request.system;
  if (system.empty() && layout.kind == ImportKind::incidents)
    system = layout.preset ? layout.preset->name : "helpdesk";
  db::ImportSource source{std::string(kind_key(layout.kind)), request.file.filename().string(),
                          system, report.preset, db::current_author()};
  if (!request.run_by_label.empty()) source.author.user = request.run_by_label;
  BuildOptions build{source.system_name, context.today};
  db::ImportWriter writer(db, source, context, request.conflicts);

  rows.start_after(layout.header_index);
  auto refuse = [&](std::size_t line, std::string reason) {
    if (report.refused.size() < max_listed) report.refused.push_back({line, std::move(reason)});
  };
  RawRow row;
  FieldValues values;
  std::vector<std::string> problems;
  std::vector<FieldError> errors;
  while (rows.next(row)) {
    if (blank(row) || same_cells(row, report.header)) continue;
    ++report.rows;
    if (progress && report.rows % 256 == 0) {
      progress->rows = report.rows;
      progress->fraction = rows.reader().progress();
      if (progress->cancel) {
        report.cancelled = true;
        return report;  // the writer rolls back: the database is as it was
      }
    }
    values.clear();
    problems.clear();
    if (row.problem) problems.push_back(*row.problem);
    for (const Column& column : columns) {
      std::string_view text =
          column.index < row.cells.size() ? std::string_view(row.cells[column.index]) : "";
      CellValue cell = read_cell(*column.field, text, rules);
      if (cell.problem)
        problems.push_back(field_label(layout.kind, column.field->key) + ": " + *cell.problem);
      else if (cell.value)
        values.emplace(std::string(column.field->key), std::move(*cell.value));
      else if (column.field->required)  // an unreadable value has said so already
        problems.push_back(
            trf("import.problem.required", field_label(layout.kind, column.field->key)));
    }

    bool preview = report.preview.size() < request.preview_rows;
    if (problems.empty()) {
      BuiltRecord built = build_record(layout.kind, values, writer, build);
      problems = std::move(built.problems);
      if (problems.empty()) {
        db::RowOutcome outcome =
            writer.write(*built.spec, built.key, built.values, row.line, errors);
        if (outcome == db::RowOutcome::refused)
          for (const FieldError& error : errors) {
            const FieldSpec* spec_field = built.spec->field(error.column);
            std::string label =
                spec_field ? tr(raekoda::field_label_key(*built.spec, *spec_field)) : error.column;
            problems.push_back(label + ": " + error.message);
          }
        if (built.register_due && built.law_due && *built.register_due != *built.law_due &&
            report.law_differences.size() < max_listed)
          report.law_differences.push_back(
              {row.line, built.key.text, *built.register_due, *built.law_due});
      } else {
        ++writer.counts().refused;
      }
    } else {
      ++writer.counts().refused;
    }
    if (!problems.empty()) refuse(row.line, join(problems));
    if (preview) report.preview.push_back({row.line, values, join(problems)});
  }
  writer.flush();  // the writer batches rows: a dry run, too, meets what the database refuses
  if (progress) {
    progress->rows = report.rows;
    progress->fraction = 1.0;
  }
  report.counts = writer.counts();
  report.conflicts = writer.conflicts();
  if (report.conflicts.size() > max_listed) report.conflicts.resize(max_listed);
  const db::ImportCounts& c = report.counts;
  if (c.added + c.updated + c.unchanged + c.conflicts == 0) {
    report.failure = report.rows == 0 ? tr("import.error.no_rows") : tr("import.error.all_refused");
    return report;  // the writer rolls back
  }
  if (!request.dry_run) {
    report.import_id = writer.commit();
    report.written = true;
  }
  return report;
}

}  // namespace raekoda::import
