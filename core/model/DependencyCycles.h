#pragma once

#include "Topology.h"

#include <string>
#include <vector>

namespace firedrill {

/// A cycle of hard dependencies (or of endpoints), found where the edge closing it was met.
struct DependencyCycle
{
    ComponentId closedBy; ///< the component whose hard dependency (or endpoint) closes the cycle
    std::string members;  ///< "a -> b -> c -> a"; a cycle of more than kCycleTextMembers components is
                          ///< shortened in the middle: "a -> b -> ... (1,000 more) ... -> y -> z -> a"
};

/// The most components the text of one cycle names; longer cycles are shortened in the middle, so
/// reporting many long cycles stays linear in their number.
inline constexpr std::size_t kCycleTextMembers = 12;

/// Every cycle of hard dependencies between components (a component depending on itself aside), each
/// reported once, in a depth-first walk from the components in file order. Iterative, so very long
/// dependency chains cannot exhaust the stack; linear in components and dependencies.
std::vector<DependencyCycle> findHardDependencyCycles(const Topology& topology);

/// Every loop of endpoints: a component listed among its own endpoints ("tm -> tm"), or routers that
/// list each other ("tm1 -> tm2 -> tm1"). Walked like findHardDependencyCycles; linear too.
std::vector<DependencyCycle> findRoutingLoops(const Topology& topology);

} // namespace firedrill
