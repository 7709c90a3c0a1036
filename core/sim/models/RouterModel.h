#pragma once

#include "ReplayWorld.h"

namespace firedrill::sim::models {

/// Traffic Manager and Front Door: health probes (computed, not ticked), priority / weighted /
/// performance answers, clients draining over the DNS TTL, and the redeploy of a primary-region
/// endpoint in the secondary region for the redeploy strategies.
class RouterModel : public Model
{
public:
    enum Kind : std::uint32_t { MarkDown, MarkUp, DrainEnd, RedeployDone, TakeOver };
    explicit RouterModel(ReplayWorld& world) : Model(world) {}
    /// Initial answers (every endpoint healthy) at time 0.
    void initialise();
    /// Reacts to health changes: schedules probe verdicts and redeploys.
    void react(Simulator& sim);
    /// Workloads without a router: when the entry's region is lost, its secondary-region copy takes
    /// the work after its startup_time.
    void takeovers(Simulator& sim);

protected:
    void apply(Simulator& sim, const Event& event) override;

private:
    std::vector<double> answers(const RouterState& r) const;
    void answer(Simulator& sim, std::size_t router);
    std::string routerName(const RouterState& r) const;
    std::string endpointName(const RouterState& r, std::size_t e) const;
};

} // namespace firedrill::sim::models
