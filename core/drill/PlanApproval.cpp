#include "PlanApproval.h"

#include "UtcTime.h"

#include <array>

namespace firedrill {

namespace {

constexpr std::array<std::pair<ApprovalState, std::string_view>, 4> kStates{{
    {ApprovalState::Draft, "draft"},
    {ApprovalState::InReview, "in-review"},
    {ApprovalState::Approved, "approved"},
    {ApprovalState::ChangesRequested, "changes-requested"},
}};

constexpr std::array<std::pair<ApprovalAction, std::string_view>, 5> kActions{{
    {ApprovalAction::Submit, "submit"},
    {ApprovalAction::Approve, "approve"},
    {ApprovalAction::RequestChanges, "request-changes"},
    {ApprovalAction::Withdraw, "withdraw"},
    {ApprovalAction::Edit, "edit"},
}};

/// The state an action leads to from `from`; nullopt when the action is not allowed there.
std::optional<ApprovalState> next(ApprovalState from, ApprovalAction action)
{
    switch (action) {
    case ApprovalAction::Submit:
        if (from == ApprovalState::Draft)
            return ApprovalState::InReview;
        break;
    case ApprovalAction::Approve:
        if (from == ApprovalState::InReview)
            return ApprovalState::Approved;
        break;
    case ApprovalAction::RequestChanges:
        if (from == ApprovalState::InReview)
            return ApprovalState::ChangesRequested;
        break;
    case ApprovalAction::Withdraw:
        if (from == ApprovalState::InReview)
            return ApprovalState::Draft;
        break;
    case ApprovalAction::Edit:
        if (from != ApprovalState::InReview)
            return ApprovalState::Draft;
        break;
    }
    return std::nullopt;
}

std::string hint(ApprovalState from)
{
    switch (from) {
    case ApprovalState::Draft:
        return "a draft can be edited or submitted for review";
    case ApprovalState::InReview:
        return "a plan in review can be approved, sent back with changes requested, or withdrawn";
    case ApprovalState::Approved:
        return "an approved plan can only be edited, which starts a new revision";
    case ApprovalState::ChangesRequested:
        return "edit the plan to address the requested changes, then submit it again";
    }
    return {};
}

} // namespace

std::string_view approvalStateName(ApprovalState state)
{
    for (const auto& [s, name] : kStates)
        if (s == state)
            return name;
    return "draft";
}

std::optional<ApprovalState> approvalStateFromName(std::string_view name)
{
    for (const auto& [s, n] : kStates)
        if (n == name)
            return s;
    return std::nullopt;
}

std::string_view approvalActionName(ApprovalAction action)
{
    for (const auto& [a, name] : kActions)
        if (a == action)
            return name;
    return "edit";
}

std::optional<ApprovalAction> approvalActionFromName(std::string_view name)
{
    for (const auto& [a, n] : kActions)
        if (n == name)
            return a;
    return std::nullopt;
}

std::string PlanApproval::approvedBy() const
{
    if (m_state != ApprovalState::Approved || m_trail.empty())
        return {};
    return m_trail.back().who;
}

Result<void> PlanApproval::apply(ApprovalAction action, const std::string& who, std::chrono::sys_seconds when,
                                 const std::string& comment)
{
    const std::string verb(approvalActionName(action));
    if (who.empty())
        return Error{"approval-anonymous", "Cannot " + verb + " the plan without saying who does it."};
    if (!m_trail.empty() && when < m_trail.back().when)
        return Error{"approval-out-of-order", "Cannot " + verb + " the plan at " + formatUtc(when) +
                                                  ": the audit trail already has an entry at " +
                                                  formatUtc(m_trail.back().when) +
                                                  ", and it is never rewritten."};
    const auto to = next(m_state, action);
    if (!to)
        return Error{"approval-invalid-transition",
                     "Cannot " + verb + " revision " + std::to_string(m_revision) + ": the plan is " +
                         std::string(approvalStateName(m_state)) + ", and " + hint(m_state) + "."};
    if (action == ApprovalAction::RequestChanges && comment.empty())
        return Error{"approval-comment-required", "Say what to change when requesting changes to the plan."};
    if (action == ApprovalAction::Approve) {
        for (auto it = m_trail.rbegin(); it != m_trail.rend(); ++it)
            if (it->action == ApprovalAction::Submit) {
                if (it->who == who)
                    return Error{"approval-self-approval",
                                 who + " submitted revision " + std::to_string(m_revision) +
                                     " and cannot also approve it; ask another reviewer."};
                break;
            }
    }
    ApprovalEvent e{m_revision, action, m_state, *to, who, when, comment};
    if (action == ApprovalAction::Edit && m_state == ApprovalState::Approved)
        e.revision = ++m_revision;
    m_state = *to;
    m_trail.push_back(std::move(e));
    return {};
}

Result<void> PlanApproval::submit(const std::string& who, std::chrono::sys_seconds when,
                                  const std::string& comment)
{
    return apply(ApprovalAction::Submit, who, when, comment);
}

Result<void> PlanApproval::approve(const std::string& who, std::chrono::sys_seconds when,
                                   const std::string& comment)
{
    return apply(ApprovalAction::Approve, who, when, comment);
}

Result<void> PlanApproval::requestChanges(const std::string& who, std::chrono::sys_seconds when,
                                          const std::string& comment)
{
    return apply(ApprovalAction::RequestChanges, who, when, comment);
}

Result<void> PlanApproval::withdraw(const std::string& who, std::chrono::sys_seconds when,
                                    const std::string& comment)
{
    return apply(ApprovalAction::Withdraw, who, when, comment);
}

Result<void> PlanApproval::edit(const std::string& who, std::chrono::sys_seconds when,
                                const std::string& comment)
{
    return apply(ApprovalAction::Edit, who, when, comment);
}

Result<PlanApproval> PlanApproval::fromTrail(std::span<const ApprovalEvent> trail)
{
    PlanApproval p;
    for (std::size_t i = 0; i < trail.size(); ++i) {
        const ApprovalEvent& e = trail[i];
        if (auto r = p.apply(e.action, e.who, e.when, e.comment); !r)
            return Error{"approval-bad-trail", "Entry " + std::to_string(i + 1) +
                                                   " of the audit trail is not valid: " + r.error().message};
        const ApprovalEvent& got = p.m_trail.back();
        if (got.from != e.from || got.to != e.to || got.revision != e.revision)
            return Error{"approval-bad-trail",
                         "Entry " + std::to_string(i + 1) +
                             " of the audit trail does not follow from the entries before it."};
    }
    return p;
}

} // namespace firedrill
