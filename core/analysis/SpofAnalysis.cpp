#include "SpofAnalysis.h"

#include "WorkloadScope.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace firedrill {

namespace {

constexpr double kUnlimited = std::numeric_limits<double>::infinity();

/// Evaluates capacity over the dependency graph for one loss set, memoised per component.
class CapacityWalker
{
public:
    CapacityWalker(const Topology& t, const LossSet& lost) : m_lost(lost)
    {
        for (const auto& c : t.components)
            m_byId.emplace(c.id.str(), &c);
    }

    double capacity(const ComponentId& id)
    {
        const auto it = m_byId.find(id.str());
        if (it == m_byId.end())
            return kUnlimited;
        const Component& c = *it->second;
        if (const auto memo = m_memo.find(id.str()); memo != m_memo.end())
            return memo->second;
        m_memo[id.str()] = kUnlimited; // cuts cycles
        double cap = own(c);
        if (!c.endpoints.empty()) {
            double sum = 0;
            for (const auto& e : c.endpoints)
                sum += capacity(e.target);
            cap = std::min(cap, sum);
        }
        for (const auto& d : c.dependsOn)
            if (d.kind == DependencyKind::Hard)
                cap = std::min(cap, capacity(d.target));
        m_memo[id.str()] = cap;
        return cap;
    }

private:
    /// The component's own capacity after scale-out: instances (or autoscale max) x capacity per instance.
    double own(const Component& c) const
    {
        if (!m_lost.survives(c))
            return 0.0;
        if (!c.capacityRps)
            return kUnlimited;
        const int instances = c.autoscale ? std::max(c.autoscale->max, c.instances.value_or(0)) : c.instances.value_or(1);
        return static_cast<double>(instances) * *c.capacityRps * m_lost.capacityShare(c);
    }

    const LossSet& m_lost;
    std::unordered_map<std::string, const Component*> m_byId;
    std::unordered_map<std::string, double> m_memo;
};

std::string rps(double v)
{
    return std::isinf(v) ? std::string("unlimited") : formatNumber(std::round(v * 10) / 10) + " req/s";
}

std::optional<WorkloadImpact> impactOf(const Topology& t, const Workload& w, const LossSet& lost, double baseline,
                                       double threshold)
{
    const double cap = servedCapacity(t, w, lost);
    WorkloadImpact impact{w.id, ImpactKind::Down, cap, w.demandRps, {}};
    const std::string what = w.name.empty() ? w.id.str() : w.name;
    if (cap <= 0.0) {
        impact.explanation = what + " is down: no path from " + w.entry.str() + " survives";
        return impact;
    }
    const double needed = threshold * w.demandRps;
    // Only count capacity lost to this failure: a workload that never had enough is not degraded by it.
    if (cap < needed && cap < baseline) {
        impact.kind = ImpactKind::Degraded;
        impact.explanation = what + " is degraded: " + rps(cap) + " left after scale-out for a demand of " +
                             rps(w.demandRps) + (w.degradable ? " (it may run degraded)" : "");
        return impact;
    }
    return std::nullopt;
}

} // namespace

double servedCapacity(const Topology& topology, const Workload& workload, const LossSet& lost)
{
    CapacityWalker walker(topology, lost);
    return walker.capacity(workload.entry);
}

SpofReport findSinglePointsOfFailure(const Topology& topology, const SpofOptions& options)
{
    SpofReport report;
    std::vector<const Workload*> workloads;
    for (const auto& w : topology.workloads)
        if (!options.workload || w.id == *options.workload)
            workloads.push_back(&w);
    const auto domains = failureDomains(topology);
    report.domainsChecked = domains.size();

    std::vector<double> baseline;
    baseline.reserve(workloads.size());
    for (const Workload* w : workloads)
        baseline.push_back(servedCapacity(topology, *w, LossSet{}));

    const auto check = [&](std::vector<FailureDomain> lost) {
        const LossSet set(lost);
        SpofFinding finding{std::move(lost), {}, {}};
        std::unordered_set<std::string> listed; // ids already in finding.lost (a search there is quadratic)
        for (std::size_t i = 0; i < workloads.size(); ++i) {
            auto impact = impactOf(topology, *workloads[i], set, baseline[i], options.degradedThreshold);
            if (!impact)
                continue;
            finding.impacts.push_back(std::move(*impact));
            for (const Component* c : workloadComponents(topology, *workloads[i]))
                if (!set.survives(*c) && listed.insert(c->id.str()).second)
                    finding.lost.push_back(c->id);
        }
        return finding;
    };

    std::vector<bool> single(domains.size(), false);
    for (std::size_t i = 0; i < domains.size(); ++i) {
        auto finding = check({domains[i]});
        if (!finding.impacts.empty()) {
            single[i] = true;
            report.singles.push_back(std::move(finding));
        }
    }
    if (!options.pairs)
        return report;
    if (domains.size() > options.maxPairDomains) {
        report.notes.push_back("pairs were not searched: " + std::to_string(domains.size()) + " failure domains exceed the limit of " +
                               std::to_string(options.maxPairDomains));
        return report;
    }
    report.pairsChecked = true;
    for (std::size_t i = 0; i < domains.size(); ++i) {
        if (single[i])
            continue;
        for (std::size_t j = i + 1; j < domains.size(); ++j) {
            if (single[j])
                continue;
            auto finding = check({domains[i], domains[j]});
            if (!finding.impacts.empty())
                report.pairs.push_back(std::move(finding));
        }
    }
    return report;
}

} // namespace firedrill
