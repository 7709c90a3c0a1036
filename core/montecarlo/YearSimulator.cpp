#include "YearSimulator.h"

#include <algorithm>
#include <cmath>

namespace firedrill::montecarlo {

namespace {
constexpr std::int64_t kYearMs = 365LL * 24 * 3600 * 1000;
} // namespace

YearSimulator::YearSimulator(const FailureModel& model) : m_model(model)
{
    m_target = m_sim.addHandler(this);
    m_sim.setFingerprinting(false);
    const std::size_t n = model.processes().size();
    m_streams.assign(n, sim::RandomStream(0));
    m_down.assign(n, 0);
    m_repairAt.assign(n, 0);
    m_processDown.assign(n, 0);
    m_workloads.resize(model.workloads().size());
    m_sim.reserve(n + 16);
}

bool YearSimulator::workloadUp(const WorkloadModel& w) const
{
    m_leafUp.resize(w.leaves.size());
    for (std::size_t i = 0; i < w.leaves.size(); ++i)
        m_leafUp[i] = m_model.componentUp(w.leaves[i], m_down);
    return evaluate(w.structure, m_leafUp);
}

void YearSimulator::accumulate(std::int64_t until)
{
    if (until <= m_last)
        return;
    for (auto& s : m_workloads) {
        if (s.down) {
            const auto d = static_cast<double>(until - m_last);
            s.downtime += d;
            s.attributed[s.downCause] += d;
        } else if (s.recoveringUntil > m_last) {
            const double d = static_cast<double>(std::min(until, s.recoveringUntil) - m_last) * s.recoveringShare;
            s.downtime += d;
            s.attributed[s.recoveringCause] += d;
        }
    }
    m_last = until;
}

std::size_t YearSimulator::classOf(std::uint32_t p, std::size_t) const
{
    switch (m_model.processes()[p].scope) {
    case ProcessScope::Zone: return static_cast<std::size_t>(DisruptionClass::Zone);
    case ProcessScope::Region: return static_cast<std::size_t>(DisruptionClass::Region);
    default: return static_cast<std::size_t>(DisruptionClass::Instance);
    }
}

void YearSimulator::onFail(std::uint32_t p, std::int64_t now)
{
    const FailureProcess& proc = m_model.processes()[p];
    if (proc.count > 1) {
        // A group's clock ticks on: the tick falls on one of its instances at random, and only an
        // instance that is up fails.
        m_sim.schedule(now + proc.fail.sampleMs(m_streams[p]), m_target, Fail, p);
        const double up = static_cast<double>(proc.count - m_down[p]);
        if (m_down[p] >= proc.count || m_streams[p].uniform() * static_cast<double>(proc.count) > up)
            return;
    }
    m_down[p] += 1;
    const std::int64_t repair = proc.repair.sampleMs(m_streams[p]);
    m_repairAt[p] = now + repair;
    m_processDown[p] += std::min(now + repair, m_yearEnd) - now;
    m_sim.schedule(now + repair, m_target, Repair, p);
    for (std::size_t wi = 0; wi < m_workloads.size(); ++wi) {
        const WorkloadModel& w = m_model.workloads()[wi];
        WorkloadState& s = m_workloads[wi];
        if (s.down)
            continue;
        if (!workloadUp(w)) {
            s.down = true;
            s.downSince = now;
            s.downCause = p;
            continue;
        }
        const double share = w.lostShare[p];
        if (share <= 0)
            continue;
        const std::int64_t duration = w.failoverMs[p] ? *w.failoverMs[p] : repair;
        if (w.rtoTargetMs[p] && duration > *w.rtoTargetMs[p])
            s.breached[classOf(p, wi)] = true;
        const std::int64_t until = now + duration;
        if (s.recoveringUntil <= now) {
            s.recoveringUntil = until;
            s.recoveringShare = share;
            s.recoveringCause = p;
        } else {
            // Overlapping failovers: the larger share is lost until the later one ends.
            s.recoveringShare = std::max(s.recoveringShare, share);
            if (until > s.recoveringUntil) {
                s.recoveringUntil = until;
                s.recoveringCause = p;
            }
        }
    }
}

void YearSimulator::onRepair(std::uint32_t p, std::int64_t now)
{
    const FailureProcess& proc = m_model.processes()[p];
    m_down[p] -= 1;
    if (proc.count <= 1)
        m_sim.schedule(now + proc.fail.sampleMs(m_streams[p]), m_target, Fail, p);
    for (std::size_t wi = 0; wi < m_workloads.size(); ++wi) {
        WorkloadState& s = m_workloads[wi];
        if (!s.down || !workloadUp(m_model.workloads()[wi]))
            continue;
        s.down = false;
        const WorkloadModel& w = m_model.workloads()[wi];
        if (w.rtoTargetMs[s.downCause] && now - s.downSince > *w.rtoTargetMs[s.downCause])
            s.breached[classOf(s.downCause, wi)] = true;
    }
}

void YearSimulator::handle(sim::Simulator&, const sim::Event& e)
{
    accumulate(e.time);
    const auto p = static_cast<std::uint32_t>(e.payload);
    if (e.kind == Fail)
        onFail(p, e.time);
    else
        onRepair(p, e.time);
}

bool YearSimulator::runYear(std::uint64_t seed, std::uint64_t year, MonteCarloResult& into, std::uint64_t maxEvents)
{
    m_sim.reset();
    m_yearEnd = kYearMs;
    m_last = 0;
    const auto& processes = m_model.processes();
    const std::uint64_t yearSeed = sim::mixSeed(seed, year);
    for (std::uint32_t p = 0; p < processes.size(); ++p) {
        m_streams[p] = sim::RandomStream(sim::mixSeed(yearSeed, processes[p].nameHash));
        m_down[p] = 0;
        m_sim.schedule(processes[p].fail.sampleMs(m_streams[p]), m_target, Fail, p);
    }
    for (auto& s : m_workloads) {
        s = WorkloadState{};
        s.attributed.assign(processes.size(), 0.0);
    }
    while (m_sim.step(m_yearEnd))
        if (m_sim.eventsHandled() >= maxEvents) {
            for (auto& d : m_processDown)
                d = 0;
            return false;
        }
    m_sim.runUntil(m_yearEnd);
    accumulate(m_yearEnd);

    into.years += 1;
    into.events += m_sim.eventsHandled();
    if (into.processDownMs.size() < processes.size())
        into.processDownMs.resize(processes.size(), 0);
    for (std::size_t p = 0; p < processes.size(); ++p) {
        into.processDownMs[p] += m_processDown[p];
        m_processDown[p] = 0;
    }
    for (std::size_t wi = 0; wi < m_workloads.size(); ++wi) {
        const WorkloadState& s = m_workloads[wi];
        WorkloadStats& stats = into.workloads[wi];
        const auto ms = static_cast<std::int64_t>(std::llround(s.downtime));
        stats.downtimeMs += ms;
        stats.downtimeSquares += static_cast<unsigned __int128>(ms) * static_cast<unsigned __int128>(ms);
        stats.yearsWithDowntime += ms > 0 ? 1u : 0u;
        for (std::size_t k = 0; k < s.breached.size(); ++k)
            stats.breachYears[k] += s.breached[k] ? 1u : 0u;
        for (std::size_t p = 0; p < processes.size(); ++p)
            stats.attributedMs[p] += static_cast<std::int64_t>(std::llround(s.attributed[p]));
        stats.histogram.add(ms);
    }
    return true;
}

} // namespace firedrill::montecarlo
