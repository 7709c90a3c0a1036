#include "FailureModel.h"

#include "core/analysis/FailureDomain.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/analysis/ServiceStructure.h"
#include "core/analysis/SpofAnalysis.h"
#include "core/sim/RandomStream.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace firedrill::montecarlo {

namespace {

constexpr Duration kAssumedMttr = Duration::hours(1);

DisruptionClass classOf(ProcessScope scope, bool multiRegion)
{
    switch (scope) {
    case ProcessScope::Instance:
    case ProcessScope::Replica: return DisruptionClass::Instance;
    case ProcessScope::Zone: return DisruptionClass::Zone;
    case ProcessScope::Region: return DisruptionClass::Region;
    case ProcessScope::Component: return multiRegion ? DisruptionClass::Region : DisruptionClass::Instance;
    }
    return DisruptionClass::Instance;
}

} // namespace

FailureModel::FailureModel(const Topology& topology)
{
    addProcesses(topology);
    compileWorkloads(topology);
}

void FailureModel::addProcesses(const Topology& t)
{
    std::map<std::string, std::uint32_t> regionIndex;
    std::map<std::pair<std::string, int>, std::uint32_t> zoneIndex;
    for (std::uint32_t r = 0; r < t.regions.size(); ++r) {
        const Region& region = t.regions[r];
        regionIndex[region.id.str()] = r;
        m_regionProcess.emplace_back();
        if (region.outage && region.outage->mtbf.ms > 0) {
            m_regionProcess.back() = static_cast<std::uint32_t>(m_processes.size());
            m_processes.push_back({"region " + region.id.str(), "region " + region.id.str(), ProcessScope::Region,
                                   sim::Distribution::exponential(region.outage->mtbf),
                                   sim::Distribution::exponential(region.outage->mttr), r, 0});
        }
        for (int z = 1; z <= region.zones; ++z) {
            const auto slot = static_cast<std::uint32_t>(m_zoneRegion.size());
            zoneIndex[{region.id.str(), z}] = slot;
            m_zoneRegion.push_back(r);
            m_zoneProcess.emplace_back();
            if (region.zoneOutage && region.zoneOutage->mtbf.ms > 0) {
                const std::string name = "zone " + region.id.str() + "/" + std::to_string(z);
                m_zoneProcess.back() = static_cast<std::uint32_t>(m_processes.size());
                m_processes.push_back({name, name, ProcessScope::Zone, sim::Distribution::exponential(region.zoneOutage->mtbf),
                                       sim::Distribution::exponential(region.zoneOutage->mttr), slot, 0});
            }
        }
    }
    const auto region = [&](const RegionId& id) -> std::optional<std::uint32_t> {
        const auto it = regionIndex.find(id.str());
        return it == regionIndex.end() ? std::nullopt : std::optional(it->second);
    };
    // A component placed in a zoned region without a zone sits in one zone nobody named: a fixed
    // zone chosen from its id stands for it, so runs stay reproducible.
    const auto zoneFor = [&](const RegionId& r, const std::optional<int>& zone, const std::string& id) -> std::optional<std::uint32_t> {
        const Region* reg = t.findRegion(r);
        if (!reg || reg->zones <= 0)
            return std::nullopt;
        const int z = zone ? *zone : 1 + static_cast<int>(sim::hashName(id) % static_cast<std::uint64_t>(reg->zones));
        const auto it = zoneIndex.find({r.str(), z});
        return it == zoneIndex.end() ? std::nullopt : std::optional(it->second);
    };

    bool assumedMttr = false;
    for (std::uint32_t ci = 0; ci < t.components.size(); ++ci) {
        const Component& c = t.components[ci];
        m_components.push_back(&c);
        Placement p;
        if (c.region && !isLink(c.kind)) {
            p.region = region(*c.region);
            if (!c.zones.empty()) {
                for (int z : c.zones)
                    if (auto slot = zoneFor(*c.region, z, c.id.str()))
                        p.zoneSlots.push_back(*slot);
            } else if (auto slot = zoneFor(*c.region, c.zone, c.id.str())) {
                p.zoneSlots.push_back(*slot);
            }
        }
        for (const auto& end : c.between)
            if (const auto* r = std::get_if<RegionId>(&end))
                if (auto idx = region(*r))
                    p.linkRegions.push_back(*idx);
        const bool perUnit = c.mtbf && c.mttr && c.mtbf->ms > 0;
        const auto addProcess = [&](std::string label, ProcessScope scope, Duration mtbf, Duration mttr) {
            const auto idx = static_cast<std::uint32_t>(m_processes.size());
            m_processes.push_back({std::move(label), c.id.str(), scope, sim::Distribution::exponential(mtbf),
                                   sim::Distribution::exponential(mttr), ci, 0});
            return idx;
        };
        if (!c.replicas.empty()) {
            const auto primary = std::find_if(c.replicas.begin(), c.replicas.end(),
                                              [](const Replica& r) { return r.role == ReplicaRole::Primary; });
            const FailoverMode local = c.failover ? c.failover->mode : FailoverMode::None;
            const FailoverMode cross = c.failover ? c.failover->crossRegion.value_or(local) : FailoverMode::None;
            p.needed = c.quorumCommit ? std::min<int>(2, static_cast<int>(c.replicas.size())) : 1;
            for (const auto& r : c.replicas) {
                auto idx = region(r.region);
                if (!idx)
                    continue;
                const bool isPrimary = primary != c.replicas.end() && &r == &*primary;
                const bool sameRegion = primary == c.replicas.end() || r.region == primary->region;
                const bool usable = isPrimary || (sameRegion ? local != FailoverMode::None : cross != FailoverMode::None);
                Placement::Replica rep{*idx, zoneFor(r.region, r.zone, r.id.str()), std::nullopt, usable};
                if (perUnit)
                    rep.unit = addProcess("replica " + r.id.str() + " of " + c.id.str(), ProcessScope::Replica, *c.mtbf, *c.mttr);
                p.replicas.push_back(rep);
            }
        } else if (perUnit) {
            const int n = std::max(1, c.instances.value_or(1));
            const auto idx = addProcess(n == 1 ? c.id.str() : "instances of " + c.id.str(), ProcessScope::Instance, *c.mtbf, *c.mttr);
            if (n > 1) {
                // One process for all of them: its clock ticks n times as often as one instance fails.
                m_processes[idx].count = static_cast<std::uint32_t>(n);
                m_processes[idx].fail = sim::Distribution{sim::Distribution::Kind::Exponential,
                                                          static_cast<double>(c.mtbf->ms) / static_cast<double>(n), 0};
            }
            p.units.push_back(idx);
            p.needed = 1;
        }
        if (!perUnit && c.sla && c.sla->value < 100.0) {
            const double a = c.sla->fraction();
            const Duration mttr = c.mttr.value_or(kAssumedMttr);
            assumedMttr = assumedMttr || !c.mttr;
            const auto mtbfMs = static_cast<std::int64_t>(std::llround(static_cast<double>(mttr.ms) * a / (1.0 - a)));
            p.units.push_back(addProcess(c.id.str(), ProcessScope::Component, Duration{mtbfMs}, mttr));
            p.needed = 1;
        }
        m_placements.push_back(std::move(p));
    }
    for (auto& process : m_processes)
        process.nameHash = sim::hashName(process.label);
    if (assumedMttr)
        m_notes.push_back("components with an SLA but no MTTR fail at the rate their SLA implies with an MTTR of 1h");
}

bool FailureModel::regionUp(std::uint32_t r, const std::vector<std::uint32_t>& down) const
{
    return !m_regionProcess[r] || !down[*m_regionProcess[r]];
}

bool FailureModel::zoneUp(std::uint32_t slot, const std::vector<std::uint32_t>& down) const
{
    return regionUp(m_zoneRegion[slot], down) && (!m_zoneProcess[slot] || !down[*m_zoneProcess[slot]]);
}

bool FailureModel::componentUp(std::uint32_t c, const std::vector<std::uint32_t>& down) const
{
    const Placement& p = m_placements[c];
    for (const auto r : p.linkRegions)
        if (!regionUp(r, down))
            return false;
    if (!p.replicas.empty()) {
        // A component-level (SLA) process takes the whole group down.
        for (const auto u : p.units)
            if (down[u])
                return false;
        int alive = 0;
        for (const auto& r : p.replicas)
            if (r.usable && regionUp(r.region, down) && (!r.zoneSlot || zoneUp(*r.zoneSlot, down)) && (!r.unit || !down[*r.unit]))
                ++alive;
        return alive >= p.needed;
    }
    if (p.region && !regionUp(*p.region, down))
        return false;
    if (!p.zoneSlots.empty() &&
        std::none_of(p.zoneSlots.begin(), p.zoneSlots.end(), [&](std::uint32_t z) { return zoneUp(z, down); }))
        return false;
    if (p.units.empty())
        return true;
    std::uint64_t up = 0;
    for (const auto u : p.units)
        up += m_processes[u].count - std::min(down[u], m_processes[u].count);
    return up >= static_cast<std::uint64_t>(p.needed);
}

double FailureModel::eventsPerYear(const FailureProcess& p) const
{
    constexpr double kYearMs = 365.0 * 24 * 3600 * 1000;
    // Draws are at least 1 ms long (sim::Distribution), so no process makes more than one event a ms.
    const double fail = std::max(1.0, p.fail.meanMs());
    const double repair = std::max(1.0, p.repair.meanMs());
    if (p.count <= 1)
        return 2.0 * kYearMs / (fail + repair);
    // The clock ticks every `fail` ms; each instance is repaired once per cycle of MTBF + MTTR.
    const double n = static_cast<double>(p.count);
    return kYearMs / fail + n * kYearMs / (fail * n + repair);
}

double FailureModel::expectedEventsPerYear() const
{
    double total = 0;
    for (const auto& p : m_processes)
        total += eventsPerYear(p);
    return total;
}

std::pair<std::size_t, double> FailureModel::busiestProcess() const
{
    std::pair<std::size_t, double> best{0, 0.0};
    for (std::size_t i = 0; i < m_processes.size(); ++i)
        if (const double e = eventsPerYear(m_processes[i]); e > best.second)
            best = {i, e};
    return best;
}

void FailureModel::compileWorkloads(const Topology& t)
{
    std::unordered_map<const Component*, std::uint32_t> index;
    for (std::uint32_t i = 0; i < m_components.size(); ++i)
        index[m_components[i]] = i;
    for (const auto& w : t.workloads) {
        WorkloadModel model;
        model.id = w.id;
        WorkloadStructure structure = workloadStructure(t, w);
        model.structure = std::move(structure.expression);
        for (const Component* c : structure.leaves)
            model.leaves.push_back(index.at(c));
        std::vector<std::uint32_t> regions;
        for (const auto leaf : model.leaves)
            if (m_placements[leaf].region &&
                std::find(regions.begin(), regions.end(), *m_placements[leaf].region) == regions.end())
                regions.push_back(*m_placements[leaf].region);
        const bool multiRegion = regions.size() > 1 || std::any_of(model.leaves.begin(), model.leaves.end(), [&](std::uint32_t l) {
                                     return m_placements[l].replicas.size() > 1;
                                 });
        std::map<DisruptionClass, RecoveryEstimate> estimates;
        for (const auto d : {DisruptionClass::Instance, DisruptionClass::Zone, DisruptionClass::Region})
            estimates.emplace(d, estimateRecovery(t, w, d));
        const double before = servedCapacity(t, w, LossSet{});
        std::vector<std::uint32_t> down(m_processes.size(), 0);
        for (std::uint32_t pi = 0; pi < m_processes.size(); ++pi) {
            const FailureProcess& proc = m_processes[pi];
            down[pi] = 1; // one unit of it down
            const bool touches = std::any_of(model.leaves.begin(), model.leaves.end(),
                                             [&](std::uint32_t l) { return !componentUp(l, down); }) ||
                                 ((proc.scope == ProcessScope::Instance || proc.scope == ProcessScope::Replica) &&
                                  std::find(model.leaves.begin(), model.leaves.end(), proc.element) != model.leaves.end());
            down[pi] = 0;
            double share = 0;
            if (touches) {
                share = 1.0;
                if (proc.scope == ProcessScope::Instance) {
                    // One instance of all the component's instances.
                    std::uint64_t n = 0;
                    for (const auto u : m_placements[proc.element].units)
                        n += m_processes[u].count;
                    share = n > 0 ? 1.0 / static_cast<double>(n) : 1.0;
                } else if (proc.scope == ProcessScope::Region || proc.scope == ProcessScope::Zone) {
                    FailureDomain domain;
                    domain.kind = proc.scope == ProcessScope::Region ? FailureDomain::Kind::Region : FailureDomain::Kind::Zone;
                    domain.id = proc.scope == ProcessScope::Region ? t.regions[proc.element].id.str()
                                                                   : t.regions[m_zoneRegion[proc.element]].id.str();
                    if (proc.scope == ProcessScope::Zone) {
                        int z = 1;
                        for (std::uint32_t s = 0; s < proc.element; ++s)
                            z = m_zoneRegion[s] == m_zoneRegion[proc.element] ? z + 1 : z;
                        domain.zone = z;
                    }
                    const double after = servedCapacity(t, w, LossSet{{domain}});
                    if (std::isfinite(before) && before > 0)
                        share = std::clamp(1.0 - after / before, 0.0, 1.0);
                    if (share == 0.0)
                        share = 1.0; // no capacities given: a failover interrupts the whole workload
                }
            }
            model.lostShare.push_back(share);
            const RecoveryEstimate& e = estimates.at(classOf(proc.scope, multiRegion));
            const Component* entry = t.findComponent(w.entry);
            if (proc.scope == ProcessScope::Component && entry && isGlobal(entry->kind) && multiRegion) {
                // A whole component lost behind a traffic manager: its endpoint is probed out and cached
                // DNS answers drain; on average a client notices half a TTL after the switch.
                const Probe probe = entry->probe.value_or(Probe{});
                const Duration ttl = entry->dnsTtl.value_or(Duration{});
                model.failoverMs.push_back(probeDetection(probe).ms + ttl.ms / 2);
            } else {
                model.failoverMs.push_back(e.rto.unbounded ? std::nullopt : std::optional(e.rto.total.ms));
            }
            std::optional<std::int64_t> target;
            for (const auto& policy : t.policies)
                if (policy.workload == w.id && policy.disruption == e.disruption && policy.rto)
                    target = policy.rto->ms;
            model.rtoTargetMs.push_back(target);
        }
        m_workloads.push_back(std::move(model));
    }
}

} // namespace firedrill::montecarlo
