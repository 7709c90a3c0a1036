#include "FailureDomain.h"

#include "WorkloadScope.h"

#include <algorithm>

namespace firedrill {

std::string FailureDomain::label() const
{
    switch (kind) {
    case Kind::Component: return "component " + id;
    case Kind::Link: return "link " + id;
    case Kind::Zone: return zone ? "zone " + id + "/" + std::to_string(*zone) : "zone of " + id + "'s unzoned components";
    case Kind::Region: return "region " + id;
    case Kind::Site: return "site " + id;
    }
    return id;
}

LossSet::LossSet(std::vector<FailureDomain> domains) : m_domains(std::move(domains))
{
    for (const auto& d : m_domains) {
        switch (d.kind) {
        case FailureDomain::Kind::Component:
        case FailureDomain::Kind::Link: m_components.insert(d.id); break;
        case FailureDomain::Kind::Zone:
            if (d.zone)
                m_zones.emplace(d.id, *d.zone);
            else
                m_unplacedZones.insert(d.id);
            break;
        case FailureDomain::Kind::Region: m_regions.insert(d.id); break;
        case FailureDomain::Kind::Site: m_sites.insert(d.id); break;
        }
    }
}

bool LossSet::regionLost(const RegionId& region) const
{
    return m_regions.count(region.str()) > 0;
}

bool LossSet::zoneLost(const RegionId& region, int zone) const
{
    return regionLost(region) || m_zones.count({region.str(), zone}) > 0;
}

bool LossSet::placeLost(const RegionId& region, const std::optional<int>& zone) const
{
    return zone ? zoneLost(region, *zone) : regionLost(region) || m_unplacedZones.count(region.str()) > 0;
}

bool LossSet::survives(const Component& c) const
{
    if (m_components.count(c.id.str()))
        return false;
    if (c.site && m_sites.count(c.site->str()))
        return false;
    for (const auto& end : c.between) {
        const bool lost = std::visit(
            [&](const auto& id) {
                using T = std::decay_t<decltype(id)>;
                if constexpr (std::is_same_v<T, RegionId>)
                    return regionLost(id) || m_sites.count(id.str()) > 0;
                else
                    return m_sites.count(id.str()) > 0;
            },
            end);
        if (lost)
            return false;
    }
    if (!c.replicas.empty()) {
        const auto primary = std::find_if(c.replicas.begin(), c.replicas.end(),
                                          [](const Replica& r) { return r.role == ReplicaRole::Primary; });
        const FailoverMode local = c.failover ? c.failover->mode : FailoverMode::None;
        const FailoverMode cross = c.failover ? c.failover->crossRegion.value_or(local) : FailoverMode::None;
        if (local == FailoverMode::None && cross == FailoverMode::None)
            return primary != c.replicas.end() && !placeLost(primary->region, primary->zone);
        const int needed = c.quorumCommit ? std::min<int>(2, static_cast<int>(c.replicas.size())) : 1;
        int alive = 0;
        for (const auto& r : c.replicas) {
            const bool sameRegion = primary == c.replicas.end() || r.region == primary->region;
            const bool isPrimary = primary != c.replicas.end() && &r == &*primary;
            const bool usable = sameRegion ? local != FailoverMode::None || isPrimary
                                           : cross != FailoverMode::None;
            if (usable && !placeLost(r.region, r.zone))
                ++alive;
        }
        return alive >= needed;
    }
    if (c.region) {
        if (regionLost(*c.region))
            return false;
        if (c.zone && zoneLost(*c.region, *c.zone))
            return false;
        if (!c.zone && c.zones.empty() && m_unplacedZones.count(c.region->str()))
            return false;
        if (!c.zones.empty() &&
            std::all_of(c.zones.begin(), c.zones.end(), [&](int z) { return zoneLost(*c.region, z); }))
            return false;
    }
    return true;
}

double LossSet::capacityShare(const Component& c) const
{
    if (!survives(c))
        return 0.0;
    if (c.region && !c.zones.empty()) {
        const auto alive = std::count_if(c.zones.begin(), c.zones.end(), [&](int z) { return !zoneLost(*c.region, z); });
        return static_cast<double>(alive) / static_cast<double>(c.zones.size());
    }
    return 1.0;
}

bool internallyRedundant(const Component& c)
{
    if (isGlobal(c.kind) || c.quorumCommit || c.zones.size() >= 2 || c.instances.value_or(1) >= 2)
        return true;
    const bool failsOver = c.failover && (c.failover->mode != FailoverMode::None ||
                                          c.failover->crossRegion.value_or(FailoverMode::None) != FailoverMode::None);
    return c.replicas.size() >= 2 && failsOver;
}

std::vector<FailureDomain> failureDomains(const Topology& topology)
{
    std::set<FailureDomain> out;
    for (const auto& w : topology.workloads) {
        for (const Component* c : workloadComponents(topology, w)) {
            if (!internallyRedundant(*c))
                out.insert({isLink(c->kind) ? FailureDomain::Kind::Link : FailureDomain::Kind::Component, c->id.str(), {}});
            for (const auto& r : componentRegions(*c))
                if (topology.findRegion(r))
                    out.insert({FailureDomain::Kind::Region, r.str(), {}});
            const auto addZone = [&](const RegionId& r, int z) {
                const Region* region = topology.findRegion(r);
                if (region && z >= 1 && z <= region->zones)
                    out.insert({FailureDomain::Kind::Zone, r.str(), z});
            };
            if (c->region && c->zone)
                addZone(*c->region, *c->zone);
            // Without zones a component still sits in one zone of a zoned region: which one is unknown.
            const auto unplaced = [&](const RegionId& r) {
                const Region* region = topology.findRegion(r);
                if (region && region->zones > 0)
                    out.insert({FailureDomain::Kind::Zone, r.str(), {}});
            };
            if (c->region && !c->zone && c->zones.empty() && c->replicas.empty() && !isLink(c->kind) && !isGlobal(c->kind))
                unplaced(*c->region);
            for (const auto& r : c->replicas)
                if (!r.zone)
                    unplaced(r.region);
            if (c->region)
                for (int z : c->zones)
                    addZone(*c->region, z);
            for (const auto& r : c->replicas)
                if (r.zone)
                    addZone(r.region, *r.zone);
            if (c->site && topology.findSite(*c->site))
                out.insert({FailureDomain::Kind::Site, c->site->str(), {}});
            for (const auto& end : c->between)
                if (const auto* s = std::get_if<SiteId>(&end))
                    out.insert({FailureDomain::Kind::Site, s->str(), {}});
        }
    }
    return {out.begin(), out.end()};
}

} // namespace firedrill
