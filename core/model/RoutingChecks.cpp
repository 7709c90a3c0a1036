// Checks of routing: endpoints, health probes, DNS TTL, and routers that route back to themselves.
#include "ComponentKind.h"
#include "DependencyCycles.h"
#include "ValidationChecks.h"

#include <set>

namespace firedrill::validation {

void checkRouting(ValidationContext& ctx, const Component& c, const std::string& path)
{
    const bool routes = isGlobal(c.kind);
    if (routes && c.endpoints.empty())
        ctx.error(path + ".endpoints", "no-endpoints",
                  std::string(kindLabel(c.kind)) + " needs at least one endpoint");
    if (!routes && !c.endpoints.empty())
        ctx.warning(path + ".endpoints", "ignored-property",
                    "endpoints only apply to traffic managers and front doors");
    std::set<ComponentId> seen;
    for (const auto& e : c.endpoints) {
        if (!ctx.component(e.target))
            ctx.error(path + ".endpoints", "unknown-reference",
                      "endpoint " + quoted(e.target.str()) + " does not exist");
        if (!seen.insert(e.target).second)
            ctx.error(path + ".endpoints", "duplicate-endpoint",
                      "endpoint " + quoted(e.target.str()) + " is listed twice");
        if (e.weight && *e.weight < 1)
            ctx.error(path + ".endpoints", "out-of-range", "endpoint weights must be 1 or more");
        if (e.priority && *e.priority < 1)
            ctx.error(path + ".endpoints", "out-of-range", "endpoint priorities must be 1 or more");
    }
    if (c.probe) {
        const auto& p = *c.probe;
        ctx.positive(path + ".probe.interval", p.interval, "probe interval");
        ctx.positive(path + ".probe.timeout", p.timeout, "probe timeout");
        if (p.toleratedFailures < 0)
            ctx.error(path + ".probe.tolerated_failures", "out-of-range",
                      "tolerated_failures must be 0 or more");
        if (p.timeout.ms > 0 && p.interval.ms > 0 && p.timeout >= p.interval)
            ctx.warning(path + ".probe.timeout", "probe-timeout",
                        "probe timeout should be shorter than the probe interval");
    }
    ctx.nonNegative(path + ".dns_ttl", c.dnsTtl, "dns_ttl");
}

void checkRoutingLoops(ValidationContext& ctx)
{
    // Traffic sent to a router that sends it back never reaches a service: its capacity and availability
    // would be computed from itself.
    for (const DependencyCycle& loop : findRoutingLoops(ctx.topology())) {
        const Component* router = ctx.component(loop.closedBy);
        const std::string what = router ? std::string(kindLabel(router->kind)) + " " : std::string();
        const std::string path = itemOf("components", loop.closedBy.str()) + ".endpoints";
        const auto arrow = loop.members.find(" -> ");
        const std::string target = loop.members.substr(loop.members.rfind(" -> ") + 4);
        if (arrow == loop.members.rfind(" -> ") && target == loop.closedBy.str())
            ctx.error(
                path, "routing-loop",
                what + quoted(loop.closedBy.str()) +
                    " lists itself as an endpoint; its endpoints must be the services it sends traffic to, "
                    "so remove " +
                    quoted(target) + " from them");
        else
            ctx.error(path, "routing-loop",
                      "endpoints form a loop: " + loop.members +
                          " (traffic would go round and never reach a "
                          "service); remove " +
                          quoted(target) + " from the endpoints of " + what + quoted(loop.closedBy.str()));
    }
}

} // namespace firedrill::validation
