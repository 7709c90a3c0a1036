#pragma once

#include "ReplayFrame.h"
#include "ReplayResult.h"
#include "Simulator.h"

#include "core/model/Result.h"
#include "core/model/Topology.h"

#include <memory>

namespace firedrill::sim {

namespace models {
struct BranchFlow;
class ReplayWorld;
class FaultModel;
class StoreModel;
class RouterModel;
class CapacityModel;
class OutboxModel;
class ResilienceModel;
} // namespace models

/// Replays one scenario of a topology (docs/engine.md): the behaviour models run on one Simulator,
/// traffic is integrated exactly between events, and time series are sampled without sample events.
/// Drive it step by step (GUI) or to the end (CLI, tests).
class ScenarioPlayer
{
public:
    /// A player for `scenario` of `topology`; an error when the scenario does not exist, the topology does
    /// not validate, or its samples would pass kMaxSampleRows ("too-many-samples", naming an interval that fits).
    static Result<std::unique_ptr<ScenarioPlayer>> create(const Topology& topology, const ScenarioId& scenario,
                                                          const ReplayOptions& options);
    ScenarioPlayer(const Topology& topology, const Scenario& scenario, const ReplayOptions& options);
    ~ScenarioPlayer();
    ScenarioPlayer(const ScenarioPlayer&) = delete;
    ScenarioPlayer& operator=(const ScenarioPlayer&) = delete;

    /// Watches every event (not owned).
    void addObserver(SimObserver* observer) { m_sim.addObserver(observer); }
    /// Runs every event up to `timeMs` (clamped to the scenario's duration) and integrates up to it.
    void runUntil(std::int64_t timeMs);
    /// Handles the next event (and integrates up to it); false at the end of the scenario.
    bool stepToNextEvent();
    /// Runs to the end of the scenario.
    void runToEnd() { runUntil(m_duration); }
    std::int64_t now() const { return m_last; }
    std::int64_t duration() const { return m_duration; }
    /// At the end of the scenario, or stopped.
    bool finished() const { return m_last >= m_duration || m_stopped; }
    /// True when the replay reached ReplayOptions::maxEvents and stopped before the end (the log says so).
    bool stopped() const { return m_stopped; }
    /// Time of the next event still to handle, or -1 when none is left before the end.
    std::int64_t nextEventTime() const;
    /// What the canvas draws now: every card's phase, traffic on the arrows, DNS answers, replication lag.
    ReplayFrame frame() const;
    /// The narrated log so far.
    const std::vector<ReplayLogEntry>& log() const;
    /// Samples taken so far (index i is at i x the sample interval).
    std::size_t sampleCount() const;
    /// Each workload's series from sample `first` on (a slice, to hand new samples to a view).
    std::vector<WorkloadSeries> seriesSince(std::size_t first) const;
    /// The results so far (complete once finished()).
    ReplayResult snapshot() const;
    /// The results, moving the time series out (no copy); the player keeps no series afterwards.
    ReplayResult takeResult();

private:
    struct Tracker
    {
        std::optional<double> disruptedAt, candidate, recoveredAt;
        bool done = false;
    };
    struct Accum
    {
        double demanded = 0, served = 0, degraded = 0;
        Tracker rto;
        WorkloadSeries series;
    };

    void advance(std::int64_t t1);
    void refresh(Simulator& sim);
    void integrate(std::size_t w, std::int64_t t0, std::int64_t t1);
    void feed(Tracker& tr, double a, double b, double ra, double rb) const;
    ReplayResult result(bool withSeries) const;
    std::string differenceReason(std::size_t workload, const WorkloadReplay& out) const;
    void prepareSamples();
    void sample(std::int64_t t);
    void updateOutboxes(std::int64_t t0, std::int64_t t1);
    /// Stops the replay when it has taken its budget of events; true when stopped.
    bool overBudget();

    Topology m_topology;
    Scenario m_scenario;
    ReplayOptions m_options;
    std::int64_t m_duration = 0;
    Simulator m_sim;
    std::unique_ptr<models::ReplayWorld> m_world;
    std::unique_ptr<models::StoreModel> m_stores;
    std::unique_ptr<models::FaultModel> m_faults;
    std::unique_ptr<models::RouterModel> m_routers;
    std::unique_ptr<models::CapacityModel> m_capacity;
    std::unique_ptr<models::OutboxModel> m_outbox;
    std::unique_ptr<models::ResilienceModel> m_resilience;
    std::vector<Accum> m_acc;
    /// Per workload, what stays constant between two events (prepareSamples()).
    struct Prepared
    {
        std::vector<models::BranchFlow> flows;
        std::vector<int> column;                        ///< region column of each branch, -1: none
        std::vector<std::pair<double, bool>> lags;      ///< lag at the last event (s), growing (cut link)
        struct Outbox
        {
            double base, slope, capacity; ///< backlog at the last event, messages/s, capacity
        };
        std::vector<Outbox> outboxes;
        double lost = 0;
        double capacity = 0; ///< sum of the caps of the serving, in-service branches
    };
    std::vector<Prepared> m_prep;
    std::int64_t m_last = 0;
    std::int64_t m_nextSample = 0;
    bool m_stopped = false;
};

/// Sample rows a replay keeps: one row is one workload's figures at one sampled instant (64 bytes and 8
/// more per region it is served from), so the time series of a replay stay within about 1 GB. A 24-hour
/// scenario sampled every second on 110 workloads keeps 9.5 million.
inline constexpr std::uint64_t kMaxSampleRows = 10'000'000;

/// The shortest whole-second sample interval, at least `requested`, that keeps a replay of a scenario
/// lasting `duration` on `workloads` workloads within kMaxSampleRows.
Duration fittingSampleInterval(Duration duration, std::size_t workloads, Duration requested);

/// Replays scenario `scenario` of `topology` to its end. Errors: "unknown-scenario" when it does not exist,
/// "too-many-events" when the replay stopped at ReplayOptions::maxEvents.
Result<ReplayResult> replayScenario(const Topology& topology, const ScenarioId& scenario, const ReplayOptions& options,
                                    SimObserver* observer = nullptr);

} // namespace firedrill::sim
