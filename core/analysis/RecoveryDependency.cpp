// Dependency disruption: a service outside the workload's main path (storage, cache, bus, queue) fails.
#include "RecoveryRules.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>

namespace firedrill::recovery {

namespace {
bool isDependencyKind(const Component& c)
{
    return c.kind == ComponentKind::StorageAccount || c.kind == ComponentKind::Cache ||
           c.kind == ComponentKind::ServiceBus || c.kind == ComponentKind::Queue;
}

bool isCaller(const Context& ctx, const Component& c)
{
    const auto home = homeRegion(c);
    if (!home || !ctx.roles.primary || *home == *ctx.roles.primary)
        return true;
    return ctx.strategy == StrategyKind::ActiveActive && home == ctx.roles.secondary;
}

struct Outcome
{
    const Component* dependency = nullptr;
    Path path;
    Loss loss;
};

void outboxNotes(const Context& ctx, const Component& dep, const Component& caller, Outcome& o)
{
    const Outbox& box = *caller.outbox;
    const double rate = dep.writeRate.value_or(ctx.workload.demandRps * ctx.workload.writeFraction);
    std::string detail = caller.id.str() + "'s outbox buffers the messages for " + dep.id.str();
    if (box.capacity && rate > 0.0) {
        const double ms = std::floor(static_cast<double>(*box.capacity) / rate * 1000.0);
        const Duration lasts{static_cast<std::int64_t>(std::min(ms, 1e15))};
        detail += ": " + std::to_string(*box.capacity) + " messages at " + formatRate(rate) + " last " + readable(lasts);
        if (dep.mttr && *dep.mttr > lasts)
            addNote(o.path.notes, "the outbox of " + caller.id.str() + " fills up before " + dep.id.str() +
                                      " is back (mttr " + quoted(*dep.mttr) + "): later messages are rejected");
    }
    o.loss.term = DurationTerm{"outbox", Duration{}, detail + "; nothing is lost while it has room"};
}

Outcome dependencyOutcome(const Context& ctx, const Component& dep, const std::vector<const Component*>& callers)
{
    Outcome o;
    o.dependency = &dep;
    o.path.name = "dependency " + dep.id.str();
    const bool messaging = kindFamily(dep.kind) == KindFamily::Messaging;
    std::vector<const Component*> hard;
    std::string callerIds;
    for (const Component* c : callers) {
        callerIds += (callerIds.empty() ? "" : ", ") + c->id.str();
        for (const auto& d : c->dependsOn)
            if (d.target == dep.id && d.kind == DependencyKind::Hard && !(messaging && c->outbox))
                hard.push_back(c);
        if (messaging && c->outbox)
            outboxNotes(ctx, dep, *c, o);
    }
    if (hard.empty()) {
        addNote(o.path.notes, dep.id.str() + " failing leaves " + callerIds +
                                  " running degraded (soft dependency or buffered writes): RTO 0");
        return o;
    }
    const bool failsOver = dep.failover && dep.failover->mode == FailoverMode::Automatic &&
                           (!dep.replicas.empty() || isZoneRedundant(dep));
    if (failsOver) {
        const auto notes = o.path.notes;
        o.path = failoverPath(ctx, dep, nullptr, false);
        o.path.name = "dependency " + dep.id.str();
        for (const auto& n : notes)
            addNote(o.path.notes, n);
    } else if (dep.mttr) {
        o.path.terms.push_back({"dependency recovery", *dep.mttr,
                                hard.front()->id.str() + " cannot serve until " + dep.id.str() +
                                    " recovers: mttr " + quoted(*dep.mttr)});
    } else {
        o.path.unbounded = true;
        addNote(o.path.notes, dep.id.str() + " is a hard dependency of " + hard.front()->id.str() +
                                  " with no mttr and no failover: the time until it recovers is unknown "
                                  "(give it an mttr to estimate it)");
    }
    const Component* breaker = nullptr;
    for (const Component* c : hard)
        if (c->resilience && c->resilience->breakerThreshold && c->resilience->breakerOpen &&
            (!breaker || *c->resilience->breakerOpen > *breaker->resilience->breakerOpen))
            breaker = c;
    if (breaker)
        o.path.terms.push_back({"circuit breaker", *breaker->resilience->breakerOpen,
                                breaker->id.str() + "'s circuit breaker stays open up to breaker_open " +
                                    quoted(*breaker->resilience->breakerOpen) + " after " + dep.id.str() +
                                    " is back"});
    return o;
}
} // namespace

RecoveryEstimate estimateDependency(const Context& ctx)
{
    RecoveryEstimate e;
    e.disruption = DisruptionClass::Dependency;
    std::vector<Outcome> outcomes;
    for (const Component* dep : ctx.members) {
        if (!isDependencyKind(*dep))
            continue;
        std::vector<const Component*> callers;
        for (const Component* c : ctx.members) {
            const bool calls = std::any_of(c->dependsOn.begin(), c->dependsOn.end(),
                                           [&](const Dependency& d) { return d.target == dep->id; });
            if (c != dep && calls && isCaller(ctx, *c))
                callers.push_back(c);
        }
        if (!callers.empty())
            outcomes.push_back(dependencyOutcome(ctx, *dep, callers));
    }
    if (outcomes.empty()) {
        e.situation = "failure of a dependency";
        e.rto.notes.push_back("the workload depends on no storage, cache, bus or queue outside its main path");
        return e;
    }
    const Outcome& worst = worstOutcome(e, outcomes, "other dependencies", {});
    e.situation = "failure of " + nameOf(*worst.dependency);
    return e;
}

} // namespace firedrill::recovery
