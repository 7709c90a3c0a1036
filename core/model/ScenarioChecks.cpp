// Checks of scenarios: their faults, what those target, and their injects.
#include "ComponentKind.h"
#include "ValidationChecks.h"

namespace firedrill::validation {

namespace {

void checkFaultTarget(ValidationContext& ctx, const FaultTarget& t, const std::string& path)
{
    switch (t.scope) {
    case FaultTarget::Scope::Component:
        // Replicas can be failed on their own.
        if (!ctx.component(ComponentId{t.id}) && !ctx.isReplica(t.id))
            ctx.error(path, "unknown-reference", "fault target " + quoted(t.id) + " does not exist");
        break;
    case FaultTarget::Scope::Region:
        if (!ctx.region(RegionId{t.id}))
            ctx.error(path, "unknown-reference", "region " + quoted(t.id) + " does not exist");
        break;
    case FaultTarget::Scope::Zone:
        if (!ctx.region(RegionId{t.id}))
            ctx.error(path, "unknown-reference", "region " + quoted(t.id) + " does not exist");
        else
            checkZone(ctx, path, RegionId{t.id}, t.zone.value_or(0));
        break;
    case FaultTarget::Scope::Site:
        if (!ctx.site(SiteId{t.id}))
            ctx.error(path, "unknown-reference", "site " + quoted(t.id) + " does not exist");
        break;
    }
}

/// A fault-domain fault names a compute component and one of its `fault_domains` (0-based).
void checkFaultDomainFault(ValidationContext& ctx, const Fault& f, const std::string& fp)
{
    const Component* c =
        f.target.scope == FaultTarget::Scope::Component ? ctx.component(ComponentId{f.target.id}) : nullptr;
    if (f.target.scope != FaultTarget::Scope::Component ||
        (c && kindFamily(c->kind) != KindFamily::Compute)) {
        ctx.error(fp + ".target", "bad-value",
                  "a fault-domain fault targets a compute component (app-service, vm, "
                  "vm-scale-set)");
        return;
    }
    if (!f.domain) {
        ctx.error(fp + ".domain", "missing-parameter", "a fault-domain fault needs a domain (0, 1, ...)");
        return;
    }
    const int domains = c && c->faultDomains ? *c->faultDomains : 1;
    if (*f.domain < 0 || (c && *f.domain >= domains))
        ctx.error(fp + ".domain", "out-of-range",
                  "domain must be 0 to " + std::to_string(domains - 1) + " (" + quoted(f.target.id) +
                      " has " + std::to_string(domains) + " fault domain" + (domains == 1 ? "" : "s") + ")");
}

void checkInjects(ValidationContext& ctx, const Scenario& s, const std::string& path)
{
    for (std::size_t i = 0; i < s.injects.size(); ++i) {
        const auto& inject = s.injects[i];
        const auto ip = path + ".injects[" + std::to_string(i) + "]";
        ctx.nonNegative(ip + ".at", inject.at, "at");
        if (inject.at.ms >= 0 && s.duration.ms > 0 && inject.at >= s.duration)
            ctx.warning(ip + ".at", "inject-after-end",
                        "the inject is not before the end of the scenario, so the replay never stops there");
        if (inject.prompt.find_first_not_of(" \t\r\n") == std::string::npos)
            ctx.error(
                ip + ".prompt", "empty-prompt",
                "an inject needs a prompt: the question or news shown to the team when the replay stops");
    }
}

} // namespace

void checkScenario(ValidationContext& ctx, const Scenario& s)
{
    const auto path = itemOf("scenarios", s.id.str());
    ctx.positive(path + ".duration", s.duration, "duration");
    for (std::size_t i = 0; i < s.faults.size(); ++i) {
        const auto& f = s.faults[i];
        const auto fp = path + ".faults[" + std::to_string(i) + "]";
        ctx.nonNegative(fp + ".at", f.at, "at");
        ctx.nonNegative(fp + ".for", f.length, "for");
        ctx.nonNegative(fp + ".detected_after", f.detectedAfter, "detected_after");
        ctx.nonNegative(fp + ".latency", f.latency, "latency");
        ctx.fraction(fp + ".error_rate", f.errorRate, "error_rate");
        if (f.multiplier && !(*f.multiplier > 0.0))
            ctx.error(fp + ".multiplier", "out-of-range", "multiplier must be greater than zero");
        checkFaultTarget(ctx, f.target, fp + ".target");
        if (f.at.ms >= 0 && s.duration.ms > 0 && f.at >= s.duration)
            ctx.warning(fp + ".at", "fault-after-end", "the fault starts after the scenario ends");
        if (f.kind == FaultKind::Corruption && f.target.scope == FaultTarget::Scope::Component) {
            const Component* c = ctx.component(ComponentId{f.target.id});
            if (c && !holdsData(c->kind))
                ctx.warning(fp + ".kind", "corruption-target",
                            "corruption applies to components that hold data; " + quoted(f.target.id) +
                                " does not");
        }
        if (f.kind == FaultKind::Surge && !f.multiplier)
            ctx.error(fp + ".multiplier", "missing-parameter", "a surge needs a multiplier");
        if (f.kind == FaultKind::FaultDomain)
            checkFaultDomainFault(ctx, f, fp);
        else if (f.domain)
            ctx.warning(fp + ".domain", "ignored-property", "domain applies to fault-domain faults only");
    }
    checkInjects(ctx, s, path);
}

} // namespace firedrill::validation
