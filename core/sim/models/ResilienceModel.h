#pragma once

#include "ReplayWorld.h"

namespace firedrill::sim::models {

/// Circuit breakers (docs/engine.md, "Retries and circuit breakers"). A caller's breaker on a hard
/// dependency opens as soon as the dependency fails (threshold x (1 + retries) calls take well under
/// a second at the rates modelled); while open, the caller fails fast and sends the dependency
/// nothing. Half-open trials run every `breaker_open` from the opening; a trial that finds the
/// dependency failing (also one at the very instant it returns) re-opens it, the first one after it
/// returns closes it. Retries themselves are rates in ReplayWorld::flow / load.
class ResilienceModel : public Model
{
public:
    enum Kind : std::uint32_t { Close };
    explicit ResilienceModel(ReplayWorld& world) : Model(world) {}
    /// Opens breakers whose dependency fails; schedules the trial that closes one whose dependency is back.
    void react(Simulator& sim);

protected:
    void apply(Simulator& sim, const Event& event) override;
};

} // namespace firedrill::sim::models
