// The steps the area views ask for beyond editing a record: a responder's reminder, a press
// release's approval, an access review's decisions, a plan's moves and copies; the chair's review
// drawn alone for "Save as image".

#include "app/controller.h"
#include "app/desktop_open.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "db/access_queries.h"
#include "db/deadline_queries.h"
#include "db/people_queries.h"
#include "db/plan_queries.h"
#include "db/press_releases.h"
#include "ui/review_image.h"

namespace raekoda::app {
namespace {

struct Reminder {
  std::string responder;  // the name, as the views show it
  std::size_t documents = 0;
  std::string text;
};

Reminder write_reminder(db::Database& database, const ui::ReferenceLabels& references, Id responder,
                        Date today, const WorkingCalendar& calendar) {
  std::vector<ReminderItem> items = db::open_documents_of(database, responder);
  const std::string* name = references.find("people", responder);
  Reminder reminder;
  reminder.responder = name ? *name : std::to_string(responder);
  reminder.documents = items.size();
  reminder.text = reminder_text(reminder.responder, items, today, calendar);
  return reminder;
}

}  // namespace

void Controller::copy_reminder(Id responder) {
  attempt([&] {
    Reminder reminder =
        write_reminder(database_, ui_.references, responder, today(), ui_.validation.calendar);
    ImGui::SetClipboardText(reminder.text.c_str());
    auto documents = static_cast<std::int64_t>(reminder.documents);
    tell(trn("reminder.copied", documents, reminder.responder, format_count(documents)));
  });
}

void Controller::email_reminder(Id responder) {
  attempt([&] {
    Reminder reminder =
        write_reminder(database_, ui_.references, responder, today(), ui_.validation.calendar);
    std::optional<std::string> address = db::email_of(database_, responder);
    if (!address) {
      warn(trf("reminder.no_address", reminder.responder));
      return;
    }
    std::string uri = mailto_uri(*address, reminder_subject(reminder.documents), reminder.text);
    if (open_with_desktop(uri))
      tell(trf("reminder.mail_opened", reminder.responder, *address));
    else
      warn(tr("reminder.mail_failed"));
  });
}

void Controller::approve_rebuttal(Id item, std::int64_t version) {
  attempt([&] {
    auto current = db::load_record(database_, media_items_spec(), item);
    if (!current || current->version != version || current->value("rebuttal_status") != "drafted") {
      warn(tr("media.rebuttals.changed"));
      refresh();
      return;
    }
    Record approved = *current;
    approved.set("rebuttal_status", "approved");
    db::SaveResult result =
        db::update_record(database_, media_items_spec(), *current, approved, db::current_author());
    if (result.status == db::SaveStatus::saved)
      tell(tr("media.rebuttals.approved"));
    else
      warn(tr("media.rebuttals.changed"));
    refresh();
  });
}

void Controller::advance_release(const ui::Actions::Release& release) {
  attempt([&] {
    db::SaveResult advanced =
        db::advance_release(database_, release.id, release.version, release.step, release.comment,
                            today(), db::current_author());
    report(advanced,
           release.step == ReleaseStep::approve     ? "release.approved"
           : release.step == ReleaseStep::send_back ? "release.sent_back"
                                                    : "release.submitted",
           "release.changed_meanwhile");
    // An approval is the chair's word in one click: it can be taken back for a few seconds.
    if (release.step == ReleaseStep::approve) offer_undo(advanced);
    refresh();
  });
}

void Controller::carry_out_access(const ui::Actions& actions) {
  attempt([&] {
    db::Author author = db::current_author();
    if (actions.start_campaign) {
      db::StartedCampaign started =
          db::start_campaign(database_, *actions.start_campaign, today(), author);
      tell(trn("access.started", started.accounts, format_count(started.accounts)));
    }
    if (actions.close_campaign)
      report(db::close_campaign(database_, actions.close_campaign->id,
                                actions.close_campaign->version, today(), author),
             "access.closed");
    // A decision and a revocation are one click each, in lists worked down row by row: each can
    // be taken back for a few seconds.
    if (actions.decide) {
      db::SaveResult decided =
          db::decide(database_, actions.decide->decision, actions.decide->version,
                     actions.decide->what, actions.decide->reason, today(), author);
      report(decided, "access.decided");
      offer_undo(decided);
    }
    if (actions.revoke_account) {
      db::SaveResult revoked = db::revoke_account(database_, actions.revoke_account->id,
                                                  actions.revoke_account->version, today(), author);
      report(revoked, "access.revoked");
      offer_undo(revoked);
    }
    refresh();
  });
}

void Controller::export_campaign(Id campaign) {
  attempt([&] {
    std::vector<EvidenceRow> rows = db::campaign_evidence(database_, campaign);
    write_export("juurdepaasu_ulevaatus", ui::evidence_csv(rows), rows.size());
  });
}

void Controller::carry_out_plan(const ui::Actions& actions) {
  attempt([&] {
    db::Author author = db::current_author();
    if (actions.move_activity) {
      db::MoveResult moved = db::move_activity(database_, actions.move_activity->activity,
                                               actions.move_activity->version,
                                               actions.move_activity->days, today(), author);
      if (!moved.problem.empty())
        warn(trf("plan.move_refused", moved.problem));
      else
        report(moved.save, "plan.moved");
    }
    if (actions.copy_plan) {
      ui_.area_options.plan = db::copy_plan(database_, *actions.copy_plan, author);
      tell(tr("plan.copied"));
    }
    refresh();
  });
}

void Controller::draw_review_image(const ui::Fonts& fonts) {
  if (figures_.media) ui::draw_media_review_image(*figures_.media, ui_, fonts);
}

}  // namespace raekoda::app
