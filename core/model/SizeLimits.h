#pragma once

#include "Diagnostic.h"
#include "Topology.h"

#include <vector>

namespace firedrill {

/// Upper bounds on the sizes a design may give. Each lies far above any real deployment, so every
/// realistic design passes; values beyond them are almost certainly typing mistakes and would make the
/// analysis, the replay or the Monte Carlo run out of time or memory, so validation refuses them up front.
struct SizeLimits
{
    /// Availability zones of one region. Clouds offer 2 to 6; 32 leaves room for private "zones" such as racks.
    static constexpr int kMaxZones = 32;
    /// Instances of one component (`instances`, `autoscale.min` and `autoscale.max`). The largest single
    /// tiers (a scale set, an auto-scaling group, a Kubernetes deployment) hold thousands.
    static constexpr int kMaxInstances = 100'000;
    /// Length of a scenario. A scenario replays an incident and its recovery, hours to weeks; a year
    /// leaves room for a long regional loss.
    static constexpr Duration kMaxScenarioDuration = Duration::days(366);
};

/// Appends an "over-limit" error to `out` for every value of `topology` above its SizeLimits bound; the
/// message gives the value, the limit and why there is one.
void checkSizeLimits(const Topology& topology, std::vector<Diagnostic>& out);

} // namespace firedrill
