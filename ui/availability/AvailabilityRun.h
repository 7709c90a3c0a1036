#pragma once

#include "core/model/Topology.h"
#include "core/montecarlo/MonteCarloResult.h"

#include <QString>
#include <cstdint>

namespace firedrill::ui {

/// One finished (or cancelled) Monte Carlo study of a design: the topology it ran on, what was asked
/// and what came back. Plain values, so a run can be kept as a baseline while the design changes.
struct AvailabilityRun
{
    Topology topology;                  ///< the design as it was when the run started
    montecarlo::MonteCarloResult result;
    std::uint64_t years = 0;            ///< years asked for
    std::uint64_t seed = 0;
    bool cancelled = false;             ///< stopped before all years were simulated: not a result
    QString error;                      ///< non-empty when the engine refused the input
    std::uint64_t documentRevision = 0; ///< the view's count of document changes when the run started
};

} // namespace firedrill::ui
