#pragma once

#include "core/analysis/FailureDomain.h"
#include "core/model/Topology.h"
#include "core/sim/ReplayResult.h"
#include "core/sim/Simulator.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace firedrill::sim::models {

/// Where a data store stands.
enum class StorePhase { Serving, FailingOver, Restoring, Unavailable };

/// A circuit breaker of a caller on one hard dependency (docs/engine.md, "Retries and circuit breakers").
struct Breaker
{
    int dep = -1;                 ///< component index of the dependency
    bool open = false;
    std::int64_t openedAt = 0;    ///< half-open trials at openedAt + k x breaker_open
    std::int64_t closeAt = -1;    ///< scheduled successful trial, -1: none
    std::int64_t returnedAt = -1; ///< when the dependency last came back
};

/// Live state of one component (docs/engine.md, "State").
struct ComponentState
{
    const Component* c = nullptr;
    int down = 0;                 ///< active outage / partition / dependency-failure faults aimed at it
    std::vector<std::pair<double, std::int64_t>> degradations; ///< active (error rate, added latency ms)
    int instances = 0;            ///< provisioned instances (grows with autoscale)
    int crashed = 0;              ///< crashed instances not yet restarted
    int unprobed = 0;             ///< crashed instances the load balancer still sends requests to
    bool scaling = false;         ///< an autoscale step is under way
    bool leaderElected = false;   ///< one instance holds the lease and works (leader_election)
    int leaseLost = 0;            ///< the lease holder is lost and no follower holds the lease yet: serves nothing
    std::size_t leaderZone = 0;   ///< index into `zones` of the zone the lease holder runs in (zone-spread tiers)
    bool isMessagingCaller = false; ///< has bus / queue dependencies (outbox candidates)
    std::int64_t checkAt = -1;    ///< pending capacity check (autoscale threshold crossing)
    std::int64_t scaleInAt = -1;  ///< end of a scale-in cool-down under way, -1: none
    // Data stores
    bool store = false;
    int primary = -1;             ///< replica index of the primary; -1 without replicas
    std::optional<RegionId> movedTo; ///< restored (or account-failed-over) into this region
    StorePhase phase = StorePhase::Serving;
    bool readOnly = false;        ///< only reads are served (RA-GRS secondary, readable replica)
    std::uint64_t gen = 0;        ///< cancels scheduled failover / restore steps
    std::set<int> downReplicas;   ///< replicas hit by component faults
    int pendingTarget = -1;       ///< replica being promoted (-1: restore from backup or account failover)
    Duration pendingWindow;       ///< data window the pending step loses
    bool corrupted = false;
    std::int64_t corruptAt = 0;
    std::int64_t cutSince = -1;   ///< replication to other regions stopped at (link cut)
    double writeRate = 0;         ///< writes per second (write_rate, else its workloads' demand x write fraction)
    double writesLost = 0;
    Duration rpoWindow;
    bool unbounded = false;
    // Outbox (compute with `outbox`)
    double backlog = 0;
    double inflow = 0;            ///< messages/s entering the outbox now
    double outboxLost = 0;        ///< messages dropped because the outbox was full (capacity)
    bool quorumLost = false;      ///< quorum commit: no secondary acknowledges, writes stop
    std::vector<int> buses;       ///< its bus / queue dependencies (static wiring)
    std::vector<std::pair<int, int>> users; ///< (workload, branch) of the non-relocated branches through it
    bool draining = false;        ///< its broker is reachable again
    // Resilience and queueing
    std::vector<Breaker> breakers; ///< one per hard dependency when it has a circuit breaker
    std::vector<int> userRetries;  ///< parallel to `users`: retries the branch's caller makes on it
    std::vector<int> userCaller;   ///< parallel to `users`: that caller (-1: none)
    double load = 0;               ///< requests/s offered to it at the last event, retries included
};

/// One way into a workload: an endpoint of its router (or its entry), possibly a redeployed copy.
struct Branch
{
    int endpoint = -1;                  ///< component index of the endpoint (or entry)
    std::optional<RegionId> relocateTo; ///< redeployed copy: primary-region members run here instead
    std::vector<int> chain;             ///< members reached: hard deps, and soft deps on compute
    std::vector<std::pair<int, int>> soft; ///< (caller, soft non-compute dependency)
    std::vector<int> retries;           ///< parallel to chain: retries its caller on the branch makes (0: none)
    std::vector<std::int64_t> retryDelay; ///< parallel to chain: that caller's retry_delay (ms)
    std::vector<double> retryBackoff;    ///< parallel to chain: that caller's retry_backoff (1: constant delay)
    std::vector<int> caller;            ///< parallel to chain: that caller (-1: none)
};

/// DNS / routing state of one traffic manager or front door.
struct RouterState
{
    int comp = -1;
    std::vector<Branch> endpoints;      ///< as its probes see them (every component counts)
    std::vector<Duration> redeploy;     ///< per endpoint: redeploy time of a redeployed copy, else 0
    std::vector<bool> enabled;          ///< redeployed copies start disabled
    std::vector<bool> raw;              ///< healthy as its probes see it now
    std::vector<bool> marked;           ///< marked healthy by the router
    std::vector<std::int64_t> anchor;   ///< probe phase: instant of the last failure
    std::vector<std::uint64_t> gen;
    std::vector<double> from, to;       ///< client shares before / after the last answer change
    std::int64_t switchAt = 0;
    std::int64_t ttl = 0;
    bool redeployStarted = false;
};

/// A workload's static wiring.
struct WorkloadWiring
{
    const Workload* w = nullptr;
    std::set<int> members;
    int router = -1;              ///< index into routers, -1 when the entry is not a router
    std::vector<Branch> branches; ///< one per router endpoint (same order), or the entry's branch
    std::vector<int> stores;      ///< member stores
    double surge = 1.0;
    /// Without a router: branch 0 is the entry; branch 1, when present, is its copy in the strategy's
    /// secondary region, which takes the work (active = 1) once the entry's region is lost.
    int active = 0;
    std::int64_t takeoverDelay = 0; ///< ms from the region loss to the copy taking over (its startup_time)
    bool takeoverPending = false;
};

/// Per-branch traffic figures at one instant.
struct BranchFlow
{
    double share = 0;     ///< share of the workload's clients sent here
    double cap = 0;       ///< requests/s this branch can serve for the workload (infinity: unbounded)
    bool ok = false;      ///< every required part serves
    double good = 1;      ///< fraction of admitted requests that succeed (errors, read-only)
    bool degraded = false;
    double latencyMs = 0;
    std::string region;
};

/// Shared state of a replay: the topology's wiring, live component / router / workload state, the
/// narrated log, and queries every model uses. Models mutate it through their events.
class ReplayWorld
{
public:
    ReplayWorld(const Topology& topology, const ReplayOptions& options);

    const Topology& topology() const { return m_topology; }
    const ReplayOptions& options() const { return m_options; }
    int indexOf(const std::string& id) const;
    std::string label(int comp) const;
    void narrate(std::int64_t timeMs, std::string text) { m_log.push_back({timeMs, std::move(text)}); }
    std::vector<ReplayLogEntry>& log() { return m_log; }

    // Failure domains
    void addDomain(const FailureDomain& d, int delta);
    const LossSet& losses() const { return m_losses; }
    bool regionLost(const RegionId& r) const;

    // Queries
    bool placeAlive(const RegionId& region, std::optional<int> zone, const std::vector<int>& zones = {}) const;
    /// The region a component runs in, for a branch relocated to `relocateTo`.
    std::optional<RegionId> regionOf(int comp, const std::optional<RegionId>& relocateTo = {}) const;
    /// Running capacity in requests/s (infinity without capacity_rps) of a compute member.
    double capacity(int comp, const std::optional<RegionId>& relocateTo) const;
    bool computeAlive(int comp, const std::optional<RegionId>& relocateTo) const;
    bool primaryLost(int store) const;
    /// Quorum commit without a quorum: the primary's region has secondaries and none of them answers.
    bool quorumLost(int store) const;
    bool linkUp(const RegionId& a, const RegionId& b) const; ///< true too when no link joins them
    std::optional<RegionId> storeRegion(int store) const;
    Duration currentLag(int store, std::int64_t now) const; ///< largest async lag incl. a cut
    /// Traffic figures of branch `b` of workload `w` at `t` (shares from the router state).
    BranchFlow flow(const WorkloadWiring& w, const Branch& b, double share, bool probeView) const;
    /// Client share of endpoint `endpoint` at `t`; `leftLimit` gives the value just before `t`.
    double share(const RouterState& r, std::size_t endpoint, std::int64_t t, bool leftLimit = false) const;
    /// Share of workload `w`'s clients on branch `i` at `t` (1 for a workload without a router).
    double branchShare(const WorkloadWiring& w, std::size_t i, std::int64_t t, bool leftLimit = false) const;
    bool isCompute(int comp) const;
    bool isStore(int comp) const;
    /// Fraction of calls to `comp` that fail now (degradation error rates; 1 when it is down, not
    /// serving or unreachable).
    double errorRate(int comp) const;
    /// Calls made per request with `retries` retries when a fraction `e` of calls fails: 1 + e + ... + e^retries.
    static double attempts(double e, int retries);
    /// True when `caller`'s breaker on `dep` is open.
    bool breakerOpen(int caller, int dep) const;
    /// Requests/s offered to compute tier `comp` at `t` by every workload's clients, retries included.
    double load(int comp, std::int64_t t) const;
    double demand(const WorkloadWiring& w) const { return w.w->demandRps * w.surge; }

    std::vector<ComponentState> comps;
    std::vector<RouterState> routers;
    std::vector<WorkloadWiring> workloads;
    std::function<void(std::int64_t)> advance;     ///< integrate up to now with the old state
    std::function<void(Simulator&)> refresh;       ///< let the models react to a state change

private:
    Branch makeBranch(const std::set<int>* members, int endpoint, bool hardOnly = false) const;
    int secondaryCopy(const WorkloadWiring& w, int entry) const;
    bool partAlive(int comp, const std::optional<RegionId>& relocateTo) const;
    std::vector<double> m_demandOn; ///< demand of the workloads using each component
    std::vector<int> m_links;       ///< components joining regions or sites (between)

    const Topology& m_topology;
    ReplayOptions m_options;
    std::map<std::string, int> m_index;
    std::vector<std::pair<FailureDomain, int>> m_domains;
    LossSet m_losses;
    std::vector<ReplayLogEntry> m_log;
};

/// Base of the behaviour models: integrates the world up to the event, applies it, lets models react.
class Model : public EventHandler
{
public:
    explicit Model(ReplayWorld& world) : m_world(world) {}
    void handle(Simulator& sim, const Event& event) final
    {
        m_world.advance(sim.now());
        apply(sim, event);
        m_world.refresh(sim);
    }
    void setTarget(std::uint32_t target) { m_target = target; }
    std::uint32_t target() const { return m_target; }

protected:
    virtual void apply(Simulator& sim, const Event& event) = 0;
    ReplayWorld& m_world;
    std::uint32_t m_target = 0;
};

/// "00:01:40" (hours may exceed 24).
std::string clock(std::int64_t ms);
/// Packs a generation counter and an index into an event payload.
inline std::uint64_t pack(std::uint64_t gen, std::size_t index) { return (gen << 24) | index; }
inline std::size_t unpackIndex(std::uint64_t payload) { return static_cast<std::size_t>(payload & 0xFFFFFFu); }
inline std::uint64_t unpackGen(std::uint64_t payload) { return payload >> 24; }

} // namespace firedrill::sim::models
