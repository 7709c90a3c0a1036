#include "ReplayWorld.h"

#include "core/analysis/WorkloadScope.h"
#include "core/model/ComponentKind.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>

namespace firedrill::sim::models {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
/// Added latency of a request served without a failed soft dependency (cache miss -> database).
constexpr double kFallbackLatencyMs = 50.0;
/// Utilisation cap of the queueing approximation (W = S / (1 - rho) would diverge at 1).
constexpr double kMaxUtilisation = 0.99;

bool isMessaging(ComponentKind k) { return k == ComponentKind::ServiceBus || k == ComponentKind::Queue; }
} // namespace

std::string clock(std::int64_t ms)
{
    const std::int64_t s = ms / 1000;
    char buf[48];
    if (ms % 1000)
        std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60),
                      static_cast<long long>(ms % 1000));
    else
        std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    return buf;
}

ReplayWorld::ReplayWorld(const Topology& topology, const ReplayOptions& options)
    : m_topology(topology), m_options(options)
{
    const auto& cs = topology.components;
    comps.resize(cs.size());
    m_demandOn.assign(cs.size(), 0.0);
    for (std::size_t i = 0; i < cs.size(); ++i) {
        m_index[cs[i].id.str()] = static_cast<int>(i);
        auto& s = comps[i];
        s.c = &cs[i];
        s.instances = cs[i].instances.value_or(1);
        s.store = isStore(static_cast<int>(i));
        for (std::size_t r = 0; r < cs[i].replicas.size(); ++r)
            if (cs[i].replicas[r].role == ReplicaRole::Primary)
                s.primary = static_cast<int>(r);
        if (s.primary < 0 && !cs[i].replicas.empty())
            s.primary = 0;
        s.leaderElected = cs[i].leaderElection.has_value() && kindFamily(cs[i].kind) == KindFamily::Compute;
    }
    for (const auto& w : topology.workloads) {
        WorkloadWiring ww;
        ww.w = &w;
        for (const Component* c : workloadComponents(topology, w))
            ww.members.insert(indexOf(c->id.str()));
        ww.members.erase(-1);
        for (int m : ww.members) {
            m_demandOn[static_cast<std::size_t>(m)] += w.demandRps;
            if (comps[static_cast<std::size_t>(m)].store)
                ww.stores.push_back(m);
        }
        workloads.push_back(std::move(ww));
    }
    // Write rates of stores: write_rate, else the demand x write fraction of their workloads.
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (!comps[i].store)
            continue;
        double rate = 0;
        for (const auto& ww : workloads)
            if (ww.members.count(static_cast<int>(i)))
                rate += ww.w->demandRps * ww.w->writeFraction;
        comps[i].writeRate = cs[i].writeRate.value_or(rate);
    }
    // Routers with their endpoints, as the probes see them.
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if ((cs[i].kind != ComponentKind::TrafficManager && cs[i].kind != ComponentKind::FrontDoor) || cs[i].endpoints.empty())
            continue;
        RouterState r;
        r.comp = static_cast<int>(i);
        r.ttl = cs[i].kind == ComponentKind::FrontDoor ? 0 : cs[i].dnsTtl.value_or(Duration{}).ms;
        for (const auto& e : cs[i].endpoints) {
            const int t = indexOf(e.target.str());
            if (t < 0)
                continue;
            r.endpoints.push_back(makeBranch(nullptr, t, true)); // probes see hard dependencies only
            r.redeploy.push_back(Duration{});
        }
        routers.push_back(std::move(r));
    }
    // Redeploy strategies: a disabled copy of each primary-region endpoint in the secondary region.
    for (auto& ww : workloads) {
        const int entry = indexOf(ww.w->entry.str());
        for (std::size_t r = 0; r < routers.size(); ++r)
            if (routers[r].comp == entry)
                ww.router = static_cast<int>(r);
        const auto& st = ww.w->strategy;
        if (ww.router < 0 || !st || !st->primary || !st->secondary ||
            (st->kind != StrategyKind::ActivePassiveDb && st->kind != StrategyKind::RedeployFromBackup))
            continue;
        auto& router = routers[static_cast<std::size_t>(ww.router)];
        const std::size_t n = router.endpoints.size();
        for (std::size_t e = 0; e < n; ++e) {
            if (router.endpoints[e].relocateTo || regionOf(router.endpoints[e].endpoint) != st->primary)
                continue;
            Branch copy = router.endpoints[e];
            copy.relocateTo = st->secondary;
            const bool exists = std::any_of(router.endpoints.begin(), router.endpoints.end(), [&](const Branch& b) {
                return b.endpoint == copy.endpoint && b.relocateTo == copy.relocateTo;
            });
            if (!exists) {
                router.endpoints.push_back(copy);
                router.redeploy.push_back(st->redeployTime.value_or(Duration{}));
            }
        }
    }
    for (auto& r : routers) {
        const std::size_t n = r.endpoints.size();
        r.enabled.assign(n, true);
        for (std::size_t e = 0; e < n; ++e)
            r.enabled[e] = !r.endpoints[e].relocateTo.has_value();
        r.raw.assign(n, true);
        r.marked.assign(n, true);
        r.anchor.assign(n, 0);
        r.gen.assign(n, 0);
        r.from.assign(n, 0.0);
        r.to.assign(n, 0.0);
    }
    for (auto& ww : workloads) {
        if (ww.router >= 0) {
            for (const auto& pb : routers[static_cast<std::size_t>(ww.router)].endpoints) {
                Branch b = makeBranch(&ww.members, pb.endpoint);
                b.relocateTo = pb.relocateTo;
                ww.branches.push_back(std::move(b));
            }
        } else {
            const int entry = indexOf(ww.w->entry.str());
            ww.branches.push_back(makeBranch(&ww.members, entry));
            if (const int copy = secondaryCopy(ww, entry); copy >= 0) {
                ww.branches.push_back(makeBranch(&ww.members, copy));
                const Component& cc = *comps[static_cast<std::size_t>(copy)].c;
                ww.takeoverDelay = cc.startupTime.value_or(Duration{}).ms;
            }
        }
    }
    // Static wiring cached for the per-event queries.
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (!cs[i].between.empty())
            m_links.push_back(static_cast<int>(i));
        for (const auto& d : cs[i].dependsOn) {
            const int t = indexOf(d.target.str());
            if (t >= 0 && isMessaging(cs[static_cast<std::size_t>(t)].kind))
                comps[i].buses.push_back(t);
        }
    }
    for (std::size_t w = 0; w < workloads.size(); ++w)
        for (std::size_t b = 0; b < workloads[w].branches.size(); ++b) {
            const auto& br = workloads[w].branches[b];
            if (br.relocateTo)
                continue;
            for (std::size_t k = 0; k < br.chain.size(); ++k) {
                auto& st = comps[static_cast<std::size_t>(br.chain[k])];
                st.users.emplace_back(static_cast<int>(w), static_cast<int>(b));
                st.userRetries.push_back(br.retries[k]);
                st.userCaller.push_back(br.caller[k]);
            }
        }
    // Circuit breakers: one per hard dependency of a caller with breaker_threshold and breaker_open
    // (not on a bus or queue its outbox covers).
    for (std::size_t i = 0; i < cs.size(); ++i) {
        const auto& res = cs[i].resilience;
        if (!res || !res->breakerThreshold || !res->breakerOpen)
            continue;
        for (const auto& d : cs[i].dependsOn) {
            const int t = indexOf(d.target.str());
            if (t < 0 || d.kind != DependencyKind::Hard || (cs[i].outbox && isMessaging(cs[static_cast<std::size_t>(t)].kind)))
                continue;
            Breaker br;
            br.dep = t;
            comps[i].breakers.push_back(br);
        }
    }
}

int ReplayWorld::secondaryCopy(const WorkloadWiring& w, int entry) const
{
    // The entry's copy in the strategy's secondary region: the member whose id differs only in the
    // region suffix ("settle-weu" <-> "settle-neu"), else the first member of the same kind there.
    const auto& st = w.w->strategy;
    if (entry < 0 || !st || !st->primary || !st->secondary || st->kind == StrategyKind::SingleRegion)
        return -1;
    const Component& e = *comps[static_cast<std::size_t>(entry)].c;
    if (e.region != st->primary)
        return -1;
    const std::string id = e.id.str();
    const auto stem = [](const std::string& s) { return s.substr(0, s.rfind('-') == std::string::npos ? s.size() : s.rfind('-')); };
    int byKind = -1;
    for (int m : w.members) {
        const Component& c = *comps[static_cast<std::size_t>(m)].c;
        if (m == entry || c.kind != e.kind || c.region != st->secondary)
            continue;
        if (stem(c.id.str()) == stem(id) && stem(id) != id)
            return m;
        if (byKind < 0)
            byKind = m;
    }
    return byKind;
}

double ReplayWorld::attempts(double e, int retries)
{
    double total = 0, p = 1;
    for (int k = 0; k <= retries; ++k) {
        total += p;
        p *= e;
    }
    return total;
}

bool ReplayWorld::breakerOpen(int caller, int dep) const
{
    for (const auto& b : comps[static_cast<std::size_t>(caller)].breakers)
        if (b.dep == dep)
            return b.open;
    return false;
}

double ReplayWorld::errorRate(int comp) const
{
    const auto& s = comps[static_cast<std::size_t>(comp)];
    if (s.store) {
        if (s.phase != StorePhase::Serving || primaryLost(comp))
            return 1.0;
    } else if (isCompute(comp) ? !computeAlive(comp, std::nullopt) : !partAlive(comp, std::nullopt)) {
        return 1.0;
    }
    double ok = 1.0;
    for (const auto& [err, lat] : s.degradations)
        ok *= 1.0 - err;
    return 1.0 - ok;
}

double ReplayWorld::load(int comp, std::int64_t t) const
{
    const auto& s = comps[static_cast<std::size_t>(comp)];
    double total = 0;
    double e = -1;
    for (std::size_t u = 0; u < s.users.size(); ++u) {
        const auto& [wi, bi] = s.users[u];
        const auto& w = workloads[static_cast<std::size_t>(wi)];
        double offered = demand(w) * branchShare(w, static_cast<std::size_t>(bi), t);
        if (s.userCaller[u] >= 0 && breakerOpen(s.userCaller[u], comp))
            offered = 0; // an open breaker fails fast: nothing reaches the dependency
        else if (s.userRetries[u] > 0 && offered > 0) {
            if (e < 0)
                e = errorRate(comp);
            offered *= attempts(e, s.userRetries[u]);
        }
        total += offered;
    }
    return total;
}

int ReplayWorld::indexOf(const std::string& id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? -1 : it->second;
}

std::string ReplayWorld::label(int comp) const
{
    const Component& c = *comps[static_cast<std::size_t>(comp)].c;
    return c.name.empty() ? c.id.str() : c.name + " (" + c.id.str() + ")";
}

bool ReplayWorld::isCompute(int comp) const
{
    switch (comps[static_cast<std::size_t>(comp)].c->kind) {
    case ComponentKind::AppService:
    case ComponentKind::VirtualMachine:
    case ComponentKind::VmScaleSet:
    case ComponentKind::ApplicationGateway:
    case ComponentKind::LoadBalancer: return true;
    default: return false;
    }
}

bool ReplayWorld::isStore(int comp) const
{
    const auto k = comps[static_cast<std::size_t>(comp)].c->kind;
    return k == ComponentKind::SqlDatabase || k == ComponentKind::SqlServerAg || k == ComponentKind::StorageAccount;
}

Branch ReplayWorld::makeBranch(const std::set<int>* members, int endpoint, bool hardOnly) const
{
    Branch b;
    b.endpoint = endpoint;
    if (endpoint < 0)
        return b;
    std::deque<int> todo{endpoint};
    std::set<int> seen{endpoint};
    std::map<int, std::pair<int, int>> retriesOf; // dependency -> (retries, caller), the most retries
    while (!todo.empty()) {
        const int x = todo.front();
        todo.pop_front();
        b.chain.push_back(x);
        const Component& cx = *comps[static_cast<std::size_t>(x)].c;
        for (const auto& d : cx.dependsOn) {
            const int t = indexOf(d.target.str());
            if (t < 0 || (members && !members->count(t)))
                continue;
            if (d.kind == DependencyKind::Soft && hardOnly)
                continue;
            if (d.kind == DependencyKind::Soft && !isCompute(t)) {
                b.soft.emplace_back(x, t);
                continue;
            }
            if (d.kind == DependencyKind::Hard && cx.resilience && cx.resilience->retries.value_or(0) > 0) {
                auto& r = retriesOf[t];
                if (*cx.resilience->retries > r.first)
                    r = {*cx.resilience->retries, x};
            }
            if (seen.insert(t).second)
                todo.push_back(t);
        }
    }
    for (int x : b.chain) {
        const auto it = retriesOf.find(x);
        const int caller = it == retriesOf.end() ? -1 : it->second.second;
        b.retries.push_back(it == retriesOf.end() ? 0 : it->second.first);
        b.caller.push_back(caller);
        b.retryDelay.push_back(caller < 0 ? 0
                                          : comps[static_cast<std::size_t>(caller)].c->resilience->retryDelay.value_or(Duration{}).ms);
        b.retryBackoff.push_back(caller < 0 ? 1.0 : comps[static_cast<std::size_t>(caller)].c->resilience->retryBackoff.value_or(1.0));
    }
    return b;
}

double ReplayWorld::share(const RouterState& r, std::size_t e, std::int64_t t, bool leftLimit) const
{
    const std::int64_t end = r.switchAt + r.ttl;
    if (r.ttl <= 0 || t > end || (t == end && !leftLimit))
        return r.to[e];
    if (m_options.worstCaseDns)
        return r.from[e];
    const double f = static_cast<double>(t - r.switchAt) / static_cast<double>(r.ttl);
    return r.from[e] + (r.to[e] - r.from[e]) * f;
}

double ReplayWorld::branchShare(const WorkloadWiring& w, std::size_t i, std::int64_t t, bool leftLimit) const
{
    if (w.router < 0)
        return static_cast<int>(i) == w.active ? 1.0 : 0.0;
    return share(routers[static_cast<std::size_t>(w.router)], i, t, leftLimit);
}

BranchFlow ReplayWorld::flow(const WorkloadWiring& w, const Branch& b, double shareNow, bool probeView) const
{
    BranchFlow f;
    f.share = shareNow;
    f.cap = kInf;
    f.ok = b.endpoint >= 0;
    if (!f.ok)
        return f;
    const auto region = regionOf(b.endpoint, b.relocateTo);
    f.region = region ? region->str() : std::string();
    for (std::size_t k = 0; k < b.chain.size(); ++k) {
        const int x = b.chain[k];
        const auto& s = comps[static_cast<std::size_t>(x)];
        const int retries = k < b.retries.size() ? b.retries[k] : 0;
        double ok = 1.0;
        for (const auto& [err, lat] : s.degradations) {
            ok *= 1.0 - err;
            f.latencyMs += static_cast<double>(lat);
            f.degraded = f.degraded || lat > 0;
        }
        double tries = 1.0;
        if (retries > 0 && ok < 1.0) {
            // Each call fails with e; the caller retries up to `retries` times: a request succeeds with
            // 1 - e^(1+retries). The wait before retry i is delay x backoff^(i-1), so one that succeeds
            // on try j+1 waited delay x (1 + backoff + ... + backoff^(j-1)).
            const double e = 1.0 - ok;
            const double backoff = k < b.retryBackoff.size() ? b.retryBackoff[k] : 1.0;
            double pk = 1.0, wait = 0.0, waited = 0.0, step = static_cast<double>(b.retryDelay[k]);
            for (int j = 0; j <= retries; ++j) {
                wait += pk * (1.0 - e) * waited;
                pk *= e;
                waited += step;
                step *= backoff;
            }
            const double success = 1.0 - pk;
            f.good *= success;
            if (success > 0) {
                f.latencyMs += wait / success;
                f.degraded = f.degraded || wait > 0;
            }
            tries = attempts(e, retries);
        } else {
            f.good *= ok;
        }
        if (!probeView) // probes, like for a store failing over, do not see it (every region alike)
            for (const auto& br : s.breakers)
                if (br.open)
                    f.ok = false; // it fails fast until a half-open trial succeeds
        if (s.store) {
            // The route to the primary: only when its region stands (else the store is failing over).
            const auto home = storeRegion(x);
            if (region && home && !regionLost(*home) && !linkUp(*region, *home))
                f.ok = false;
            if (probeView)
                continue;
            if (s.phase != StorePhase::Serving)
                f.ok = false;
            else if (s.readOnly || s.quorumLost) {
                f.good *= 1.0 - (w.w ? w.w->writeFraction : 0.0);
                f.degraded = true;
            }
        } else if (isCompute(x)) {
            if (!computeAlive(x, b.relocateTo)) {
                f.ok = false;
                continue;
            }
            const double total = m_demandOn[static_cast<std::size_t>(x)];
            const double part = (w.w && total > 0) ? w.w->demandRps / total : 1.0;
            const double capX = capacity(x, b.relocateTo);
            f.cap = std::min(f.cap, capX * part / tries);
            if (!probeView && s.c->capacityRps && *s.c->capacityRps > 0 && capX > 0 && std::isfinite(capX) && !b.relocateTo) {
                // M/M/1 per instance: S = 1 / capacity_rps, rho = load / capacity (at most 0.99),
                // W = S / (1 - rho); the series shows the wait in the queue, W - S = S rho / (1 - rho).
                const double rho = std::min(s.load / capX, kMaxUtilisation);
                if (rho > 0)
                    f.latencyMs += 1000.0 / *s.c->capacityRps * rho / (1.0 - rho);
            }
            if (s.unprobed > 0 && s.instances > 0 && !b.relocateTo)
                f.good *= 1.0 - static_cast<double>(s.unprobed) / static_cast<double>(s.instances);
        } else if (!partAlive(x, b.relocateTo)) {
            bool buffered = false;
            if (isMessaging(s.c->kind))
                for (int y : b.chain)
                    if (comps[static_cast<std::size_t>(y)].c->outbox)
                        buffered = true;
            if (buffered)
                f.degraded = true;
            else
                f.ok = false;
        }
    }
    // Soft dependencies: messaging is fine while one of a caller's buses is up; else its outbox buffers.
    // b.soft is grouped by caller (breadth-first order): count each caller's buses in one pass.
    int caller = -1, buses = 0, busesDown = 0;
    const auto flush = [&] {
        if (buses > 0 && buses == busesDown)
            f.degraded = true;
        buses = busesDown = 0;
    };
    for (const auto& [from, dep] : b.soft) {
        if (from != caller) {
            flush();
            caller = from;
        }
        const bool alive = partAlive(dep, b.relocateTo);
        if (isMessaging(comps[static_cast<std::size_t>(dep)].c->kind)) {
            ++buses;
            busesDown += alive ? 0 : 1;
        } else if (!alive) {
            f.degraded = true;
            f.latencyMs += kFallbackLatencyMs;
        }
    }
    flush();
    return f;
}

} // namespace firedrill::sim::models
