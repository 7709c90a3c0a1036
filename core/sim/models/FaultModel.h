#pragma once

#include "ReplayWorld.h"

#include <map>

namespace firedrill::sim::models {

class StoreModel;

/// Starts and ends the scenario's faults: outages of components, zones, regions and sites, link cuts,
/// instance crashes (restart after startup_time / mttr), degradations, surges and corruption.
class FaultModel : public Model
{
public:
    enum Kind : std::uint32_t { Start, End, LbDetected, Restart, ReplicaRestart, LeaseTaken, LbDetectedDomain };
    FaultModel(ReplayWorld& world, const Scenario& scenario, StoreModel& stores);
    /// Schedules every fault's start and end.
    void schedule(Simulator& sim);

protected:
    void apply(Simulator& sim, const Event& event) override;

private:
    void toggle(Simulator& sim, const Fault& f, bool on);
    void crash(Simulator& sim, int comp);
    /// Takes fault domain `f.domain` of a compute tier down (`on`) or brings it back.
    void faultDomain(Simulator& sim, std::size_t index, const Fault& f, bool on);
    /// The probe of the regional load balancer or gateway in front of `comp` (else the default).
    Probe frontProbe(int comp) const;
    /// Leader-elected zone-spread tiers whose lease holder's zone was just lost wait for the lease.
    void loseLeaseHolders(Simulator& sim);
    std::string targetLabel(const Fault& f) const;

    const Scenario& m_scenario;
    StoreModel& m_stores;
    std::map<std::size_t, int> m_domainTaken; ///< fault index -> instances its fault domain took down
};

} // namespace firedrill::sim::models
