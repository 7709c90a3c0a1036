#include "CapacityModel.h"

#include "core/io/Units.h"

#include <cmath>
#include <limits>

namespace firedrill::sim::models {

namespace {

/// Instances that carry `load` requests/s at `perInstance` each, plus `crashed` ones, within [lo, hi].
/// Worked out in floating point and clamped before the conversion: a surge can ask for more instances
/// than an int holds (a conversion out of range is undefined and gave a scale-out of one instance per
/// event, each undone by a scale-in, for ever).
int instancesFor(double load, double perInstance, int crashed, int lo, int hi)
{
    const double needed = std::ceil(load / perInstance - 1e-9) + static_cast<double>(crashed);
    if (!(needed < static_cast<double>(hi))) // NaN and infinity too
        return hi;
    if (needed <= static_cast<double>(lo))
        return lo;
    return static_cast<int>(needed);
}

} // namespace

double CapacityModel::load(int comp, std::int64_t t) const
{
    return m_world.load(comp, t);
}

int CapacityModel::scaleInTarget(std::size_t i, std::int64_t now) const
{
    const auto& s = m_world.comps[i];
    const double perInstance = *s.c->capacityRps * m_world.losses().capacityShare(*s.c);
    if (perInstance <= 0)
        return s.instances;
    std::int64_t end = now;
    for (const auto& r : m_world.routers)
        end = std::max(end, r.switchAt + r.ttl);
    const int idx = static_cast<int>(i);
    const double l = std::max(load(idx, now), load(idx, end));
    return instancesFor(l, perInstance, s.crashed, s.c->autoscale->min, std::max(s.instances, s.c->autoscale->max));
}

void CapacityModel::scaleIn(Simulator& sim, std::size_t i)
{
    auto& s = m_world.comps[i];
    if (s.instances <= s.c->autoscale->min || s.scaling || !m_world.computeAlive(static_cast<int>(i), std::nullopt) ||
        scaleInTarget(i, sim.now()) >= s.instances) {
        s.scaleInAt = -1; // calls off a cool-down under way (its event finds scaleInAt changed)
        return;
    }
    if (s.scaleInAt >= 0)
        return;
    s.scaleInAt = sim.now() + s.c->autoscale->scaleOutTime.ms;
    sim.schedule(s.scaleInAt, m_target, ScaleIn, i);
    m_world.narrate(sim.now(), "Load on " + s.c->id.str() + " falls to " +
                                   formatNumber(std::round(load(static_cast<int>(i), sim.now()))) + " rps: autoscale removes its extra instances if it stays below " +
                                   formatNumber(std::round(m_world.capacity(static_cast<int>(i), std::nullopt))) + " rps for " +
                                   formatDurationReadable(s.c->autoscale->scaleOutTime));
}

void CapacityModel::react(Simulator& sim)
{
    const std::int64_t now = sim.now();
    for (std::size_t i = 0; i < m_world.comps.size(); ++i) {
        auto& s = m_world.comps[i];
        const int idx = static_cast<int>(i);
        if (!s.c->autoscale || !s.c->capacityRps)
            continue;
        scaleIn(sim, i);
        if (s.scaling || s.instances >= s.c->autoscale->max || !m_world.computeAlive(idx, std::nullopt))
            continue;
        const double cap = m_world.capacity(idx, std::nullopt);
        const double l0 = load(idx, now);
        // The load once every router's drain has ended.
        std::int64_t end = now;
        for (const auto& r : m_world.routers)
            end = std::max(end, r.switchAt + r.ttl);
        const double l1 = load(idx, end);
        const bool due = l0 > cap + 1e-6 || (s.checkAt == now && l0 >= cap - 1e-6);
        if (!due) {
            if (l1 > cap + 1e-6 && end > now && !m_world.options().worstCaseDns) {
                const double f = (cap - l0) / (l1 - l0);
                const auto at = now + static_cast<std::int64_t>(std::ceil(f * static_cast<double>(end - now) - 1e-9));
                if (at != s.checkAt) {
                    s.checkAt = at;
                    sim.schedule(at, m_target, Check, i);
                }
            }
            continue;
        }
        const double perInstance = *s.c->capacityRps * m_world.losses().capacityShare(*s.c);
        const int target = instancesFor(std::max(l0, l1), perInstance, s.crashed, s.instances + 1, s.c->autoscale->max);
        s.scaling = true;
        sim.scheduleIn(s.c->autoscale->scaleOutTime.ms, m_target, ScaleDone, pack(static_cast<std::uint64_t>(target), i));
        m_world.narrate(now, "Autoscale of " + s.c->id.str() + " starts: load " + formatNumber(std::round(l0)) +
                                 " rps exceeds capacity " + formatNumber(std::round(cap)) + " rps; " + std::to_string(s.instances) +
                                 " -> " + std::to_string(target) + " instances in " +
                                 formatDurationReadable(s.c->autoscale->scaleOutTime));
    }
}

void CapacityModel::apply(Simulator& sim, const Event& e)
{
    if (e.kind == ScaleIn) {
        const std::size_t i = static_cast<std::size_t>(e.payload);
        auto& s = m_world.comps[i];
        if (s.scaleInAt != sim.now())
            return; // called off: the load came back up
        s.scaleInAt = -1;
        const int target = scaleInTarget(i, sim.now());
        if (target >= s.instances)
            return;
        const int before = s.instances;
        s.instances = target;
        m_world.narrate(sim.now(), "Autoscale of " + s.c->id.str() + " scales in after its cool-down: " + std::to_string(before) +
                                       " -> " + std::to_string(target) + " instances (" +
                                       formatNumber(std::round(m_world.capacity(static_cast<int>(i), std::nullopt))) + " rps)");
        return;
    }
    if (e.kind == ScaleDone) {
        auto& s = m_world.comps[unpackIndex(e.payload)];
        s.instances = static_cast<int>(unpackGen(e.payload));
        s.scaling = false;
        m_world.narrate(sim.now(), s.c->id.str() + " runs " + std::to_string(s.instances) + " instances (" +
                                       formatNumber(std::round(m_world.capacity(static_cast<int>(unpackIndex(e.payload)), std::nullopt))) +
                                       " rps)");
    }
}

bool OutboxModel::buffering(int comp) const
{
    const auto& s = m_world.comps[static_cast<std::size_t>(comp)];
    if (!s.c->outbox)
        return false;
    int buses = 0, down = 0;
    for (const int t : s.buses) {
        const auto& ts = m_world.comps[static_cast<std::size_t>(t)];
        ++buses;
        if (ts.down > 0 || !m_world.losses().survives(*ts.c))
            ++down;
    }
    return buses > 0 && buses == down;
}

double OutboxModel::capacity(const ComponentState& s)
{
    return s.c->outbox && s.c->outbox->capacity ? static_cast<double>(*s.c->outbox->capacity)
                                                : std::numeric_limits<double>::infinity();
}

void OutboxModel::react(Simulator& sim)
{
    m_emptyAt.resize(m_world.comps.size(), -1);
    m_fullAt.resize(m_world.comps.size(), -1);
    for (std::size_t i = 0; i < m_world.comps.size(); ++i) {
        const auto& s = m_world.comps[i];
        if (!s.c->outbox)
            continue;
        if (buffering(static_cast<int>(i))) {
            // The instant a buffering outbox fills up (from then on, writes are dropped).
            const double cap = capacity(s);
            if (std::isfinite(cap) && s.inflow > 0 && s.backlog < cap) {
                const auto at = sim.now() + static_cast<std::int64_t>(std::ceil((cap - s.backlog) / s.inflow * 1000.0 - 1e-6));
                if (at != m_fullAt[i]) {
                    m_fullAt[i] = at;
                    sim.schedule(at, m_target, Full, i);
                }
            }
            continue;
        }
        m_fullAt[i] = -1;
        if (s.backlog <= 0)
            continue;
        const double drain = s.c->outbox->drainRate.value_or(0.0);
        if (drain <= s.inflow)
            continue;
        const auto at = sim.now() + static_cast<std::int64_t>(std::ceil(s.backlog / (drain - s.inflow) * 1000.0 - 1e-6));
        if (at != m_emptyAt[i]) {
            m_emptyAt[i] = at;
            sim.schedule(at, m_target, Empty, i);
        }
    }
}

void OutboxModel::apply(Simulator& sim, const Event& e)
{
    const std::size_t i = static_cast<std::size_t>(e.payload);
    if (e.kind == Full) {
        if (m_fullAt[i] != sim.now())
            return;
        m_world.narrate(sim.now(), "The outbox of " + m_world.comps[i].c->id.str() + " is full (" +
                                       formatNumber(capacity(m_world.comps[i])) + " messages): further writes are lost");
        return;
    }
    if (m_emptyAt[i] != sim.now())
        return;
    m_world.comps[i].backlog = 0;
    m_world.narrate(sim.now(), "The outbox of " + m_world.comps[i].c->id.str() + " has delivered its backlog");
}

} // namespace firedrill::sim::models
