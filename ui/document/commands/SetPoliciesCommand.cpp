#include "SetPoliciesCommand.h"

#include "CommandIds.h"
#include "ui/document/Document.h"

#include <algorithm>

namespace firedrill::ui {

SetPoliciesCommand::SetPoliciesCommand(Document* document, const WorkloadId& workload, std::vector<Policy> policies,
                                       const QString& text, bool merge, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_workload(workload),
      m_before(document->topology().policies), m_after(merged(m_before, workload, policies)), m_merge(merge)
{
}

std::vector<Policy> SetPoliciesCommand::merged(const std::vector<Policy>& all, const WorkloadId& workload,
                                               const std::vector<Policy>& policies)
{
    std::vector<Policy> out;
    bool placed = false;
    for (const Policy& p : all) {
        if (p.workload != workload) {
            out.push_back(p);
        } else if (!placed) {
            out.insert(out.end(), policies.begin(), policies.end());
            placed = true;
        }
    }
    if (!placed)
        out.insert(out.end(), policies.begin(), policies.end());
    return out;
}

void SetPoliciesCommand::undo()
{
    m_document->replacePolicies(m_before);
}

void SetPoliciesCommand::redo()
{
    if (m_document->topology().policies != m_after)
        m_document->replacePolicies(m_after);
}

int SetPoliciesCommand::id() const
{
    return m_merge ? CommandId::SetPolicies : -1;
}

bool SetPoliciesCommand::mergeWith(const QUndoCommand* other)
{
    const auto* same = static_cast<const SetPoliciesCommand*>(other);
    if (!same->m_merge || same->m_workload != m_workload)
        return false;
    m_after = same->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace firedrill::ui
