#include "FaultModel.h"

#include "StoreModel.h"

#include "core/analysis/RecoveryEstimator.h"
#include "core/io/Units.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace firedrill::sim::models {

FaultModel::FaultModel(ReplayWorld& world, const Scenario& scenario, StoreModel& stores)
    : Model(world), m_scenario(scenario), m_stores(stores)
{
}

void FaultModel::schedule(Simulator& sim)
{
    for (std::size_t i = 0; i < m_scenario.faults.size(); ++i) {
        const Fault& f = m_scenario.faults[i];
        sim.schedule(f.at.ms, m_target, Start, i);
        if (f.length && f.kind != FaultKind::Crash && f.kind != FaultKind::Corruption)
            sim.schedule(f.at.ms + f.length->ms, m_target, End, i);
    }
}

std::string FaultModel::targetLabel(const Fault& f) const
{
    switch (f.target.scope) {
    case FaultTarget::Scope::Region: return "region " + f.target.id;
    case FaultTarget::Scope::Zone: return "zone " + std::to_string(f.target.zone.value_or(0)) + " of " + f.target.id;
    case FaultTarget::Scope::Site: return "site " + f.target.id;
    case FaultTarget::Scope::Component: break;
    }
    const int c = m_world.indexOf(f.target.id);
    return c >= 0 ? m_world.label(c) : f.target.id;
}

void FaultModel::apply(Simulator& sim, const Event& e)
{
    const std::int64_t now = sim.now();
    switch (e.kind) {
    case Start:
    case End: {
        const auto index = static_cast<std::size_t>(e.payload);
        const Fault& f = m_scenario.faults[index];
        if (f.kind == FaultKind::FaultDomain)
            faultDomain(sim, index, f, e.kind == Start);
        else
            toggle(sim, f, e.kind == Start);
        break;
    }
    case LbDetected: {
        auto& s = m_world.comps[static_cast<std::size_t>(e.payload)];
        s.unprobed = std::max(0, s.unprobed - 1);
        m_world.narrate(now, "The load balancer in front of " + s.c->id.str() +
                                 " takes the crashed instance out of rotation");
        break;
    }
    case Restart: {
        auto& s = m_world.comps[static_cast<std::size_t>(e.payload)];
        s.crashed = std::max(0, s.crashed - 1);
        m_world.narrate(now, "The crashed instance of " + s.c->id.str() + " is running again");
        break;
    }
    case LeaseTaken: {
        auto& s = m_world.comps[static_cast<std::size_t>(e.payload)];
        s.leaseLost = std::max(0, s.leaseLost - 1);
        std::string where;
        if (s.c->region && s.c->zones.size() >= 2) {
            // The new holder runs in the next listed zone after the old holder's that is alive.
            for (std::size_t k = 1; k <= s.c->zones.size(); ++k) {
                const std::size_t z = (s.leaderZone + k) % s.c->zones.size();
                if (m_world.placeAlive(*s.c->region, s.c->zones[z])) {
                    s.leaderZone = z;
                    break;
                }
            }
            where = " in zone " + std::to_string(s.c->zones[s.leaderZone]);
        }
        m_world.narrate(now, "A follower of " + s.c->id.str() + where + " takes the lease and resumes the work");
        break;
    }
    case LbDetectedDomain: {
        auto& s = m_world.comps[unpackIndex(e.payload)];
        const int n = std::min(static_cast<int>(unpackGen(e.payload)), s.unprobed);
        if (n <= 0)
            break; // the domain came back first
        s.unprobed -= n;
        m_world.narrate(now, "The load balancer in front of " + s.c->id.str() + " takes the " + std::to_string(n) +
                                 " instance" + (n == 1 ? "" : "s") + " of the lost fault domain out of rotation");
        break;
    }
    case ReplicaRestart: {
        auto& s = m_world.comps[unpackIndex(e.payload)];
        s.downReplicas.erase(static_cast<int>(unpackGen(e.payload)));
        m_world.narrate(now, "The crashed node of " + s.c->id.str() + " is running again");
        break;
    }
    default: break;
    }
}

void FaultModel::crash(Simulator& sim, int comp)
{
    auto& s = m_world.comps[static_cast<std::size_t>(comp)];
    const Duration restart = s.c->startupTime ? *s.c->startupTime : s.c->mttr.value_or(kDefaultRestartTime);
    const std::int64_t now = sim.now();
    if (s.store && s.primary >= 0) {
        s.downReplicas.insert(s.primary);
        sim.scheduleIn(restart.ms, m_target, ReplicaRestart, pack(static_cast<std::uint64_t>(s.primary), static_cast<std::size_t>(comp)));
        m_world.narrate(now, "The primary node of " + m_world.label(comp) + " crashes; it restarts in " +
                                 formatDurationReadable(restart));
        return;
    }
    if (s.leaderElected && s.instances - s.crashed >= 2) {
        // The crash hits the lease holder; a follower takes the lease when it expires (leader_election's
        // lease); until then the tier does no work. The crashed instance restarts as usual.
        const Duration lease = s.c->leaderElection->lease;
        ++s.crashed;
        ++s.leaseLost;
        sim.scheduleIn(restart.ms, m_target, Restart, static_cast<std::uint64_t>(comp));
        sim.scheduleIn(lease.ms, m_target, LeaseTaken, static_cast<std::uint64_t>(comp));
        m_world.narrate(now, "The leader of " + m_world.label(comp) + " crashes; its lease expires and a follower takes over in " +
                                 formatDurationReadable(lease) + "; the crashed instance restarts in " + formatDurationReadable(restart));
        return;
    }
    ++s.crashed;
    sim.scheduleIn(restart.ms, m_target, Restart, static_cast<std::uint64_t>(comp));
    std::string text = "One instance of " + m_world.label(comp) + " crashes (" + std::to_string(s.instances - s.crashed) +
                       " of " + std::to_string(s.instances) + " left); it restarts in " + formatDurationReadable(restart);
    if (s.instances >= 2 && !s.leaderElected) {
        // The load balancer or gateway in front keeps sending it requests until its probes notice.
        const Probe probe = frontProbe(comp);
        ++s.unprobed;
        sim.scheduleIn(probeDetection(probe).ms, m_target, LbDetected, static_cast<std::uint64_t>(comp));
        text += "; its load balancer notices after " + formatDurationReadable(probeDetection(probe));
    }
    m_world.narrate(now, text);
}

Probe FaultModel::frontProbe(int comp) const
{
    const auto& s = m_world.comps[static_cast<std::size_t>(comp)];
    Probe probe = kDefaultRegionalProbe;
    for (const auto& other : m_world.comps)
        for (const auto& d : other.c->dependsOn)
            if (d.target == s.c->id && other.c->probe && !isGlobal(other.c->kind))
                probe = *other.c->probe;
    return probe;
}

void FaultModel::faultDomain(Simulator& sim, std::size_t index, const Fault& f, bool on)
{
    const int comp = f.target.scope == FaultTarget::Scope::Component ? m_world.indexOf(f.target.id) : -1;
    if (comp < 0 || !f.domain)
        return;
    auto& s = m_world.comps[static_cast<std::size_t>(comp)];
    const int domain = *f.domain;
    const std::string name = "Fault domain " + std::to_string(domain) + " of " + m_world.label(comp);
    if (!on) {
        const auto it = m_domainTaken.find(index);
        if (it == m_domainTaken.end())
            return;
        s.crashed = std::max(0, s.crashed - it->second);
        s.unprobed = std::min(s.unprobed, s.crashed);
        m_world.narrate(sim.now(), name + " is back up: its " + std::to_string(it->second) + " instance" +
                                       (it->second == 1 ? " runs" : "s run") + " again");
        m_domainTaken.erase(it);
        return;
    }
    // Instances are placed round-robin: instance i runs in domain i mod fault_domains, so domain k holds
    // floor(n / d) instances, plus one when k < n mod d.
    const int domains = std::max(1, s.c->faultDomains.value_or(1));
    const int running = s.instances - s.crashed;
    const int held = domain < 0 || domain >= domains ? 0 : s.instances / domains + (domain < s.instances % domains ? 1 : 0);
    const int taken = std::clamp(held, 0, std::max(0, running));
    m_domainTaken[index] = taken;
    s.crashed += taken;
    std::string text = name + " goes down: " + std::to_string(taken) + " of " + std::to_string(s.instances) +
                       " instances lost (" + std::to_string(s.instances - s.crashed) + " left)";
    if (s.leaderElected && domain == 0 && taken > 0 && s.instances - s.crashed >= 1 && s.leaseLost == 0) {
        // The lease holder is the first instance, in domain 0: a follower takes the lease when it expires.
        const Duration lease = s.c->leaderElection->lease;
        ++s.leaseLost;
        sim.scheduleIn(lease.ms, m_target, LeaseTaken, static_cast<std::uint64_t>(comp));
        text += "; it held the lease: a follower takes over in " + formatDurationReadable(lease);
    } else if (taken > 0 && s.instances - s.crashed >= 1 && !s.leaderElected) {
        // As for a crash, the load balancer sends the lost instances their share until its probes notice.
        const Probe probe = frontProbe(comp);
        s.unprobed += taken;
        sim.scheduleIn(probeDetection(probe).ms, m_target, LbDetectedDomain,
                       pack(static_cast<std::uint64_t>(taken), static_cast<std::size_t>(comp)));
        text += "; its load balancer notices after " + formatDurationReadable(probeDetection(probe));
    }
    m_world.narrate(sim.now(), text);
}

void FaultModel::loseLeaseHolders(Simulator& sim)
{
    for (std::size_t i = 0; i < m_world.comps.size(); ++i) {
        auto& s = m_world.comps[i];
        if (!s.leaderElected || s.leaseLost > 0 || !s.c->region || s.c->zones.size() < 2 || s.down > 0)
            continue;
        if (m_world.placeAlive(*s.c->region, s.c->zones[s.leaderZone]) ||
            m_world.losses().capacityShare(*s.c) <= 0)
            continue;
        // The holder's zone is lost but followers survive in others: the work stops until the lease
        // expires and one of them takes it.
        const Duration lease = s.c->leaderElection->lease;
        ++s.leaseLost;
        sim.scheduleIn(lease.ms, m_target, LeaseTaken, static_cast<std::uint64_t>(i));
        m_world.narrate(sim.now(), "Zone " + std::to_string(s.c->zones[s.leaderZone]) + " held the lease of " +
                                       m_world.label(static_cast<int>(i)) + "; a follower takes it when it expires in " +
                                       formatDurationReadable(lease));
    }
}

void FaultModel::toggle(Simulator& sim, const Fault& f, bool on)
{
    const std::int64_t now = sim.now();
    const int delta = on ? 1 : -1;
    const int comp = f.target.scope == FaultTarget::Scope::Component ? m_world.indexOf(f.target.id) : -1;
    const std::string what = targetLabel(f);
    switch (f.kind) {
    case FaultKind::Outage:
    case FaultKind::Partition:
    case FaultKind::DependencyFailure:
        switch (f.target.scope) {
        case FaultTarget::Scope::Region: m_world.addDomain({FailureDomain::Kind::Region, f.target.id, {}}, delta); break;
        case FaultTarget::Scope::Zone:
            m_world.addDomain({FailureDomain::Kind::Zone, f.target.id, f.target.zone}, delta);
            if (on)
                loseLeaseHolders(sim);
            break;
        case FaultTarget::Scope::Site: m_world.addDomain({FailureDomain::Kind::Site, f.target.id, {}}, delta); break;
        case FaultTarget::Scope::Component:
            if (comp >= 0) {
                m_world.comps[static_cast<std::size_t>(comp)].down += delta;
            } else {
                // A replica id: find its store.
                for (auto& s : m_world.comps)
                    for (std::size_t r = 0; r < s.c->replicas.size(); ++r)
                        if (s.c->replicas[r].id.str() == f.target.id) {
                            if (on)
                                s.downReplicas.insert(static_cast<int>(r));
                            else
                                s.downReplicas.erase(static_cast<int>(r));
                        }
            }
            break;
        }
        {
            const char* verb = f.kind == FaultKind::Partition ? (on ? " is cut off" : " is reachable again")
                             : f.kind == FaultKind::DependencyFailure ? (on ? " fails" : " works again")
                                                                     : (on ? " goes down" : " is back up");
            std::string text = what + verb;
            text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
            m_world.narrate(now, text);
        }
        break;
    case FaultKind::Crash:
        if (comp >= 0)
            crash(sim, comp);
        else
            m_world.narrate(now, "Crash of " + what + " ignored: crashes hit one component");
        break;
    case FaultKind::Degradation:
        if (comp >= 0) {
            auto& d = m_world.comps[static_cast<std::size_t>(comp)].degradations;
            const std::pair<double, std::int64_t> value{std::clamp(f.errorRate.value_or(0.0), 0.0, 1.0),
                                                         f.latency.value_or(Duration{}).ms};
            if (on)
                d.push_back(value);
            else if (const auto it = std::find(d.begin(), d.end(), value); it != d.end())
                d.erase(it);
            m_world.narrate(now, on ? what + " degrades: " + std::to_string(std::lround(value.first * 100)) +
                                          "% errors, +" + formatDurationReadable(Duration{value.second}) + " latency"
                                    : what + " recovers from its degradation");
        }
        break;
    case FaultKind::Surge: {
        const double m = f.multiplier.value_or(1.0);
        for (auto& w : m_world.workloads) {
            bool hit = comp >= 0 ? w.members.count(comp) > 0 : false;
            if (f.target.scope == FaultTarget::Scope::Region)
                for (int x : w.members)
                    hit = hit || m_world.regionOf(x) == RegionId(f.target.id);
            if (hit && m > 0)
                w.surge = on ? w.surge * m : w.surge / m;
        }
        m_world.narrate(now, on ? "Demand through " + what + " surges to " + formatNumber(m) + " x"
                                : "Demand through " + what + " returns to normal");
        break;
    }
    case FaultKind::FaultDomain: break; // faultDomain()
    case FaultKind::Corruption:
        if (comp >= 0 && m_world.comps[static_cast<std::size_t>(comp)].store)
            m_stores.corrupt(sim, comp, f.detectedAfter.value_or(Duration{}));
        else
            m_world.narrate(now, "Corruption of " + what + " ignored: only data stores hold data");
        break;
    }
}

} // namespace firedrill::sim::models
