#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace firedrill::sim {

/// How a component (or one replica of a data store) stands at one instant of a replay, as the canvas
/// colours it (docs/engine.md, "Frames").
enum class ComponentPhase { Healthy, Degraded, Down, FailingOver, Promoted, Restoring };

/// One card's state.
struct ComponentFrame
{
    std::string id;        ///< component id, or replica id for a data store's replica
    ComponentPhase phase = ComponentPhase::Healthy;
    std::string detail;    ///< why, in a few words ("1 of 3 instances down", "failover to sql-neu")
};

/// Requests/s on one arrow of the canvas: a dependency (caller -> callee) or a router's endpoint.
struct FlowFrame
{
    std::string from, to;
    double offered = 0; ///< requests/s sent along it (before retries)
    double served = 0;  ///< of those, requests/s that succeed end to end
};

/// A traffic manager's DNS state.
struct RouterFrame
{
    std::string id;
    std::vector<std::string> answered; ///< endpoints it answers with now (healthy as its probes see them)
    std::vector<double> shares;        ///< per endpoint (topology order): share of clients sent there now
    std::vector<std::string> endpoints; ///< endpoint ids, parallel to `shares`
    double staleShare = 0;             ///< share of clients still following an answer it no longer gives
};

/// One replication line: from a data store to one of its secondaries.
struct ReplicationFrame
{
    std::string from, to;  ///< store id, replica id
    bool synchronous = false;
    double lagS = 0;       ///< how far the copy is behind, seconds (grows while the link is cut)
    double atRisk = 0;     ///< writes in that window: lost if the primary is lost now
    bool cut = false;      ///< replication stopped (link cut)
};

/// A workload's traffic at one instant.
struct WorkloadFrame
{
    std::string id;
    double demand = 0;       ///< requests/s
    double served = 0;       ///< requests/s
    double availability = 1; ///< served / demand (1 with no demand)
    bool degraded = false;   ///< some of it is served degraded
};

/// The state of a replay at one instant: what the canvas draws (GUI step, seek and play).
struct ReplayFrame
{
    std::int64_t timeMs = 0;
    std::vector<ComponentFrame> components;
    std::vector<FlowFrame> flows;
    std::vector<RouterFrame> routers;
    std::vector<ReplicationFrame> replications;
    std::vector<WorkloadFrame> workloads;
};

} // namespace firedrill::sim
