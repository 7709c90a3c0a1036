#include "RouterModel.h"

#include "core/analysis/RecoveryEstimator.h"
#include "core/io/Units.h"

#include <cmath>

namespace firedrill::sim::models {

namespace {
std::uint64_t key(std::size_t router, std::size_t endpoint) { return router * 4096 + endpoint; }
} // namespace

std::string RouterModel::routerName(const RouterState& r) const
{
    const Component& c = *m_world.comps[static_cast<std::size_t>(r.comp)].c;
    return std::string(c.kind == ComponentKind::FrontDoor ? "Front Door " : "Traffic Manager ") + c.id.str();
}

std::string RouterModel::endpointName(const RouterState& r, std::size_t e) const
{
    const auto& b = r.endpoints[e];
    const std::string id = m_world.comps[static_cast<std::size_t>(b.endpoint)].c->id.str();
    return b.relocateTo ? id + " (redeployed in " + b.relocateTo->str() + ")" : id;
}

std::vector<double> RouterModel::answers(const RouterState& r) const
{
    const std::size_t n = r.endpoints.size();
    std::vector<double> out(n, 0.0);
    const auto& rc = m_world.comps[static_cast<std::size_t>(r.comp)];
    if (rc.down > 0 || !m_world.losses().survives(*rc.c))
        return out; // the router itself is down: nothing resolves
    std::vector<std::size_t> candidates;
    for (std::size_t e = 0; e < n; ++e)
        if (r.enabled[e] && r.marked[e])
            candidates.push_back(e);
    if (candidates.empty()) // every endpoint degraded: answer as if all were healthy
        for (std::size_t e = 0; e < n; ++e)
            if (r.enabled[e])
                candidates.push_back(e);
    if (candidates.empty())
        return out;
    const auto& eps = rc.c->endpoints;
    const auto original = [&](std::size_t e) -> const Endpoint* {
        for (const auto& ep : eps)
            if (ep.target == m_world.comps[static_cast<std::size_t>(r.endpoints[e].endpoint)].c->id)
                return &ep;
        return nullptr;
    };
    switch (rc.c->routing.value_or(RoutingMethod::Priority)) {
    case RoutingMethod::Priority: {
        std::size_t best = candidates.front();
        int bestPriority = 1 << 30;
        for (std::size_t e : candidates) {
            const Endpoint* ep = original(e);
            const int p = ep && ep->priority ? *ep->priority : static_cast<int>(e) + 1;
            if (p < bestPriority) {
                bestPriority = p;
                best = e;
            }
        }
        out[best] = 1.0;
        break;
    }
    case RoutingMethod::Weighted: {
        double total = 0;
        for (std::size_t e : candidates) {
            const Endpoint* ep = original(e);
            out[e] = ep && ep->weight ? *ep->weight : 1.0;
            total += out[e];
        }
        for (double& v : out)
            v = total > 0 ? v / total : 0.0;
        break;
    }
    case RoutingMethod::Performance:
        for (std::size_t e : candidates)
            out[e] = 1.0 / static_cast<double>(candidates.size());
        break;
    }
    return out;
}

void RouterModel::initialise()
{
    for (auto& r : m_world.routers) {
        r.to = answers(r);
        r.from = r.to;
        r.switchAt = 0;
    }
}

void RouterModel::answer(Simulator& sim, std::size_t ri)
{
    auto& r = m_world.routers[ri];
    const auto next = answers(r);
    bool changed = false;
    for (std::size_t e = 0; e < next.size(); ++e)
        changed = changed || std::abs(next[e] - r.to[e]) > 1e-12;
    if (!changed)
        return;
    const std::int64_t now = sim.now();
    for (std::size_t e = 0; e < next.size(); ++e)
        r.from[e] = m_world.share(r, e, now);
    r.to = next;
    r.switchAt = now;
    std::string text = routerName(r) + " now answers ";
    bool first = true;
    for (std::size_t e = 0; e < next.size(); ++e)
        if (next[e] > 0) {
            if (!first)
                text += ", ";
            text += endpointName(r, e);
            if (next[e] < 1)
            {
                text += ' ';
                text += formatNumber(std::round(next[e] * 1000) / 10);
                text += '%';
            }
            first = false;
        }
    if (first)
        text = routerName(r) + " answers nothing: its DNS name no longer resolves";
    if (r.ttl > 0) {
        sim.scheduleIn(r.ttl, m_target, DrainEnd, ri);
        text += m_world.options().worstCaseDns ? "; cached answers all expire in " : "; cached answers drain over ";
        text += formatDurationReadable(Duration{r.ttl});
    }
    m_world.narrate(now, text);
}

void RouterModel::react(Simulator& sim)
{
    const std::int64_t now = sim.now();
    for (std::size_t ri = 0; ri < m_world.routers.size(); ++ri) {
        auto& r = m_world.routers[ri];
        const Component& rc = *m_world.comps[static_cast<std::size_t>(r.comp)].c;
        const Probe probe = rc.probe.value_or(kDefaultGlobalProbe);
        WorkloadWiring none;
        for (std::size_t e = 0; e < r.endpoints.size(); ++e) {
            if (!r.enabled[e])
                continue;
            const bool healthy = m_world.flow(none, r.endpoints[e], 1.0, true).ok;
            if (healthy == r.raw[e])
                continue;
            r.raw[e] = healthy;
            ++r.gen[e];
            if (!healthy) {
                r.anchor[e] = now; // probe phase: the last probe succeeded just now (the worst case)
                sim.scheduleIn(probeDetection(probe).ms, m_target, MarkDown, pack(r.gen[e], key(ri, e)));
            } else if (!r.marked[e]) {
                const std::int64_t interval = std::max<std::int64_t>(probe.interval.ms, 1);
                const std::int64_t ticks = (now - r.anchor[e] + interval - 1) / interval;
                sim.schedule(r.anchor[e] + ticks * interval, m_target, MarkUp, pack(r.gen[e], key(ri, e)));
            }
        }
        // Redeploy: once the original endpoint is marked down and the data it needs serves again.
        for (std::size_t e = 0; e < r.endpoints.size(); ++e) {
            if (r.enabled[e] || !r.endpoints[e].relocateTo || r.redeployStarted)
                continue;
            bool originalDown = false;
            for (std::size_t o = 0; o < r.endpoints.size(); ++o)
                if (!r.endpoints[o].relocateTo && r.endpoints[o].endpoint == r.endpoints[e].endpoint && !r.marked[o])
                    originalDown = true;
            bool dataReady = true;
            for (int x : r.endpoints[e].chain) {
                const auto& s = m_world.comps[static_cast<std::size_t>(x)];
                if (s.store && (s.phase != StorePhase::Serving || s.readOnly))
                    dataReady = false;
            }
            if (!originalDown || !dataReady)
                continue;
            r.redeployStarted = true;
            sim.scheduleIn(r.redeploy[e].ms, m_target, RedeployDone, key(ri, e));
            m_world.narrate(now, "Redeploy of " + endpointName(r, e) + " starts (" + formatDurationReadable(r.redeploy[e]) + ")");
        }
        answer(sim, ri); // the router itself may have gone down or come back
    }
}

void RouterModel::apply(Simulator& sim, const Event& e)
{
    const std::int64_t now = sim.now();
    if (e.kind == TakeOver) {
        auto& w = m_world.workloads[static_cast<std::size_t>(e.payload)];
        w.active = 1;
        w.takeoverPending = false;
        m_world.narrate(now, m_world.label(w.branches[1].endpoint) + " has taken over " + w.w->id.str());
        return;
    }
    const std::size_t k = e.kind == RedeployDone ? static_cast<std::size_t>(e.payload) : unpackIndex(e.payload);
    const std::size_t ri = e.kind == DrainEnd ? static_cast<std::size_t>(e.payload) : k / 4096;
    const std::size_t ei = k % 4096;
    auto& r = m_world.routers[ri];
    const Component& rc = *m_world.comps[static_cast<std::size_t>(r.comp)].c;
    const Probe probe = rc.probe.value_or(kDefaultGlobalProbe);
    switch (e.kind) {
    case MarkDown:
        if (unpackGen(e.payload) != r.gen[ei])
            return;
        r.marked[ei] = false;
        m_world.narrate(now, routerName(r) + " marks " + endpointName(r, ei) + " degraded after " +
                                 std::to_string(std::max(1, probe.toleratedFailures)) + " failed probes");
        break;
    case MarkUp:
        if (unpackGen(e.payload) != r.gen[ei])
            return;
        r.marked[ei] = true;
        m_world.narrate(now, routerName(r) + " sees " + endpointName(r, ei) + " healthy again");
        break;
    case RedeployDone:
        r.enabled[ei] = true;
        r.marked[ei] = true; // enabled by the operator at the end of the runbook: no probe wait
        r.raw[ei] = true;
        m_world.narrate(now, endpointName(r, ei) + " is deployed and enabled in " + routerName(r));
        break;
    case DrainEnd:
    default: return;
    }
    answer(sim, ri);
}

void RouterModel::takeovers(Simulator& sim)
{
    for (std::size_t wi = 0; wi < m_world.workloads.size(); ++wi) {
        auto& w = m_world.workloads[wi];
        if (w.router >= 0 || w.branches.size() < 2 || w.active != 0 || w.takeoverPending)
            continue;
        const auto home = m_world.regionOf(w.branches[0].endpoint);
        const auto there = m_world.regionOf(w.branches[1].endpoint);
        if (!home || !there || !m_world.regionLost(*home) || m_world.regionLost(*there))
            continue;
        w.takeoverPending = true;
        sim.scheduleIn(w.takeoverDelay, m_target, TakeOver, wi);
        m_world.narrate(sim.now(), "Region " + home->str() + " is lost: " + m_world.label(w.branches[1].endpoint) + " takes over " +
                                       w.w->id.str() + " after its start (" + formatDurationReadable(Duration{w.takeoverDelay}) + ")");
    }
}

} // namespace firedrill::sim::models
