#include "DependencyCycles.h"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace firedrill {

std::vector<DependencyCycle> findHardDependencyCycles(const Topology& topology)
{
    const auto& components = topology.components;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < components.size(); ++i)
        index.emplace(components[i].id.str(), i);
    enum class Mark { None, Active, Done };
    std::vector<Mark> mark(components.size(), Mark::None);
    struct Frame
    {
        std::size_t component;
        std::size_t next = 0; ///< next dependency to look at
    };
    std::vector<Frame> stack;
    std::vector<DependencyCycle> cycles;
    for (std::size_t root = 0; root < components.size(); ++root) {
        if (mark[root] != Mark::None)
            continue;
        stack.push_back({root});
        mark[root] = Mark::Active;
        while (!stack.empty()) {
            Frame& top = stack.back();
            const Component& c = components[top.component];
            if (top.next == c.dependsOn.size()) {
                mark[top.component] = Mark::Done;
                stack.pop_back();
                continue;
            }
            const Dependency& d = c.dependsOn[top.next++];
            if (d.kind != DependencyKind::Hard || d.target == c.id)
                continue;
            const auto it = index.find(d.target.str());
            if (it == index.end())
                continue;
            if (mark[it->second] == Mark::Active) {
                std::string members;
                bool inCycle = false;
                for (const Frame& f : stack) {
                    inCycle = inCycle || f.component == it->second;
                    if (inCycle)
                        members += components[f.component].id.str() + " -> ";
                }
                members += d.target.str();
                cycles.push_back({c.id, std::move(members)});
            } else if (mark[it->second] == Mark::None) {
                mark[it->second] = Mark::Active;
                stack.push_back({it->second});
            }
        }
    }
    return cycles;
}

} // namespace firedrill
