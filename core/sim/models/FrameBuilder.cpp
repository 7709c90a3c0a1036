#include "FrameBuilder.h"

#include "ReplayWorld.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace firedrill::sim::models {

namespace {

std::string percent(double share)
{
    return formatNumber(std::round(share * 1000.0) / 10.0) + "%";
}

int initialPrimary(const Component& c)
{
    for (std::size_t r = 0; r < c.replicas.size(); ++r)
        if (c.replicas[r].role == ReplicaRole::Primary)
            return static_cast<int>(r);
    return c.replicas.empty() ? -1 : 0;
}

/// A data store's own card.
ComponentFrame storeFrame(const ReplayWorld& world, int i)
{
    const auto& s = world.comps[static_cast<std::size_t>(i)];
    ComponentFrame f{s.c->id.str(), ComponentPhase::Healthy, {}};
    const auto pendingName = [&] {
        return s.pendingTarget >= 0 ? s.c->replicas[static_cast<std::size_t>(s.pendingTarget)].id.str() : std::string();
    };
    switch (s.phase) {
    case StorePhase::FailingOver:
        f.phase = ComponentPhase::FailingOver;
        f.detail = s.pendingTarget >= 0 ? "failing over to " + pendingName() : "failing over";
        return f;
    case StorePhase::Restoring:
        f.phase = ComponentPhase::Restoring;
        f.detail = s.movedTo ? "restoring into " + s.movedTo->str() : "restoring from backup";
        return f;
    case StorePhase::Unavailable:
        f.phase = ComponentPhase::Down;
        f.detail = "unavailable";
        return f;
    case StorePhase::Serving: break;
    }
    if (world.primaryLost(i)) {
        f.phase = ComponentPhase::Down;
        f.detail = "primary lost";
    } else if (s.movedTo) {
        f.phase = ComponentPhase::Promoted;
        f.detail = "running in " + s.movedTo->str();
    } else if (s.primary >= 0 && s.primary != initialPrimary(*s.c)) {
        f.phase = ComponentPhase::Promoted;
        f.detail = "primary now " + s.c->replicas[static_cast<std::size_t>(s.primary)].id.str();
    } else if (s.quorumLost) {
        f.phase = ComponentPhase::Degraded;
        f.detail = "no quorum: writes stop";
    } else if (s.readOnly) {
        f.phase = ComponentPhase::Degraded;
        f.detail = "read-only";
    } else if (s.corrupted) {
        f.phase = ComponentPhase::Degraded;
        f.detail = "serving corrupted data";
    } else if (!s.degradations.empty()) {
        f.phase = ComponentPhase::Degraded;
        f.detail = percent(world.errorRate(i)) + " of calls fail";
    }
    return f;
}

/// The card of replica `r` of data store `i`.
ComponentFrame replicaFrame(const ReplayWorld& world, int i, int r)
{
    const auto& s = world.comps[static_cast<std::size_t>(i)];
    const Replica& rep = s.c->replicas[static_cast<std::size_t>(r)];
    ComponentFrame f{rep.id.str(), ComponentPhase::Healthy, {}};
    const bool lost = s.downReplicas.count(r) > 0 || !world.placeAlive(rep.region, rep.zone);
    if (lost) {
        f.phase = ComponentPhase::Down;
        f.detail = "unreachable";
    } else if (r == s.pendingTarget && s.phase == StorePhase::FailingOver) {
        f.phase = ComponentPhase::FailingOver;
        f.detail = "being promoted";
    } else if (r == s.primary && r != initialPrimary(*s.c)) {
        f.phase = ComponentPhase::Promoted;
        f.detail = "promoted to primary";
    } else if (r == s.primary) {
        f.detail = "primary";
    } else {
        f.detail = rep.readable ? "readable secondary" : "secondary";
    }
    return f;
}

/// A compute tier, network part or router's card.
ComponentFrame partFrame(const ReplayWorld& world, int i, std::int64_t now, const std::function<bool(int)>& buffering)
{
    const auto& s = world.comps[static_cast<std::size_t>(i)];
    ComponentFrame f{s.c->id.str(), ComponentPhase::Healthy, {}};
    const double err = world.errorRate(i);
    if (err >= 1.0 || s.leaseLost > 0) {
        f.phase = ComponentPhase::Down;
        f.detail = s.leaseLost > 0 ? "no instance holds the lease" : "down";
        return f;
    }
    std::vector<std::string> why;
    if (s.crashed > 0)
        why.push_back(std::to_string(s.crashed) + " of " + std::to_string(s.instances) + " instances down");
    if (err > 0)
        why.push_back(percent(err) + " of calls fail");
    for (const auto& b : s.breakers)
        if (b.open)
            why.push_back("circuit breaker open on " + world.comps[static_cast<std::size_t>(b.dep)].c->id.str());
    if (s.c->outbox && buffering(i))
        why.push_back("outbox buffering " + formatNumber(std::round(s.backlog)) + " messages");
    if (s.c->capacityRps) {
        const double cap = world.capacity(i, std::nullopt);
        if (s.load > cap + 1e-9)
            why.push_back("overloaded: " + formatNumber(std::round(s.load)) + " of " + formatNumber(std::round(cap)) + " req/s");
    }
    if (!why.empty()) {
        f.phase = ComponentPhase::Degraded;
        for (std::size_t k = 0; k < why.size(); ++k)
            f.detail += (k ? "; " : "") + why[k];
    } else if (s.scaling) {
        f.detail = "scaling out";
    }
    (void)now;
    return f;
}

} // namespace

ReplayFrame buildFrame(const ReplayWorld& world, std::int64_t now, const std::function<bool(int)>& buffering)
{
    ReplayFrame frame;
    frame.timeMs = now;
    for (std::size_t i = 0; i < world.comps.size(); ++i) {
        const int ci = static_cast<int>(i);
        const auto& s = world.comps[i];
        frame.components.push_back(s.store ? storeFrame(world, ci) : partFrame(world, ci, now, buffering));
        for (std::size_t r = 0; r < s.c->replicas.size(); ++r)
            frame.components.push_back(replicaFrame(world, ci, static_cast<int>(r)));
        // Replication lines: to each secondary; the data at risk is the lag's worth of writes.
        if (s.store)
            for (const auto& rep : s.c->replicas) {
                if (rep.role == ReplicaRole::Primary)
                    continue;
                ReplicationFrame rf;
                rf.from = s.c->id.str();
                rf.to = rep.id.str();
                rf.synchronous = rep.sync == ReplicationMode::Synchronous;
                rf.cut = s.cutSince >= 0;
                double lag = rf.synchronous ? 0.0 : rep.lag.value_or(Duration{}).toSeconds();
                if (rf.cut)
                    lag += static_cast<double>(now - s.cutSince) / 1000.0;
                rf.lagS = lag;
                rf.atRisk = lag * s.writeRate;
                frame.replications.push_back(rf);
            }
    }
    // Traffic on the arrows, from every workload's branches.
    std::map<std::pair<int, int>, std::size_t> flowIndex;
    const auto addFlow = [&](int from, int to, double offered, double served) {
        if (from < 0 || to < 0 || from == to)
            return;
        auto [it, fresh] = flowIndex.try_emplace({from, to}, frame.flows.size());
        if (fresh)
            frame.flows.push_back({world.comps[static_cast<std::size_t>(from)].c->id.str(),
                                   world.comps[static_cast<std::size_t>(to)].c->id.str(), 0.0, 0.0});
        frame.flows[it->second].offered += offered;
        frame.flows[it->second].served += served;
    };
    for (const auto& w : world.workloads) {
        WorkloadFrame wf;
        wf.id = w.w->id.str();
        wf.demand = world.demand(w);
        const int router = w.router >= 0 ? world.routers[static_cast<std::size_t>(w.router)].comp : -1;
        for (std::size_t b = 0; b < w.branches.size(); ++b) {
            const auto& br = w.branches[b];
            const double share = world.branchShare(w, b, now);
            const BranchFlow f = world.flow(w, br, share, false);
            const double offered = wf.demand * share;
            const double served = f.ok ? std::min(offered, f.cap) * f.good : 0.0;
            wf.served += served;
            wf.degraded = wf.degraded || (served > 0 && f.degraded);
            addFlow(router, br.endpoint, offered, served);
            if (br.relocateTo)
                continue; // a redeployed copy: its parts are not on the canvas
            // Every dependency between two parts the branch reaches carries its requests.
            for (int x : br.chain)
                for (const auto& d : world.comps[static_cast<std::size_t>(x)].c->dependsOn) {
                    const int t = world.indexOf(d.target.str());
                    const bool reached = std::find(br.chain.begin(), br.chain.end(), t) != br.chain.end() ||
                                         std::find(br.soft.begin(), br.soft.end(), std::pair{x, t}) != br.soft.end();
                    if (reached)
                        addFlow(x, t, offered, served);
                }
        }
        wf.availability = wf.demand > 0 ? wf.served / wf.demand : 1.0;
        frame.workloads.push_back(wf);
    }
    for (const auto& r : world.routers) {
        RouterFrame rf;
        rf.id = world.comps[static_cast<std::size_t>(r.comp)].c->id.str();
        for (std::size_t e = 0; e < r.endpoints.size(); ++e) {
            const int ep = r.endpoints[e].endpoint;
            rf.endpoints.push_back(ep >= 0 ? world.comps[static_cast<std::size_t>(ep)].c->id.str() : std::string());
            const double sh = world.share(r, e, now);
            rf.shares.push_back(sh);
            if (r.to[e] > 0)
                rf.answered.push_back(rf.endpoints.back());
            rf.staleShare += std::abs(sh - r.to[e]) / 2.0;
        }
        frame.routers.push_back(rf);
    }
    return frame;
}

} // namespace firedrill::sim::models
