#pragma once

#include "core/drill/DrillPlan.h"
#include "core/drill/DrillRecord.h"
#include "core/drill/DrillSchedule.h"
#include "core/drill/PlanApproval.h"
#include "core/model/Result.h"
#include "core/store/PlanStore.h"
#include "core/store/RecordStore.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace firedrill::ui {

class Document;

/// The drill plans of the open document's workspace, for the planner's panels: the plan list, the plan
/// being looked at (content and review state), its schedules and records. Every change is written to the
/// workspace at once (core/store's PlanStore, ScheduleStore, RecordStore); a refused change leaves the
/// workspace and the current plan as they were and is reported through failed().
class DrillBook : public QObject
{
    Q_OBJECT

public:
    /// A book on `document`'s workspace; it follows the document when another file is opened.
    explicit DrillBook(Document* document, QObject* parent = nullptr);

    /// True when the document is a workspace, so plans can be kept.
    bool hasWorkspace() const;
    /// True when plans can be changed (a workspace opened for editing).
    bool isWritable() const;
    /// Why there are no plans to show or why they cannot be changed; empty when they can.
    QString unavailableReason() const;
    /// The document, for the topology the plans are made from.
    Document* document() const { return m_document; }

    /// Every plan of the workspace, ordered by title.
    const std::vector<PlanSummary>& plans() const { return m_plans; }
    /// The id of the plan being looked at; empty when none.
    const std::string& currentId() const { return m_currentId; }
    /// The plan being looked at (valid when currentId() is not empty).
    const DrillPlan& plan() const { return m_plan; }
    /// The review life of the plan being looked at.
    const PlanApproval& approval() const { return m_approval; }
    /// The schedules of the plan being looked at.
    const std::vector<DrillSchedule>& schedules() const { return m_schedules; }
    /// The schedules of every plan (for the upcoming drills list).
    std::vector<DrillSchedule> allSchedules() const;
    /// The records of the plan being looked at, oldest first.
    const std::vector<StoredRecord>& records() const { return m_records; }

    /// Reads the plan list again (after the document was opened or saved as a workspace).
    void reload();
    /// Looks at plan `id` (empty: none).
    bool select(const std::string& id);
    /// Generates a plan for `workload` under `scenario` (with a replay of the scenario when `replay`), stores
    /// it as a draft and looks at it. Returns its id.
    Result<std::string> createPlan(const std::string& workload, const std::string& scenario, bool replay);
    /// Applies `edit` to the current plan and stores it. An approved plan (or one with changes requested)
    /// records the edit by `who` first, which starts a new draft revision; a plan in review is refused.
    Result<void> editPlan(const std::function<Result<void>(DrillPlan&)>& edit, const QString& who);
    /// Submits, approves, requests changes or withdraws the current plan as `who` with `comment`, now.
    Result<void> review(ApprovalAction action, const QString& who, const QString& comment);
    /// Adds or replaces a schedule of the current plan.
    Result<void> saveSchedule(const DrillSchedule& schedule);
    /// Removes a schedule.
    Result<void> removeSchedule(const std::string& id);
    /// Adds a record (`id` absent) or replaces record `id` of the current plan; returns its id.
    Result<std::int64_t> saveRecord(const DrillRecord& record, std::optional<std::int64_t> id);

signals:
    /// The plan list changed (a plan was added, or its state or title changed), or the workspace did.
    void plansChanged();
    /// The plan being looked at, its content, review state, schedules or records changed.
    void currentChanged();
    /// A change was refused; the message says why.
    void failed(const QString& message);

private:
    template <class T> Result<T> report(Result<T> result);
    Result<void> refreshCurrent();

    Document* m_document = nullptr;
    std::vector<PlanSummary> m_plans;
    std::string m_currentId;
    DrillPlan m_plan;
    PlanApproval m_approval;
    std::vector<DrillSchedule> m_schedules;
    std::vector<StoredRecord> m_records;
};

} // namespace firedrill::ui
