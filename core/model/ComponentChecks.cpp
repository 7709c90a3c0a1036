// Checks of a component's capacity and reliability figures, its dependencies, and cycles among them.
#include "ComponentKind.h"
#include "DependencyCycles.h"
#include "ValidationChecks.h"

#include <set>

namespace firedrill::validation {

void checkCapacity(ValidationContext& ctx, const Component& c, const std::string& path)
{
    if (c.instances && *c.instances < 0)
        ctx.error(path + ".instances", "out-of-range", "instances must be 0 or more");
    if (c.instances && *c.instances == 0 && c.kind != ComponentKind::VmScaleSet)
        ctx.warning(path + ".instances", "no-instances",
                    "0 instances: this component serves nothing until scaled out");
    ctx.nonNegative(path + ".capacity_rps", c.capacityRps, "capacity_rps");
    if (c.autoscale) {
        const auto& a = *c.autoscale;
        if (a.min < 0 || a.max < 1 || a.min > a.max)
            ctx.error(path + ".autoscale", "out-of-range",
                      "autoscale needs 0 <= min <= max and max >= 1 (got min " + std::to_string(a.min) +
                          ", max " + std::to_string(a.max) + ")");
        else if (c.instances && (*c.instances < a.min || *c.instances > a.max))
            ctx.warning(path + ".instances", "outside-autoscale",
                        "instances (" + std::to_string(*c.instances) + ") lie outside autoscale min..max");
        ctx.nonNegative(path + ".autoscale.scale_out_time", a.scaleOutTime, "scale_out_time");
    }
    if (c.leaderElection) {
        if (kindFamily(c.kind) != KindFamily::Compute)
            ctx.error(path + ".leader_election", "bad-value",
                      "leader election applies to compute (app-service, vm, vm-scale-set) only");
        ctx.positive(path + ".leader_election.lease", std::optional<Duration>(c.leaderElection->lease),
                     "lease");
    }
    if (c.sla && !(c.sla->value > 0.0 && c.sla->value <= 100.0))
        ctx.error(path + ".sla", "out-of-range", "sla must be above 0% and at most 100%");
    ctx.positive(path + ".mtbf", c.mtbf, "mtbf");
    ctx.nonNegative(path + ".mttr", c.mttr, "mttr");
    ctx.nonNegative(path + ".startup_time", c.startupTime, "startup_time");
    ctx.nonNegative(path + ".cost", c.cost, "cost");
    for (const auto* d : {&c.faultDomains, &c.updateDomains})
        if (*d && **d < 1)
            ctx.error(path + (d == &c.faultDomains ? ".fault_domains" : ".update_domains"), "out-of-range",
                      "domain counts must be 1 or more");
}

void checkDependencies(ValidationContext& ctx, const Component& c, const std::string& path)
{
    std::set<ComponentId> seen;
    for (const auto& d : c.dependsOn) {
        const auto dp = path + (d.kind == DependencyKind::Hard ? ".depends_on" : ".soft_depends_on");
        if (d.target == c.id)
            ctx.error(dp, "self-reference", "component " + quoted(c.id.str()) + " depends on itself");
        else if (!ctx.component(d.target))
            ctx.error(dp, "unknown-reference", "dependency " + quoted(d.target.str()) + " does not exist");
        if (!seen.insert(d.target).second)
            ctx.error(dp, "duplicate-dependency",
                      "dependency " + quoted(d.target.str()) + " is listed twice");
    }
    if (c.resilience) {
        const auto& r = *c.resilience;
        if (r.retries && *r.retries < 0)
            ctx.error(path + ".resilience.retries", "out-of-range", "retries must be 0 or more");
        ctx.nonNegative(path + ".resilience.retry_delay", r.retryDelay, "retry_delay");
        if (r.retryBackoff && !(*r.retryBackoff >= 1.0))
            ctx.error(path + ".resilience.retry_backoff", "out-of-range",
                      "retry_backoff must be 1 or more (each wait is that many times the previous one)");
        if (r.breakerThreshold && *r.breakerThreshold < 1)
            ctx.error(path + ".resilience.breaker_threshold", "out-of-range",
                      "breaker_threshold must be 1 or more");
        ctx.nonNegative(path + ".resilience.breaker_open", r.breakerOpen, "breaker_open");
        if (r.breakerErrorRate && !(*r.breakerErrorRate > 0.0 && *r.breakerErrorRate <= 1.0))
            ctx.error(path + ".resilience.breaker_error_rate", "out-of-range",
                      "breaker_error_rate must be above 0 and at most 1 (a share of calls)");
        else if (r.breakerErrorRate && !(r.breakerThreshold && r.breakerOpen))
            ctx.warning(path + ".resilience.breaker_error_rate", "ignored-property",
                        "breaker_error_rate needs a circuit breaker (breaker_threshold and breaker_open)");
    }
}

void checkDependencyCycles(ValidationContext& ctx)
{
    // Hard dependencies must form a DAG; each cycle is reported once with its members.
    for (const DependencyCycle& cycle : findHardDependencyCycles(ctx.topology()))
        ctx.error(itemOf("components", cycle.closedBy.str()) + ".depends_on", "dependency-cycle",
                  "hard dependencies form a cycle: " + cycle.members);
}

} // namespace firedrill::validation
