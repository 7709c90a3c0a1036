// Term builders shared by the recovery rules: probes, restarts, failovers, replica loss, scale-out.
#include "RecoveryRules.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>

namespace firedrill::recovery {

DurationTerm probeTerm(const std::string& label, const Probe& probe, const std::string& prober,
                       const std::string& target, bool isDefault)
{
    const int failures = std::max(1, probe.toleratedFailures);
    const Duration value = probeDetection(probe);
    std::string detail = prober + " probes every " + quoted(probe.interval) + " and marks " + target +
                         " down after " + std::to_string(failures) + " failed probe" + (failures == 1 ? "" : "s") +
                         ", the last one timing out after " + quoted(probe.timeout) + ": " +
                         std::to_string(failures) + " x " + quoted(probe.interval) + " + " + quoted(probe.timeout) +
                         " = " + readable(value);
    if (isDefault)
        detail += " (default probe settings)";
    return {label, value, detail};
}

DurationTerm instanceDetection(const Context& ctx, const Component& c, std::vector<std::string>& notes)
{
    // The router in front: the first one among the workload's members, else the first in the topology.
    const Component* front = nullptr;
    if (const auto routers = ctx.routersInFront.find(c.id.str()); routers != ctx.routersInFront.end()) {
        std::size_t firstMember = ctx.members.size();
        for (const Component* r : routers->second)
            if (const auto m = ctx.memberIndex.find(r); r != &c && m != ctx.memberIndex.end() && m->second < firstMember) {
                firstMember = m->second;
                front = r;
            }
        for (const Component* r : routers->second)
            if (!front && r != &c)
                front = r;
    }
    if (front && front->probe)
        return probeTerm("detection", *front->probe, nameOf(*front), "a failed instance of " + c.id.str(), false);
    const std::string prober = front ? nameOf(*front) : "the platform's built-in load balancer";
    addNote(notes, front ? nameOf(*front) + " has no probe: the default regional probe (5s x 2 + 5s = 15s) is assumed"
                         : "no load balancer or gateway in front of " + c.id.str() +
                               ": the platform's own load balancer is assumed to use the default probe "
                               "(5s x 2 + 5s = 15s)");
    return probeTerm("detection", kDefaultRegionalProbe, prober, "a failed instance of " + c.id.str(), true);
}

DurationTerm leaseTerm(const Component& c)
{
    const Duration lease = c.leaderElection ? c.leaderElection->lease : Duration{};
    return {"leader lease", lease,
            "only the lease holder of " + c.id.str() + " works: a follower takes over once the lost leader's lease "
            "expires, lease " + quoted(lease)};
}

DurationTerm restartTerm(const Component& c, std::vector<std::string>& notes)
{
    if (c.startupTime)
        return {"restart", *c.startupTime,
                "the platform starts a new instance of " + c.id.str() + ": startup_time " + quoted(*c.startupTime)};
    if (c.mttr)
        return {"restart", *c.mttr, "the instance of " + c.id.str() + " is repaired or replaced: mttr " + quoted(*c.mttr)};
    addNote(notes, c.id.str() + " has no startup_time or mttr: a restart of " + readable(kDefaultRestartTime) +
                       " is assumed");
    return {"restart", kDefaultRestartTime,
            "the instance of " + c.id.str() + " is restarted: " + readable(kDefaultRestartTime) + " (default)"};
}

Path failoverPath(const Context& ctx, const Component& c, const Replica* target, bool crossRegion)
{
    Path p;
    p.name = "data path (" + c.id.str() + ")";
    const Failover f = c.failover.value_or(Failover{});
    FailoverMode mode = f.mode;
    if (crossRegion) {
        if (f.crossRegion) {
            mode = *f.crossRegion;
        } else {
            mode = FailoverMode::Manual;
            addNote(p.notes, c.id.str() + " has no failover.cross_region: a manual cross-region failover is assumed");
        }
    }
    if (!c.failover)
        addNote(p.notes, c.id.str() + " has no failover settings: an automatic failover is assumed, with the default "
                                      "detection (" + readable(kDefaultFailoverDetection) + ") and promotion (" +
                                      readable(kDefaultPromotion) + ")");
    const std::string where = target ? target->id.str() + " in " + ctx.regionLabel(target->region)
                                     : "a secondary replica of " + c.id.str();

    if (f.detection) {
        p.terms.push_back({"detection", *f.detection,
                           c.id.str() + " notices its primary is gone: failover.detection " + quoted(*f.detection)});
    } else {
        if (c.failover)
            addNote(p.notes, c.id.str() + " has no failover.detection: " + readable(kDefaultFailoverDetection) +
                                 " assumed");
        p.terms.push_back({"detection", kDefaultFailoverDetection,
                           c.id.str() + " notices its primary is gone: " + readable(kDefaultFailoverDetection) +
                               " (default)"});
    }
    if (mode == FailoverMode::Manual) {
        const Duration d = f.decision.value_or(Duration{});
        if (!f.decision)
            addNote(p.notes, c.id.str() + " fails over by hand but has no failover.decision: the decision is counted as 0s");
        p.terms.push_back({"decision", d,
                           "people decide to fail " + c.id.str() + " over to " + where +
                               ": failover.decision " + quoted(d)});
    } else if (crossRegion && f.gracePeriod) {
        p.terms.push_back({"grace period", *f.gracePeriod,
                           "the failover group waits its grace period of " + quoted(*f.gracePeriod) +
                               " before failing " + c.id.str() +
                               " over by itself (a forced failover by hand can come sooner)"});
    }
    if (f.promotion) {
        p.terms.push_back({"promotion", *f.promotion, where + " is promoted to primary: failover.promotion " +
                                                          quoted(*f.promotion)});
    } else {
        if (c.failover)
            addNote(p.notes, c.id.str() + " has no failover.promotion: " + readable(kDefaultPromotion) + " assumed");
        p.terms.push_back({"promotion", kDefaultPromotion,
                           where + " is promoted to primary: " + readable(kDefaultPromotion) + " (default)"});
    }
    return p;
}

Loss replicaLoss(const Component& c, const Replica& target)
{
    Loss l;
    if (target.sync == ReplicationMode::Synchronous) {
        l.term = DurationTerm{"synchronous replication", Duration{},
                              target.id.str() + " confirms every write of " + c.id.str() +
                                  " before it commits: nothing is lost"};
        return l;
    }
    std::optional<Duration> lag = target.lag ? target.lag : c.geoLag;
    if (!lag) {
        addNote(l.notes, target.id.str() + " replicates " + c.id.str() +
                             " asynchronously but no lag is given: its loss is counted as 0s");
        lag = Duration{};
    }
    l.term = DurationTerm{"replication lag", *lag,
                          target.id.str() + " replicates " + c.id.str() + " asynchronously, typically " + quoted(*lag) +
                              " behind: the writes of the last " + quoted(*lag) + " are lost"};
    l.expected = *lag;
    addNote(l.notes, "asynchronous replication has no guaranteed lag: " + target.id.str() +
                         "'s lag is a typical value, not a bound");
    return l;
}

std::optional<DurationTerm> scaleOutTerm(const Context& ctx, const std::vector<const Component*>& tiers,
                                         double demand, std::vector<std::string>& notes)
{
    std::optional<DurationTerm> best;
    const auto offer = [&](const DurationTerm& t) {
        if (!best || t.value > best->value)
            best = t;
    };
    bool measured = false;
    for (const Component* c : tiers) {
        if (kindFamily(c->kind) != KindFamily::Compute || !c->capacityRps)
            continue;
        measured = true;
        const int n = c->instances.value_or(1);
        const double have = n * *c->capacityRps;
        if (!(demand > have))
            continue;
        const std::string shortfall = c->id.str() + ": " + std::to_string(n) + " x " + formatNumber(*c->capacityRps) +
                                      " rps = " + formatNumber(have) + " rps, below the demand of " +
                                      formatNumber(demand) + " rps";
        if (!c->autoscale) {
            addNote(notes, shortfall + "; it has no autoscale, so it runs degraded until scaled by hand");
            continue;
        }
        const double most = c->autoscale->max * *c->capacityRps;
        if (most < demand)
            addNote(notes, c->id.str() + " carries at most " + formatNumber(most) + " rps at its autoscale maximum of " +
                               std::to_string(c->autoscale->max) + " instances: degraded even after scaling out");
        offer({"scale-out", c->autoscale->scaleOutTime,
               shortfall + "; autoscale adds instances in " + quoted(c->autoscale->scaleOutTime)});
    }
    const double factor = ctx.workload.strategy ? ctx.workload.strategy->scaleFactor.value_or(1.0) : 1.0;
    if (!measured && ctx.strategy == StrategyKind::ActivePassiveFull && factor < 1.0) {
        for (const Component* c : tiers) {
            if (kindFamily(c->kind) != KindFamily::Compute)
                continue;
            if (c->autoscale)
                offer({"scale-out", c->autoscale->scaleOutTime,
                       c->id.str() + " runs at scale factor " + formatNumber(factor) +
                           " and scales out to full size in " + quoted(c->autoscale->scaleOutTime)});
            else
                addNote(notes, c->id.str() + " runs at scale factor " + formatNumber(factor) +
                                   " without autoscale: degraded until scaled by hand");
        }
    }
    return best;
}

} // namespace firedrill::recovery
