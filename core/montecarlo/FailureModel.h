#pragma once

#include "core/analysis/ServiceExpression.h"
#include "core/model/Topology.h"
#include "core/sim/Distribution.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace firedrill::montecarlo {

/// What a failure process takes down.
enum class ProcessScope { Instance, Replica, Component, Zone, Region };

/// One thing that fails and gets repaired at random: an instance, a replica, a whole component (when
/// only its SLA is known), one zone of a region, or a region. The `count` identical instances of one
/// component are one process that counts how many of them are down (no state per instance): its
/// failure clock ticks `count` times as often as one instance's, and a tick that falls on an instance
/// already down is ignored (thinning; exact for exponential failures).
struct FailureProcess
{
    std::string label;           ///< "web-weu", "instances of web-weu", "zone weu/1", "region weu"
    std::string owner;           ///< what its downtime is attributed to: "web-weu", "zone weu/1", "region weu"
    ProcessScope scope = ProcessScope::Component;
    sim::Distribution fail;      ///< of one unit; for a group of instances, of its clock (mean MTBF / count)
    sim::Distribution repair;
    std::uint32_t element = 0;   ///< component, region or zone-slot index
    std::uint64_t nameHash = 0;  ///< seeds its random stream
    std::uint32_t count = 1;     ///< identical instances it stands for (more than 1: a group)
};

/// One workload as the Monte Carlo model sees it.
struct WorkloadModel
{
    WorkloadId id;
    ServiceExpression structure;          ///< over component indices
    std::vector<std::uint32_t> leaves;    ///< the component indices it uses
    /// Per process: share of the workload's traffic lost while failing over from it (0: untouched).
    std::vector<double> lostShare;
    /// Per process: how long failing over from it takes; nullopt: only its repair restores service.
    std::vector<std::optional<std::int64_t>> failoverMs;
    /// Per process: the policy RTO (ms) a failover from it must meet, if any.
    std::vector<std::optional<std::int64_t>> rtoTargetMs;
};

/// A topology compiled for fast simulation of random failures: processes, placements and workloads.
/// Built once, then shared read-only by every thread.
class FailureModel
{
public:
    /// Compiles `topology`. Failure rates: MTBF/MTTR per instance or replica when given (exponential,
    /// preferred to the SLA), else the SLA read as availability with an assumed MTTR of 1 h (the MTTR
    /// when given), regions' and zones' outage rates. Components without any figure never fail.
    /// Failovers take the RTO core/analysis estimates for their class; a whole component lost behind a
    /// traffic manager takes the probe detection plus half the DNS TTL (the mean drain).
    explicit FailureModel(const Topology& topology);

    const std::vector<FailureProcess>& processes() const { return m_processes; }
    const std::vector<WorkloadModel>& workloads() const { return m_workloads; }
    std::size_t componentCount() const { return m_components.size(); }
    /// Notes about assumptions made while compiling.
    const std::vector<std::string>& notes() const { return m_notes; }

    /// Whether component `c` is up, given how many units of each process are down (0 or 1, up to the
    /// process's count for a group of instances).
    bool componentUp(std::uint32_t c, const std::vector<std::uint32_t>& processDown) const;

    /// Events one simulated year takes on average: each failure and each repair (and, for a group of
    /// instances, each tick of its clock). The Monte Carlo refuses a model far beyond its budget.
    double expectedEventsPerYear() const;
    /// The process that makes the most events a year, and how many; for messages.
    std::pair<std::size_t, double> busiestProcess() const;

private:
    struct Placement
    {
        std::optional<std::uint32_t> region;
        std::vector<std::uint32_t> zoneSlots;   ///< zones it runs in (any one up suffices)
        std::vector<std::uint32_t> units;       ///< its instance/replica/component processes
        int needed = 1;                         ///< units that must be up
        struct Replica
        {
            std::uint32_t region;
            std::optional<std::uint32_t> zoneSlot;
            std::optional<std::uint32_t> unit;
            bool usable;                        ///< failover may bring it into service
        };
        std::vector<Replica> replicas;
        std::vector<std::uint32_t> linkRegions; ///< regions a link joins
    };

    void addProcesses(const Topology& topology);
    void compileWorkloads(const Topology& topology);
    bool regionUp(std::uint32_t r, const std::vector<std::uint32_t>& down) const;
    bool zoneUp(std::uint32_t slot, const std::vector<std::uint32_t>& down) const;
    double eventsPerYear(const FailureProcess& p) const;

    std::vector<const Component*> m_components;
    std::vector<Placement> m_placements;
    std::vector<FailureProcess> m_processes;
    std::vector<std::optional<std::uint32_t>> m_regionProcess; ///< per region
    std::vector<std::optional<std::uint32_t>> m_zoneProcess;   ///< per zone slot
    std::vector<std::uint32_t> m_zoneRegion;                   ///< per zone slot
    std::vector<WorkloadModel> m_workloads;
    std::vector<std::string> m_notes;
};

} // namespace firedrill::montecarlo
