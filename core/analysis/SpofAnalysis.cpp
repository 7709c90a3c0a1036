#include "SpofAnalysis.h"

#include "WorkloadScope.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace firedrill {

namespace {

constexpr double kUnlimited = std::numeric_limits<double>::infinity();

/// Evaluates capacity over the dependency graph for one loss set, memoised per component.
///
/// Depth first with an explicit stack (a chain of routers or hard dependencies is as deep as it is long).
/// A component's capacity is its own, limited by the sum over its endpoints and by each hard dependency;
/// a component met again while it is being evaluated counts as unlimited, which cuts cycles.
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
        std::optional<double> done = enter(id);
        while (!done) {
            Frame& f = m_stack.back();
            const Component& c = *f.component;
            if (f.nextEndpoint < c.endpoints.size()) {
                if (const auto v = enter(c.endpoints[f.nextEndpoint++].target))
                    f.sum += *v;
                continue;
            }
            if (!f.endpointsDone) {
                f.endpointsDone = true;
                if (!c.endpoints.empty())
                    f.cap = std::min(f.cap, f.sum);
            }
            if (f.nextDependency < c.dependsOn.size()) {
                const Dependency& d = c.dependsOn[f.nextDependency++];
                if (d.kind == DependencyKind::Hard)
                    if (const auto v = enter(d.target))
                        f.cap = std::min(f.cap, *v);
                continue;
            }
            const double cap = f.cap;
            m_memo[c.id.str()] = cap;
            m_stack.pop_back();
            if (m_stack.empty())
                done = cap;
            else if (m_stack.back().endpointsDone)
                m_stack.back().cap = std::min(m_stack.back().cap, cap);
            else
                m_stack.back().sum += cap;
        }
        return *done;
    }

private:
    struct Frame
    {
        const Component* component = nullptr;
        double cap = 0;   ///< own capacity, limited so far
        double sum = 0;   ///< over the endpoints seen so far
        std::size_t nextEndpoint = 0;
        std::size_t nextDependency = 0;
        bool endpointsDone = false;
    };

    /// The capacity of `id` when it is known without a walk (unknown, memoised or being evaluated);
    /// otherwise nullopt and a new frame on the stack.
    std::optional<double> enter(const ComponentId& id)
    {
        const auto it = m_byId.find(id.str());
        if (it == m_byId.end())
            return kUnlimited;
        const Component& c = *it->second;
        if (const auto memo = m_memo.find(id.str()); memo != m_memo.end())
            return memo->second;
        m_memo[id.str()] = kUnlimited; // cuts cycles
        Frame f;
        f.component = &c;
        f.cap = own(c);
        m_stack.push_back(f);
        return std::nullopt;
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
    std::vector<Frame> m_stack;
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
    std::vector<std::vector<const Component*>> members; // once per workload, not once per domain checked
    baseline.reserve(workloads.size());
    members.reserve(workloads.size());
    for (const Workload* w : workloads) {
        baseline.push_back(servedCapacity(topology, *w, LossSet{}));
        members.push_back(workloadComponents(topology, *w));
    }

    const auto check = [&](std::vector<FailureDomain> lost) {
        const LossSet set(lost);
        SpofFinding finding{std::move(lost), {}, {}};
        std::unordered_set<std::string> listed; // ids already in finding.lost (a search there is quadratic)
        for (std::size_t i = 0; i < workloads.size(); ++i) {
            auto impact = impactOf(topology, *workloads[i], set, baseline[i], options.degradedThreshold);
            if (!impact)
                continue;
            finding.impacts.push_back(std::move(*impact));
            for (const Component* c : members[i])
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
