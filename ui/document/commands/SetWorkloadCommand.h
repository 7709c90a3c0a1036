#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>
#include <optional>

namespace firedrill::ui {

class Document;

/// Adds, edits or removes one workload (stored before and after; absent meaning "none"). Removing a
/// workload also removes its policies, and undo brings them back.
class SetWorkloadCommand : public QUndoCommand
{
public:
    /// Replaces the workload `id` with `after` (absent: removes it). A new id adds a workload.
    SetWorkloadCommand(Document* document, WorkloadId id, std::optional<Workload> after,
                       bool merge = false, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const std::optional<Workload>& workload, const std::vector<Policy>& policies);

    Document* m_document;
    WorkloadId m_id;
    std::optional<Workload> m_before;
    std::optional<Workload> m_after;
    std::vector<Policy> m_policiesBefore;
    std::vector<Policy> m_policiesAfter;
    int m_index = -1;
    bool m_merge = false;
};

} // namespace firedrill::ui
