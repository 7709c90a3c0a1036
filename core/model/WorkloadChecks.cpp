// Checks of workloads, their strategies, and the recovery policies set for them.
#include "EnumNames.h"
#include "ValidationChecks.h"

#include <map>

namespace firedrill::validation {

void checkWorkload(ValidationContext& ctx, const Workload& w)
{
    const auto path = itemOf("workloads", w.id.str());
    if (w.entry.empty())
        ctx.error(path + ".entry", "missing-entry",
                  "workload " + quoted(w.id.str()) + " has no entry component");
    else if (!ctx.component(w.entry))
        ctx.error(path + ".entry", "unknown-reference",
                  "entry component " + quoted(w.entry.str()) + " does not exist");
    for (const auto& c : w.components)
        if (!ctx.component(c))
            ctx.error(path + ".components", "unknown-reference",
                      "component " + quoted(c.str()) + " does not exist");
    ctx.nonNegative(path + ".demand_rps", std::optional<double>(w.demandRps), "demand_rps");
    ctx.fraction(path + ".write_fraction", std::optional<double>(w.writeFraction), "write_fraction");
    if (w.strategy) {
        const auto& s = *w.strategy;
        const auto sp = path + ".strategy";
        if (s.scaleFactor) {
            if (!(*s.scaleFactor > 0.0 && *s.scaleFactor <= 1.0))
                ctx.error(sp + ".scale_factor", "out-of-range", "scale_factor must be above 0 and at most 1");
            if (s.kind != StrategyKind::ActivePassiveFull)
                ctx.warning(sp + ".scale_factor", "ignored-property",
                            "scale_factor applies to active-passive-full only");
        }
        for (const auto* r : {&s.primary, &s.secondary})
            if (*r && !ctx.region(**r))
                ctx.error(sp + (r == &s.primary ? ".primary" : ".secondary"), "unknown-reference",
                          "region " + quoted((*r)->str()) + " does not exist");
        if (s.primary && s.secondary && *s.primary == *s.secondary)
            ctx.error(sp + ".secondary", "same-region", "primary and secondary regions must differ");
        ctx.nonNegative(sp + ".redeploy_time", s.redeployTime, "redeploy_time");
        if (s.kind != StrategyKind::SingleRegion && ctx.topology().regions.size() < 2)
            ctx.warning(sp, "single-region",
                        std::string(toName(s.kind)) + " needs a second region, but the topology has " +
                            std::to_string(ctx.topology().regions.size()));
    }
}

void checkPolicies(ValidationContext& ctx)
{
    std::map<std::pair<std::string, DisruptionClass>, std::size_t> seen;
    for (std::size_t i = 0; i < ctx.topology().policies.size(); ++i) {
        const auto& p = ctx.topology().policies[i];
        const auto path = "policies[" + std::to_string(i) + "]";
        if (!ctx.workload(p.workload))
            ctx.error(path + ".workload", "unknown-reference",
                      "workload " + quoted(p.workload.str()) + " does not exist");
        ctx.nonNegative(path + ".rto", p.rto, "rto");
        ctx.nonNegative(path + ".rpo", p.rpo, "rpo");
        if (!p.rto && !p.rpo)
            ctx.warning(path, "empty-policy", "a policy without rto or rpo sets no target");
        auto [it, inserted] = seen.emplace(std::make_pair(p.workload.str(), p.disruption), i);
        if (!inserted)
            ctx.error(path, "duplicate-policy",
                      "workload " + quoted(p.workload.str()) + " already has a " +
                          std::string(toName(p.disruption)) + " policy (policies[" +
                          std::to_string(it->second) + "])");
    }
}

} // namespace firedrill::validation
