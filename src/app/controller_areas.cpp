// The steps the area views ask for beyond editing a record: a responder's reminder, a press
// release's approval, an access review's decisions, a plan's moves and copies.

#include "app/controller.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "db/access_queries.h"
#include "db/deadline_queries.h"
#include "db/plan_queries.h"
#include "db/press_releases.h"

namespace raekoda::app {

void Controller::copy_reminder(Id responder) {
  attempt([&] {
    std::vector<ReminderItem> items = db::open_documents_of(database_, responder);
    const std::string* name = ui_.references.find("people", responder);
    std::string who = name ? *name : std::to_string(responder);
    std::string text = reminder_text(who, items, today(), ui_.validation.calendar);
    ImGui::SetClipboardText(text.c_str());
    tell(trf("reminder.copied", who, format_count(static_cast<std::int64_t>(items.size()))));
  });
}

void Controller::advance_release(const ui::Actions::Release& release) {
  attempt([&] {
    report(db::advance_release(database_, release.id, release.version, release.step,
                               release.comment, today(), db::current_author()),
           release.step == ReleaseStep::approve     ? "release.approved"
           : release.step == ReleaseStep::send_back ? "release.sent_back"
                                                    : "release.submitted",
           "release.changed_meanwhile");
    refresh();
  });
}

void Controller::carry_out_access(const ui::Actions& actions) {
  attempt([&] {
    db::Author author = db::current_author();
    if (actions.start_campaign) {
      db::StartedCampaign started =
          db::start_campaign(database_, *actions.start_campaign, today(), author);
      tell(trf("access.started", format_count(started.accounts)));
    }
    if (actions.close_campaign)
      report(db::close_campaign(database_, actions.close_campaign->id,
                                actions.close_campaign->version, today(), author),
             "access.closed");
    if (actions.decide)
      report(db::decide(database_, actions.decide->decision, actions.decide->version,
                        actions.decide->what, actions.decide->reason, today(), author),
             "access.decided");
    if (actions.revoke_account)
      report(db::revoke_account(database_, actions.revoke_account->id,
                                actions.revoke_account->version, today(), author),
             "access.revoked");
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

}  // namespace raekoda::app
