#pragma once

#include "Diagnostic.h"
#include "Topology.h"

#include <vector>

namespace firedrill {

/// Checks a topology's meaning (references, ranges, cycles) and reports every problem at once.
/// Diagnostics carry item paths; the io layer turns them into file:line:column.
std::vector<Diagnostic> validate(const Topology& topology);

} // namespace firedrill
