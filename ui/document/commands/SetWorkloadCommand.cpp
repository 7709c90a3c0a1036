#include "SetWorkloadCommand.h"

#include "CommandIds.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <algorithm>

namespace firedrill::ui {

namespace {
constexpr int kWorkloadMergeId = 3;
}

SetWorkloadCommand::SetWorkloadCommand(Document* document, WorkloadId id, std::optional<Workload> after,
                                       bool merge, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_id(std::move(id)), m_after(std::move(after)), m_merge(merge)
{
    const Topology& t = document->topology();
    const auto it = std::find_if(t.workloads.begin(), t.workloads.end(), [&](const Workload& w) { return w.id == m_id; });
    if (it != t.workloads.end()) {
        m_before = *it;
        m_index = static_cast<int>(it - t.workloads.begin());
    }
    m_policiesBefore = t.policies;
    m_policiesAfter = t.policies;
    if (!m_after)
        std::erase_if(m_policiesAfter, [&](const Policy& p) { return p.workload == m_id; });
    const QString name = qstr(m_id.str());
    setText(!m_after ? QObject::tr("Delete workload %1").arg(name)
            : !m_before ? QObject::tr("Add workload %1").arg(name)
                        : QObject::tr("Edit workload %1").arg(name));
}

void SetWorkloadCommand::apply(const std::optional<Workload>& workload, const std::vector<Policy>& policies)
{
    const bool exists = m_document->topology().findWorkload(m_id) != nullptr;
    if (!workload && exists)
        m_document->removeWorkload(m_id);
    else if (workload && exists)
        m_document->replaceWorkload(*workload);
    else if (workload)
        m_document->insertWorkload(m_index < 0 ? static_cast<int>(m_document->topology().workloads.size()) : m_index,
                                   *workload);
    if (m_document->topology().policies != policies)
        m_document->replacePolicies(policies);
}

void SetWorkloadCommand::undo()
{
    apply(m_before, m_policiesBefore);
}

void SetWorkloadCommand::redo()
{
    apply(m_after, m_policiesAfter);
}

int SetWorkloadCommand::id() const
{
    return m_merge ? kWorkloadMergeId : -1;
}

bool SetWorkloadCommand::mergeWith(const QUndoCommand* other)
{
    const auto* same = static_cast<const SetWorkloadCommand*>(other);
    if (!same->m_merge || same->m_id != m_id || !m_before || !same->m_after)
        return false;
    m_after = same->m_after;
    return true;
}

} // namespace firedrill::ui
