#pragma once

#include "PolicyCheck.h"
#include "PriceTable.h"
#include "RecoveryEstimator.h"
#include "StrategyApplier.h"

#include "core/model/Topology.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// One DR strategy evaluated for a workload: what it changes, costs, and achieves.
struct StrategyOption
{
    Strategy strategy;
    bool current = false;                   ///< the workload follows this strategy today
    std::optional<Error> unavailable;       ///< why it cannot be applied (e.g. no second region)
    std::vector<TopologyChange> changes;    ///< what applying it changes
    double monthlyCost = 0;                 ///< the workload's monthly cost under it, USD
    double secondaryCost = 0;               ///< of which in the secondary region
    double availability = 0;                ///< composite availability, fraction
    std::vector<RecoveryEstimate> estimates; ///< one per disruption class
    std::vector<PolicyVerdict> verdicts;    ///< one per policy of the workload
    bool compliant = false;                 ///< every policy target met
    bool cheapestCompliant = false;         ///< the cheapest option that is compliant
};

/// The four DR strategies side by side for one workload.
struct StrategyComparison
{
    WorkloadId workload;
    std::vector<StrategyOption> options;    ///< redeploy, active-passive db, active-passive full, active-active
    std::optional<std::size_t> cheapestCompliant;
    std::vector<std::string> notes;
};

/// Evaluates the four strategies for `workload`. Active-passive full keeps the workload's own scale
/// factor when it has one, else kDefaultScaleFactor.
Result<StrategyComparison> compareStrategies(const Topology& topology, const WorkloadId& workload,
                                             const PriceTable& prices);

/// One combination of strategies (one per workload) on the cost / RTO plane.
struct ParetoPoint
{
    std::vector<StrategyKind> choice; ///< in the topology's workload order
    double monthlyCost = 0;           ///< whole topology, USD
    Duration worstRegionRto;          ///< the longest region-disruption RTO over the workloads
    bool unbounded = false;           ///< some workload cannot recover from a region loss
    bool onFront = false;             ///< no other point is both cheaper and faster
    Duration worstRegionRpo;          ///< the longest worst-case region-disruption RPO over the workloads
    bool rpoUnbounded = false;        ///< some workload loses an unbounded amount of data in a region loss
    bool onRpoFront = false;          ///< no other point is both cheaper and loses less data
};

/// Every strategy combination (while there are at most `maxCombinations`), and which lie on the
/// cost / RTO Pareto front.
struct ParetoResult
{
    std::vector<ParetoPoint> points;
    std::size_t combinations = 0;     ///< how many exist
    bool truncated = false;           ///< too many to enumerate: only uniform choices were evaluated
    std::vector<std::string> notes;
};

/// The cost / RTO (and cost / RPO) Pareto fronts across all workloads' strategy combinations. A point is
/// on a front when no other point is at most as expensive and at most as slow (or lossy), and strictly
/// better in one of the two; an unbounded figure is worse than any bounded one.
ParetoResult paretoFront(const Topology& topology, const PriceTable& prices, std::size_t maxCombinations = 1024);

/// The four strategies in comparison order.
const std::vector<StrategyKind>& comparedStrategies();

} // namespace firedrill
