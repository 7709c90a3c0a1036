#pragma once

#include "FailureModel.h"
#include "MonteCarloResult.h"

#include "core/sim/RandomStream.h"
#include "core/sim/Simulator.h"

#include <cstdint>
#include <vector>

namespace firedrill::montecarlo {

/// Simulates one year of random failures and repairs of a FailureModel on the event kernel and adds
/// its outcome to a result. Periodic behaviour (probes, TTLs) is not ticked: a failover costs the
/// recovery time core/analysis estimates for its disruption class, so a year costs only its failures.
class YearSimulator : public sim::EventHandler
{
public:
    explicit YearSimulator(const FailureModel& model);

    /// Runs year `year` of the study seeded `seed` and adds it to `into`. False, adding nothing, when the
    /// year would take more than `maxEvents` events (the work a year may cost is bounded).
    bool runYear(std::uint64_t seed, std::uint64_t year, MonteCarloResult& into,
                 std::uint64_t maxEvents = UINT64_MAX);

    void handle(sim::Simulator& sim, const sim::Event& event) override;

private:
    enum Kind : std::uint32_t { Fail = 0, Repair = 1 };

    struct WorkloadState
    {
        bool down = false;               ///< no path survives
        std::int64_t downSince = 0;
        std::uint32_t downCause = 0;
        std::int64_t recoveringUntil = 0; ///< failing over until then
        double recoveringShare = 0;
        std::uint32_t recoveringCause = 0;
        double downtime = 0;             ///< ms this year
        std::array<bool, 5> breached{};
        std::vector<double> attributed;  ///< per process
    };

    bool workloadUp(const WorkloadModel& w) const;
    void accumulate(std::int64_t until);
    void onFail(std::uint32_t p, std::int64_t now);
    void onRepair(std::uint32_t p, std::int64_t now);
    std::size_t classOf(std::uint32_t p, std::size_t w) const;

    const FailureModel& m_model;
    sim::Simulator m_sim;
    std::uint32_t m_target = 0;
    std::vector<sim::RandomStream> m_streams;
    std::vector<std::uint32_t> m_down; ///< per process: units down
    std::vector<std::int64_t> m_repairAt;
    std::vector<std::int64_t> m_processDown;
    std::vector<WorkloadState> m_workloads;
    mutable std::vector<bool> m_leafUp;
    std::int64_t m_last = 0;
    std::int64_t m_yearEnd = 0;
};

} // namespace firedrill::montecarlo
