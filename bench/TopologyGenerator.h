#pragma once

#include "core/model/Topology.h"

#include <cstddef>

namespace firedrill::bench {

/// Builds a valid synthetic topology: `regions` paired regions, `components` app services spread over them
/// in ten layers, each outside the last depending on `fanOut` components of the next layer (no cycles).
Topology generateTopology(std::size_t components, std::size_t fanOut, int regions = 4);

/// The same shape with `dependencies` dependencies in all: they are spread as evenly as the nine layers
/// outside the last allow (each component there depends on the floor or the ceiling of the average),
/// for example 100,000 components and 500,000 dependencies. Fewer when the layers cannot hold them.
Topology generateTopologyWithDependencies(std::size_t components, std::size_t dependencies, int regions = 4);

/// Shapes that once made validation or analysis quadratic, each of about `n` items:
enum class Shape {
    Regions,             ///< n regions, each paired with the next, and one component
    RegionsUnknownPair,  ///< n regions, each paired with a region that does not exist
    Chain,               ///< a hard-dependency chain of n one-instance components, one workload from its head
    ListedMembers,       ///< n independent one-instance components, one workload listing them all
    Routers,             ///< a chain of n traffic managers, each routing to the next and to a service
};

/// A topology of the given shape (see Shape). Valid except for RegionsUnknownPair.
Topology generateShape(Shape shape, std::size_t n);

} // namespace firedrill::bench
