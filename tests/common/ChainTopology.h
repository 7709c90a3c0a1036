#pragma once
// Topologies generated in the tests, as YAML text: shapes too large to keep in tests/data.

#include <string>

namespace firedrill::test {

/// The `components:` entries of a hard-dependency chain c0 -> c1 -> ... -> c(n-1), each an app service in
/// region weu with two instances, 100 rps of capacity, the given SLA and a cost of 1.
inline std::string dependencyChainComponents(int n, const std::string& sla)
{
    std::string text;
    for (int i = 0; i < n; ++i) {
        text += "  - {id: c" + std::to_string(i) + ", kind: app-service, region: weu, instances: 2, capacity_rps: 100, sla: " +
                sla + ", cost: 1";
        if (i + 1 < n)
            text += ", depends_on: [c" + std::to_string(i + 1) + "]";
        text += "}\n";
    }
    return text;
}

} // namespace firedrill::test
