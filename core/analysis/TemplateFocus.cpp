#include "TemplateFocus.h"

#include "RecoveryEstimator.h"
#include "WorkloadScope.h"

#include <functional>
#include <set>

namespace firedrill {

namespace {

bool isDatabase(ComponentKind k)
{
    return k == ComponentKind::SqlDatabase || k == ComponentKind::SqlServerAg;
}

const Replica* primaryReplica(const Component& c)
{
    for (const auto& r : c.replicas)
        if (r.role == ReplicaRole::Primary)
            return &r;
    return nullptr;
}

/// The first member matching `want` that lies in the primary region, else the first matching member.
const Component* preferPrimary(const std::vector<const Component*>& members,
                               const std::function<bool(const Component&)>& want,
                               const std::function<bool(const Component&)>& inPrimary)
{
    const Component* first = nullptr;
    for (const Component* c : members) {
        if (!want(*c))
            continue;
        if (inPrimary(*c))
            return c;
        if (!first)
            first = c;
    }
    return first;
}

/// The router's endpoint in the secondary region.
const Component* secondaryEndpoint(const Topology& t, const Component& router, const Region* secondary)
{
    if (!secondary)
        return nullptr;
    for (const auto& e : router.endpoints)
        if (const Component* c = t.findComponent(e.target); c && c->region == secondary->id)
            return c;
    return nullptr;
}

/// The entry's copy in the secondary region, as the replay picks it (docs/engine.md, "Entries without a
/// router"): the member whose id differs only after the last '-', else the first member of its kind there.
const Component* secondaryCopy(const std::vector<const Component*>& members, const Component* entry,
                               const Region* secondary)
{
    if (!entry || !secondary)
        return nullptr;
    const std::string& id = entry->id.str();
    const auto dash = id.rfind('-');
    const Component* sameKind = nullptr;
    for (const Component* c : members) {
        if (c->kind != entry->kind || c->region != secondary->id)
            continue;
        const std::string& other = c->id.str();
        if (dash != std::string::npos && other.rfind('-') == dash && other.compare(0, dash, id, 0, dash) == 0)
            return c;
        if (!sameKind)
            sameKind = c;
    }
    return sameKind;
}

} // namespace

Result<TemplateFocus> TemplateFocus::find(const Topology& topology, const WorkloadId& workload)
{
    TemplateFocus f;
    f.m_topology = &topology;
    f.m_workload = topology.findWorkload(workload);
    if (!f.m_workload)
        return Error{"unknown-workload", "workload '" + workload.str() + "' does not exist in the topology"};
    const Workload& w = *f.m_workload;
    const Component* entry = topology.findComponent(w.entry);
    const RegionRoles roles = regionRoles(topology, w);
    std::optional<RegionId> primary = w.strategy ? w.strategy->primary : std::nullopt;
    if (!primary && entry && entry->region)
        primary = entry->region;
    if (!primary)
        primary = roles.primary;
    f.m_primary = primary ? topology.findRegion(*primary) : nullptr;
    if (!f.m_primary)
        return Error{"no-region",
                     "workload '" + w.id.str() +
                         "' runs in no known region; place its components in a region or set its "
                         "strategy's primary region"};
    // A single-region workload has nowhere to fail over to, whatever its region's pair.
    const bool singleRegion = w.strategy && w.strategy->kind == StrategyKind::SingleRegion;
    std::optional<RegionId> secondary = w.strategy ? w.strategy->secondary : std::nullopt;
    if (!secondary && !singleRegion)
        secondary = roles.secondary;
    f.m_secondary = secondary && *secondary != f.m_primary->id ? topology.findRegion(*secondary) : nullptr;
    if (entry && isGlobal(entry->kind))
        f.m_router = entry;

    const auto members = workloadComponents(topology, w);
    f.m_secondaryEntry = f.m_router ? secondaryEndpoint(topology, *f.m_router, f.m_secondary)
                                    : secondaryCopy(members, entry, f.m_secondary);
    if (!f.m_secondaryEntry)
        f.m_secondaryEntry = entry;
    const auto inPrimary = [&f](const Component& c) { return f.inPrimary(c); };
    f.m_database = preferPrimary(
        members, [](const Component& c) { return isDatabase(c.kind); }, inPrimary);
    f.m_cache = preferPrimary(
        members, [](const Component& c) { return c.kind == ComponentKind::Cache; }, inPrimary);

    const Component* anyLink = nullptr;
    for (const auto& c : topology.components) {
        if (!isLink(c.kind) || c.between.size() != 2)
            continue;
        const auto* a = std::get_if<RegionId>(&c.between[0]);
        const auto* b = std::get_if<RegionId>(&c.between[1]);
        if (!a || !b)
            continue;
        if (*a == f.m_primary->id || *b == f.m_primary->id) {
            f.m_link = &c;
            break;
        }
        if (!anyLink)
            anyLink = &c;
    }
    if (!f.m_link)
        f.m_link = anyLink;

    if (f.m_primary->zones > 0) {
        const Replica* dbPrimary = f.m_database ? primaryReplica(*f.m_database) : nullptr;
        if (dbPrimary && dbPrimary->region == f.m_primary->id && dbPrimary->zone)
            f.m_zone = dbPrimary->zone;
        for (const Component* c : members)
            if (!f.m_zone && c->zone && c->region == f.m_primary->id)
                f.m_zone = c->zone;
        if (!f.m_zone)
            f.m_zone = 1;
    }
    return f;
}

bool TemplateFocus::inPrimary(const Component& c) const
{
    if (c.region)
        return *c.region == m_primary->id;
    const Replica* p = primaryReplica(c);
    return p && p->region == m_primary->id;
}

Duration TemplateFocus::routerDetection() const
{
    if (!m_router)
        return Duration{};
    return probeDetection(m_router->probe.value_or(kDefaultGlobalProbe));
}

std::string TemplateFocus::regionName(const Region& region)
{
    return region.name.empty() ? region.id.str() : region.name;
}

std::string TemplateFocus::uniqueId(const std::string& base) const
{
    std::set<std::string> taken;
    for (const auto& r : m_topology->regions)
        taken.insert(r.id.str());
    for (const auto& s : m_topology->sites)
        taken.insert(s.id.str());
    for (const auto& c : m_topology->components) {
        taken.insert(c.id.str());
        for (const auto& r : c.replicas)
            taken.insert(r.id.str());
    }
    for (const auto& w : m_topology->workloads)
        taken.insert(w.id.str());
    for (const auto& s : m_topology->scenarios)
        taken.insert(s.id.str());
    std::string id = base;
    for (int n = 2; taken.count(id); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

} // namespace firedrill
