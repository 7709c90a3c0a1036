#pragma once

#include "core/model/Result.h"

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace firedrill {

/// Where a plan revision stands in its review.
enum class ApprovalState { Draft, InReview, Approved, ChangesRequested };

/// What someone did to a plan.
enum class ApprovalAction { Submit, Approve, RequestChanges, Withdraw, Edit };

/// The spelling used in files and the audit trail, e.g. "in-review".
std::string_view approvalStateName(ApprovalState state);
/// Parses a state's spelling; nullopt when unknown.
std::optional<ApprovalState> approvalStateFromName(std::string_view name);
/// The spelling of an action, e.g. "request-changes".
std::string_view approvalActionName(ApprovalAction action);
/// Parses an action's spelling; nullopt when unknown.
std::optional<ApprovalAction> approvalActionFromName(std::string_view name);

/// One entry of the audit trail: who did what to which revision, when, and why.
struct ApprovalEvent
{
    int revision = 1; ///< the revision the action applied to
    ApprovalAction action = ApprovalAction::Submit;
    ApprovalState from = ApprovalState::Draft;
    ApprovalState to = ApprovalState::Draft;
    std::string who;
    std::chrono::sys_seconds when{}; ///< UTC; passed in by the caller (core has no clock)
    std::string comment;
    bool operator==(const ApprovalEvent&) const = default;
};

/// The review life of one drill plan (docs/drill.md, "Approval"): draft -> in review -> approved or
/// changes requested (-> draft again). Every transition is appended to an audit trail that is never
/// rewritten; an invalid transition is refused with an Error and leaves everything unchanged. Editing
/// an approved plan starts a new revision, which needs approval again.
class PlanApproval
{
public:
    /// A new plan: revision 1, draft, empty trail.
    PlanApproval() = default;

    /// Rebuilds the state by replaying a stored trail; an error names the first entry that does not
    /// follow from the ones before it.
    static Result<PlanApproval> fromTrail(std::span<const ApprovalEvent> trail);

    ApprovalState state() const { return m_state; }
    int revision() const { return m_revision; }
    /// Every transition so far, oldest first.
    const std::vector<ApprovalEvent>& trail() const { return m_trail; }
    /// Who approved the current revision; empty unless approved.
    std::string approvedBy() const;

    /// Draft -> in review: the author asks for approval.
    Result<void> submit(const std::string& who, std::chrono::sys_seconds when,
                        const std::string& comment = {});
    /// In review -> approved, by someone other than the person who submitted the revision.
    Result<void> approve(const std::string& who, std::chrono::sys_seconds when,
                         const std::string& comment = {});
    /// In review -> changes requested; the comment saying what to change is required.
    Result<void> requestChanges(const std::string& who, std::chrono::sys_seconds when,
                                const std::string& comment);
    /// In review -> draft: the author takes the plan back to edit it.
    Result<void> withdraw(const std::string& who, std::chrono::sys_seconds when,
                          const std::string& comment = {});
    /// Records an edit of the plan. Draft stays draft; changes requested -> draft; approved -> draft of a
    /// new revision (which needs approval again). Refused while in review (withdraw first).
    Result<void> edit(const std::string& who, std::chrono::sys_seconds when, const std::string& comment = {});

private:
    Result<void> apply(ApprovalAction action, const std::string& who, std::chrono::sys_seconds when,
                       const std::string& comment);

    ApprovalState m_state = ApprovalState::Draft;
    int m_revision = 1;
    std::vector<ApprovalEvent> m_trail;
};

} // namespace firedrill
