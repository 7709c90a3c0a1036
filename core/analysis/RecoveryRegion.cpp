// Region disruption: the primary region is lost; recovery follows the workload's strategy.
#include "RecoveryRules.h"

#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <algorithm>

namespace firedrill::recovery {

namespace {
bool locatedIn(const Component& c, const std::optional<RegionId>& region)
{
    const auto home = homeRegion(c);
    return region && home && *home == *region;
}

bool geoRedundant(const Component& c)
{
    return c.redundancy == StorageRedundancy::Grs || c.redundancy == StorageRedundancy::RaGrs ||
           c.redundancy == StorageRedundancy::Gzrs || c.redundancy == StorageRedundancy::RaGzrs;
}

bool readableGeo(const Component& c)
{
    return c.redundancy == StorageRedundancy::RaGrs || c.redundancy == StorageRedundancy::RaGzrs;
}

std::vector<const Component*> computeIn(const Context& ctx, const std::optional<RegionId>& region)
{
    std::vector<const Component*> out;
    for (const Component* c : ctx.members)
        if (kindFamily(c->kind) == KindFamily::Compute && locatedIn(*c, region))
            out.push_back(c);
    return out;
}

/// The router's DNS TTL drain, when it answers DNS queries (a traffic manager).
std::optional<DurationTerm> ttlTerm(const Context& ctx, std::vector<std::string>& notes, const std::string& when)
{
    if (!ctx.router)
        return std::nullopt;
    if (ctx.router->kind == ComponentKind::FrontDoor) {
        addNote(notes, nameOf(*ctx.router) + " proxies requests at the edge: there is no DNS TTL to drain");
        return std::nullopt;
    }
    if (!ctx.router->dnsTtl) {
        addNote(notes, nameOf(*ctx.router) + " has no dns_ttl: clients' cached DNS answers are not counted");
        return std::nullopt;
    }
    return DurationTerm{"DNS TTL drain", *ctx.router->dnsTtl,
                        when + ", clients keep cached DNS answers for up to dns_ttl " + quoted(*ctx.router->dnsTtl)};
}

std::optional<DurationTerm> routerDetection(const Context& ctx, const std::string& label, std::vector<std::string>& notes)
{
    if (!ctx.router)
        return std::nullopt;
    const bool isDefault = !ctx.router->probe;
    if (isDefault)
        addNote(notes, nameOf(*ctx.router) + " has no probe settings: the defaults 30s x 3 + 10s are assumed");
    return probeTerm(label, ctx.router->probe.value_or(kDefaultGlobalProbe), nameOf(*ctx.router),
                     "the endpoints in " + ctx.regionLabel(ctx.roles.primary), isDefault);
}

Path redeployChain(const Context& ctx, const Path& data, bool fromBackup)
{
    Path p;
    p.name = fromBackup ? "redeployment" : "failover";
    p.notes = data.notes;
    p.unbounded = data.unbounded;
    const bool dataDetects = std::any_of(data.terms.begin(), data.terms.end(),
                                         [](const DurationTerm& t) { return t.label == "detection"; });
    if (!dataDetects) {
        if (auto t = routerDetection(ctx, "detection", p.notes))
            p.terms.push_back(*t);
        else
            addNote(p.notes, "no traffic manager or front door: the time to notice the outage is not counted");
    }
    const bool dataDecides = std::any_of(data.terms.begin(), data.terms.end(),
                                         [](const DurationTerm& t) { return t.label == "decision"; });
    if (fromBackup && !dataDecides) {
        std::optional<Duration> decision;
        for (const Component* store : storesAtRisk(ctx))
            if (store->failover && store->failover->decision)
                decision = std::max(decision.value_or(Duration{}), *store->failover->decision);
        if (decision)
            p.terms.push_back({"decision", *decision, "people decide to redeploy in " +
                                                         ctx.regionLabel(ctx.roles.secondary) + ": failover.decision " +
                                                         quoted(*decision)});
        else
            addNote(p.notes, "no decision time given (failover.decision): deciding to redeploy is not counted");
    }
    // Redeployment: deploy, then restore into the new deployment. Database only: fail the data over,
    // then start the application against it.
    if (!fromBackup)
        p.terms.insert(p.terms.end(), data.terms.begin(), data.terms.end());
    const auto& strategy = ctx.workload.strategy;
    if (strategy && strategy->redeployTime)
        p.terms.push_back({"redeploy", *strategy->redeployTime,
                           "the application is deployed and started in " + ctx.regionLabel(ctx.roles.secondary) +
                               ": redeploy_time " + quoted(*strategy->redeployTime)});
    else
        addNote(p.notes, "the strategy has no redeploy_time: deploying the application is not counted");
    if (fromBackup)
        p.terms.insert(p.terms.end(), data.terms.begin(), data.terms.end());
    if (auto t = ttlTerm(ctx, p.notes, "after the new endpoint is enabled"))
        p.terms.push_back(*t);
    if (ctx.router && dataDetects)
        addNote(p.notes, "the router marks the lost endpoints down while the other steps run; that detection is "
                         "not on the critical path");
    return p;
}
} // namespace

std::vector<const Component*> storesAtRisk(const Context& ctx)
{
    std::vector<const Component*> takeover;
    if (ctx.strategy != StrategyKind::SingleRegion)
        takeover = computeIn(ctx, ctx.roles.secondary);
    if (takeover.empty())
        takeover = computeIn(ctx, ctx.roles.primary);
    std::vector<const Component*> reach = takeover.empty() ? ctx.members : closure(ctx, takeover, false);
    std::vector<const Component*> out;
    for (const Component* c : reach)
        if (isStore(*c) && locatedIn(*c, ctx.roles.primary))
            out.push_back(c);
    return out;
}

StoreOutcome storeAfterRegionLoss(const Context& ctx, const Component& store)
{
    StoreOutcome o;
    o.store = &store;
    o.path.name = "data path (" + store.id.str() + ")";
    const std::string lost = ctx.regionLabel(ctx.roles.primary);

    // A secondary outside the lost region, preferably in the workload's secondary region.
    const Replica* target = nullptr;
    for (const auto& r : store.replicas) {
        if (r.role != ReplicaRole::Secondary || r.region == ctx.roles.primary)
            continue;
        if (!target || (r.region == ctx.roles.secondary && target->region != ctx.roles.secondary))
            target = &r;
    }
    const bool crossDisabled = store.failover && store.failover->crossRegion == FailoverMode::None;
    if (target && !crossDisabled) {
        o.path = failoverPath(ctx, store, target, true);
        o.loss = replicaLoss(store, *target);
        return o;
    }
    if (target)
        addNote(o.path.notes, store.id.str() + " has a replica outside " + lost +
                                  " but cross-region failover is off (cross_region: none)");
    if (geoRedundant(store)) {
        const std::string redundancy(toName(*store.redundancy));
        addNote(o.path.notes, readableGeo(store)
                                  ? store.id.str() + " (" + redundancy + "): reads continue from the paired region; "
                                        "writes wait for an account failover, whose time is not modelled"
                                  : store.id.str() + " (" + redundancy + "): the geo copy is readable only after an "
                                        "account failover, whose time is not modelled");
        addNote(o.loss.notes, "geo-replication of " + store.id.str() + " is asynchronous, with no SLA on its lag");
        if (store.geoLag) {
            o.loss.term = DurationTerm{"geo-replication lag", *store.geoLag,
                                       store.id.str() + " (" + redundancy + ") copies to the paired region about " +
                                           quoted(*store.geoLag) + " behind: that much is lost"};
            o.loss.expected = *store.geoLag;
        } else {
            addNote(o.loss.notes, store.id.str() + " has no geo_lag: its loss is counted as 0s");
        }
        return o;
    }
    const auto schedule = store.backup ? backupLoss(*store.backup) : std::nullopt;
    const bool copied = store.backup && store.backup->copyTo && !locatedIn(store, store.backup->copyTo);
    if (schedule && copied) {
        const Backup& b = *store.backup;
        if (store.size && b.restoreRate) {
            const Duration t = restoreTime(*store.size, *b.restoreRate);
            o.path.terms.push_back({"restore", t, store.id.str() + ": " + formatDataSize(*store.size) + " / " +
                                                      formatDataRate(*b.restoreRate) + " = " + readable(t) +
                                                      " from the backups copied to " + ctx.regionLabel(b.copyTo)});
        } else {
            addNote(o.path.notes, store.id.str() + " has no size or restore_rate: its restore time is not counted");
        }
        o.loss.term = DurationTerm{"backup interval", schedule->worst,
                                   store.id.str() + ": " + schedule->basis + " copied to " + ctx.regionLabel(b.copyTo) +
                                       ": up to " + readable(schedule->worst) + " lost, " +
                                       readable(schedule->expected) + " on average"};
        o.loss.expected = schedule->expected;
        return o;
    }
    const std::string why = schedule ? "its backups stay in " + lost : std::string("it has no backups");
    addNote(o.path.notes, store.id.str() + " has no copy outside " + lost + " (" + why + "): it is lost with the region");
    o.path.unbounded = true;
    o.loss.unbounded = true;
    addNote(o.loss.notes, "all data in " + nameOf(store) + " is at risk: " + why);
    return o;
}

Path trafficPathAfterRegionLoss(const Context& ctx)
{
    Path p;
    p.name = "traffic path";
    if (auto t = routerDetection(ctx, "DNS detection", p.notes)) {
        if (ctx.router->kind == ComponentKind::FrontDoor)
            t->label = "probe detection";
        p.terms.push_back(*t);
    } else {
        addNote(p.notes, "no traffic manager or front door: callers switch to " + ctx.regionLabel(ctx.roles.secondary) +
                             " by themselves, in a time not modelled");
    }
    if (auto t = ttlTerm(ctx, p.notes, "after the switch"))
        p.terms.push_back(*t);
    if (auto t = scaleOutTerm(ctx, computeIn(ctx, ctx.roles.secondary), ctx.workload.demandRps, p.notes))
        p.terms.push_back(*t);
    return p;
}

RecoveryEstimate estimateRegion(const Context& ctx)
{
    RecoveryEstimate e;
    e.disruption = DisruptionClass::Region;
    if (!ctx.roles.primary) {
        e.situation = "loss of a region";
        e.rto.notes.push_back("the workload has no region: nothing to lose");
        return e;
    }
    e.situation = "loss of region " + ctx.regionLabel(ctx.roles.primary);

    std::vector<Path> data;
    std::vector<Loss> losses;
    for (const Component* s : storesAtRisk(ctx)) {
        auto o = storeAfterRegionLoss(ctx, *s);
        data.push_back(std::move(o.path));
        losses.push_back(std::move(o.loss));
    }
    for (const Component* c : ctx.members)
        if (kindFamily(c->kind) == KindFamily::Messaging && locatedIn(*c, ctx.roles.primary))
            addNote(e.rpo.notes, "messages waiting in " + c->id.str() + " stay there until " +
                                     ctx.regionLabel(ctx.roles.primary) + " returns");
    const auto rpoNotes = e.rpo.notes;
    applyLosses(e, losses);
    for (const auto& n : rpoNotes)
        addNote(e.rpo.notes, n);
    const Path dataPath = longest(data, "other stores recovering in parallel");

    switch (ctx.strategy) {
    case StrategyKind::SingleRegion: {
        e.rto = TimeEstimate{};
        e.rto.unbounded = true;
        e.rto.combination = "unbounded: nothing runs outside " + ctx.regionLabel(ctx.roles.primary);
        e.rto.notes.push_back("single region: the workload returns only when " + ctx.regionLabel(ctx.roles.primary) +
                              " recovers");
        const Region* r = ctx.primaryRegion();
        if (r && r->outage)
            e.rto.notes.push_back("expected: about " + readable(r->outage->mttr) + " (mttr of " +
                                  ctx.regionLabel(ctx.roles.primary) + "'s region outages)");
        for (const auto& n : dataPath.notes)
            addNote(e.rto.notes, n);
        break;
    }
    case StrategyKind::RedeployFromBackup: e.rto = combineParallel({redeployChain(ctx, dataPath, true)}, {}); break;
    case StrategyKind::ActivePassiveDb: e.rto = combineParallel({redeployChain(ctx, dataPath, false)}, {}); break;
    case StrategyKind::ActivePassiveFull:
    case StrategyKind::ActiveActive: {
        std::vector<std::string> notes;
        if (ctx.router && ctx.strategy == StrategyKind::ActiveActive)
            notes.push_back("active-active: " + nameOf(*ctx.router) + " stops sending users to " +
                            ctx.regionLabel(ctx.roles.primary) + " while the data fails over");
        e.rto = combineParallel({trafficPathAfterRegionLoss(ctx), dataPath}, notes);
        break;
    }
    }
    return e;
}

} // namespace firedrill::recovery
