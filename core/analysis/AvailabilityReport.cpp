#include "AvailabilityReport.h"

#include "ServiceExpression.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

namespace firedrill {

namespace {

constexpr std::size_t kMaxExpressionNodes = 200'000;
constexpr std::size_t kMaxImportanceComponents = 200;

std::string percentText(double fraction)
{
    return formatNumber(std::round(fraction * 1e8) / 1e6) + "%";
}

/// Probability that at least k of n independent items, each up with probability a, are up.
double atLeastOf(int k, int n, double a)
{
    std::vector<ServiceExpression> items;
    std::vector<double> p;
    for (int i = 0; i < n; ++i) {
        items.push_back(ServiceExpression::leafOf(static_cast<std::size_t>(i)));
        p.push_back(a);
    }
    bool exact = true;
    return probability(ServiceExpression::atLeast(k, std::move(items)), p, exact);
}

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

double AvailabilityReport::nines() const
{
    if (availability >= 1.0)
        return std::numeric_limits<double>::infinity();
    return -std::log10(1.0 - availability);
}

Duration AvailabilityReport::downtimePerMonth() const
{
    return expectedDowntime(availability, Duration::days(30));
}

Duration AvailabilityReport::downtimePerYear() const
{
    return expectedDowntime(availability, Duration::days(365));
}

Duration expectedDowntime(double availability, Duration period)
{
    const double ms = (1.0 - std::clamp(availability, 0.0, 1.0)) * static_cast<double>(period.ms);
    return Duration{static_cast<std::int64_t>(std::llround(ms))};
}

ComponentAvailability componentAvailability(const Component& c)
{
    ComponentAvailability out;
    out.id = c.id;
    if (c.sla) {
        out.availability = c.sla->fraction();
        out.basis = "SLA " + formatPercent(*c.sla);
        return out;
    }
    if (c.mtbf && c.mttr && c.mtbf->ms > 0 && c.mttr->ms >= 0) {
        const double a = static_cast<double>(c.mtbf->ms) / static_cast<double>(c.mtbf->ms + c.mttr->ms);
        std::string basis = "MTBF " + formatDuration(*c.mtbf) + ", MTTR " + formatDuration(*c.mttr) + " → " +
                            percentText(a) + " each";
        int n = c.instances.value_or(1);
        int k = 1;
        if (!c.replicas.empty()) {
            n = static_cast<int>(c.replicas.size());
            k = c.quorumCommit ? std::min(2, n) : 1;
            basis += ", " + std::to_string(k) + " of " + std::to_string(n) + " replicas";
        } else if (n > 1) {
            basis += ", 1 of " + std::to_string(n) + " instances";
        }
        out.availability = n >= 1 ? atLeastOf(k, n, a) : 0.0;
        out.basis = basis;
        return out;
    }
    out.availability = 1.0;
    out.assumed = true;
    out.basis = "no SLA or MTBF/MTTR given: counted as always available";
    return out;
}

AvailabilityReport workloadAvailability(const Topology& topology, const Workload& workload)
{
    AvailabilityReport report;
    report.workload = workload.id;
    std::vector<std::string> names;
    std::vector<const Component*> leaves;
    StructureBuilder builder(topology, names, leaves);
    const ServiceExpression expr = builder.build(workload.entry);
    if (builder.cycle())
        report.notes.push_back("hard dependencies form a cycle; the cycle was cut where it closes");
    if (builder.tooLarge()) {
        report.exact = false;
        report.notes.push_back("the dependency graph is too large to expand; the figure is incomplete");
    }
    std::vector<double> p;
    for (const Component* c : leaves) {
        report.components.push_back(componentAvailability(*c));
        p.push_back(report.components.back().availability);
    }
    bool exact = true;
    report.availability = probability(expr, p, exact);
    report.exact = report.exact && exact;
    if (!exact)
        report.notes.push_back("many components are shared between paths; some were treated as independent");
    report.formula = expr.describe(names);
    if (leaves.size() <= kMaxImportanceComponents) {
        for (std::size_t i = 0; i < leaves.size(); ++i) {
            std::vector<double> perfect = p;
            perfect[i] = 1.0;
            bool e = true;
            report.components[i].gainIfPerfect = probability(expr, perfect, e) - report.availability;
        }
    }
    const auto assumed = std::count_if(report.components.begin(), report.components.end(),
                                       [](const ComponentAvailability& c) { return c.assumed; });
    if (assumed > 0)
        report.notes.push_back(std::to_string(assumed) + " component(s) have no SLA or MTBF/MTTR and count as always "
                                                         "available");
    return report;
}

} // namespace firedrill
