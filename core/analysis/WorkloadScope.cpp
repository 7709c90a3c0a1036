#include "WorkloadScope.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace firedrill {

std::vector<const Component*> workloadComponents(const Topology& topology, const Workload& workload)
{
    std::unordered_map<std::string, const Component*> byId;
    for (const auto& c : topology.components)
        byId.emplace(c.id.str(), &c);
    std::set<std::string> seen;
    if (!workload.components.empty()) {
        // An explicit member list is exact (with the entry).
        seen.insert(workload.entry.str());
        for (const auto& c : workload.components)
            seen.insert(c.str());
    }
    std::vector<std::string> todo;
    if (seen.empty())
        todo.push_back(workload.entry.str());
    while (!todo.empty()) {
        const std::string id = todo.back();
        todo.pop_back();
        const auto it = byId.find(id);
        if (it == byId.end() || !seen.insert(id).second)
            continue;
        for (const auto& e : it->second->endpoints)
            todo.push_back(e.target.str());
        for (const auto& d : it->second->dependsOn)
            todo.push_back(d.target.str());
    }
    std::vector<const Component*> out;
    for (const auto& c : topology.components)
        if (seen.count(c.id.str()))
            out.push_back(&c);
    return out;
}

std::vector<RegionId> componentRegions(const Component& component)
{
    std::vector<RegionId> out;
    const auto add = [&](const RegionId& r) {
        if (std::find(out.begin(), out.end(), r) == out.end())
            out.push_back(r);
    };
    if (component.region)
        add(*component.region);
    for (const auto& r : component.replicas)
        add(r.region);
    for (const auto& end : component.between)
        if (const auto* r = std::get_if<RegionId>(&end))
            add(*r);
    return out;
}

RegionRoles regionRoles(const Topology& topology, const Workload& workload)
{
    RegionRoles roles;
    const auto members = workloadComponents(topology, workload);
    if (workload.strategy) {
        roles.primary = workload.strategy->primary;
        roles.secondary = workload.strategy->secondary;
    }
    if (!roles.primary) {
        for (const Component* c : members)
            for (const auto& r : c->replicas)
                if (!roles.primary && r.role == ReplicaRole::Primary)
                    roles.primary = r.region;
    }
    std::map<RegionId, int> counts;
    for (const Component* c : members)
        if (c->region && !isLink(c->kind))
            ++counts[*c->region];
    if (!roles.primary && !counts.empty())
        roles.primary = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                            return a.second < b.second;
                        })->first;
    if (!roles.secondary && roles.primary) {
        if (const Region* p = topology.findRegion(*roles.primary); p && p->pair && topology.findRegion(*p->pair))
            roles.secondary = p->pair;
    }
    if (!roles.secondary) {
        for (const Component* c : members)
            for (const auto& r : componentRegions(*c))
                if (!roles.secondary && r != roles.primary)
                    roles.secondary = r;
    }
    return roles;
}

} // namespace firedrill
