#include "PlanStore.h"

#include "Provenance.h"
#include "Statement.h"
#include "TextHash.h"
#include "Transaction.h"
#include "core/drill/PlanYaml.h"
#include "core/drill/UtcTime.h"

#include <algorithm>

namespace firedrill {

namespace {

Error noSuchPlan(const WorkspaceFile& file, const std::string& planId)
{
    return {"no-such-plan", file.path().string() + " has no drill plan \"" + planId + "\"."};
}

Result<bool> planExists(const Database& db, const std::string& planId)
{
    auto stmt = db.prepare("SELECT 1 FROM drill_plans WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, planId);
    return stmt->step();
}

} // namespace

Result<void> PlanStore::requireWritable() const
{
    return m_file.requireWritable("save the drill plan");
}

Result<std::vector<PlanSummary>> PlanStore::plans() const
{
    auto stmt = m_file.database().prepare(
        "SELECT p.id, p.title, p.workload, p.scenario,"
        " (SELECT max(revision) FROM drill_plan_versions v WHERE v.plan_id = p.id),"
        " (SELECT revision FROM drill_approvals a WHERE a.plan_id = p.id ORDER BY position DESC LIMIT 1),"
        " (SELECT to_state FROM drill_approvals a WHERE a.plan_id = p.id ORDER BY position DESC LIMIT 1),"
        " (SELECT max(saved_at) FROM drill_plan_versions v WHERE v.plan_id = p.id)"
        " FROM drill_plans p ORDER BY p.title, p.id");
    if (!stmt)
        return stmt.error();
    std::vector<PlanSummary> out;
    auto done = stmt->forEachRow([&](const Statement& row) {
        PlanSummary s;
        s.id = row.columnText(0);
        s.title = row.columnText(1);
        s.workload = row.columnText(2);
        s.scenario = row.columnText(3);
        const std::int64_t stored = row.isNull(4) ? 1 : row.columnInt64(4);
        const std::int64_t reviewed = row.isNull(5) ? 1 : row.columnInt64(5);
        s.revision = static_cast<int>(std::max(stored, reviewed));
        s.state = approvalStateFromName(row.columnText(6)).value_or(ApprovalState::Draft);
        s.savedAt = row.columnText(7);
        out.push_back(std::move(s));
    });
    if (!done)
        return done.error();
    return out;
}

Result<void> PlanStore::addPlan(const DrillPlan& plan, const PlanApproval& approval)
{
    if (auto writable = requireWritable(); !writable)
        return writable.error();
    if (plan.id.empty())
        return Error{"invalid-plan", "A drill plan needs an id before it can be stored."};
    Database& db = m_file.database();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto exists = planExists(db, plan.id);
    if (!exists)
        return exists.error();
    if (*exists)
        return Error{"plan-exists", m_file.path().string() + " already has a drill plan \"" + plan.id +
                                        "\". Choose another id."};
    auto insert = db.prepare(
        "INSERT INTO drill_plans (id, title, workload, scenario, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    insert->bind(1, plan.id)
        .bind(2, plan.title)
        .bind(3, plan.workload)
        .bind(4, plan.scenario)
        .bind(5, utcTimestampNow());
    if (auto done = insert->run(); !done)
        return done.error();
    if (auto version = appendVersion(plan, planToYaml(plan), approval.revision()); !version)
        return version.error();
    if (auto appended = appendTrail(plan.id, approval.trail(), 0); !appended)
        return appended.error();
    return transaction->commit();
}

Result<void> PlanStore::appendVersion(const DrillPlan& plan, const std::string& yaml, int revision)
{
    auto insert = m_file.database().prepare("INSERT INTO drill_plan_versions (plan_id, revision, saved_at, "
                                            "author, plan_yaml, plan_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    insert->bind(1, plan.id)
        .bind(2, std::int64_t{revision})
        .bind(3, utcTimestampNow())
        .bind(4, currentUserName())
        .bind(5, yaml)
        .bind(6, textHash(yaml));
    return insert->run();
}

Result<void> PlanStore::appendTrail(const std::string& planId, const std::vector<ApprovalEvent>& trail,
                                    std::size_t from)
{
    auto insert = m_file.database().prepare(
        "INSERT INTO drill_approvals (plan_id, position, revision, action, from_state, to_state, who, at, "
        "comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    for (std::size_t i = from; i < trail.size(); ++i) {
        const ApprovalEvent& e = trail[i];
        insert->reset();
        insert->bind(1, planId)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, std::int64_t{e.revision})
            .bind(4, approvalActionName(e.action))
            .bind(5, approvalStateName(e.from))
            .bind(6, approvalStateName(e.to))
            .bind(7, e.who)
            .bind(8, formatUtc(e.when))
            .bind(9, e.comment);
        if (auto done = insert->run(); !done)
            return done.error();
    }
    return {};
}

Result<std::vector<ApprovalEvent>> PlanStore::trail(const std::string& planId) const
{
    auto stmt =
        m_file.database().prepare("SELECT position, revision, action, from_state, to_state, who, at, "
                                  "comment FROM drill_approvals WHERE plan_id = ?1 ORDER BY position");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, planId);
    std::vector<ApprovalEvent> out;
    std::string damage;
    auto done = stmt->forEachRow([&](const Statement& row) {
        const auto action = approvalActionFromName(row.columnText(2));
        const auto from = approvalStateFromName(row.columnText(3));
        const auto to = approvalStateFromName(row.columnText(4));
        auto when = parseUtc(row.columnText(6));
        if (row.columnInt64(0) != static_cast<std::int64_t>(out.size()) || !action || !from || !to || !when) {
            if (damage.empty())
                damage = "entry " + std::to_string(out.size() + 1);
            return;
        }
        out.push_back(ApprovalEvent{static_cast<int>(row.columnInt64(1)), *action, *from, *to,
                                    row.columnText(5), *when, row.columnText(7)});
    });
    if (!done)
        return done.error();
    if (!damage.empty())
        return Error{"corrupt", "The approval trail of drill plan \"" + planId + "\" in " +
                                    m_file.path().string() + " is damaged at " + damage +
                                    ". Restore the workspace from a backup."};
    return out;
}

Result<std::string> PlanStore::latestYaml(const std::string& planId, int* revision) const
{
    auto stmt = m_file.database().prepare("SELECT revision, plan_yaml, plan_hash FROM drill_plan_versions "
                                          "WHERE plan_id = ?1 ORDER BY id DESC LIMIT 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, planId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return noSuchPlan(m_file, planId);
    std::string yaml = stmt->columnText(1);
    if (textHash(yaml) != stmt->columnText(2))
        return Error{"corrupt", "Drill plan \"" + planId + "\" in " + m_file.path().string() +
                                    " is damaged (its checksum does not match). Restore a backup."};
    if (revision)
        *revision = static_cast<int>(stmt->columnInt64(0));
    return yaml;
}

Result<DrillPlan> PlanStore::parse(const std::string& planId, int revision, const std::string& yaml) const
{
    PlanLoadResult loaded = readPlanYaml(yaml, m_file.path().string() + "#plan-" + planId + "-revision-" +
                                                   std::to_string(revision));
    if (loaded.ok())
        return std::move(*loaded.plan);
    std::string why;
    for (const Diagnostic& d : loaded.diagnostics)
        if (d.severity == Severity::Error) {
            why = ": " + d.format();
            break;
        }
    return Error{"invalid-plan", "Revision " + std::to_string(revision) + " of drill plan \"" + planId +
                                     "\" could not be read" + why + "."};
}

Result<StoredPlan> PlanStore::load(const std::string& planId) const
{
    int revision = 1;
    auto yaml = latestYaml(planId, &revision);
    if (!yaml)
        return yaml.error();
    auto plan = parse(planId, revision, *yaml);
    if (!plan)
        return plan.error();
    auto events = trail(planId);
    if (!events)
        return events.error();
    auto approval = PlanApproval::fromTrail(*events);
    if (!approval)
        return Error{"corrupt", "The approval trail of drill plan \"" + planId + "\" in " +
                                    m_file.path().string() +
                                    " does not hold together: " + approval.error().message};
    return StoredPlan{std::move(plan).value(), std::move(approval).value()};
}

Result<DrillPlan> PlanStore::planAt(const std::string& planId, int revision) const
{
    auto stmt = m_file.database().prepare("SELECT plan_yaml, plan_hash FROM drill_plan_versions "
                                          "WHERE plan_id = ?1 AND revision <= ?2 ORDER BY id DESC LIMIT 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, planId).bind(2, std::int64_t{revision});
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{"no-such-revision",
                     "Drill plan \"" + planId + "\" has no revision " + std::to_string(revision) + "."};
    std::string yaml = stmt->columnText(0);
    if (textHash(yaml) != stmt->columnText(1))
        return Error{"corrupt", "Revision " + std::to_string(revision) + " of drill plan \"" + planId +
                                    "\" is damaged (its checksum does not match). Restore a backup."};
    return parse(planId, revision, yaml);
}

Result<void> PlanStore::save(const DrillPlan& plan, const PlanApproval& approval)
{
    if (auto writable = requireWritable(); !writable)
        return writable.error();
    Database& db = m_file.database();
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    int storedRevision = 1;
    auto storedYaml = latestYaml(plan.id, &storedRevision);
    if (!storedYaml)
        return storedYaml.error();
    auto stored = trail(plan.id);
    if (!stored)
        return stored.error();

    const std::vector<ApprovalEvent>& events = approval.trail();
    if (stored->size() > events.size() || !std::equal(stored->begin(), stored->end(), events.begin()))
        return Error{"audit-rewrite",
                     "The approval trail of drill plan \"" + plan.id +
                         "\" is never rewritten: the plan was changed since it was "
                         "loaded, or an entry differs from the stored one. Reload the plan."};
    if (auto valid = PlanApproval::fromTrail(events); !valid)
        return valid.error();

    const std::string yaml = planToYaml(plan);
    const bool changed = yaml != *storedYaml;
    if (changed && approval.state() != ApprovalState::Draft)
        return Error{"plan-not-editable",
                     "Drill plan \"" + plan.id + "\" is " + std::string(approvalStateName(approval.state())) +
                         "; record the edit first (an approved plan then starts a new revision, a plan in "
                         "review must be withdrawn)."};
    if (changed || approval.revision() != storedRevision) {
        if (approval.revision() < storedRevision)
            return Error{"plan-mismatch", "Drill plan \"" + plan.id + "\" is at revision " +
                                              std::to_string(storedRevision) + ", newer than the one saved."};
        if (auto version = appendVersion(plan, yaml, approval.revision()); !version)
            return version.error();
    }
    auto update = db.prepare("UPDATE drill_plans SET title = ?2, workload = ?3, scenario = ?4 WHERE id = ?1");
    if (!update)
        return update.error();
    update->bind(1, plan.id).bind(2, plan.title).bind(3, plan.workload).bind(4, plan.scenario);
    if (auto done = update->run(); !done)
        return done.error();
    if (auto appended = appendTrail(plan.id, events, stored->size()); !appended)
        return appended.error();
    return transaction->commit();
}

} // namespace firedrill
