#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>
#include <utility>
#include <vector>

namespace firedrill::ui {

class Document;

/// Removes components, and every reference to them: dependencies, endpoints and workload member lists.
class RemoveComponentsCommand : public QUndoCommand
{
public:
    /// Removes the components with `ids` from `document`.
    RemoveComponentsCommand(Document* document, std::vector<ComponentId> ids, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    std::vector<ComponentId> m_ids;
    std::vector<std::pair<int, Component>> m_removed; ///< with their indices, in ascending order
    std::vector<Component> m_referrersBefore;         ///< components whose references were cleaned
    std::vector<Workload> m_workloadsBefore;          ///< workloads whose member lists were cleaned
};

} // namespace firedrill::ui
