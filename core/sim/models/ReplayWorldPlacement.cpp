#include "ReplayWorld.h"

#include "core/analysis/WorkloadScope.h"
#include "core/model/ComponentKind.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>

// Where things are and whether they are alive: failure domains, placement, replication links and lag.
namespace firedrill::sim::models {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
} // namespace

void ReplayWorld::addDomain(const FailureDomain& d, int delta)
{
    auto it = std::find_if(m_domains.begin(), m_domains.end(), [&](const auto& p) { return p.first == d; });
    if (it == m_domains.end())
        it = m_domains.insert(m_domains.end(), {d, 0});
    it->second += delta;
    std::vector<FailureDomain> active;
    for (const auto& [domain, count] : m_domains)
        if (count > 0)
            active.push_back(domain);
    m_losses = LossSet(std::move(active));
}

bool ReplayWorld::regionLost(const RegionId& r) const
{
    return !placeAlive(r, std::nullopt);
}

bool ReplayWorld::placeAlive(const RegionId& region, std::optional<int> zone, const std::vector<int>& zones) const
{
    Component tmp;
    tmp.region = region;
    tmp.zone = zone;
    tmp.zones = zones;
    return m_losses.survives(tmp);
}

std::optional<RegionId> ReplayWorld::regionOf(int comp, const std::optional<RegionId>& relocateTo) const
{
    const auto& s = comps[static_cast<std::size_t>(comp)];
    if (s.store)
        return storeRegion(comp);
    if (relocateTo && s.c->region)
        return relocateTo;
    return s.c->region;
}

std::optional<RegionId> ReplayWorld::storeRegion(int store) const
{
    const auto& s = comps[static_cast<std::size_t>(store)];
    if (s.movedTo)
        return s.movedTo;
    if (s.primary >= 0)
        return s.c->replicas[static_cast<std::size_t>(s.primary)].region;
    return s.c->region;
}

bool ReplayWorld::partAlive(int comp, const std::optional<RegionId>& relocateTo) const
{
    const auto& s = comps[static_cast<std::size_t>(comp)];
    if (relocateTo && s.c->region && !s.store)
        return placeAlive(*relocateTo, std::nullopt);
    return s.down == 0 && m_losses.survives(*s.c);
}

bool ReplayWorld::computeAlive(int comp, const std::optional<RegionId>& relocateTo) const
{
    const auto& s = comps[static_cast<std::size_t>(comp)];
    if (!partAlive(comp, relocateTo))
        return false;
    if (relocateTo && s.c->region)
        return true;
    if (s.leaseLost > 0)
        return false;
    return s.crashed < std::max(s.instances, 1) && m_losses.capacityShare(*s.c) > 0;
}

double ReplayWorld::capacity(int comp, const std::optional<RegionId>& relocateTo) const
{
    const auto& s = comps[static_cast<std::size_t>(comp)];
    if (!s.c->capacityRps)
        return kInf;
    if (relocateTo && s.c->region)
        return s.c->instances.value_or(1) * *s.c->capacityRps;
    // A leader-elected tier works on one instance (the lease holder) at full speed while any zone of it
    // survives; the others only wait.
    if (s.leaderElected)
        return s.instances - s.crashed >= 1 && m_losses.capacityShare(*s.c) > 0 ? *s.c->capacityRps : 0.0;
    return std::max(0, s.instances - s.crashed) * *s.c->capacityRps * m_losses.capacityShare(*s.c);
}

bool ReplayWorld::primaryLost(int store) const
{
    const auto& s = comps[static_cast<std::size_t>(store)];
    if (s.down > 0)
        return true;
    if (s.movedTo)
        return !placeAlive(*s.movedTo, std::nullopt);
    if (s.primary >= 0) {
        const auto& r = s.c->replicas[static_cast<std::size_t>(s.primary)];
        return s.downReplicas.count(s.primary) > 0 || !placeAlive(r.region, r.zone);
    }
    return !m_losses.survives(*s.c);
}

bool ReplayWorld::quorumLost(int store) const
{
    const auto& s = comps[static_cast<std::size_t>(store)];
    if (!s.c->quorumCommit || s.primary < 0 || s.movedTo)
        return false;
    const auto& home = s.c->replicas[static_cast<std::size_t>(s.primary)].region;
    bool any = false;
    for (std::size_t r = 0; r < s.c->replicas.size(); ++r) {
        const auto& rep = s.c->replicas[r];
        if (static_cast<int>(r) == s.primary || rep.region != home)
            continue;
        any = true;
        if (!s.downReplicas.count(static_cast<int>(r)) && placeAlive(rep.region, rep.zone))
            return false;
    }
    return any;
}

bool ReplayWorld::linkUp(const RegionId& a, const RegionId& b) const
{
    if (a == b)
        return true;
    bool any = false;
    for (const int li : m_links) {
        const auto i = static_cast<std::size_t>(li);
        const auto& between = comps[i].c->between;
        const auto has = [&](const RegionId& r) {
            return std::any_of(between.begin(), between.end(), [&](const LinkEnd& e) {
                return std::holds_alternative<RegionId>(e) && std::get<RegionId>(e) == r;
            });
        };
        if (!has(a) || !has(b))
            continue;
        any = true;
        if (comps[i].down == 0 && m_losses.survives(*comps[i].c))
            return true;
    }
    return !any;
}

Duration ReplayWorld::currentLag(int store, std::int64_t now) const
{
    const auto& s = comps[static_cast<std::size_t>(store)];
    Duration lag;
    for (const auto& r : s.c->replicas)
        if (r.sync == ReplicationMode::Asynchronous)
            lag = std::max(lag, r.lag.value_or(Duration{}));
    if (s.c->replicas.empty() && s.c->geoLag)
        lag = *s.c->geoLag;
    if (s.cutSince >= 0)
        lag = lag + Duration{now - s.cutSince};
    return lag;
}

} // namespace firedrill::sim::models
