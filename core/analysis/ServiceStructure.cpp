#include "ServiceStructure.h"

#include <algorithm>
#include <unordered_map>

namespace firedrill {

namespace {

constexpr std::size_t kMaxExpressionNodes = 200'000;

/// Builds the structure function of a workload over the components it uses.
class StructureBuilder
{
public:
    StructureBuilder(const Topology& t, std::vector<std::string>& names, std::vector<const Component*>& leaves)
        : m_t(t), m_names(names), m_leaves(leaves)
    {
        for (const auto& c : t.components)
            m_byId.emplace(c.id.str(), &c);
    }

    ServiceExpression build(const ComponentId& id)
    {
        const auto it = m_byId.find(id.str());
        if (it == m_byId.end())
            return ServiceExpression::constant(true); // unknown ids are reported by validation
        const Component& c = *it->second;
        if (std::find(m_path.begin(), m_path.end(), &c) != m_path.end()) {
            m_cycle = true;
            return ServiceExpression::constant(true);
        }
        if (++m_nodes > kMaxExpressionNodes) {
            m_tooLarge = true;
            return ServiceExpression::constant(true);
        }
        m_path.push_back(&c);
        std::vector<ServiceExpression> parts{ServiceExpression::leafOf(leafIndex(c))};
        if (!c.endpoints.empty()) {
            std::vector<ServiceExpression> alternatives;
            for (const auto& e : c.endpoints)
                alternatives.push_back(build(e.target));
            parts.push_back(ServiceExpression::any(std::move(alternatives)));
        }
        for (const auto& d : c.dependsOn)
            if (d.kind == DependencyKind::Hard)
                parts.push_back(build(d.target));
        m_path.pop_back();
        return ServiceExpression::all(std::move(parts));
    }

    bool cycle() const { return m_cycle; }
    bool tooLarge() const { return m_tooLarge; }

private:
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
    std::unordered_map<std::string, const Component*> m_byId;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<const Component*> m_path;
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
