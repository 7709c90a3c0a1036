#pragma once

#include "core/model/Result.h"
#include "core/model/Topology.h"

#include <string>
#include <vector>

namespace firedrill {

/// One concrete change a strategy makes to a topology.
struct TopologyChange
{
    enum class Kind { Add, Remove, Rescale, Modify };
    Kind kind = Kind::Modify;
    ComponentId component;
    std::string description; ///< "add web-neu (App Service) in North Europe with 2 instances (scale factor 0.5)"
    bool operator==(const TopologyChange&) const = default;
};

/// A topology with a strategy applied to one workload, and the list of changes that got it there.
struct StrategyPlan
{
    Strategy strategy;
    Topology result;
    std::vector<TopologyChange> changes;
    std::vector<std::string> notes;
};

/// Applies `strategy` to `workload`: decides what the secondary region gets (nothing, a database replica,
/// a scaled-down copy, or a full copy), at what scale, with which replication and routing. Regional
/// components are matched with their secondary counterparts by id ("web-weu" <-> "web-neu"), else created.
/// Fails when the workload is unknown or has no second region to use.
Result<StrategyPlan> applyStrategy(const Topology& topology, const WorkloadId& workload, const Strategy& strategy);

/// The default scale factor of active-passive-full when none is given.
inline constexpr double kDefaultScaleFactor = 0.5;

} // namespace firedrill
