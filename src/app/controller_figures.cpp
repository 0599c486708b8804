// The figures on screen, read on the reader's thread and swapped in between frames: what is asked
// for when, and how a finished read replaces what the views show.

#include "app/controller.h"
#include "app/messages.h"
#include "core/i18n.h"
#include "ui/figure_widths.h"

namespace raekoda::app {

void Controller::refresh() {
  ask_for_figures(true);
}

void Controller::ask_for_figures(bool forced) {
  reading::FigureRequest request;
  request.context = {now(), ui_.area_options, current_language(), viewer_serial_};
  request.viewer = database_.viewer();
  request.wanted = {db::FigurePart::references, db::FigurePart::validation};
  if (auto part = db::part_of(ui_.view)) request.wanted.insert(*part);
  if (forced) request.forced = request.wanted;
  request.held = stamps_;
  request.heard_tables = database_.take_heard_tables();
  if (measuring_font_)
    request.prepare = [font = measuring_font_, size = measuring_size_,
                       language = request.context.language](db::FigureParts& parts) {
      ui::measure_widths(parts.figures, font, size, language);
    };
  reader_->ask(std::move(request));
  try {
    data_version_ = database_.data_version();  // what the figures asked for include
  } catch (const db::DatabaseError&) {
    // said by the read itself
  }
  asked_view_ = ui_.view;
  if (!asked_at_) asked_at_ = clock_();
  // On the caller's own connection the figures are read by now, and shown in the next frame.
  if (!reader_->on_own_thread()) take_figures();
  redraw_ = true;
}

void Controller::end_reading() {
  reader_->stop();
}

void Controller::wait_for_figures() {
  reader_->wait();
  take_figures();
}

bool Controller::take_figures() {
  std::optional<reading::FigureUpdate> update = reader_->take();
  if (!update) return false;
  if (!reader_->reading()) {
    asked_at_.reset();
    session_.reading_figures = false;
  }
  ++updates_taken_;
  last_read_ms_ = update->read_ms;
  last_parts_read_ = update->parts.read;
  redraw_ = true;
  if (update->error) {
    // Keep showing the last figures and say why they may be stale; never offer demo data into
    // a database whose figures could not be read.
    figures_.database_empty = false;
    reconnecting_ = update->error->kind() == db::ErrorKind::connection;
    unsound_figures_ = describe(*update->error);
    warn(*unsound_figures_);
    apply_parts(update->parts, update->stamps);  // what an earlier read brought, if anything
    reader_->discard(std::move(*update));
    return true;
  }
  unsound_figures_ = file_damage_;
  figures_.database_empty = update->parts.database_empty;
  figures_.overview.today = update->context.now.date;
  apply_parts(update->parts, update->stamps);
  try {
    // The record in the editor and the rows of an open table show what the database holds now,
    // a colleague's changes included.
    if (ui_.editor) follow_open_record();
    if (ui_.editor)
      db::add_account_labels(database_, *ui_.editor->spec, {ui_.editor->original},
                             ui_.references.by_table);
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  if (ui_.table && !update->parts.read.empty()) ui_.table->stale = true;
  reader_->discard(std::move(*update));
  if (reconnecting_) tell(tr("notice.connection_back"));
  reconnecting_ = false;
  return true;
}

void Controller::apply_parts(db::FigureParts& parts, reading::PartStamps& stamps) {
  for (db::FigurePart part : parts.read) {
    reading::PartStamp& stamp = stamps[part];
    // Read in a language or for a person no longer on screen: the newer request reads it again.
    if (stamp.language != current_language() || stamp.viewer != viewer_serial_) continue;
    // Swapped, not assigned: the figures replaced go back in the update, freed off this thread.
    using std::swap;
    switch (part) {
      case db::FigurePart::overview: {
        Date today = figures_.overview.today;
        swap(figures_.overview, parts.figures.overview);
        figures_.overview.today = today;
        break;
      }
      case db::FigurePart::media:
        swap(figures_.media, parts.figures.media);
        break;
      case db::FigurePart::deadlines:
        swap(figures_.deadlines, parts.figures.deadlines);
        break;
      case db::FigurePart::plan:
        swap(figures_.plan, parts.figures.plan);
        break;
      case db::FigurePart::incidents:
        swap(figures_.incidents, parts.figures.incidents);
        break;
      case db::FigurePart::access:
        swap(figures_.access, parts.figures.access);
        break;
      case db::FigurePart::references: {
        // Accounts are named as records refer to them (add_account_labels), not with the rest.
        auto accounts = ui_.references.by_table.extract("accounts");
        swap(ui_.references.by_table, parts.references.by_table);
        if (accounts) ui_.references.by_table.insert(std::move(accounts));
        swap(ui_.references.in_order, parts.references.in_order);
        swap(ui_.references.document_types, parts.document_types);
        break;
      }
      case db::FigurePart::validation:
        swap(ui_.validation, parts.validation);
        break;
    }
    stamps_[part] = std::move(stamp);
  }
}

bool Controller::poll_for_changes() {
  // While an import runs, its own connection holds the write lock; the figures are read again
  // when it ends.
  if (busy()) return false;
  if (reconnecting_) {
    ask_for_figures(true);
    return true;
  }
  try {
    std::int64_t version = database_.data_version();
    if (version == data_version_ && figures_.overview.today == today()) return false;
    data_version_ = version;
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
    return true;
  }
  ask_for_figures(false);
  return true;
}

}  // namespace raekoda::app
