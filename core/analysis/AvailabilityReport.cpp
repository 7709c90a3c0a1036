#include "AvailabilityReport.h"

#include "ServiceStructure.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace firedrill {

namespace {

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
    return workloadAvailability(topology, workload, ImportanceDetail::Computed);
}

AvailabilityReport workloadAvailability(const Topology& topology, const Workload& workload, ImportanceDetail detail)
{
    AvailabilityReport report;
    report.workload = workload.id;
    WorkloadStructure structure = workloadStructure(topology, workload);
    const ServiceExpression& expr = structure.expression;
    const auto& leaves = structure.leaves;
    std::vector<std::string> names;
    names.reserve(leaves.size());
    for (const Component* c : leaves)
        names.push_back(c->id.str());
    for (const auto& n : structure.notes)
        report.notes.push_back(n);
    if (!structure.complete)
        report.exact = false;
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
    if (detail == ImportanceDetail::Computed && leaves.size() <= kMaxImportanceComponents) {
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
