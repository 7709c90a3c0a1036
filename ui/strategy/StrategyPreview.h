#pragma once

#include "core/analysis/StrategyApplier.h"
#include "ui/editor/CanvasPreview.h"

namespace firedrill::ui {

/// What applying a strategy would do, ready for the canvas.
struct StrategyPreview
{
    StrategyPlan plan;     ///< core's plan: the resulting topology and its changes
    CanvasPreview canvas;  ///< the result plus the components it removes, marked
};

/// Plans `strategy` for `workload` (core's applyStrategy) and marks its changes for the canvas: added
/// components NEW, removed ones REMOVED (kept on the canvas, faded), rescaled ones RESCALED, and the ones
/// otherwise modified (replicas, routing, endpoints) CHANGED; and lays the result out. Touches nothing but
/// its arguments, so it can run on a worker thread.
Result<StrategyPreview> previewStrategy(const Topology& topology, const WorkloadId& workload, const Strategy& strategy);

} // namespace firedrill::ui
