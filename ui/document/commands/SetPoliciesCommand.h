#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>
#include <vector>

namespace firedrill::ui {

class Document;

/// Replaces the policies of one workload (its RTO / RPO targets per disruption class) in one undo step.
/// Successive edits of the same workload's targets with `merge` (typing in one field) become one step.
class SetPoliciesCommand : public QUndoCommand
{
public:
    /// Gives workload `workload` exactly the policies `policies` (each must name that workload); the
    /// other workloads' policies keep their places.
    SetPoliciesCommand(Document* document, const WorkloadId& workload, std::vector<Policy> policies,
                       const QString& text, bool merge = false, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    /// The topology's policies with those of `workload` replaced by `policies` (in their place, or
    /// appended when it had none).
    static std::vector<Policy> merged(const std::vector<Policy>& all, const WorkloadId& workload,
                                      const std::vector<Policy>& policies);

private:
    Document* m_document;
    WorkloadId m_workload;
    std::vector<Policy> m_before;
    std::vector<Policy> m_after;
    bool m_merge = false;
};

} // namespace firedrill::ui
