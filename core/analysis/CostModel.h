#pragma once

#include "core/analysis/PriceTable.h"
#include "core/model/Topology.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// Hours in a month for turning monthly prices into hourly ones (Azure's convention: 8,760 h / 12).
inline constexpr double kHoursPerMonth = 730.0;

/// One line of a cost report: a component, or one placement of a component that spans regions
/// (one line per replica of a replicated database, one per region end of a link).
struct CostLine
{
    ComponentId component;
    std::string name; ///< the component's name, or its id when it has none
    ComponentKind kind = ComponentKind::AppService;
    std::optional<ComponentId> replica; ///< the replica this line prices
    std::optional<RegionId> region;     ///< absent for global components and site-placed ones
    std::optional<SiteId> site;         ///< the site of a component placed at a site
    bool secondary = false;             ///< the line is in a secondary region (see the report's rule)
    double monthly = 0.0;               ///< USD per month
    std::string basis;                  ///< where the figure comes from: "component cost",
                                        ///< "price table: 3 instances x 146 USD", ...
    bool operator==(const CostLine&) const = default;
};

/// Monthly cost of a topology or a workload, line by line, with its regional split.
struct CostReport
{
    std::vector<CostLine> lines;
    double total = 0.0;                     ///< sum of the lines, USD per month
    std::map<std::string, double> byRegion; ///< key: region id, "site:<id>" or "global"
    std::vector<RegionId> secondaryRegions; ///< the regions whose lines count as the secondary share
    double secondaryShare = 0.0;            ///< sum of the lines in a secondary region
    double primaryShare = 0.0;              ///< everything else, global and site lines included
    std::vector<std::string> notes;         ///< assumptions a reader should know about

    /// The monthly cost of one component over all its lines.
    double componentTotal(const ComponentId& id) const;
    bool operator==(const CostReport&) const = default;
};

/// The cost lines of one component, before any secondary split. A given `cost` is used as is (split
/// evenly over the replicas or region ends); otherwise the component is priced from `prices`.
std::vector<CostLine> componentCost(const Component& component, const PriceTable& prices);

/// The whole topology's monthly cost. A region is secondary when it is some workload's secondary
/// region (regionRoles) and no workload's primary.
CostReport topologyCost(const Topology& topology, const PriceTable& prices);

/// One workload's monthly cost: the components it uses (workloadComponents), each in full even when
/// other workloads share it. Its secondary region is regionRoles().secondary.
CostReport workloadCost(const Topology& topology, const Workload& workload, const PriceTable& prices);

/// One compute component scaled up (or started) in the secondary region during a failover.
struct ScaleUpLine
{
    ComponentId component; ///< the secondary component, or the primary one started in the secondary
    std::string name;
    ComponentKind kind = ComponentKind::AppService;
    RegionId region;                 ///< the secondary region
    int current = 0;                 ///< instances running there before the failover
    int full = 0;                    ///< instances at full size
    double perInstanceMonthly = 0.0; ///< USD per instance per month
    double perHour = 0.0;            ///< (full - current) x perInstanceMonthly / kHoursPerMonth
    double cost = 0.0;               ///< perHour x the failover's hours
    std::string basis;               ///< how full size and price were found
    bool operator==(const ScaleUpLine&) const = default;
};

/// The extra cost of running a workload's secondary region at full size for a while.
struct FailoverCost
{
    Duration duration;
    double extraPerHour = 0.0;      ///< USD per hour, sum of the lines' perHour
    double total = 0.0;             ///< extraPerHour x hours
    std::vector<ScaleUpLine> lines; ///< only components that grow
    std::string explanation;        ///< the whole computation in one paragraph
    std::vector<std::string> notes;
    bool operator==(const FailoverCost&) const = default;
};

/// What running the workload's secondary compute (app services, VMs, scale sets) at full size for
/// `duration` costs on top of the monthly bill. Full size rules are in docs/pricing.md.
FailoverCost failoverCost(const Topology& topology, const Workload& workload, const PriceTable& prices,
                          Duration duration);

} // namespace firedrill
