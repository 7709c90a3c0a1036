#pragma once

#include "WorkspaceFile.h"
#include "core/drill/DrillPlan.h"
#include "core/drill/PlanApproval.h"
#include "core/model/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace firedrill {

/// A drill plan as the workspace lists it, without its content.
struct PlanSummary
{
    std::string id;
    std::string title;
    std::string workload;
    std::string scenario;
    int revision = 1;                           ///< the current revision
    ApprovalState state = ApprovalState::Draft; ///< of the current revision
    std::string savedAt;                        ///< when its content was last saved (ISO-8601 UTC)
};

/// A drill plan read back from the workspace: its newest content and its review life.
struct StoredPlan
{
    DrillPlan plan;
    PlanApproval approval;
};

/// The drill plans kept in a workspace (schema 2): each plan's content as canonical plan YAML with its
/// hash, appended as a new version on every save, and its approval audit trail, which can only grow.
/// Works on an open WorkspaceFile, which must outlive it.
///
/// Error codes: read-only, plan-exists, no-such-plan, no-such-revision, plan-mismatch, audit-rewrite,
/// plan-not-editable, corrupt, invalid-plan, and the SQL layer's.
class PlanStore
{
public:
    /// A store on `file`.
    explicit PlanStore(WorkspaceFile& file) : m_file(file) {}

    /// Every plan, ordered by title then id.
    Result<std::vector<PlanSummary>> plans() const;
    /// Adds a new plan as revision 1 with `approval`'s trail (usually empty: a draft). "plan-exists" when
    /// a plan with the same id is stored.
    Result<void> addPlan(const DrillPlan& plan, const PlanApproval& approval = {});
    /// The newest content of a plan and its approval rebuilt from the stored trail.
    Result<StoredPlan> load(const std::string& planId) const;
    /// The content of a plan as it was last saved under `revision`.
    Result<DrillPlan> planAt(const std::string& planId, int revision) const;
    /// Saves `plan` and appends the entries of `approval`'s trail that are not stored yet, in one
    /// transaction. The stored trail must be the start of `approval.trail()` ("audit-rewrite" otherwise:
    /// the trail is never rewritten). Changed content needs a draft (record the edit on the approval
    /// first, which starts a new revision for an approved plan; "plan-not-editable" otherwise). Content
    /// equal to the stored one appends no version.
    Result<void> save(const DrillPlan& plan, const PlanApproval& approval);
    /// The stored approval trail of a plan, oldest first.
    Result<std::vector<ApprovalEvent>> trail(const std::string& planId) const;

private:
    Result<void> requireWritable() const;
    Result<void> appendVersion(const DrillPlan& plan, const std::string& yaml, int revision);
    Result<void> appendTrail(const std::string& planId, const std::vector<ApprovalEvent>& trail,
                             std::size_t from);
    Result<std::string> latestYaml(const std::string& planId, int* revision) const;
    Result<DrillPlan> parse(const std::string& planId, int revision, const std::string& yaml) const;

    WorkspaceFile& m_file;
};

} // namespace firedrill
