#include "StrategyApplier.h"

#include "WorkloadScope.h"

#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace firedrill {

namespace {

/// Components that are deployed once per region (compute, regional routing, caches, messaging).
bool perRegion(const Component& c)
{
    const KindFamily f = kindFamily(c.kind);
    return f == KindFamily::Compute || f == KindFamily::RegionalRouting || c.kind == ComponentKind::Cache ||
           f == KindFamily::Messaging;
}

/// Data that is replicated rather than copied: databases.
bool replicatedData(const Component& c)
{
    return c.kind == ComponentKind::SqlDatabase || c.kind == ComponentKind::SqlServerAg;
}

std::string regionName(const Topology& t, const RegionId& id)
{
    const Region* r = t.findRegion(id);
    return r && !r->name.empty() ? r->name : id.str();
}

/// Works on a copy of the topology and records every change.
class Applier
{
public:
    Applier(const Topology& t, const Workload& w, const Strategy& s, RegionId primary, RegionId secondary)
        : m_t(t), m_w(w), m_s(s), m_p(std::move(primary)), m_sec(std::move(secondary))
    {
        m_plan.strategy = s;
        m_plan.result = t;
    }

    StrategyPlan run()
    {
        const auto members = workloadComponents(m_t, m_w);
        std::vector<ComponentId> regional;
        for (const Component* c : members)
            if (c->region == m_p && perRegion(*c))
                regional.push_back(c->id);
        for (const auto& id : regional)
            m_counterpart[id.str()] = counterpartOf(*find(id));
        const bool computeInSecondary =
            m_s.kind == StrategyKind::ActivePassiveFull || m_s.kind == StrategyKind::ActiveActive;
        for (const auto& id : regional) {
            if (computeInSecondary)
                ensureCounterpart(id);
            else
                removeCounterpart(id);
        }
        for (const Component* c : members)
            if (replicatedData(*c) && homedInPrimary(*c))
                arrangeData(c->id);
        for (const Component* c : members)
            if (isGlobal(c->kind))
                arrangeRouting(c->id, computeInSecondary);
        setStrategy();
        return std::move(m_plan);
    }

private:
    Component* find(const ComponentId& id)
    {
        // The result is ours to edit; its index answers without a scan of every component.
        return const_cast<Component*>(m_plan.result.findComponent(id)); // NOLINT(cppcoreguidelines-pro-type-const-cast): m_plan.result is not const
    }

    void change(TopologyChange::Kind kind, const ComponentId& id, std::string description)
    {
        m_plan.changes.push_back({kind, id, std::move(description)});
    }

    /// "web-weu" -> "web-neu"; without the region in the id, "web" -> "web-neu".
    ComponentId counterpartId(const ComponentId& id) const
    {
        std::string s = id.str();
        const std::string from = m_p.str();
        const auto at = s.rfind(from);
        if (at != std::string::npos && (at == 0 || s[at - 1] == '-' || s[at - 1] == '_'))
            return ComponentId{s.replace(at, from.size(), m_sec.str())};
        return ComponentId{s + "-" + m_sec.str()};
    }

    ComponentId counterpartOf(const Component& c) const
    {
        ComponentId id = counterpartId(c.id);
        const Component* existing = m_t.findComponent(id);
        if (existing && existing->kind == c.kind)
            return id;
        // Otherwise the first component of the same kind and name in the secondary region.
        if (c.name.empty())
            return id;
        if (!m_secondaryByKindAndName) {
            m_secondaryByKindAndName.emplace();
            for (const auto& other : m_t.components)
                if (other.region == m_sec && !other.name.empty())
                    m_secondaryByKindAndName->emplace(std::make_pair(other.kind, other.name), other.id);
        }
        const auto found = m_secondaryByKindAndName->find(std::make_pair(c.kind, c.name));
        return found == m_secondaryByKindAndName->end() ? id : found->second;
    }

    int scaledInstances(const Component& primary) const
    {
        const int full = primary.instances.value_or(1);
        if (m_s.kind != StrategyKind::ActivePassiveFull)
            return full;
        const double factor = m_s.scaleFactor.value_or(kDefaultScaleFactor);
        return std::max(1, static_cast<int>(std::ceil(static_cast<double>(full) * factor - 1e-9)));
    }

    std::vector<Dependency> mappedDependencies(const Component& primary) const
    {
        std::vector<Dependency> out;
        for (const auto& d : primary.dependsOn) {
            const auto it = m_counterpart.find(d.target.str());
            out.push_back({it == m_counterpart.end() ? d.target : it->second, d.kind});
        }
        return out;
    }

    void ensureCounterpart(const ComponentId& id)
    {
        const Component primary = *find(id);
        const ComponentId cid = m_counterpart.at(id.str());
        const int instances = scaledInstances(primary);
        const std::string scale = m_s.kind == StrategyKind::ActivePassiveFull
                                      ? " (scale factor " + formatNumber(m_s.scaleFactor.value_or(kDefaultScaleFactor)) + ")"
                                      : " (full size)";
        if (Component* existing = find(cid)) {
            if (existing->instances.value_or(1) != instances) {
                change(TopologyChange::Kind::Rescale, cid,
                       "rescale " + cid.str() + " from " + std::to_string(existing->instances.value_or(1)) + " to " +
                           std::to_string(instances) + " instances" + scale);
                if (existing->cost && existing->instances.value_or(1) > 0)
                    existing->cost = *existing->cost * instances / existing->instances.value_or(1);
                existing->instances = instances;
                if (existing->autoscale && existing->autoscale->min > instances)
                    existing->autoscale->min = instances;
            }
            return;
        }
        Component copy = primary;
        copy.id = cid;
        copy.region = m_sec;
        copy.instances = instances;
        // Keep the zone layout where the secondary region has those zones.
        const Region* target = m_t.findRegion(m_sec);
        const int zones = target ? target->zones : 0;
        if (copy.zone && *copy.zone > zones)
            copy.zone.reset();
        std::erase_if(copy.zones, [&](int z) { return z > zones; });
        if (copy.autoscale)
            copy.autoscale->min = std::min(copy.autoscale->min, instances);
        copy.dependsOn = mappedDependencies(primary);
        if (primary.cost && primary.instances.value_or(1) > 0)
            copy.cost = *primary.cost * instances / primary.instances.value_or(1);
        if (!copy.name.empty())
            copy.name += " (" + regionName(m_t, m_sec) + ")";
        change(TopologyChange::Kind::Add, cid,
               "add " + cid.str() + " (" + std::string(kindLabel(copy.kind)) + ") in " + regionName(m_t, m_sec) +
                   " with " + std::to_string(instances) + " instance" + (instances == 1 ? "" : "s") + scale);
        m_plan.result.components.push_back(std::move(copy));
    }

    void removeCounterpart(const ComponentId& id)
    {
        const ComponentId cid = m_counterpart.at(id.str());
        auto& cs = m_plan.result.components;
        const auto it = std::find_if(cs.begin(), cs.end(), [&](const Component& c) { return c.id == cid; });
        if (it == cs.end())
            return;
        cs.erase(it);
        change(TopologyChange::Kind::Remove, cid, "remove " + cid.str() + " from " + regionName(m_t, m_sec));
        for (auto& c : cs) {
            std::erase_if(c.endpoints, [&](const Endpoint& e) { return e.target == cid; });
            std::erase_if(c.dependsOn, [&](const Dependency& d) { return d.target == cid; });
        }
        for (auto& w : m_plan.result.workloads)
            std::erase(w.components, cid);
        for (auto& scenario : m_plan.result.scenarios) {
            const auto dropped = std::erase_if(scenario.faults, [&](const Fault& f) {
                return f.target.scope == FaultTarget::Scope::Component && f.target.id == cid.str();
            });
            if (dropped > 0)
                change(TopologyChange::Kind::Modify, cid,
                       "drop the fault on " + cid.str() + " from scenario " + scenario.id.str());
        }
    }

    /// True for data whose primary copy is in the primary region (not a per-region copy in the secondary).
    bool homedInPrimary(const Component& c) const
    {
        if (c.replicas.empty())
            return c.region == m_p;
        return std::any_of(c.replicas.begin(), c.replicas.end(),
                           [&](const Replica& r) { return r.role == ReplicaRole::Primary && r.region == m_p; });
    }

    /// An id not used by any component or replica yet: `base`, else base-2, base-3 ...
    ComponentId freshId(const std::string& base) const
    {
        const auto used = [&](const std::string& id) {
            return std::any_of(m_plan.result.components.begin(), m_plan.result.components.end(), [&](const Component& c) {
                return c.id.str() == id ||
                       std::any_of(c.replicas.begin(), c.replicas.end(), [&](const Replica& r) { return r.id.str() == id; });
            });
        };
        std::string id = base;
        for (int n = 2; used(id); ++n)
            id = base + "-" + std::to_string(n);
        return ComponentId{id};
    }

    /// Databases: a secondary replica for every strategy but redeploy, which relies on copied backups.
    void arrangeData(const ComponentId& id)
    {
        Component& c = *find(id);
        const bool wantsReplica = m_s.kind != StrategyKind::RedeployFromBackup && m_s.kind != StrategyKind::SingleRegion;
        const auto inSecondary = [&](const Replica& r) { return r.region == m_sec; };
        const bool hasReplica = std::any_of(c.replicas.begin(), c.replicas.end(), inSecondary);
        if (wantsReplica && !hasReplica) {
            if (c.replicas.empty()) {
                const RegionId home = c.region.value_or(m_p);
                c.replicas.push_back({freshId(c.id.str() + "-" + home.str()), home, c.zone, ReplicaRole::Primary, {}, {}, false, {}});
                c.region.reset();
                c.zone.reset();
            }
            c.replicas.push_back({freshId(c.id.str() + "-" + m_sec.str()), m_sec, {}, ReplicaRole::Secondary,
                                  ReplicationMode::Asynchronous, Duration::seconds(5), false, {}});
            if (!c.failover)
                c.failover = Failover{};
            if (!c.failover->crossRegion || *c.failover->crossRegion == FailoverMode::None) {
                c.failover->crossRegion = FailoverMode::Manual;
                if (!c.failover->decision)
                    c.failover->decision = Duration::minutes(30);
            }
            change(TopologyChange::Kind::Modify, id,
                   "add an asynchronous geo-replica of " + id.str() + " in " + regionName(m_t, m_sec) +
                       " (lag 5s assumed), cross-region failover " + std::string(toName(*c.failover->crossRegion)));
        } else if (!wantsReplica && hasReplica) {
            std::erase_if(c.replicas, inSecondary);
            change(TopologyChange::Kind::Modify, id, "remove the replica of " + id.str() + " in " + regionName(m_t, m_sec));
        }
        if (m_s.kind == StrategyKind::RedeployFromBackup) {
            if (!c.backup)
                c.backup = Backup{Duration::hours(24), {}, Duration::hours(1), {}, DataRate{500}, {}, false};
            if (c.backup->copyTo != m_sec) {
                c.backup->copyTo = m_sec;
                change(TopologyChange::Kind::Modify, id,
                       "copy the backups of " + id.str() + " to " + regionName(m_t, m_sec));
            }
        }
    }

    void arrangeRouting(const ComponentId& id, bool secondaryServes)
    {
        Component& router = *find(id);
        for (const auto& pair : m_counterpart) {
            const auto& primaryId = pair.first; // not a structured binding: clang 14 cannot capture those
            const auto& secondaryId = pair.second;
            const bool listed = std::any_of(router.endpoints.begin(), router.endpoints.end(),
                                            [&](const Endpoint& e) { return e.target.str() == primaryId; });
            if (!listed)
                continue;
            const bool present = std::any_of(router.endpoints.begin(), router.endpoints.end(),
                                             [&](const Endpoint& e) { return e.target == secondaryId; });
            if (secondaryServes && !present && find(secondaryId)) {
                router.endpoints.push_back({secondaryId, {}, {}});
                change(TopologyChange::Kind::Modify, id, "add endpoint " + secondaryId.str() + " to " + id.str());
            }
        }
        const RoutingMethod wanted = m_s.kind == StrategyKind::ActiveActive ? RoutingMethod::Performance
                                                                            : RoutingMethod::Priority;
        if (router.routing != wanted) {
            router.routing = wanted;
            change(TopologyChange::Kind::Modify, id, "route " + id.str() + " by " + std::string(toName(wanted)));
        }
        if (wanted == RoutingMethod::Priority) {
            for (auto& e : router.endpoints) {
                const Component* target = find(e.target);
                const int priority = target && target->region == m_sec ? 2 : 1;
                if (e.priority != priority)
                    e.priority = priority;
            }
        } else {
            for (auto& e : router.endpoints)
                e.priority.reset();
        }
    }

    void setStrategy()
    {
        auto& ws = m_plan.result.workloads;
        const auto it = std::find_if(ws.begin(), ws.end(), [&](const Workload& w) { return w.id == m_w.id; });
        Strategy s = m_s;
        if (s.kind == StrategyKind::ActivePassiveFull && !s.scaleFactor)
            s.scaleFactor = kDefaultScaleFactor;
        if (it->strategy != s)
            change(TopologyChange::Kind::Modify, ComponentId{}, "set the strategy of " + m_w.id.str() + " to " +
                                                                     std::string(toName(s.kind)));
        it->strategy = s;
    }

    const Topology& m_t;
    const Workload& m_w;
    Strategy m_s;
    RegionId m_p;
    RegionId m_sec;
    StrategyPlan m_plan;
    std::map<std::string, ComponentId> m_counterpart;
    /// The secondary region's components by kind and name (first of each), built on first use.
    mutable std::optional<std::map<std::pair<ComponentKind, std::string>, ComponentId>> m_secondaryByKindAndName;
};

} // namespace

Result<StrategyPlan> applyStrategy(const Topology& topology, const WorkloadId& workload, const Strategy& strategy)
{
    const Workload* w = topology.findWorkload(workload);
    if (!w)
        return Error{"unknown-workload", "there is no workload '" + workload.str() + "'"};
    RegionRoles roles = regionRoles(topology, *w);
    if (strategy.primary)
        roles.primary = strategy.primary;
    if (strategy.secondary)
        roles.secondary = strategy.secondary;
    if (!roles.primary)
        return Error{"no-region", "workload '" + workload.str() + "' has no component in a region"};
    if (strategy.kind != StrategyKind::SingleRegion && (!roles.secondary || roles.secondary == roles.primary))
        return Error{"no-secondary-region",
                     "workload '" + workload.str() + "' has no second region to use: pair region '" +
                         roles.primary->str() + "' with another region or set the strategy's secondary"};
    if (strategy.kind == StrategyKind::SingleRegion) {
        StrategyPlan plan{strategy, topology, {}, {"single-region keeps the topology as it is"}};
        auto& ws = plan.result.workloads;
        std::find_if(ws.begin(), ws.end(), [&](const Workload& x) { return x.id == workload; })->strategy = strategy;
        return plan;
    }
    return Applier(topology, *w, strategy, *roles.primary, *roles.secondary).run();
}

} // namespace firedrill
