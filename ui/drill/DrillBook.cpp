#include "DrillBook.h"

#include "DrillText.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/sim/ScenarioPlayer.h"
#include "core/store/ScheduleStore.h"
#include "core/store/Workspace.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <algorithm>

namespace firedrill::ui {

DrillBook::DrillBook(Document* document, QObject* parent) : QObject(parent), m_document(document)
{
    connect(m_document, &Document::fileChanged, this, &DrillBook::reload);
    reload();
}

bool DrillBook::hasWorkspace() const
{
    return m_document->workspace() != nullptr;
}

bool DrillBook::isWritable() const
{
    return hasWorkspace() && m_document->workspace()->mode() == OpenMode::ReadWrite;
}

QString DrillBook::unavailableReason() const
{
    if (!hasWorkspace())
        return tr("Drill plans, their approvals, schedules and records are kept in a workspace. Save this "
                  "topology as a workspace (File > Save As…, .firedrill) to plan drills.");
    if (!isWritable())
        return tr("The workspace is open read-only, so its drill plans can be read but not changed. %1")
            .arg(m_document->readOnlyReason());
    return {};
}

template <class T> Result<T> DrillBook::report(Result<T> result)
{
    if (!result)
        emit failed(qstr(result.error().message));
    return result;
}

void DrillBook::reload()
{
    m_plans.clear();
    if (Workspace* ws = m_document->workspace()) {
        auto list = PlanStore(ws->file()).plans();
        if (list)
            m_plans = std::move(*list);
        else
            emit failed(qstr(list.error().message));
    }
    const bool stillThere = std::any_of(m_plans.begin(), m_plans.end(),
                                        [&](const PlanSummary& s) { return s.id == m_currentId; });
    if (!stillThere)
        m_currentId.clear();
    emit plansChanged();
    (void)report(refreshCurrent());
    emit currentChanged();
}

Result<void> DrillBook::refreshCurrent()
{
    m_schedules.clear();
    m_records.clear();
    if (m_currentId.empty() || !hasWorkspace()) {
        m_plan = {};
        m_approval = {};
        return {};
    }
    WorkspaceFile& file = m_document->workspace()->file();
    auto stored = PlanStore(file).load(m_currentId);
    if (!stored) {
        m_currentId.clear();
        return stored.error();
    }
    m_plan = std::move(stored->plan);
    m_approval = std::move(stored->approval);
    auto schedules = ScheduleStore(file).schedules(m_currentId);
    if (!schedules)
        return schedules.error();
    m_schedules = std::move(*schedules);
    auto records = RecordStore(file).records(m_currentId);
    if (!records)
        return records.error();
    m_records = std::move(*records);
    return {};
}

std::vector<DrillSchedule> DrillBook::allSchedules() const
{
    if (!hasWorkspace())
        return {};
    auto all = ScheduleStore(m_document->workspace()->file()).schedules();
    return all ? std::move(*all) : std::vector<DrillSchedule>{};
}

bool DrillBook::select(const std::string& id)
{
    if (id == m_currentId)
        return true;
    m_currentId = id;
    const bool ok = report(refreshCurrent()).ok();
    emit currentChanged();
    return ok;
}

Result<std::string> DrillBook::createPlan(const std::string& workload, const std::string& scenario,
                                          bool replay)
{
    if (!isWritable())
        return report(Result<std::string>(Error{"unavailable", unavailableReason().toStdString()}));
    const Topology& topology = m_document->topology();
    std::optional<sim::ReplayResult> run;
    const Scenario* found = topology.findScenario(ScenarioId(scenario));
    if (replay && found && !found->faults.empty() && topology.findWorkload(WorkloadId(workload))) {
        sim::ReplayOptions options;
        options.seed = found->seed.value_or(0);
        auto r = sim::replayScenario(topology, found->id, options);
        if (r)
            run = std::move(*r);
    }
    auto plan =
        generateDrillPlan(topology, WorkloadId(workload), ScenarioId(scenario), run ? &*run : nullptr);
    if (!plan)
        return report(Result<std::string>(plan.error()));
    // A second plan for the same drill gets a numbered id.
    const std::string base = plan->id;
    for (int n = 2;
         std::any_of(m_plans.begin(), m_plans.end(), [&](const PlanSummary& s) { return s.id == plan->id; });
         ++n)
        plan->id = base + "-" + std::to_string(n);
    if (auto added = PlanStore(m_document->workspace()->file()).addPlan(*plan); !added)
        return report(Result<std::string>(added.error()));
    const std::string id = plan->id;
    m_currentId = id;
    reload();
    return id;
}

Result<void> DrillBook::editPlan(const std::function<Result<void>(DrillPlan&)>& edit, const QString& who)
{
    if (!isWritable())
        return report(Result<void>(Error{"unavailable", unavailableReason().toStdString()}));
    if (m_currentId.empty())
        return report(Result<void>(Error{"no-plan", tr("Choose a plan first.").toStdString()}));
    DrillPlan plan = m_plan;
    PlanApproval approval = m_approval;
    if (approval.state() == ApprovalState::InReview)
        return report(
            Result<void>(Error{"in-review", tr("The plan is in review. Withdraw it from review (or wait for "
                                               "the reviewer) before editing it.")
                                                .toStdString()}));
    if (approval.state() != ApprovalState::Draft)
        if (auto recorded = approval.edit(who.toStdString(), utcNow()); !recorded)
            return report(recorded);
    if (auto changed = edit(plan); !changed)
        return report(changed);
    const bool titleChanged = plan.title != m_plan.title;
    const bool stateChanged = approval.state() != m_approval.state();
    if (auto saved = PlanStore(m_document->workspace()->file()).save(plan, approval); !saved)
        return report(saved);
    m_plan = std::move(plan);
    m_approval = std::move(approval);
    if (titleChanged || stateChanged)
        reload();
    else
        emit currentChanged();
    return {};
}

Result<void> DrillBook::review(ApprovalAction action, const QString& who, const QString& comment)
{
    if (!isWritable())
        return report(Result<void>(Error{"unavailable", unavailableReason().toStdString()}));
    PlanApproval approval = m_approval;
    const std::string person = who.trimmed().toStdString();
    const std::string note = comment.trimmed().toStdString();
    Result<void> done;
    switch (action) {
    case ApprovalAction::Submit:
        done = approval.submit(person, utcNow(), note);
        break;
    case ApprovalAction::Approve:
        done = approval.approve(person, utcNow(), note);
        break;
    case ApprovalAction::RequestChanges:
        done = approval.requestChanges(person, utcNow(), note);
        break;
    case ApprovalAction::Withdraw:
        done = approval.withdraw(person, utcNow(), note);
        break;
    case ApprovalAction::Edit:
        done = approval.edit(person, utcNow(), note);
        break;
    }
    if (!done)
        return report(done);
    if (auto saved = PlanStore(m_document->workspace()->file()).save(m_plan, approval); !saved)
        return report(saved);
    m_approval = std::move(approval);
    reload();
    return {};
}

Result<void> DrillBook::saveSchedule(const DrillSchedule& schedule)
{
    if (!isWritable())
        return report(Result<void>(Error{"unavailable", unavailableReason().toStdString()}));
    if (auto saved = ScheduleStore(m_document->workspace()->file()).save(schedule); !saved)
        return report(saved);
    (void)report(refreshCurrent());
    emit currentChanged();
    emit plansChanged();
    return {};
}

Result<void> DrillBook::removeSchedule(const std::string& id)
{
    if (!isWritable())
        return report(Result<void>(Error{"unavailable", unavailableReason().toStdString()}));
    if (auto removed = ScheduleStore(m_document->workspace()->file()).remove(id); !removed)
        return report(removed);
    (void)report(refreshCurrent());
    emit currentChanged();
    emit plansChanged();
    return {};
}

Result<std::int64_t> DrillBook::saveRecord(const DrillRecord& record, std::optional<std::int64_t> id)
{
    if (!isWritable())
        return report(Result<std::int64_t>(Error{"unavailable", unavailableReason().toStdString()}));
    RecordStore store(m_document->workspace()->file());
    std::int64_t saved = 0;
    if (id) {
        if (auto updated = store.update(*id, record); !updated)
            return report(Result<std::int64_t>(updated.error()));
        saved = *id;
    } else {
        auto added = store.add(record);
        if (!added)
            return report(std::move(added));
        saved = *added;
    }
    (void)report(refreshCurrent());
    emit currentChanged();
    return saved;
}

} // namespace firedrill::ui
