#pragma once

#include "ServiceExpression.h"

#include "core/model/Topology.h"

#include <string>
#include <vector>

namespace firedrill {

/// A workload's structure function: when it is up, in terms of its components.
struct WorkloadStructure
{
    ServiceExpression expression;           ///< leaf i stands for leaves[i]
    std::vector<const Component*> leaves;   ///< the components in the expression, first use first
    bool complete = true;                   ///< false when the graph was too large to expand fully
    std::vector<std::string> notes;         ///< cycles cut, truncation
};

/// Builds the structure function of a workload: the entry and, recursively, all its hard dependencies
/// (series) and, for traffic managers and front doors, any one endpoint (parallel). Soft dependencies
/// only degrade a workload and are left out. Pointers refer into `topology`, which must outlive it.
WorkloadStructure workloadStructure(const Topology& topology, const Workload& workload);

} // namespace firedrill
