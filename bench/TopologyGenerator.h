#pragma once

#include "core/model/Topology.h"

#include <cstddef>

namespace firedrill::bench {

/// Builds a valid synthetic topology: `regions` paired regions, `components` app services spread over them
/// in ten layers, each outside the last depending on `fanOut` components of the next layer (no cycles).
Topology generateTopology(std::size_t components, std::size_t fanOut, int regions = 4);

} // namespace firedrill::bench
