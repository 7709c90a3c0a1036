#include "StrategyPreview.h"

#include "ui/common/DisplayText.h"
#include "ui/editor/DiagramLayout.h"

namespace firedrill::ui {

Result<StrategyPreview> previewStrategy(const Topology& topology, const WorkloadId& workload, const Strategy& strategy)
{
    auto plan = applyStrategy(topology, workload, strategy);
    if (!plan)
        return plan.error();
    StrategyPreview out;
    out.plan = std::move(*plan);
    out.canvas.topology = out.plan.result;
    for (const TopologyChange& change : out.plan.changes) {
        if (change.component.str().empty())
            continue;
        const QString id = qstr(change.component.str());
        PreviewMark mark = PreviewMark::Modified;
        switch (change.kind) {
        case TopologyChange::Kind::Add: mark = PreviewMark::Added; break;
        case TopologyChange::Kind::Remove: mark = PreviewMark::Removed; break;
        case TopologyChange::Kind::Rescale: mark = PreviewMark::Rescaled; break;
        case TopologyChange::Kind::Modify: mark = PreviewMark::Modified; break;
        }
        if (mark == PreviewMark::Removed && !out.canvas.topology.findComponent(change.component))
            if (const Component* gone = topology.findComponent(change.component))
                out.canvas.topology.components.push_back(*gone);
        // Added, removed and rescaled say more than "changed": they win over it.
        const auto it = out.canvas.marks.find(id);
        if (it == out.canvas.marks.end() || it->second == PreviewMark::Modified)
            out.canvas.marks[id] = mark;
    }
    out.canvas.layout = computeLayout(out.canvas.topology);
    return out;
}

} // namespace firedrill::ui
