#pragma once

#include "FailureDomain.h"

#include "core/model/Topology.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// How a loss affects a workload.
enum class ImpactKind { Down, Degraded };

/// What one loss does to one workload.
struct WorkloadImpact
{
    WorkloadId workload;
    ImpactKind kind = ImpactKind::Down;
    double capacityRps = 0;   ///< requests per second the workload can still serve after scale-out
    double demandRps = 0;
    std::string explanation;  ///< one sentence with the numbers
};

/// A loss (one domain, or a pair) that takes at least one workload down or below its demand.
struct SpofFinding
{
    std::vector<FailureDomain> domains;
    std::vector<WorkloadImpact> impacts;
    std::vector<ComponentId> lost; ///< components of the impacted workloads that do not survive the loss
};

/// What to look for.
struct SpofOptions
{
    std::optional<WorkloadId> workload; ///< only this workload (default: all)
    bool pairs = false;                 ///< also look for minimal pairs (cut sets of size 2)
    double degradedThreshold = 1.0;     ///< share of demand below which a workload counts as degraded
    std::size_t maxPairDomains = 400;   ///< pair search is skipped above this many domains (and said so)
};

/// Single points of failure, and on request pairs of failures that matter.
struct SpofReport
{
    std::vector<SpofFinding> singles;
    std::vector<SpofFinding> pairs;
    std::size_t domainsChecked = 0;
    bool pairsChecked = false;
    std::vector<std::string> notes;
};

/// The capacity a workload can serve (after scale-out) with `lost` down; 0 when it is down.
/// Capacity follows the dependency graph: a chain serves its narrowest link, redundant endpoints add up.
double servedCapacity(const Topology& topology, const Workload& workload, const LossSet& lost);

/// Finds every failure domain (component, link, zone, region, site) whose loss alone takes a workload
/// down or below `degradedThreshold` x its demand; with `pairs`, also the minimal pairs.
SpofReport findSinglePointsOfFailure(const Topology& topology, const SpofOptions& options = {});

} // namespace firedrill
