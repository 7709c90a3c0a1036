#include "TopologyReader.h"

#include "YamlFieldReader.h"

#include <set>

namespace firedrill {

namespace yv = yamlvalue;

namespace {

template <class IdType>
auto idOf()
{
    return [](ReadContext& ctx, const YamlNode& n, const std::string& what) -> std::optional<IdType> {
        if (auto t = yv::text(ctx, n, what))
            return IdType{*t};
        return std::nullopt;
    };
}

OutageRate readOutage(YamlFieldReader& r)
{
    OutageRate out;
    r.required("mtbf", out.mtbf, yv::duration);
    r.required("mttr", out.mttr, yv::duration);
    return out;
}

template <class T, class ReadFn>
void optionalSection(YamlFieldReader& parent, std::string_view key, std::optional<T>& out, const std::string& what,
                     ReadFn read)
{
    if (const YamlNode* n = parent.get(key)) {
        YamlFieldReader r(parent.context(), *n, parent.pathOf(key), what);
        if (r.valid())
            out = read(r);
    }
}

Region readRegion(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Region region;
    YamlFieldReader r(ctx, n, path, "a region");
    r.required("id", region.id, idOf<RegionId>());
    r.value("name", region.name, yv::text);
    r.optional("pair", region.pair, idOf<RegionId>());
    r.value("zones", region.zones, yv::integer);
    optionalSection(r, "outage", region.outage, "a region outage rate", readOutage);
    optionalSection(r, "zone_outage", region.zoneOutage, "a zone outage rate", readOutage);
    return region;
}

Site readSite(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Site site;
    YamlFieldReader r(ctx, n, path, "a site");
    r.required("id", site.id, idOf<SiteId>());
    r.value("name", site.name, yv::text);
    r.value("kind", site.kind, yv::enumeration<SiteKind>);
    return site;
}

Probe readProbe(YamlFieldReader& r)
{
    Probe p;
    r.value("interval", p.interval, yv::duration);
    r.value("timeout", p.timeout, yv::duration);
    r.value("tolerated_failures", p.toleratedFailures, yv::integer);
    return p;
}

Autoscale readAutoscale(YamlFieldReader& r)
{
    Autoscale a;
    r.required("min", a.min, yv::integer);
    r.required("max", a.max, yv::integer);
    r.value("scale_out_time", a.scaleOutTime, yv::duration);
    return a;
}

LeaderElection readLeaderElection(YamlFieldReader& r)
{
    LeaderElection l;
    r.value("lease", l.lease, yv::duration);
    return l;
}

Failover readFailover(YamlFieldReader& r)
{
    Failover f;
    r.value("mode", f.mode, yv::enumeration<FailoverMode>);
    r.optional("detection", f.detection, yv::duration);
    r.optional("promotion", f.promotion, yv::duration);
    r.optional("cross_region", f.crossRegion, yv::enumeration<FailoverMode>);
    r.optional("decision", f.decision, yv::duration);
    r.optional("grace_period", f.gracePeriod, yv::duration);
    return f;
}

Backup readBackup(YamlFieldReader& r)
{
    Backup b;
    r.optional("full", b.full, yv::duration);
    r.optional("differential", b.differential, yv::duration);
    r.optional("log", b.log, yv::duration);
    r.optional("retention", b.retention, yv::duration);
    r.optional("restore_rate", b.restoreRate, yv::dataRate);
    r.optional("copy_to", b.copyTo, idOf<RegionId>());
    r.value("point_in_time", b.pointInTime, yv::boolean);
    return b;
}

Outbox readOutbox(YamlFieldReader& r)
{
    Outbox o;
    r.optional("capacity", o.capacity, yv::integer);
    r.optional("drain_rate", o.drainRate, yv::rate);
    return o;
}

Resilience readResilience(YamlFieldReader& r)
{
    Resilience x;
    r.optional("retries", x.retries, yv::integer);
    r.optional("retry_delay", x.retryDelay, yv::duration);
    r.optional("retry_backoff", x.retryBackoff, yv::number);
    r.optional("breaker_threshold", x.breakerThreshold, yv::integer);
    r.optional("breaker_open", x.breakerOpen, yv::duration);
    r.optional("breaker_error_rate", x.breakerErrorRate, yv::number);
    return x;
}

void readEndpoints(YamlFieldReader& r, std::vector<Endpoint>& out)
{
    ReadContext& ctx = r.context();
    forEachItem(ctx, r.get("endpoints"), "endpoints", [&](const YamlNode& item, std::size_t) {
        Endpoint e;
        if (item.type == YamlNode::Type::Scalar) {
            e.target = ComponentId{item.text};
        } else {
            YamlFieldReader er(ctx, item, r.pathOf("endpoints"), "an endpoint");
            if (!er.valid())
                return;
            er.required("id", e.target, idOf<ComponentId>());
            er.optional("priority", e.priority, yv::integer);
            er.optional("weight", e.weight, yv::integer);
        }
        out.push_back(std::move(e));
    });
}

void readReplicas(YamlFieldReader& r, std::vector<Replica>& out)
{
    ReadContext& ctx = r.context();
    const std::string base = r.pathOf("replicas");
    forEachItem(ctx, r.get("replicas"), "replicas", [&](const YamlNode& item, std::size_t i) {
        Replica rep;
        YamlFieldReader rr(ctx, item, itemPath(base, item, i), "a replica");
        if (!rr.valid())
            return;
        rr.required("id", rep.id, idOf<ComponentId>());
        rr.required("region", rep.region, idOf<RegionId>());
        rr.optional("zone", rep.zone, yv::integer);
        rr.value("role", rep.role, yv::enumeration<ReplicaRole>);
        rr.optional("sync", rep.sync, yv::enumeration<ReplicationMode>);
        rr.optional("lag", rep.lag, yv::duration);
        rr.value("readable", rep.readable, yv::boolean);
        rr.optional("position", rep.position, yv::position);
        out.push_back(std::move(rep));
    });
}

Component readComponent(ReadContext& ctx, const YamlNode& n, const std::string& path, const std::set<std::string>& siteIds)
{
    Component c;
    YamlFieldReader r(ctx, n, path, "a component");
    r.required("id", c.id, idOf<ComponentId>());
    r.required("kind", c.kind, yv::enumeration<ComponentKind>);
    r.value("name", c.name, yv::text);
    r.optional("region", c.region, idOf<RegionId>());
    r.optional("site", c.site, idOf<SiteId>());
    r.optional("zone", c.zone, yv::integer);
    r.list("zones", c.zones, yv::integer);
    r.optional("fault_domains", c.faultDomains, yv::integer);
    r.optional("update_domains", c.updateDomains, yv::integer);
    r.optional("instances", c.instances, yv::integer);
    r.optional("capacity_rps", c.capacityRps, yv::number);
    optionalSection(r, "autoscale", c.autoscale, "autoscale", readAutoscale);
    optionalSection(r, "leader_election", c.leaderElection, "leader election settings", readLeaderElection);
    r.optional("sla", c.sla, yv::percent);
    r.optional("mtbf", c.mtbf, yv::duration);
    r.optional("mttr", c.mttr, yv::duration);
    r.optional("startup_time", c.startupTime, yv::duration);
    r.optional("routing", c.routing, yv::enumeration<RoutingMethod>);
    optionalSection(r, "probe", c.probe, "a probe", readProbe);
    r.optional("dns_ttl", c.dnsTtl, yv::duration);
    readEndpoints(r, c.endpoints);
    r.optional("size", c.size, yv::dataSize);
    r.optional("write_rate", c.writeRate, yv::rate);
    r.optional("disks", c.disks, yv::integer);
    r.optional("redundancy", c.redundancy, yv::enumeration<StorageRedundancy>);
    r.optional("geo_lag", c.geoLag, yv::duration);
    r.value("quorum_commit", c.quorumCommit, yv::boolean);
    readReplicas(r, c.replicas);
    optionalSection(r, "failover", c.failover, "failover settings", readFailover);
    optionalSection(r, "backup", c.backup, "a backup schedule", readBackup);
    optionalSection(r, "outbox", c.outbox, "an outbox", readOutbox);
    std::vector<std::string> ends;
    r.list("between", ends, yv::text);
    for (auto& e : ends) {
        if (siteIds.count(e))
            c.between.emplace_back(SiteId{e});
        else
            c.between.emplace_back(RegionId{e});
    }
    r.optional("latency", c.latency, yv::duration);
    optionalSection(r, "resilience", c.resilience, "resilience settings", readResilience);
    r.optional("cost", c.cost, yv::number);
    std::vector<ComponentId> hard, soft;
    r.list("depends_on", hard, idOf<ComponentId>());
    r.list("soft_depends_on", soft, idOf<ComponentId>());
    for (auto& h : hard)
        c.dependsOn.push_back({std::move(h), DependencyKind::Hard});
    for (auto& s : soft)
        c.dependsOn.push_back({std::move(s), DependencyKind::Soft});
    r.optional("position", c.position, yv::position);
    return c;
}

Strategy readStrategy(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Strategy s;
    if (n.type == YamlNode::Type::Scalar) {
        if (auto k = yv::enumeration<StrategyKind>(ctx, n, "strategy"))
            s.kind = *k;
        return s;
    }
    YamlFieldReader r(ctx, n, path, "a strategy");
    r.required("kind", s.kind, yv::enumeration<StrategyKind>);
    r.optional("scale_factor", s.scaleFactor, yv::number);
    r.optional("primary", s.primary, idOf<RegionId>());
    r.optional("secondary", s.secondary, idOf<RegionId>());
    r.optional("redeploy_time", s.redeployTime, yv::duration);
    return s;
}

Workload readWorkload(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Workload w;
    YamlFieldReader r(ctx, n, path, "a workload");
    r.required("id", w.id, idOf<WorkloadId>());
    r.value("name", w.name, yv::text);
    r.required("entry", w.entry, idOf<ComponentId>());
    r.list("components", w.components, idOf<ComponentId>());
    r.value("demand_rps", w.demandRps, yv::number);
    r.value("write_fraction", w.writeFraction, yv::number);
    r.value("degradable", w.degradable, yv::boolean);
    if (const YamlNode* s = r.get("strategy"))
        w.strategy = readStrategy(ctx, *s, r.pathOf("strategy"));
    return w;
}

Policy readPolicy(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Policy p;
    YamlFieldReader r(ctx, n, path, "a policy");
    r.required("workload", p.workload, idOf<WorkloadId>());
    r.required("disruption", p.disruption, yv::enumeration<DisruptionClass>);
    r.optional("rto", p.rto, yv::duration);
    r.optional("rpo", p.rpo, yv::duration);
    return p;
}

std::optional<FaultTarget> faultTarget(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    auto t = yv::text(ctx, n, what);
    if (!t)
        return std::nullopt;
    const std::string& s = *t;
    FaultTarget target;
    const auto bad = [&] {
        ctx.error(n, "bad-value",
                  "'" + s + "' is not a fault target; expected a component id, region/<id>, zone/<region>/<n> or site/<id>");
        return std::nullopt;
    };
    const auto slash = s.find('/');
    if (slash == std::string::npos) {
        if (s.empty())
            return bad();
        target.id = s;
        return target;
    }
    const std::string scope = s.substr(0, slash);
    const std::string rest = s.substr(slash + 1);
    if (rest.empty())
        return bad();
    if (scope == "region" && rest.find('/') == std::string::npos) {
        target.scope = FaultTarget::Scope::Region;
        target.id = rest;
    } else if (scope == "site" && rest.find('/') == std::string::npos) {
        target.scope = FaultTarget::Scope::Site;
        target.id = rest;
    } else if (scope == "zone") {
        const auto slash2 = rest.find('/');
        if (slash2 == std::string::npos || slash2 == 0)
            return bad();
        int zone = 0;
        try {
            std::size_t used = 0;
            zone = std::stoi(rest.substr(slash2 + 1), &used);
            if (used != rest.size() - slash2 - 1)
                return bad();
        } catch (const std::exception&) {
            return bad();
        }
        target.scope = FaultTarget::Scope::Zone;
        target.id = rest.substr(0, slash2);
        target.zone = zone;
    } else {
        return bad();
    }
    return target;
}

Fault readFault(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Fault f;
    YamlFieldReader r(ctx, n, path, "a fault");
    r.required("at", f.at, yv::duration);
    r.required("target", f.target, faultTarget);
    r.required("kind", f.kind, yv::enumeration<FaultKind>);
    r.optional("for", f.length, yv::duration);
    r.optional("detected_after", f.detectedAfter, yv::duration);
    r.optional("latency", f.latency, yv::duration);
    r.optional("error_rate", f.errorRate, yv::number);
    r.optional("multiplier", f.multiplier, yv::number);
    r.optional("domain", f.domain, yv::integer);
    return f;
}

Inject readInject(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Inject inject;
    ctx.record(path, n); // even when it is not a map: the validator's findings about it land on its error
    YamlFieldReader r(ctx, n, path, "an inject");
    if (!r.valid())
        return inject;
    r.required("at", inject.at, yv::duration);
    r.required("prompt", inject.prompt, yv::text);
    return inject;
}

std::optional<std::uint64_t> seedValue(ReadContext& ctx, const YamlNode& n, const std::string& what)
{
    auto t = yv::text(ctx, n, what);
    if (!t)
        return std::nullopt;
    try {
        std::size_t used = 0;
        if (!t->empty() && (*t)[0] != '-') {
            const auto v = std::stoull(*t, &used);
            if (used == t->size())
                return v;
        }
    } catch (const std::exception&) {
    }
    ctx.error(n, "bad-value", "'" + *t + "' is not a valid seed; expected a whole number from 0 to 18446744073709551615");
    return std::nullopt;
}

Scenario readScenario(ReadContext& ctx, const YamlNode& n, const std::string& path)
{
    Scenario s;
    YamlFieldReader r(ctx, n, path, "a scenario");
    r.required("id", s.id, idOf<ScenarioId>());
    r.value("name", s.name, yv::text);
    r.value("duration", s.duration, yv::duration);
    r.optional("seed", s.seed, seedValue);
    forEachItem(ctx, r.get("faults"), "faults", [&](const YamlNode& item, std::size_t i) {
        s.faults.push_back(readFault(ctx, item, path + ".faults[" + std::to_string(i) + "]"));
    });
    forEachItem(ctx, r.get("injects"), "injects", [&](const YamlNode& item, std::size_t i) {
        s.injects.push_back(readInject(ctx, item, path + ".injects[" + std::to_string(i) + "]"));
    });
    return s;
}

template <class T, class ReadFn>
void readList(ReadContext& ctx, YamlFieldReader& top, std::string_view key, std::vector<T>& out, ReadFn read)
{
    const std::string collection(key);
    forEachItem(ctx, top.get(key), collection, [&](const YamlNode& item, std::size_t i) {
        out.push_back(read(ctx, item, itemPath(collection, item, i)));
    });
}

} // namespace

MappedTopology mapTopology(const YamlNode& root, const std::string& fileName)
{
    ReadContext ctx(fileName);
    MappedTopology out;
    if (root.type != YamlNode::Type::Map) {
        ctx.error(root, "bad-root", "the file must be a map starting with 'firedrill: 1'");
        out.diagnostics = std::move(ctx.diagnostics());
        return out;
    }
    Topology t;
    {
        YamlFieldReader top(ctx, root, "", "the topology");
        if (const YamlNode* v = top.get("firedrill")) {
            if (auto version = yv::integer(ctx, *v, "firedrill")) {
                t.formatVersion = *version;
                if (*version > kTopologyFormatVersion)
                    ctx.error(*v, "newer-format",
                              "format version " + std::to_string(*version) +
                                  " was written by a newer Firedrill; this version reads format " +
                                  std::to_string(kTopologyFormatVersion));
                else if (*version < 1)
                    ctx.error(*v, "bad-version", "format version must be 1");
            }
        } else {
            ctx.error(root, "missing-version", "the file does not start with 'firedrill: 1'; is it a Firedrill topology?");
        }
        top.value("name", t.name, yv::text);
        top.value("description", t.description, yv::text);
        std::set<std::string> siteIds;
        if (const YamlNode* sites = root.find("sites"); sites && sites->type == YamlNode::Type::Sequence)
            for (const auto& s : sites->items)
                if (const YamlNode* id = s->find("id"); id && id->type == YamlNode::Type::Scalar)
                    siteIds.insert(id->text);
        readList(ctx, top, "regions", t.regions, readRegion);
        readList(ctx, top, "sites", t.sites, readSite);
        forEachItem(ctx, top.get("components"), "components", [&](const YamlNode& item, std::size_t i) {
            t.components.push_back(readComponent(ctx, item, itemPath("components", item, i), siteIds));
        });
        readList(ctx, top, "workloads", t.workloads, readWorkload);
        forEachItem(ctx, top.get("policies"), "policies", [&](const YamlNode& item, std::size_t i) {
            t.policies.push_back(readPolicy(ctx, item, "policies[" + std::to_string(i) + "]"));
        });
        readList(ctx, top, "scenarios", t.scenarios, readScenario);
    }
    out.topology = std::move(t);
    out.diagnostics = std::move(ctx.diagnostics());
    out.sources = std::move(ctx.sources());
    return out;
}

} // namespace firedrill
