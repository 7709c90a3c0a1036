#pragma once

#include "Id.h"
#include "Quantity.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// The four disaster-recovery strategies a workload can follow (plus staying in one region).
enum class StrategyKind { SingleRegion, RedeployFromBackup, ActivePassiveDb, ActivePassiveFull, ActiveActive };

/// A DR strategy with its parameters.
struct Strategy
{
    StrategyKind kind = StrategyKind::SingleRegion;
    std::optional<double> scaleFactor;      ///< active-passive-full: secondary size relative to primary (0, 1]
    std::optional<RegionId> primary;
    std::optional<RegionId> secondary;
    std::optional<Duration> redeployTime;   ///< time to deploy the application in the secondary region
    auto operator<=>(const Strategy&) const = default;
};

/// A business capability served by a set of components ("Order submission").
struct Workload
{
    WorkloadId id;
    std::string name;
    ComponentId entry;
    std::vector<ComponentId> components;    ///< explicit members; empty means "everything reachable from entry"
    double demandRps = 0.0;
    double writeFraction = 0.0;             ///< share of requests that write, in [0, 1]
    bool degradable = false;                ///< may run with reduced functionality
    std::optional<Strategy> strategy;
    auto operator<=>(const Workload&) const = default;
};

/// Classes of disruption a policy sets targets for.
enum class DisruptionClass { Instance, Zone, Region, Dependency, Corruption };

/// Recovery targets of one workload for one class of disruption.
struct Policy
{
    WorkloadId workload;
    DisruptionClass disruption = DisruptionClass::Region;
    std::optional<Duration> rto;
    std::optional<Duration> rpo;
    auto operator<=>(const Policy&) const = default;
};

} // namespace firedrill
