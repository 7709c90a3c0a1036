#include "ResilienceModel.h"

#include "core/io/Units.h"

#include <cmath>

namespace firedrill::sim::models {

void ResilienceModel::react(Simulator& sim)
{
    const std::int64_t now = sim.now();
    for (std::size_t i = 0; i < m_world.comps.size(); ++i) {
        auto& s = m_world.comps[i];
        if (s.breakers.empty())
            continue;
        const bool running = m_world.errorRate(static_cast<int>(i)) < 1.0; // a caller that is down calls nothing
        for (std::size_t k = 0; k < s.breakers.size(); ++k) {
            auto& b = s.breakers[k];
            const auto& res = *s.c->resilience;
            // It trips at breaker_error_rate (else only when every call fails); a trial finds the
            // dependency failing while its error rate is still at or above that share.
            const double depError = m_world.errorRate(b.dep);
            const bool failing = depError >= res.breakerErrorRate.value_or(1.0) - 1e-12;
            const std::int64_t period = res.breakerOpen->ms;
            if (failing && !b.open && running) {
                b.open = true;
                b.openedAt = now;
                b.closeAt = -1;
                const std::string cause = depError >= 1.0 - 1e-12
                                              ? "after " + std::to_string(*res.breakerThreshold) + " failed calls"
                                              : "at " + std::to_string(std::lround(depError * 100)) + "% failed calls";
                m_world.narrate(now, "The circuit breaker of " + s.c->id.str() + " on " + m_world.comps[static_cast<std::size_t>(b.dep)].c->id.str() +
                                         " opens " + cause + ": calls fail fast, a trial every " + formatDurationReadable(*res.breakerOpen));
            } else if (failing && b.open) {
                b.closeAt = -1; // failed again before the trial: the trial will re-open it
            } else if (!failing && b.open && b.closeAt < 0) {
                // The first trial strictly after now (one at this instant saw the dependency still failing).
                const std::int64_t next = period <= 0 ? now : b.openedAt + ((now - b.openedAt) / period + 1) * period;
                b.closeAt = next;
                b.returnedAt = now;
                sim.schedule(next, m_target, Close, pack(k, i));
            }
        }
    }
}

void ResilienceModel::apply(Simulator& sim, const Event& e)
{
    auto& s = m_world.comps[unpackIndex(e.payload)];
    const auto k = static_cast<std::size_t>(unpackGen(e.payload));
    if (k >= s.breakers.size())
        return;
    auto& b = s.breakers[k];
    if (!b.open || b.closeAt != sim.now())
        return;
    b.open = false;
    b.closeAt = -1;
    m_world.narrate(sim.now(), "A trial call of " + s.c->id.str() + " to " + m_world.comps[static_cast<std::size_t>(b.dep)].c->id.str() +
                                   " succeeds " + formatDurationReadable(Duration{sim.now() - b.returnedAt}) +
                                   " after it returned: its circuit breaker closes");
}

} // namespace firedrill::sim::models
