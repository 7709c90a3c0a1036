#pragma once

#include "core/model/Topology.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace firedrill {

/// Something whose loss takes out everything in it at once: a component, a link, one zone of a region,
/// a whole region, or an on-premises site.
struct FailureDomain
{
    enum class Kind { Component, Link, Zone, Region, Site };
    Kind kind = Kind::Component;
    std::string id;          ///< component, region or site id
    std::optional<int> zone; ///< zone number (Zone only); absent: "the zone" of the components placed in the
                             ///< region without a zone (each such component sits in some one zone)

    /// "component sql-ag", "zone weu/1", "zone of weu's unzoned components", "region weu", "site onprem", "link vpn".
    std::string label() const;
    auto operator<=>(const FailureDomain&) const = default;
};

/// A set of failure domains that are down together.
class LossSet
{
public:
    LossSet() = default;
    explicit LossSet(std::vector<FailureDomain> domains);

    /// True when the component survives the loss of every domain in the set. Zone-spread components
    /// survive while one of their zones does; replicated data survives while enough replicas do
    /// (1, or 2 under quorum commit; other regions only count when failover may cross regions).
    bool survives(const Component& component) const;
    /// Share of a component's instances still running (zone-spread compute loses the lost zones' share).
    double capacityShare(const Component& component) const;
    const std::vector<FailureDomain>& domains() const { return m_domains; }

private:
    bool regionLost(const RegionId& region) const;
    bool zoneLost(const RegionId& region, int zone) const;
    bool placeLost(const RegionId& region, const std::optional<int>& zone) const;

    std::vector<FailureDomain> m_domains;
    std::set<std::string> m_components, m_regions, m_sites;
    std::set<std::pair<std::string, int>> m_zones;
    std::set<std::string> m_unplacedZones; ///< regions whose zone of unplaced components is lost
};

/// True when one fault cannot take the whole component down: several instances, replicas with failover,
/// zone spread, quorum commit, or a globally distributed router. Such components are not failure domains
/// of their own; the zones and regions they span are.
bool internallyRedundant(const Component& component);

/// Every failure domain the workloads of a topology touch: their components and links, the zones and
/// regions those live in, and sites.
std::vector<FailureDomain> failureDomains(const Topology& topology);

} // namespace firedrill
