#pragma once

#include "core/model/Topology.h"

#include <optional>
#include <vector>

namespace firedrill {

/// The components a workload uses, in topology order: its explicit `components` list (with its entry)
/// when it has one, else everything reachable from its entry through endpoints and hard or soft
/// dependencies.
std::vector<const Component*> workloadComponents(const Topology& topology, const Workload& workload);

/// The regions a workload runs in and fails over to.
struct RegionRoles
{
    std::optional<RegionId> primary;   ///< from the strategy, else the primary replica's region, else the
                                       ///< region most of its components are in
    std::optional<RegionId> secondary; ///< from the strategy, else the primary's pair, else another region
                                       ///< its components use
};

/// Works out a workload's primary and secondary regions (see RegionRoles).
RegionRoles regionRoles(const Topology& topology, const Workload& workload);

/// The regions a component occupies: its own region, its replicas' regions, or the ends of a link.
std::vector<RegionId> componentRegions(const Component& component);

} // namespace firedrill
