#include "RemoveComponentsCommand.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <algorithm>
#include <set>

namespace firedrill::ui {

RemoveComponentsCommand::RemoveComponentsCommand(Document* document, std::vector<ComponentId> ids,
                                                 QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_ids(std::move(ids))
{
    setText(m_ids.size() == 1 ? QObject::tr("Delete %1").arg(qstr(m_ids.front().str()))
                              : QObject::tr("Delete %1 components").arg(m_ids.size()));
}

void RemoveComponentsCommand::redo()
{
    const std::set<ComponentId> gone(m_ids.begin(), m_ids.end());
    const Topology& topology = m_document->topology();
    m_removed.clear();
    m_referrersBefore.clear();
    m_workloadsBefore.clear();
    for (std::size_t i = 0; i < topology.components.size(); ++i) {
        const Component& c = topology.components[i];
        if (gone.count(c.id)) {
            m_removed.emplace_back(static_cast<int>(i), c);
            continue;
        }
        const bool refers =
            std::any_of(c.dependsOn.begin(), c.dependsOn.end(), [&](const Dependency& dep) { return gone.count(dep.target); }) ||
            std::any_of(c.endpoints.begin(), c.endpoints.end(), [&](const Endpoint& e) { return gone.count(e.target); });
        if (refers)
            m_referrersBefore.push_back(c);
    }
    for (const Workload& w : topology.workloads)
        if (std::any_of(w.components.begin(), w.components.end(), [&](const ComponentId& id) { return gone.count(id); }))
            m_workloadsBefore.push_back(w);

    for (Component c : m_referrersBefore) {
        std::erase_if(c.dependsOn, [&](const Dependency& dep) { return gone.count(dep.target) > 0; });
        std::erase_if(c.endpoints, [&](const Endpoint& e) { return gone.count(e.target) > 0; });
        m_document->replaceComponent(c);
    }
    for (Workload w : m_workloadsBefore) {
        std::erase_if(w.components, [&](const ComponentId& id) { return gone.count(id) > 0; });
        m_document->replaceWorkload(w);
    }
    for (const auto& [index, component] : m_removed)
        m_document->removeComponent(component.id);
}

void RemoveComponentsCommand::undo()
{
    for (const auto& [index, component] : m_removed)
        m_document->insertComponent(index, component);
    for (const Component& c : m_referrersBefore)
        m_document->replaceComponent(c);
    for (const Workload& w : m_workloadsBefore)
        m_document->replaceWorkload(w);
}

} // namespace firedrill::ui
