#include "Validator.h"

#include "SizeLimits.h"
#include "ValidationChecks.h"

namespace firedrill {

std::vector<Diagnostic> validate(const Topology& topology)
{
    using namespace validation;
    ValidationContext ctx(topology);
    checkHeader(ctx);
    checkIds(ctx);
    for (const auto& r : topology.regions)
        checkRegion(ctx, r);
    for (const auto& c : topology.components) {
        const auto path = itemOf("components", c.id.str());
        checkPlacement(ctx, c, path);
        checkCapacity(ctx, c, path);
        checkRouting(ctx, c, path);
        checkData(ctx, c, path);
        checkDependencies(ctx, c, path);
        ctx.nonNegative(path + ".latency", c.latency, "latency");
    }
    checkDependencyCycles(ctx);
    checkRoutingLoops(ctx);
    for (const auto& w : topology.workloads)
        checkWorkload(ctx, w);
    checkPolicies(ctx);
    for (const auto& s : topology.scenarios)
        checkScenario(ctx, s);
    checkSizeLimits(topology, ctx.diagnostics());
    return std::move(ctx.diagnostics());
}

} // namespace firedrill
