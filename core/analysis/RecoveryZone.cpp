// Zone disruption: one availability zone of the primary region fails; the worst zone counts.
#include "RecoveryRules.h"

#include "core/io/Units.h"

#include <algorithm>
#include <set>

namespace firedrill::recovery {

namespace {
enum class Fate { Unaffected, Survives, Lost };

struct ZoneItem
{
    const Component* component = nullptr;
    Fate fate = Fate::Unaffected;
    Path path;
    Loss loss;
    std::string why; ///< for a lost component: why the zone takes it down
};

bool isSql(const Component& c)
{
    return c.kind == ComponentKind::SqlDatabase || c.kind == ComponentKind::SqlServerAg;
}

Loss quorumLoss(const Component& c)
{
    Loss l;
    if (c.quorumCommit)
        l.term = DurationTerm{"quorum commit", Duration{},
                              c.id.str() + " commits each write on two or more replicas: nothing is lost"};
    return l;
}

void replicatedStore(const Context& ctx, ZoneItem& it, int zone)
{
    const Component& c = *it.component;
    const Replica* primary = nullptr;
    for (const auto& r : c.replicas)
        if (r.role == ReplicaRole::Primary)
            primary = &r;
    if (!primary || primary->region != ctx.roles.primary || (primary->zone && *primary->zone != zone))
        return; // the primary is elsewhere: at most a secondary is lost
    const Replica* best = nullptr;
    for (const auto& r : c.replicas) {
        if (r.role != ReplicaRole::Secondary || r.region != primary->region || !r.zone || *r.zone == zone)
            continue;
        if (!best || (r.sync == ReplicationMode::Synchronous && best->sync != ReplicationMode::Synchronous))
            best = &r;
    }
    const FailoverMode mode = c.failover ? c.failover->mode : FailoverMode::Automatic;
    if (best && mode != FailoverMode::None) {
        it.fate = Fate::Survives;
        it.path = failoverPath(ctx, c, best, false);
        it.loss = c.quorumCommit ? quorumLoss(c) : replicaLoss(c, *best);
        return;
    }
    it.fate = Fate::Lost;
    it.why = c.id.str() + (primary->zone ? " has its primary in zone " + std::to_string(zone)
                                         : " gives no zone for its primary (assumed in zone " + std::to_string(zone) + ")") +
             " and no replica it can fail over to in another zone";
}

void zoneRedundant(const Context& ctx, ZoneItem& it, int zone)
{
    const Component& c = *it.component;
    it.fate = Fate::Survives;
    const bool hit = std::find(c.zones.begin(), c.zones.end(), zone) != c.zones.end();
    if (c.leaderElection && servesRequests(c) && c.instances && *c.instances > 1) {
        // The lease holder starts in the first listed zone; losing another zone leaves it working.
        if (zone != c.zones.front())
            return;
        it.path.name = "traffic path (" + c.id.str() + ")";
        it.path.terms.push_back(leaseTerm(c));
        addNote(it.path.notes, c.id.str() + "'s leader runs in zone " + std::to_string(zone) +
                                   ", its first listed zone: a follower in another zone takes the lease");
    } else if (servesRequests(c) && c.instances && *c.instances > 0 && hit) {
        it.path.name = "traffic path (" + c.id.str() + ")";
        it.path.terms.push_back(instanceDetection(ctx, c, it.path.notes));
        const int n = *c.instances;
        const int spread = static_cast<int>(c.zones.size());
        const int left = n - (n + spread - 1) / spread;
        const double share = demandShare(ctx);
        if (c.capacityRps && share > left * *c.capacityRps) {
            const std::string shortfall = c.id.str() + " keeps " + std::to_string(left) + " of " + std::to_string(n) +
                                          " instances: " + formatNumber(left * *c.capacityRps) + " rps for " +
                                          formatNumber(share) + " rps";
            if (c.autoscale)
                it.path.terms.push_back({"scale-out", c.autoscale->scaleOutTime,
                                         shortfall + "; autoscale adds instances in " +
                                             quoted(c.autoscale->scaleOutTime)});
            else
                addNote(it.path.notes, shortfall + ": degraded until scaled by hand (no autoscale)");
        }
    } else if (isSql(c)) {
        it.path = failoverPath(ctx, c, nullptr, false);
        it.loss = quorumLoss(c);
        addNote(it.path.notes, c.id.str() + " is zone-redundant: the platform fails it over to another zone");
    }
}

ZoneItem zoneItem(const Context& ctx, const Component& c, int zone)
{
    ZoneItem it;
    it.component = &c;
    if (isStore(c) && !c.replicas.empty()) {
        replicatedStore(ctx, it, zone);
        return it;
    }
    if (isZoneRedundant(c)) {
        zoneRedundant(ctx, it, zone);
        return it;
    }
    if (c.zone && *c.zone != zone)
        return it;
    it.fate = Fate::Lost;
    it.why = c.zone ? c.id.str() + " is pinned to zone " + std::to_string(zone)
                    : c.id.str() + " is not zone-redundant (no zones given), so it may sit in zone " +
                          std::to_string(zone);
    return it;
}

RecoveryEstimate zoneEstimate(const Context& ctx, const std::vector<const Component*>& scope, int zone)
{
    RecoveryEstimate e;
    e.disruption = DisruptionClass::Zone;
    e.situation = "loss of availability zone " + std::to_string(zone) + " of " + ctx.regionLabel(ctx.roles.primary);
    std::vector<Path> traffic, data;
    std::vector<Loss> losses;
    std::vector<std::string> notes;
    bool lostService = false;
    std::vector<const Component*> lostStores;
    for (const Component* c : scope) {
        auto it = zoneItem(ctx, *c, zone);
        if (it.fate == Fate::Unaffected)
            continue;
        if (it.fate == Fate::Lost) {
            notes.push_back(it.why + ": it recovers as in a region disruption");
            if (isStore(*c) && !servesRequests(*c))
                lostStores.push_back(c);
            else
                lostService = true; // compute, gateways, queues and caches: traffic moves or waits
            continue;
        }
        (isStore(*c) ? data : traffic).push_back(std::move(it.path));
        losses.push_back(std::move(it.loss));
    }
    const bool lostAny = lostService || !lostStores.empty();
    const bool moves = ctx.strategy == StrategyKind::ActiveActive || ctx.strategy == StrategyKind::ActivePassiveFull;
    const auto needed = storesAtRisk(ctx);
    for (const Component* c : lostStores) {
        // When traffic moves to the secondary region, only the stores its compute uses matter.
        if (lostService && moves && std::find(needed.begin(), needed.end(), c) == needed.end()) {
            notes.push_back(c->id.str() + " is not used by the compute in " + ctx.regionLabel(ctx.roles.secondary) +
                            ": its loss does not delay the recovery");
            continue;
        }
        auto o = storeAfterRegionLoss(ctx, *c);
        data.push_back(std::move(o.path));
        losses.push_back(std::move(o.loss));
    }
    if (lostAny && ctx.strategy == StrategyKind::SingleRegion) {
        e.rto.unbounded = true;
        e.rto.combination = "unbounded: nothing runs outside " + ctx.regionLabel(ctx.roles.primary);
        e.rto.notes = notes;
        e.rto.notes.push_back("single region: the workload returns only when the zone recovers");
        const Region* r = ctx.primaryRegion();
        if (r && r->zoneOutage)
            e.rto.notes.push_back("expected: about " + readable(r->zoneOutage->mttr) + " (mttr of zone outages in " +
                                  ctx.regionLabel(ctx.roles.primary) + ")");
        applyLosses(e, losses);
        return e;
    }
    if (lostService && !moves) {
        // Nothing runs in the secondary region: the whole region procedure (redeploy) applies.
        RecoveryEstimate r = estimateRegion(ctx);
        r.disruption = DisruptionClass::Zone;
        r.situation = e.situation;
        r.rto.notes.insert(r.rto.notes.begin(), notes.begin(), notes.end());
        return r;
    }
    if (lostService)
        traffic.push_back(trafficPathAfterRegionLoss(ctx));
    Path t = longest(traffic, "other components recovering in parallel");
    if (!t.empty())
        t.name = "traffic path";
    e.rto = combineParallel({t, longest(data, "other stores recovering in parallel")}, notes);
    applyLosses(e, losses);
    if (e.rto.terms.empty() && !e.rto.unbounded)
        addNote(e.rto.notes, "nothing on the workload's path depends on zone " + std::to_string(zone) + " alone");
    return e;
}

bool worse(const RecoveryEstimate& a, const RecoveryEstimate& b)
{
    if (a.rto.unbounded != b.rto.unbounded)
        return a.rto.unbounded;
    if (a.rto.total != b.rto.total)
        return a.rto.total > b.rto.total;
    if (a.rpo.unbounded != b.rpo.unbounded)
        return a.rpo.unbounded;
    return a.rpo.total > b.rpo.total;
}
} // namespace

RecoveryEstimate estimateZone(const Context& ctx)
{
    const Region* region = ctx.primaryRegion();
    if (!region) {
        RecoveryEstimate e;
        e.disruption = DisruptionClass::Zone;
        e.situation = "loss of an availability zone";
        e.rto.notes.push_back("the workload has no region: no zone to lose");
        return e;
    }
    if (region->zones <= 0) {
        RecoveryEstimate e = estimateRegion(ctx);
        e.disruption = DisruptionClass::Zone;
        e.situation = "loss of a data centre of " + ctx.regionLabel(ctx.roles.primary);
        e.rto.notes.insert(e.rto.notes.begin(), ctx.regionLabel(ctx.roles.primary) +
                                                    " has no availability zones: a data-centre loss is handled as a "
                                                    "region disruption");
        return e;
    }
    std::vector<const Component*> scope;
    for (const Component* c : mainPath(ctx)) {
        const auto f = kindFamily(c->kind);
        const auto home = homeRegion(*c);
        if (f != KindFamily::GlobalRouting && f != KindFamily::Link && f != KindFamily::Clients && home &&
            *home == region->id)
            scope.push_back(c);
    }
    // Zones nothing names give the same answer: evaluate the named zones and one unnamed zone.
    std::set<int> named;
    const auto name = [&](int z) {
        if (z >= 1 && z <= region->zones)
            named.insert(z);
    };
    for (const Component* c : scope) {
        if (c->zone)
            name(*c->zone);
        for (int z : c->zones)
            name(z);
        for (const auto& r : c->replicas)
            if (r.zone)
                name(*r.zone);
    }
    std::vector<int> zones(named.begin(), named.end());
    for (int z = 1; z <= region->zones && zones.size() == named.size(); ++z)
        if (!named.count(z))
            zones.push_back(z);
    std::sort(zones.begin(), zones.end());
    std::optional<RecoveryEstimate> worst;
    for (int z : zones) {
        RecoveryEstimate e = zoneEstimate(ctx, scope, z);
        if (!worst || worse(e, *worst))
            worst = std::move(e);
    }
    return *worst;
}

} // namespace firedrill::recovery
