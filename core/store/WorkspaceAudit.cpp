#include "WorkspaceAudit.h"

#include "PlanStore.h"
#include "RecordStore.h"
#include "ScheduleStore.h"
#include "Statement.h"
#include "TextHash.h"
#include "core/drill/PlanApproval.h"
#include "core/drill/PlanYaml.h"
#include "core/io/TopologyReader.h"
#include "core/io/YamlTree.h"

#include <optional>
#include <set>

namespace firedrill {

namespace {

/// The first error of a reader's diagnostics, formatted, or a fallback.
std::string firstError(const std::vector<Diagnostic>& diagnostics)
{
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error)
            return d.format();
    return "it holds no topology";
}

std::string savedText(const std::string& savedAt)
{
    return savedAt.empty() ? std::string() : " (saved " + savedAt + ")";
}

Result<void> auditRevisions(const WorkspaceFile& file, std::int64_t alreadyRead, std::vector<WorkspaceDamage>& out)
{
    auto stmt = file.database().prepare(
        "SELECT id, saved_at, topology_yaml, topology_hash FROM revisions ORDER BY id");
    if (!stmt)
        return stmt.error();
    std::set<std::string> readable; // a restore stores the same text again: read it once
    return stmt->forEachRow([&](const Statement& row) {
        const std::int64_t id = row.columnInt64(0);
        if (id == alreadyRead)
            return;
        const std::string item = "revision " + std::to_string(id);
        const std::string text = row.columnText(2);
        const std::string hash = row.columnText(3);
        if (textHash(text) != hash) {
            out.push_back({item,
                           "Revision " + std::to_string(id) + savedText(row.columnText(1)) +
                               " is damaged: its checksum does not match its text. Do not restore it; restore "
                               "the workspace from a backup to get it back.",
                           id});
            return;
        }
        if (readable.count(hash) != 0)
            return;
        // Readable means a topology can be built, as opening the revision needs; its meaning is not
        // checked (validation problems do not stop a revision from opening), which keeps this cheap.
        const YamlDocument yaml = parseYaml(text, item, ReadLimits{});
        std::optional<MappedTopology> mapped;
        if (yaml.root)
            mapped = mapTopology(*yaml.root, item);
        if (!mapped || !mapped->topology) {
            out.push_back({item,
                           "Revision " + std::to_string(id) + savedText(row.columnText(1)) + " cannot be read (" +
                               firstError(mapped ? mapped->diagnostics : yaml.diagnostics) +
                               "). Do not restore it; restore the workspace from a backup to get it back.",
                           id});
            return;
        }
        readable.insert(hash);
    });
}

Result<void> auditPlanVersions(const WorkspaceFile& file, std::vector<WorkspaceDamage>& out)
{
    auto stmt = file.database().prepare("SELECT plan_id, revision, saved_at, plan_yaml, plan_hash "
                                        "FROM drill_plan_versions ORDER BY plan_id, id");
    if (!stmt)
        return stmt.error();
    std::string lastPlan;
    int version = 0;
    return stmt->forEachRow([&](const Statement& row) {
        const std::string planId = row.columnText(0);
        version = planId == lastPlan ? version + 1 : 1;
        lastPlan = planId;
        const std::string item = "drill plan \"" + planId + "\" version " + std::to_string(version);
        const std::string what = "Version " + std::to_string(version) + " of drill plan \"" + planId +
                                 "\" (plan revision " + std::to_string(row.columnInt64(1)) + savedText(row.columnText(2)) + ")";
        const std::string yaml = row.columnText(3);
        if (textHash(yaml) != row.columnText(4)) {
            out.push_back({item, what + " is damaged: its checksum does not match its text. Restore the "
                                        "workspace from a backup.",
                           0});
            return;
        }
        const PlanLoadResult loaded = readPlanYaml(yaml, item);
        if (!loaded.ok())
            out.push_back({item,
                           what + " cannot be read (" + firstError(loaded.diagnostics) +
                               "). Restore the workspace from a backup.",
                           0});
    });
}

Result<void> auditTrails(WorkspaceFile& file, std::vector<WorkspaceDamage>& out)
{
    PlanStore store(file);
    auto plans = store.plans();
    if (!plans)
        return plans.error();
    for (const PlanSummary& plan : *plans) {
        const std::string item = "approval trail of drill plan \"" + plan.id + "\"";
        auto trail = store.trail(plan.id);
        if (!trail) {
            out.push_back({item, trail.error().message, 0});
            continue;
        }
        if (auto approval = PlanApproval::fromTrail(*trail); !approval)
            out.push_back({item,
                           "The approval trail of drill plan \"" + plan.id + "\" does not hold together: " +
                               approval.error().message + " Restore the workspace from a backup.",
                           0});
    }
    return {};
}

} // namespace

Result<std::vector<WorkspaceDamage>> auditWorkspace(WorkspaceFile& file, std::int64_t alreadyRead)
{
    std::vector<WorkspaceDamage> out;
    if (auto revisions = auditRevisions(file, alreadyRead, out); !revisions)
        return revisions.error();
    if (file.schemaVersion() < 2)
        return out; // drill plans, schedules and records came with schema 2
    if (auto versions = auditPlanVersions(file, out); !versions)
        return versions.error();
    if (auto trails = auditTrails(file, out); !trails)
        return trails.error();
    if (auto schedules = ScheduleStore(file).schedules(); !schedules)
        out.push_back({"drill schedules", schedules.error().message, 0});
    if (auto records = RecordStore(file).records(); !records)
        out.push_back({"drill records", records.error().message, 0});
    return out;
}

} // namespace firedrill
