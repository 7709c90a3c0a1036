#pragma once

#include "core/analysis/ServiceExpression.h"
#include "core/model/Topology.h"
#include "core/sim/Distribution.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace firedrill::montecarlo {

/// What a failure process takes down.
enum class ProcessScope { Instance, Replica, Component, Zone, Region };

/// One thing that fails and gets repaired at random: an instance, a replica, a whole component (when
/// only its SLA is known), one zone of a region, or a region.
struct FailureProcess
{
    std::string label;           ///< "instance 2 of web-weu", "zone weu/1", "region weu"
    std::string owner;           ///< what its downtime is attributed to: "web-weu", "zone weu/1", "region weu"
    ProcessScope scope = ProcessScope::Component;
    sim::Distribution fail;
    sim::Distribution repair;
    std::uint32_t element = 0;   ///< component, region or zone-slot index
    std::uint64_t nameHash = 0;  ///< seeds its random stream
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

    /// Whether component `c` is up, given which processes are down.
    bool componentUp(std::uint32_t c, const std::vector<std::uint8_t>& processDown) const;

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
    bool regionUp(std::uint32_t r, const std::vector<std::uint8_t>& down) const;
    bool zoneUp(std::uint32_t slot, const std::vector<std::uint8_t>& down) const;

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
