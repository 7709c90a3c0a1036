#pragma once

#include "core/model/Topology.h"

namespace firedrill::bench {

/// The replay benchmark's topology: 1,000 components in 10 regions, 110 workloads, and the 24-hour
/// scenario "day" of 13 faults (described in bench_replay.cpp). Deterministic.
Topology replayTopology();

} // namespace firedrill::bench
