#pragma once

#include "core/model/Result.h"
#include "core/model/Topology.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// What a scenario template aims at for one focused workload: its regions, its router, its database,
/// its cache and a link between two regions. Found once, then each template takes what it needs.
class TemplateFocus
{
public:
    /// Fails when the workload does not exist or no region can be worked out for it.
    static Result<TemplateFocus> find(const Topology& topology, const WorkloadId& workload);

    const Topology& topology() const { return *m_topology; }
    const Workload& workload() const { return *m_workload; }
    /// The strategy's primary region, else the entry's region, else core/analysis's regionRoles.
    const Region& primary() const { return *m_primary; }
    /// The strategy's secondary region, else regionRoles' secondary; nullptr when there is none or the
    /// strategy is single-region.
    const Region* secondary() const { return m_secondary; }
    /// Where the workload's traffic enters the secondary region: the router's endpoint there, else the
    /// entry's copy there (docs/engine.md, "Entries without a router"), else the entry itself.
    const Component* secondaryEntry() const { return m_secondaryEntry; }
    /// The entry when it is a Traffic Manager or Front Door; nullptr otherwise.
    const Component* router() const { return m_router; }
    /// The first member database (sql-database, sql-server-ag) in the primary region, else the first one.
    const Component* database() const { return m_database; }
    /// The first member cache in the primary region, else the first one.
    const Component* cache() const { return m_cache; }
    /// The first VPN / ExpressRoute between two regions, one of them the primary, else between any two.
    const Component* regionLink() const { return m_link; }
    /// The zone the workload leans on in its primary region: its database primary's zone, else the first
    /// zone a member is pinned to, else 1; nullopt when the region has no zones.
    std::optional<int> zone() const { return m_zone; }

    /// Time for the router to mark an endpoint down (its probe, else the format's defaults): 1m 40s.
    Duration routerDetection() const;
    /// "West Europe" (the region's name, else its id).
    static std::string regionName(const Region& region);
    /// `base`, or `base-2`, `base-3`... when an id of the topology (of anything) already has it.
    std::string uniqueId(const std::string& base) const;

private:
    TemplateFocus() = default;
    bool inPrimary(const Component& c) const;

    const Topology* m_topology = nullptr;
    const Workload* m_workload = nullptr;
    const Region* m_primary = nullptr;
    const Region* m_secondary = nullptr;
    const Component* m_router = nullptr;
    const Component* m_secondaryEntry = nullptr;
    const Component* m_database = nullptr;
    const Component* m_cache = nullptr;
    const Component* m_link = nullptr;
    std::optional<int> m_zone;
};

} // namespace firedrill
