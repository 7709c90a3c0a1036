#pragma once

#include "Topology.h"

#include <string>
#include <vector>

namespace firedrill {

/// A cycle of hard dependencies, found where the dependency closing it was met.
struct DependencyCycle
{
    ComponentId closedBy; ///< the component whose hard dependency closes the cycle
    std::string members;  ///< "a -> b -> c -> a"
};

/// Every cycle of hard dependencies between components (a component depending on itself aside), each
/// reported once, in a depth-first walk from the components in file order. Iterative, so very long
/// dependency chains cannot exhaust the stack; linear in components and dependencies.
std::vector<DependencyCycle> findHardDependencyCycles(const Topology& topology);

} // namespace firedrill
