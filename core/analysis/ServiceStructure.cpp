#include "ServiceStructure.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace firedrill {

namespace {

constexpr std::size_t kMaxExpressionNodes = 200'000;

/// The children of an All node under construction, last first, so a chain of n components is
/// flattened in O(n): a frame takes over its last dependency's list and appends the rest.
/// Flattening follows ServiceExpression::all(): true parts vanish, a false part makes it all false,
/// nested All nodes are spliced in.
struct ReversedAll
{
    std::vector<ServiceExpression> reversed;
    bool isFalse = false;

    /// Prepends `e` (parts are added last first).
    void prepend(ServiceExpression e)
    {
        if (isFalse || e.op == ServiceExpression::Op::True)
            return;
        if (e.op == ServiceExpression::Op::False) {
            isFalse = true;
            reversed.clear();
            return;
        }
        if (e.op == ServiceExpression::Op::All) {
            for (auto it = e.children.rbegin(); it != e.children.rend(); ++it)
                reversed.push_back(std::move(*it));
            return;
        }
        reversed.push_back(std::move(e));
    }
    /// Prepends another flattened list.
    void prepend(ReversedAll other)
    {
        if (isFalse)
            return;
        if (other.isFalse) {
            isFalse = true;
            reversed.clear();
        } else if (reversed.empty()) {
            reversed = std::move(other.reversed);
        } else {
            for (auto& e : other.reversed)
                reversed.push_back(std::move(e));
        }
    }
    /// The expression all() would give.
    ServiceExpression finish() &&
    {
        if (isFalse)
            return ServiceExpression::constant(false);
        std::reverse(reversed.begin(), reversed.end());
        if (reversed.empty())
            return ServiceExpression::constant(true);
        if (reversed.size() == 1)
            return std::move(reversed.front());
        return {ServiceExpression::Op::All, 0, 0, std::move(reversed)};
    }
};

/// Builds the structure function of a workload over the components it uses.
///
/// Depth first from the entry with an explicit stack (a chain of 50,000 hard dependencies is as deep as it
/// is long): each frame gathers its component's leaf, the alternatives of its endpoints and its hard
/// dependencies, in that order, and gives what all() of them would give.
class StructureBuilder
{
public:
    StructureBuilder(const Topology& t, std::vector<std::string>& names, std::vector<const Component*>& leaves)
        : m_t(t), m_names(names), m_leaves(leaves), m_onPath(t.components.size(), 0)
    {
        for (std::size_t i = 0; i < t.components.size(); ++i)
            m_byId.emplace(t.components[i].id.str(), i);
    }

    ServiceExpression build(const ComponentId& entry)
    {
        if (auto v = enter(entry))
            return std::move(*v);
        while (true) {
            Frame& f = m_stack.back();
            const Component& c = m_t.components[f.index];
            if (f.nextEndpoint < c.endpoints.size()) {
                const ComponentId& target = c.endpoints[f.nextEndpoint++].target;
                if (auto v = enter(target))
                    deliver(f, Part{std::move(*v), {}, false});
                continue;
            }
            if (!f.endpointsDone) {
                f.endpointsDone = true;
                if (c.endpoints.size() > 1)
                    f.parts.push_back(Part{ServiceExpression::any(std::move(f.alternatives)), {}, false});
            }
            if (f.nextDependency < c.dependsOn.size()) {
                const Dependency& d = c.dependsOn[f.nextDependency++];
                if (d.kind == DependencyKind::Hard)
                    if (auto v = enter(d.target))
                        f.parts.push_back(Part{std::move(*v), {}, false});
                continue;
            }
            ReversedAll result;
            for (auto it = f.parts.rbegin(); it != f.parts.rend(); ++it) {
                if (it->flat)
                    result.prepend(std::move(it->list));
                else
                    result.prepend(std::move(it->expr));
            }
            m_onPath[f.index] = 0;
            m_stack.pop_back();
            if (m_stack.empty())
                return std::move(result).finish();
            deliver(m_stack.back(), Part{{}, std::move(result), true});
        }
    }

    bool cycle() const { return m_cycle; }
    bool tooLarge() const { return m_tooLarge; }

private:
    /// An expression, or a frame's result still as a reversed flattened list.
    struct Part
    {
        ServiceExpression expr;
        ReversedAll list;
        bool flat = false;
    };

    struct Frame
    {
        std::size_t index = 0;                      ///< into the topology's components
        std::size_t nextEndpoint = 0;
        std::size_t nextDependency = 0;
        bool endpointsDone = false;
        std::vector<Part> parts;                     ///< the leaf, any(endpoints), the hard dependencies
        std::vector<ServiceExpression> alternatives; ///< the endpoints expanded so far (more than one)
    };

    /// Hands a finished part to the frame that asked for it: an endpoint or a dependency. One endpoint is
    /// any() of one, itself, so it stays a part and a chain of routers is flattened as a chain.
    void deliver(Frame& f, Part part)
    {
        const std::size_t endpoints = m_t.components[f.index].endpoints.size();
        if (f.endpointsDone || endpoints == 1)
            f.parts.push_back(std::move(part));
        else
            f.alternatives.push_back(part.flat ? std::move(part.list).finish() : std::move(part.expr));
    }

    /// Starts expanding `id`: a value when it needs no expansion (unknown, closing a cycle, over the
    /// limit), otherwise nullopt and a new frame on the stack.
    std::optional<ServiceExpression> enter(const ComponentId& id)
    {
        const auto it = m_byId.find(id.str());
        if (it == m_byId.end())
            return ServiceExpression::constant(true); // unknown ids are reported by validation
        const std::size_t index = it->second;
        if (m_onPath[index]) {
            m_cycle = true;
            return ServiceExpression::constant(true);
        }
        if (++m_nodes > kMaxExpressionNodes) {
            m_tooLarge = true;
            return ServiceExpression::constant(true);
        }
        m_onPath[index] = 1;
        Frame f;
        f.index = index;
        f.parts.push_back(Part{ServiceExpression::leafOf(leafIndex(m_t.components[index])), {}, false});
        m_stack.push_back(std::move(f));
        return std::nullopt;
    }

    std::size_t leafIndex(const Component& c)
    {
        const auto [it, inserted] = m_index.emplace(c.id.str(), m_leaves.size());
        if (inserted) {
            m_leaves.push_back(&c);
            m_names.push_back(c.id.str());
        }
        return it->second;
    }

    const Topology& m_t;
    std::vector<std::string>& m_names;
    std::vector<const Component*>& m_leaves;
    std::unordered_map<std::string, std::size_t> m_byId; ///< the first component with each id
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<char> m_onPath; ///< per component: being expanded further up the stack
    std::vector<Frame> m_stack;
    std::size_t m_nodes = 0;
    bool m_cycle = false;
    bool m_tooLarge = false;
};

} // namespace

WorkloadStructure workloadStructure(const Topology& topology, const Workload& workload)
{
    WorkloadStructure out;
    std::vector<std::string> names;
    StructureBuilder builder(topology, names, out.leaves);
    out.expression = builder.build(workload.entry);
    if (builder.cycle())
        out.notes.push_back("hard dependencies form a cycle; the cycle was cut where it closes");
    if (builder.tooLarge()) {
        out.complete = false;
        out.notes.push_back("the dependency graph is too large to expand; the figure is incomplete");
    }
    return out;
}

} // namespace firedrill
