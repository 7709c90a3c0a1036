#pragma once

#include "DrillPlan.h"
#include "core/model/Result.h"
#include "core/model/Topology.h"
#include "core/sim/ReplayResult.h"

#include <optional>

namespace firedrill {

/// Choices a planner makes that the topology does not hold.
struct DrillOptions
{
    /// Production or isolated test failover; absent: isolated for region and corruption drills,
    /// production for the smaller ones (instance, zone, dependency), which the design absorbs.
    std::optional<DrillMode> mode;
};

/// Generates the drill plan for `workload` under `scenario` (docs/drill.md). The steps follow the
/// workload's design and strategy; their expected times come from the recovery estimate for the
/// scenario's disruption class, or from `replay` (a replay of the same scenario) when it is given and
/// measured a recovery. Errors: "unknown-workload", "unknown-scenario", "empty-scenario".
Result<DrillPlan> generateDrillPlan(const Topology& topology, const WorkloadId& workload,
                                    const ScenarioId& scenario, const sim::ReplayResult* replay = nullptr,
                                    const DrillOptions& options = {});

} // namespace firedrill
