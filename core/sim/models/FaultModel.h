#pragma once

#include "ReplayWorld.h"

namespace firedrill::sim::models {

class StoreModel;

/// Starts and ends the scenario's faults: outages of components, zones, regions and sites, link cuts,
/// instance crashes (restart after startup_time / mttr), degradations, surges and corruption.
class FaultModel : public Model
{
public:
    enum Kind : std::uint32_t { Start, End, LbDetected, Restart, ReplicaRestart, LeaseTaken };
    FaultModel(ReplayWorld& world, const Scenario& scenario, StoreModel& stores);
    /// Schedules every fault's start and end.
    void schedule(Simulator& sim);

protected:
    void apply(Simulator& sim, const Event& event) override;

private:
    void toggle(Simulator& sim, const Fault& f, bool on);
    void crash(Simulator& sim, int comp);
    /// Leader-elected zone-spread tiers whose lease holder's zone was just lost wait for the lease.
    void loseLeaseHolders(Simulator& sim);
    std::string targetLabel(const Fault& f) const;

    const Scenario& m_scenario;
    StoreModel& m_stores;
};

} // namespace firedrill::sim::models
