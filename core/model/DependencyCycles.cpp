#include "DependencyCycles.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace firedrill {

namespace {

constexpr std::size_t kNotOnStack = static_cast<std::size_t>(-1);

/// "1,234".
std::string withThousands(std::size_t n)
{
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3)
        digits.insert(i - 3, ",");
    return digits;
}

/// Depth-first walk over the edges `Edges` gives, iterative; a cycle is reported at each edge back into the
/// path being walked. `Edges(component)` is a list of targets, `keep(component, index)` says whether an
/// edge is followed.
template <class Edges, class Keep>
std::vector<DependencyCycle> findCycles(const Topology& topology, Edges edges, Keep keep)
{
    const auto& components = topology.components;
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(components.size());
    for (std::size_t i = 0; i < components.size(); ++i)
        index.emplace(components[i].id.str(), i);
    enum class Mark { None, Active, Done };
    std::vector<Mark> mark(components.size(), Mark::None);
    std::vector<std::size_t> depth(components.size(), kNotOnStack); ///< place on the stack of active ones
    struct Frame
    {
        std::size_t component;
        std::size_t next = 0; ///< next edge to look at
    };
    std::vector<Frame> stack;
    std::vector<DependencyCycle> cycles;
    const auto push = [&](std::size_t i) {
        mark[i] = Mark::Active;
        depth[i] = stack.size();
        stack.push_back({i});
    };
    const auto text = [&](std::size_t from, const std::string& closing) {
        const std::size_t length = stack.size() - from;
        std::string members;
        const auto name = [&](std::size_t k) { members += components[stack[k].component].id.str() + " -> "; };
        if (length <= kCycleTextMembers) {
            for (std::size_t k = from; k < stack.size(); ++k)
                name(k);
        } else {
            const std::size_t head = kCycleTextMembers / 2, tail = kCycleTextMembers - head;
            for (std::size_t k = from; k < from + head; ++k)
                name(k);
            members += "... (" + withThousands(length - head - tail) + " more) ... -> ";
            for (std::size_t k = stack.size() - tail; k < stack.size(); ++k)
                name(k);
        }
        return members + closing;
    };
    for (std::size_t root = 0; root < components.size(); ++root) {
        if (mark[root] != Mark::None)
            continue;
        push(root);
        while (!stack.empty()) {
            Frame& top = stack.back();
            const Component& c = components[top.component];
            const auto& targets = edges(c);
            if (top.next == targets.size()) {
                mark[top.component] = Mark::Done;
                depth[top.component] = kNotOnStack;
                stack.pop_back();
                continue;
            }
            const std::size_t at = top.next++;
            if (!keep(c, at))
                continue;
            const ComponentId& target = targets[at].target;
            const auto it = index.find(target.str());
            if (it == index.end())
                continue;
            if (mark[it->second] == Mark::Active)
                cycles.push_back({c.id, text(depth[it->second], target.str())});
            else if (mark[it->second] == Mark::None)
                push(it->second);
        }
    }
    return cycles;
}

} // namespace

std::vector<DependencyCycle> findHardDependencyCycles(const Topology& topology)
{
    return findCycles(
        topology, [](const Component& c) -> const std::vector<Dependency>& { return c.dependsOn; },
        [](const Component& c, std::size_t i) {
            const Dependency& d = c.dependsOn[i];
            return d.kind == DependencyKind::Hard && d.target != c.id;
        });
}

std::vector<DependencyCycle> findRoutingLoops(const Topology& topology)
{
    return findCycles(
        topology, [](const Component& c) -> const std::vector<Endpoint>& { return c.endpoints; },
        [](const Component&, std::size_t) { return true; });
}

} // namespace firedrill
