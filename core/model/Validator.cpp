#include "Validator.h"

#include "DependencyCycles.h"
#include "EnumNames.h"
#include "SizeLimits.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace firedrill {

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string seconds(Duration d)
{
    std::string s = std::to_string(d.toSeconds());
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s + "s";
}

/// Walks a topology once and collects diagnostics.
class Checker
{
public:
    explicit Checker(const Topology& t) : m_t(t)
    {
        for (const auto& c : t.components) {
            m_components.emplace(c.id.str(), &c);
            for (const auto& r : c.replicas)
                m_replicas.insert(r.id.str());
        }
    }

    std::vector<Diagnostic> run()
    {
        if (m_t.formatVersion != kTopologyFormatVersion)
            error("firedrill", "unsupported-version",
                  "format version " + std::to_string(m_t.formatVersion) + " is not supported; expected " +
                      std::to_string(kTopologyFormatVersion));
        if (m_t.name.empty())
            warning("name", "missing-name", "the topology has no name");
        collectIds();
        for (std::size_t i = 0; i < m_t.regions.size(); ++i)
            checkRegion(m_t.regions[i]);
        for (const auto& c : m_t.components)
            checkComponent(c);
        checkCycles();
        for (const auto& w : m_t.workloads)
            checkWorkload(w);
        checkPolicies();
        for (const auto& s : m_t.scenarios)
            checkScenario(s);
        checkSizeLimits(m_t, m_out);
        return std::move(m_out);
    }

private:
    /// Component lookup by id in constant time (topologies can hold 100,000 components).
    const Component* component(const ComponentId& id) const
    {
        const auto it = m_components.find(id.str());
        return it == m_components.end() ? nullptr : it->second;
    }

    void error(std::string path, std::string code, std::string message)
    {
        m_out.push_back({Severity::Error, std::move(code), std::move(message), std::move(path), {}});
    }
    void warning(std::string path, std::string code, std::string message)
    {
        m_out.push_back({Severity::Warning, std::move(code), std::move(message), std::move(path), {}});
    }

    static std::string item(const std::string& collection, const std::string& id)
    {
        return collection + "[" + id + "]";
    }

    void checkId(const std::string& path, const std::string& id, const std::string& what)
    {
        if (id.empty()) {
            error(path, "missing-id", what + " has no id");
            return;
        }
        const auto bad = std::find_if(id.begin(), id.end(), [](char ch) {
            return !(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.');
        });
        if (bad != id.end())
            error(path, "bad-id",
                  what + " id " + quoted(id) + " may only contain letters, digits, '-', '_' and '.'");
        auto [it, inserted] = m_ids.emplace(id, path);
        if (!inserted)
            error(path, "duplicate-id", "id " + quoted(id) + " is already used by " + it->second);
    }

    void collectIds()
    {
        for (const auto& r : m_t.regions)
            checkId(item("regions", r.id.str()), r.id.str(), "region");
        for (const auto& s : m_t.sites)
            checkId(item("sites", s.id.str()), s.id.str(), "site");
        for (const auto& c : m_t.components) {
            const auto path = item("components", c.id.str());
            checkId(path, c.id.str(), "component");
            for (const auto& r : c.replicas)
                checkId(path + item(".replicas", r.id.str()), r.id.str(), "replica");
        }
        for (const auto& w : m_t.workloads)
            checkId(item("workloads", w.id.str()), w.id.str(), "workload");
        for (const auto& s : m_t.scenarios)
            checkId(item("scenarios", s.id.str()), s.id.str(), "scenario");
    }

    void nonNegative(const std::string& path, const std::optional<Duration>& d, const char* what)
    {
        if (d && d->ms < 0)
            error(path, "negative-duration", std::string(what) + " must not be negative (got " + seconds(*d) + ")");
    }
    void positive(const std::string& path, const std::optional<Duration>& d, const char* what)
    {
        if (d && d->ms <= 0)
            error(path, "non-positive-duration", std::string(what) + " must be greater than zero (got " +
                                                     seconds(*d) + ")");
    }
    void fraction(const std::string& path, const std::optional<double>& v, const char* what)
    {
        if (v && !(*v >= 0.0 && *v <= 1.0))
            error(path, "out-of-range", std::string(what) + " must be between 0 and 1 (got " + std::to_string(*v) + ")");
    }
    void nonNegative(const std::string& path, const std::optional<double>& v, const char* what)
    {
        if (v && !(*v >= 0.0))
            error(path, "out-of-range", std::string(what) + " must not be negative (got " + std::to_string(*v) + ")");
    }

    void checkRegion(const Region& r)
    {
        const auto path = item("regions", r.id.str());
        if (r.zones < 0)
            error(path + ".zones", "out-of-range", "zones must be 0 or more (got " + std::to_string(r.zones) + ")");
        if (r.pair) {
            const Region* other = m_t.findRegion(*r.pair);
            if (!other)
                error(path + ".pair", "unknown-reference", "paired region " + quoted(r.pair->str()) + " does not exist");
            else if (*r.pair == r.id)
                error(path + ".pair", "self-reference", "a region cannot be paired with itself");
            else if (!other->pair || *other->pair != r.id)
                warning(path + ".pair", "asymmetric-pair",
                        "region " + quoted(r.pair->str()) + " is not paired back with " + quoted(r.id.str()));
        }
        for (const auto* rate : {&r.outage, &r.zoneOutage}) {
            if (*rate) {
                const auto p = path + (rate == &r.outage ? ".outage" : ".zone_outage");
                positive(p + ".mtbf", (*rate)->mtbf, "mtbf");
                nonNegative(p + ".mttr", (*rate)->mttr, "mttr");
            }
        }
    }

    void checkZone(const std::string& path, const RegionId& region, int zone)
    {
        const Region* r = m_t.findRegion(region);
        if (!r)
            return; // the unknown region is reported on its own
        if (zone < 1 || zone > r->zones)
            error(path, "unknown-zone",
                  "zone " + std::to_string(zone) + " does not exist in region " + quoted(region.str()) + " (it has " +
                      std::to_string(r->zones) + " zone" + (r->zones == 1 ? "" : "s") + ")");
    }

    void checkPlacement(const Component& c, const std::string& path)
    {
        if (isGlobal(c.kind) || c.kind == ComponentKind::Users) {
            if (c.region && !m_t.findRegion(*c.region))
                error(path + ".region", "unknown-reference", "region " + quoted(c.region->str()) + " does not exist");
        } else if (isLink(c.kind)) {
            if (c.between.size() != 2)
                error(path + ".between", "bad-link",
                      std::string(kindLabel(c.kind)) + " must join exactly two regions or sites (got " +
                          std::to_string(c.between.size()) + ")");
            for (const auto& end : c.between) {
                if (const auto* region = std::get_if<RegionId>(&end); region && !m_t.findRegion(*region) &&
                                                                       !m_t.findSite(SiteId{region->str()}))
                    error(path + ".between", "unknown-reference",
                          "link end " + quoted(region->str()) + " is neither a region nor a site");
            }
            if (c.between.size() == 2 && c.between[0] == c.between[1])
                error(path + ".between", "bad-link", "a link cannot join a place to itself");
        } else if (!c.region && !c.site && c.replicas.empty()) {
            error(path, "missing-placement",
                  std::string(kindLabel(c.kind)) + " " + quoted(c.id.str()) + " needs a region or a site");
        }
        if (c.region && !isLink(c.kind) && !m_t.findRegion(*c.region) && !isGlobal(c.kind) &&
            c.kind != ComponentKind::Users)
            error(path + ".region", "unknown-reference", "region " + quoted(c.region->str()) + " does not exist");
        if (c.site && !m_t.findSite(*c.site))
            error(path + ".site", "unknown-reference", "site " + quoted(c.site->str()) + " does not exist");
        if (c.region && c.site)
            error(path + ".site", "conflicting-placement", "a component is either in a region or at a site, not both");
        if (c.zone) {
            if (!c.region)
                error(path + ".zone", "zone-without-region", "a zone is given but no region");
            else
                checkZone(path + ".zone", *c.region, *c.zone);
        }
        if (!c.zones.empty()) {
            if (c.zone)
                error(path + ".zones", "conflicting-placement", "give either zone (pinned) or zones (spread), not both");
            if (!c.region)
                error(path + ".zones", "zone-without-region", "zones are given but no region");
            else
                for (int z : c.zones)
                    checkZone(path + ".zones", *c.region, z);
            std::set<int> seen(c.zones.begin(), c.zones.end());
            if (seen.size() != c.zones.size())
                error(path + ".zones", "duplicate-zone", "a zone is listed twice");
        }
    }

    void checkCapacity(const Component& c, const std::string& path)
    {
        if (c.instances && *c.instances < 0)
            error(path + ".instances", "out-of-range", "instances must be 0 or more");
        if (c.instances && *c.instances == 0 && c.kind != ComponentKind::VmScaleSet)
            warning(path + ".instances", "no-instances", "0 instances: this component serves nothing until scaled out");
        nonNegative(path + ".capacity_rps", c.capacityRps, "capacity_rps");
        if (c.autoscale) {
            const auto& a = *c.autoscale;
            if (a.min < 0 || a.max < 1 || a.min > a.max)
                error(path + ".autoscale", "out-of-range",
                      "autoscale needs 0 <= min <= max and max >= 1 (got min " + std::to_string(a.min) + ", max " +
                          std::to_string(a.max) + ")");
            else if (c.instances && (*c.instances < a.min || *c.instances > a.max))
                warning(path + ".instances", "outside-autoscale",
                        "instances (" + std::to_string(*c.instances) + ") lie outside autoscale min..max");
            nonNegative(path + ".autoscale.scale_out_time", a.scaleOutTime, "scale_out_time");
        }
        if (c.leaderElection) {
            if (kindFamily(c.kind) != KindFamily::Compute)
                error(path + ".leader_election", "bad-value",
                      "leader election applies to compute (app-service, vm, vm-scale-set) only");
            positive(path + ".leader_election.lease", std::optional<Duration>(c.leaderElection->lease), "lease");
        }
        if (c.sla && !(c.sla->value > 0.0 && c.sla->value <= 100.0))
            error(path + ".sla", "out-of-range", "sla must be above 0% and at most 100%");
        positive(path + ".mtbf", c.mtbf, "mtbf");
        nonNegative(path + ".mttr", c.mttr, "mttr");
        nonNegative(path + ".startup_time", c.startupTime, "startup_time");
        nonNegative(path + ".cost", c.cost, "cost");
        for (const auto* d : {&c.faultDomains, &c.updateDomains})
            if (*d && **d < 1)
                error(path + (d == &c.faultDomains ? ".fault_domains" : ".update_domains"), "out-of-range",
                      "domain counts must be 1 or more");
    }

    void checkRouting(const Component& c, const std::string& path)
    {
        const bool routes = isGlobal(c.kind);
        if (routes && c.endpoints.empty())
            error(path + ".endpoints", "no-endpoints", std::string(kindLabel(c.kind)) + " needs at least one endpoint");
        if (!routes && !c.endpoints.empty())
            warning(path + ".endpoints", "ignored-property", "endpoints only apply to traffic managers and front doors");
        std::set<ComponentId> seen;
        for (const auto& e : c.endpoints) {
            if (!component(e.target))
                error(path + ".endpoints", "unknown-reference", "endpoint " + quoted(e.target.str()) + " does not exist");
            if (!seen.insert(e.target).second)
                error(path + ".endpoints", "duplicate-endpoint", "endpoint " + quoted(e.target.str()) + " is listed twice");
            if (e.weight && *e.weight < 1)
                error(path + ".endpoints", "out-of-range", "endpoint weights must be 1 or more");
            if (e.priority && *e.priority < 1)
                error(path + ".endpoints", "out-of-range", "endpoint priorities must be 1 or more");
        }
        if (c.probe) {
            const auto& p = *c.probe;
            positive(path + ".probe.interval", p.interval, "probe interval");
            positive(path + ".probe.timeout", p.timeout, "probe timeout");
            if (p.toleratedFailures < 0)
                error(path + ".probe.tolerated_failures", "out-of-range", "tolerated_failures must be 0 or more");
            if (p.timeout.ms > 0 && p.interval.ms > 0 && p.timeout >= p.interval)
                warning(path + ".probe.timeout", "probe-timeout",
                        "probe timeout should be shorter than the probe interval");
        }
        nonNegative(path + ".dns_ttl", c.dnsTtl, "dns_ttl");
    }

    void checkData(const Component& c, const std::string& path)
    {
        if (c.size && !(c.size->gigabytes >= 0.0))
            error(path + ".size", "out-of-range", "size must not be negative");
        nonNegative(path + ".write_rate", c.writeRate, "write_rate");
        nonNegative(path + ".geo_lag", c.geoLag, "geo_lag");
        if (!c.replicas.empty()) {
            const auto primaries = std::count_if(c.replicas.begin(), c.replicas.end(),
                                                 [](const Replica& r) { return r.role == ReplicaRole::Primary; });
            if (primaries != 1)
                error(path + ".replicas", "primary-count",
                      "a replicated component needs exactly one primary replica (found " +
                          std::to_string(primaries) + ")");
        }
        for (const auto& r : c.replicas) {
            const auto rp = path + item(".replicas", r.id.str());
            if (!m_t.findRegion(r.region))
                error(rp + ".region", "unknown-reference",
                      "replica " + quoted(r.id.str()) + " is in region " + quoted(r.region.str()) +
                          ", which does not exist");
            else if (r.zone)
                checkZone(rp + ".zone", r.region, *r.zone);
            nonNegative(rp + ".lag", r.lag, "lag");
            if (r.role == ReplicaRole::Primary && r.sync)
                warning(rp + ".sync", "ignored-property", "sync applies to secondary replicas only");
            if (r.lag && r.sync == ReplicationMode::Synchronous)
                warning(rp + ".lag", "ignored-property", "a synchronous replica has no lag");
        }
        if (c.failover) {
            const auto& f = *c.failover;
            const auto fp = path + ".failover";
            nonNegative(fp + ".detection", f.detection, "detection");
            nonNegative(fp + ".promotion", f.promotion, "promotion");
            nonNegative(fp + ".decision", f.decision, "decision");
            nonNegative(fp + ".grace_period", f.gracePeriod, "grace_period");
            const bool manual = f.mode == FailoverMode::Manual || f.crossRegion == FailoverMode::Manual;
            if (manual && !f.decision)
                warning(fp + ".decision", "missing-decision",
                        "a manual failover needs a decision time; 0s is assumed");
        }
        if (c.backup) {
            const auto& b = *c.backup;
            const auto bp = path + ".backup";
            positive(bp + ".full", b.full, "full backup interval");
            positive(bp + ".differential", b.differential, "differential backup interval");
            positive(bp + ".log", b.log, "log backup interval");
            positive(bp + ".retention", b.retention, "retention");
            if (b.restoreRate && !(b.restoreRate->gigabytesPerHour > 0.0))
                error(bp + ".restore_rate", "out-of-range", "restore_rate must be greater than zero");
            if (b.copyTo && !m_t.findRegion(*b.copyTo))
                error(bp + ".copy_to", "unknown-reference", "region " + quoted(b.copyTo->str()) + " does not exist");
            if (!b.full && !b.log && !b.differential)
                warning(bp, "empty-backup", "a backup without any interval takes no backups");
        }
        if (c.outbox) {
            if (c.outbox->capacity && *c.outbox->capacity < 0)
                error(path + ".outbox.capacity", "out-of-range", "outbox capacity must be 0 or more");
            nonNegative(path + ".outbox.drain_rate", c.outbox->drainRate, "outbox drain_rate");
        }
        if (c.redundancy && c.kind != ComponentKind::StorageAccount)
            warning(path + ".redundancy", "ignored-property", "redundancy applies to storage accounts only");
        if (c.disks && *c.disks < 1)
            error(path + ".disks", "out-of-range", "disks must be 1 or more");
        else if (c.disks && c.kind != ComponentKind::StorageAccount)
            warning(path + ".disks", "ignored-property",
                    "disks applies to the storage account that holds the VM disks (each disk is a page blob there)");
    }

    void checkDependencies(const Component& c, const std::string& path)
    {
        std::set<ComponentId> seen;
        for (const auto& d : c.dependsOn) {
            const auto dp = path + (d.kind == DependencyKind::Hard ? ".depends_on" : ".soft_depends_on");
            if (d.target == c.id)
                error(dp, "self-reference", "component " + quoted(c.id.str()) + " depends on itself");
            else if (!component(d.target))
                error(dp, "unknown-reference", "dependency " + quoted(d.target.str()) + " does not exist");
            if (!seen.insert(d.target).second)
                error(dp, "duplicate-dependency", "dependency " + quoted(d.target.str()) + " is listed twice");
        }
        if (c.resilience) {
            const auto& r = *c.resilience;
            if (r.retries && *r.retries < 0)
                error(path + ".resilience.retries", "out-of-range", "retries must be 0 or more");
            nonNegative(path + ".resilience.retry_delay", r.retryDelay, "retry_delay");
            if (r.retryBackoff && !(*r.retryBackoff >= 1.0))
                error(path + ".resilience.retry_backoff", "out-of-range",
                      "retry_backoff must be 1 or more (each wait is that many times the previous one)");
            if (r.breakerThreshold && *r.breakerThreshold < 1)
                error(path + ".resilience.breaker_threshold", "out-of-range", "breaker_threshold must be 1 or more");
            nonNegative(path + ".resilience.breaker_open", r.breakerOpen, "breaker_open");
            if (r.breakerErrorRate && !(*r.breakerErrorRate > 0.0 && *r.breakerErrorRate <= 1.0))
                error(path + ".resilience.breaker_error_rate", "out-of-range",
                      "breaker_error_rate must be above 0 and at most 1 (a share of calls)");
            else if (r.breakerErrorRate && !(r.breakerThreshold && r.breakerOpen))
                warning(path + ".resilience.breaker_error_rate", "ignored-property",
                        "breaker_error_rate needs a circuit breaker (breaker_threshold and breaker_open)");
        }
    }

    void checkComponent(const Component& c)
    {
        const auto path = item("components", c.id.str());
        checkPlacement(c, path);
        checkCapacity(c, path);
        checkRouting(c, path);
        checkData(c, path);
        checkDependencies(c, path);
        nonNegative(path + ".latency", c.latency, "latency");
    }

    /// Hard dependencies must form a DAG; each cycle is reported once with its members.
    void checkCycles()
    {
        for (const DependencyCycle& cycle : findHardDependencyCycles(m_t))
            error(item("components", cycle.closedBy.str()) + ".depends_on", "dependency-cycle",
                  "hard dependencies form a cycle: " + cycle.members);
    }

    void checkWorkload(const Workload& w)
    {
        const auto path = item("workloads", w.id.str());
        if (w.entry.empty())
            error(path + ".entry", "missing-entry", "workload " + quoted(w.id.str()) + " has no entry component");
        else if (!component(w.entry))
            error(path + ".entry", "unknown-reference", "entry component " + quoted(w.entry.str()) + " does not exist");
        for (const auto& c : w.components)
            if (!component(c))
                error(path + ".components", "unknown-reference", "component " + quoted(c.str()) + " does not exist");
        nonNegative(path + ".demand_rps", std::optional<double>(w.demandRps), "demand_rps");
        fraction(path + ".write_fraction", std::optional<double>(w.writeFraction), "write_fraction");
        if (w.strategy) {
            const auto& s = *w.strategy;
            const auto sp = path + ".strategy";
            if (s.scaleFactor) {
                if (!(*s.scaleFactor > 0.0 && *s.scaleFactor <= 1.0))
                    error(sp + ".scale_factor", "out-of-range", "scale_factor must be above 0 and at most 1");
                if (s.kind != StrategyKind::ActivePassiveFull)
                    warning(sp + ".scale_factor", "ignored-property",
                            "scale_factor applies to active-passive-full only");
            }
            for (const auto* r : {&s.primary, &s.secondary})
                if (*r && !m_t.findRegion(**r))
                    error(sp + (r == &s.primary ? ".primary" : ".secondary"), "unknown-reference",
                          "region " + quoted((*r)->str()) + " does not exist");
            if (s.primary && s.secondary && *s.primary == *s.secondary)
                error(sp + ".secondary", "same-region", "primary and secondary regions must differ");
            nonNegative(sp + ".redeploy_time", s.redeployTime, "redeploy_time");
            if (s.kind != StrategyKind::SingleRegion && m_t.regions.size() < 2)
                warning(sp, "single-region",
                        std::string(toName(s.kind)) + " needs a second region, but the topology has " +
                            std::to_string(m_t.regions.size()));
        }
    }

    void checkPolicies()
    {
        std::map<std::pair<std::string, DisruptionClass>, std::size_t> seen;
        for (std::size_t i = 0; i < m_t.policies.size(); ++i) {
            const auto& p = m_t.policies[i];
            const auto path = "policies[" + std::to_string(i) + "]";
            if (!m_t.findWorkload(p.workload))
                error(path + ".workload", "unknown-reference", "workload " + quoted(p.workload.str()) + " does not exist");
            nonNegative(path + ".rto", p.rto, "rto");
            nonNegative(path + ".rpo", p.rpo, "rpo");
            if (!p.rto && !p.rpo)
                warning(path, "empty-policy", "a policy without rto or rpo sets no target");
            auto [it, inserted] = seen.emplace(std::make_pair(p.workload.str(), p.disruption), i);
            if (!inserted)
                error(path, "duplicate-policy",
                      "workload " + quoted(p.workload.str()) + " already has a " + std::string(toName(p.disruption)) +
                          " policy (policies[" + std::to_string(it->second) + "])");
        }
    }

    void checkFaultTarget(const FaultTarget& t, const std::string& path)
    {
        switch (t.scope) {
        case FaultTarget::Scope::Component:
            // Replicas can be failed on their own.
            if (!component(ComponentId{t.id}) && !m_replicas.count(t.id))
                error(path, "unknown-reference", "fault target " + quoted(t.id) + " does not exist");
            break;
        case FaultTarget::Scope::Region:
            if (!m_t.findRegion(RegionId{t.id}))
                error(path, "unknown-reference", "region " + quoted(t.id) + " does not exist");
            break;
        case FaultTarget::Scope::Zone:
            if (!m_t.findRegion(RegionId{t.id}))
                error(path, "unknown-reference", "region " + quoted(t.id) + " does not exist");
            else
                checkZone(path, RegionId{t.id}, t.zone.value_or(0));
            break;
        case FaultTarget::Scope::Site:
            if (!m_t.findSite(SiteId{t.id}))
                error(path, "unknown-reference", "site " + quoted(t.id) + " does not exist");
            break;
        }
    }

    void checkScenario(const Scenario& s)
    {
        const auto path = item("scenarios", s.id.str());
        positive(path + ".duration", s.duration, "duration");
        for (std::size_t i = 0; i < s.faults.size(); ++i) {
            const auto& f = s.faults[i];
            const auto fp = path + ".faults[" + std::to_string(i) + "]";
            nonNegative(fp + ".at", f.at, "at");
            nonNegative(fp + ".for", f.length, "for");
            nonNegative(fp + ".detected_after", f.detectedAfter, "detected_after");
            nonNegative(fp + ".latency", f.latency, "latency");
            fraction(fp + ".error_rate", f.errorRate, "error_rate");
            if (f.multiplier && !(*f.multiplier > 0.0))
                error(fp + ".multiplier", "out-of-range", "multiplier must be greater than zero");
            checkFaultTarget(f.target, fp + ".target");
            if (f.at.ms >= 0 && s.duration.ms > 0 && f.at >= s.duration)
                warning(fp + ".at", "fault-after-end", "the fault starts after the scenario ends");
            if (f.kind == FaultKind::Corruption && f.target.scope == FaultTarget::Scope::Component) {
                const Component* c = component(ComponentId{f.target.id});
                if (c && !holdsData(c->kind))
                    warning(fp + ".kind", "corruption-target",
                            "corruption applies to components that hold data; " + quoted(f.target.id) + " does not");
            }
            if (f.kind == FaultKind::Surge && !f.multiplier)
                error(fp + ".multiplier", "missing-parameter", "a surge needs a multiplier");
            if (f.kind == FaultKind::FaultDomain)
                checkFaultDomainFault(f, fp);
            else if (f.domain)
                warning(fp + ".domain", "ignored-property", "domain applies to fault-domain faults only");
        }
        checkInjects(s, path);
    }

    /// A fault-domain fault names a compute component and one of its `fault_domains` (0-based).
    void checkFaultDomainFault(const Fault& f, const std::string& fp)
    {
        const Component* c =
            f.target.scope == FaultTarget::Scope::Component ? component(ComponentId{f.target.id}) : nullptr;
        if (f.target.scope != FaultTarget::Scope::Component || (c && kindFamily(c->kind) != KindFamily::Compute)) {
            error(fp + ".target", "bad-value", "a fault-domain fault targets a compute component (app-service, vm, "
                                               "vm-scale-set)");
            return;
        }
        if (!f.domain) {
            error(fp + ".domain", "missing-parameter", "a fault-domain fault needs a domain (0, 1, ...)");
            return;
        }
        const int domains = c && c->faultDomains ? *c->faultDomains : 1;
        if (*f.domain < 0 || (c && *f.domain >= domains))
            error(fp + ".domain", "out-of-range",
                  "domain must be 0 to " + std::to_string(domains - 1) + " (" + quoted(f.target.id) + " has " +
                      std::to_string(domains) + " fault domain" + (domains == 1 ? "" : "s") + ")");
    }

    void checkInjects(const Scenario& s, const std::string& path)
    {
        for (std::size_t i = 0; i < s.injects.size(); ++i) {
            const auto& inject = s.injects[i];
            const auto ip = path + ".injects[" + std::to_string(i) + "]";
            nonNegative(ip + ".at", inject.at, "at");
            if (inject.at.ms >= 0 && s.duration.ms > 0 && inject.at >= s.duration)
                warning(ip + ".at", "inject-after-end",
                        "the inject is not before the end of the scenario, so the replay never stops there");
            if (inject.prompt.find_first_not_of(" \t\r\n") == std::string::npos)
                error(ip + ".prompt", "empty-prompt",
                      "an inject needs a prompt: the question or news shown to the team when the replay stops");
        }
    }

    const Topology& m_t;
    std::vector<Diagnostic> m_out;
    std::unordered_map<std::string, std::string> m_ids;
    std::unordered_map<std::string, const Component*> m_components;
    std::unordered_set<std::string> m_replicas;
};

} // namespace

std::vector<Diagnostic> validate(const Topology& topology)
{
    return Checker(topology).run();
}

} // namespace firedrill
