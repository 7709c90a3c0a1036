#include "ScenarioTemplates.h"

#include "RecoveryEstimator.h"
#include "TemplateFocus.h"
#include "core/io/Units.h"

#include <algorithm>

namespace firedrill {

namespace {

/// Faults start here, so charts show the healthy baseline first.
constexpr Duration kStart = Duration::minutes(10);

Fault fault(Duration at, FaultTarget target, FaultKind kind, std::optional<Duration> length)
{
    Fault f;
    f.at = at;
    f.target = std::move(target);
    f.kind = kind;
    f.length = length;
    return f;
}

FaultTarget regionTarget(const Region& r)
{
    return {FaultTarget::Scope::Region, r.id.str(), std::nullopt};
}
FaultTarget componentTarget(const Component& c)
{
    return {FaultTarget::Scope::Component, c.id.str(), std::nullopt};
}

Error missing(const TemplateFocus& f, const std::string& what)
{
    return Error{"nothing-to-target", "workload '" + f.workload().id.str() + "': " + what};
}

/// The first inject of an outage of the primary region: the moment it is noticed.
Inject outageNoticed(const TemplateFocus& f)
{
    const std::string region = TemplateFocus::regionName(f.primary());
    if (const Component* router = f.router())
        return {kStart + f.routerDetection(),
                std::string(kindLabel(router->kind)) + " has marked " + region +
                    " degraded. Who declares the disaster, and what do you tell the business?"};
    return {kStart + Duration::minutes(2),
            region + " is unreachable. Who declares the disaster, and what do you tell the business?"};
}

/// The second inject of a region outage: the data decision the team faces.
Inject dataDecision(const TemplateFocus& f, Duration at)
{
    const std::string region = TemplateFocus::regionName(f.primary());
    const std::string other =
        f.secondary() ? TemplateFocus::regionName(*f.secondary()) : std::string("another region");
    const Component* db = f.database();
    if (db && db->replicas.size() > 1 && db->failover) {
        const Failover& fo = *db->failover;
        if (fo.crossRegion == FailoverMode::Automatic && fo.gracePeriod)
            return {at, "The failover group of " + db->id.str() + " waits out its grace period of " +
                            formatDurationReadable(*fo.gracePeriod) +
                            " before it fails over by itself. Do you force the failover to " + other +
                            " now, or wait for " + region + " to come back?"};
        if (fo.crossRegion == FailoverMode::Manual)
            return {at, db->id.str() + " has not failed over to " + other +
                            ": its cross-region failover is manual. Who makes the call, and how much of the "
                            "replication lag in writes are you ready to lose?"};
    }
    if (db && db->backup && db->backup->copyTo)
        return {at, db->id.str() +
                        " has no copy that takes over by itself. Do you restore the last backup copied to " +
                        db->backup->copyTo->str() +
                        ", and what do you tell the business about the writes since?"};
    if (const Component* router = f.router(); router && router->dnsTtl)
        return {at, "Clients keep their DNS answer for " + formatDurationReadable(*router->dnsTtl) +
                        ". How long until every user reaches " + other +
                        ", and what do you tell those still "
                        "seeing errors?"};
    return {at, region + " has been down for a quarter of an hour. Is " + other +
                    " serving everything it should, and who keeps customers informed?"};
}

Result<Scenario> zoneOutage(const TemplateFocus& f)
{
    if (!f.zone())
        return missing(f, "its primary region '" + f.primary().id.str() +
                              "' has no availability zones; set the region's 'zones' to plan a zone outage");
    const int zone = *f.zone();
    const std::string region = TemplateFocus::regionName(f.primary());
    Scenario s;
    s.id = ScenarioId(f.uniqueId("zone-outage-" + f.primary().id.str() + "-" + std::to_string(zone)));
    s.name = region + " zone " + std::to_string(zone) + " outage";
    s.duration = Duration::hours(2);
    s.faults.push_back(fault(kStart, {FaultTarget::Scope::Zone, f.primary().id.str(), zone},
                             FaultKind::Outage, Duration::hours(1)));
    s.injects.push_back(
        {kStart + Duration::minutes(1),
         "Zone " + std::to_string(zone) + " of " + region +
             " is down and the load balancers have taken its instances out of rotation. Which of "
             "your tiers were pinned to that zone, and are they failing over by themselves?"});
    s.injects.push_back(
        {kStart + Duration::minutes(30),
         "The zone has been down for 30 minutes. Is the capacity left in the other zones enough "
         "for the peak, and who decides to scale out?"});
    return s;
}

Result<Scenario> regionOutage(const TemplateFocus& f)
{
    const std::string region = TemplateFocus::regionName(f.primary());
    Scenario s;
    s.id = ScenarioId(f.uniqueId("region-outage-" + f.primary().id.str()));
    s.name = region + " region outage";
    s.duration = Duration::hours(2);
    s.faults.push_back(fault(kStart, regionTarget(f.primary()), FaultKind::Outage, Duration::minutes(90)));
    s.injects.push_back(outageNoticed(f));
    s.injects.push_back(dataDecision(f, kStart + Duration::minutes(15)));
    return s;
}

Result<Scenario> vpnCut(const TemplateFocus& f)
{
    const Component* link = f.regionLink();
    if (!link)
        return missing(
            f, "the topology has no VPN or ExpressRoute between two regions to cut; add a vpn-gateway "
               "or expressroute with 'between: [region, region]'");
    const auto& t = f.topology();
    const auto end = [&](std::size_t i) {
        const RegionId& id = std::get<RegionId>(link->between[i]);
        const Region* r = t.findRegion(id);
        return r ? TemplateFocus::regionName(*r) : id.str();
    };
    const std::string kind = link->kind == ComponentKind::ExpressRoute ? "ExpressRoute" : "VPN";
    Scenario s;
    s.id = ScenarioId(f.uniqueId("vpn-cut-" + link->id.str()));
    s.name = kind + " between " + end(0) + " and " + end(1) + " cut";
    s.duration = Duration::hours(2);
    s.faults.push_back(fault(kStart, componentTarget(*link), FaultKind::Partition, Duration::hours(1)));
    s.injects.push_back(
        {kStart + Duration::minutes(2),
         "The " + kind + " " + link->id.str() + " between " + end(0) + " and " + end(1) +
             " is down. Replication across it has stopped and its lag grows by a second every "
             "second. Who notices, and what is at risk if " +
             end(0) + " fails now?"});
    s.injects.push_back(
        {kStart + Duration::minutes(30),
         "The link has been down for 30 minutes. Do you fail over while the copies drift apart, "
         "or wait for the link and accept a growing window of lost writes?"});
    return s;
}

Result<Scenario> badDeploy(const TemplateFocus& f)
{
    const Component* db = f.database();
    if (!db)
        return missing(f, "it uses no database (sql-database or sql-server-ag) for a bad deploy to corrupt");
    const Duration detected = Duration::minutes(30);
    Duration restore{};
    if (db->size && db->backup && db->backup->restoreRate)
        restore = restoreTime(*db->size, *db->backup->restoreRate);
    const Duration decision = db->failover && db->failover->decision ? *db->failover->decision : Duration{};
    // Detection, decision and restore, then an hour of recovered service, in whole hours; at least 2h.
    const Duration busy = kStart + detected + decision + restore + Duration::hours(1);
    const std::int64_t hour = Duration::hours(1).ms;
    Scenario s;
    s.id = ScenarioId(f.uniqueId("bad-deploy-" + db->id.str()));
    s.name = "Bad deploy corrupts " + db->id.str();
    s.duration = Duration{std::max<std::int64_t>(2 * hour, (busy.ms + hour - 1) / hour * hour)};
    Fault corrupt = fault(kStart, componentTarget(*db), FaultKind::Corruption, std::nullopt);
    corrupt.detectedAfter = detected;
    s.faults.push_back(corrupt);
    s.injects.push_back(
        {kStart + detected,
         "Customers report wrong data since the 00:10 release. " + db->id.str() +
             " has been corrupted for 30 minutes and the bad writes are in every replica. Do you "
             "roll back, stop writes or restore, and to which point in time?"});
    if (restore.ms > 0)
        s.injects.push_back(
            {kStart + detected + Duration::minutes(5),
             "Restoring " + db->id.str() + " (" + formatDataSize(*db->size) + " at " +
                 formatDataRate(db->backup->restoreRate.value()) + ") takes about " +
                 formatDurationReadable(restore) +
                 ". What do you tell the business, and how will you re-enter what was written "
                 "since 00:10?"});
    else
        s.injects.push_back(
            {kStart + detected + Duration::minutes(5),
             "The plan does not say how long a restore of " + db->id.str() +
                 " takes (no size or restore rate). How do you find out, and what do you tell the "
                 "business meanwhile?"});
    return s;
}

Result<Scenario> cacheDown(const TemplateFocus& f)
{
    const Component* cache = f.cache();
    if (!cache)
        return missing(f, "it uses no cache to take down; add a component of kind cache to the workload");
    Scenario s;
    s.id = ScenarioId(f.uniqueId("cache-down-" + cache->id.str()));
    s.name = "Cache " + cache->id.str() + " down";
    s.duration = Duration::hours(1);
    s.faults.push_back(
        fault(kStart, componentTarget(*cache), FaultKind::DependencyFailure, Duration::minutes(30)));
    s.injects.push_back({kStart + Duration::minutes(1),
                         cache->id.str() + " stops answering. Do its callers fall back, retry or fail, and "
                                           "can what sits behind the cache take the extra load?"});
    s.injects.push_back(
        {kStart + Duration::minutes(15),
         "The cache is still down after 15 minutes. Do you restart it empty, and how do you warm "
         "it without overloading the database?"});
    return s;
}

Result<Scenario> surgeOnFailover(const TemplateFocus& f)
{
    if (!f.secondary())
        return missing(
            f, "it has no secondary region to fail over to; choose a strategy with a secondary region");
    const Component* entry = f.secondaryEntry();
    if (!entry)
        return missing(f, "its entry '" + f.workload().entry.str() + "' does not exist");
    const std::string primary = TemplateFocus::regionName(f.primary());
    const std::string secondary = TemplateFocus::regionName(*f.secondary());
    const Duration moves = kStart + f.routerDetection();
    Scenario s;
    s.id = ScenarioId(f.uniqueId("surge-failover-" + f.secondary()->id.str()));
    s.name = primary + " outage with a surge in " + secondary;
    s.duration = Duration::hours(2);
    s.faults.push_back(fault(kStart, regionTarget(f.primary()), FaultKind::Outage, Duration::minutes(90)));
    Fault surge = fault(moves, componentTarget(*entry), FaultKind::Surge, Duration::hours(1));
    surge.multiplier = 2.0;
    s.faults.push_back(surge);
    s.injects.push_back(
        {moves, "Traffic is moving to " + secondary +
                    " and demand there has doubled: retries, reconnecting clients, catch-up. Is " +
                    secondary + " big enough, and how long until autoscale catches up?"});
    s.injects.push_back(
        {moves + Duration::minutes(15),
         "Do you shed load, switch off features the business can do without, or queue requests "
         "until " +
             secondary + " has scaled out?"});
    return s;
}

} // namespace

const std::vector<ScenarioTemplate>& scenarioTemplates()
{
    static const std::vector<ScenarioTemplate> templates{
        {"zone-outage", "Zone outage",
         "One availability zone of the workload's primary region goes down for an hour: zone-redundant tiers "
         "carry "
         "on, zonal ones fail over or wait."},
        {"region-outage", "Region outage",
         "The workload's primary region goes down for 90 minutes: probes, DNS, the failover decision and "
         "replication lag decide the recovery."},
        {"vpn-cut", "VPN cut",
         "The link between two regions is cut for an hour: replication across it stops and its lag grows."},
        {"bad-deploy", "Bad deploy corrupts data",
         "A release corrupts the workload's database; it is noticed 30 minutes later and restored from "
         "backups."},
        {"cache-down", "Cache down",
         "The workload's cache stops answering for 30 minutes: callers fall back, retry or fail."},
        {"surge-failover", "Surge on failover",
         "The primary region goes down and, when traffic moves, demand doubles in the secondary region."},
    };
    return templates;
}

Result<Scenario> makeScenarioFromTemplate(const Topology& topology, const std::string& templateId,
                                          const WorkloadId& focus)
{
    auto f = TemplateFocus::find(topology, focus);
    if (!f)
        return f.error();
    if (templateId == "zone-outage")
        return zoneOutage(*f);
    if (templateId == "region-outage")
        return regionOutage(*f);
    if (templateId == "vpn-cut")
        return vpnCut(*f);
    if (templateId == "bad-deploy")
        return badDeploy(*f);
    if (templateId == "cache-down")
        return cacheDown(*f);
    if (templateId == "surge-failover")
        return surgeOnFailover(*f);
    std::string known;
    for (const auto& t : scenarioTemplates())
        known += (known.empty() ? "" : ", ") + t.id;
    return Error{"unknown-template", "no scenario template '" + templateId + "'; expected one of: " + known};
}

} // namespace firedrill
