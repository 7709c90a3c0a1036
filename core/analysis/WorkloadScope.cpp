#include "WorkloadScope.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

namespace firedrill {

std::vector<const Component*> workloadComponents(const Topology& topology, const Workload& workload)
{
    // By index, with ids looked up as views of the topology's own strings: on a 10,000-component topology
    // this runs several times for every strategy preview.
    const std::vector<Component>& components = topology.components;
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(components.size());
    for (std::size_t i = 0; i < components.size(); ++i)
        index.emplace(components[i].id.str(), i); // the first of a repeated id answers, as findComponent does
    std::vector<char> member(components.size(), 0);
    std::vector<std::size_t> todo;
    const auto add = [&](const ComponentId& id) {
        const auto it = index.find(id.str());
        if (it == index.end() || member[it->second])
            return;
        member[it->second] = 1;
        todo.push_back(it->second);
    };
    add(workload.entry);
    if (!workload.components.empty()) {
        // An explicit member list is exact (with the entry).
        for (const auto& id : workload.components)
            add(id);
    } else {
        while (!todo.empty()) {
            const Component& c = components[todo.back()];
            todo.pop_back();
            for (const auto& e : c.endpoints)
                add(e.target);
            for (const auto& d : c.dependsOn)
                add(d.target);
        }
    }
    std::vector<const Component*> out;
    for (const auto& c : components)
        if (member[index.at(c.id.str())]) // a repeated id is in when its first is
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
