#include "SpofAnalysis.h"

#include "CapacityGraph.h"
#include "WorkloadScope.h"

#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <variant>

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
    CapacityWalker(const Topology& t, const LossSet& lost) : m_t(t), m_lost(lost) {}

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
        const Component* found = m_t.findComponent(id); // cached: no index built per walk
        if (!found)
            return kUnlimited;
        const Component& c = *found;
        if (const auto memo = m_memo.find(id.str()); memo != m_memo.end())
            return memo->second;
        m_memo[id.str()] = kUnlimited; // cuts cycles
        Frame f;
        f.component = &c;
        f.cap = ownCapacity(c, m_lost);
        m_stack.push_back(f);
        return std::nullopt;
    }

    const Topology& m_t;
    const LossSet& m_lost;
    std::unordered_map<std::string, double> m_memo;
    std::vector<Frame> m_stack;
};

std::string rps(double v)
{
    return std::isinf(v) ? std::string("unlimited") : formatNumber(std::round(v * 10) / 10) + " req/s";
}

/// What a loss that leaves `cap` of a workload's capacity does to it, or nullopt when it does not matter.
std::optional<WorkloadImpact> impactOf(const Workload& w, double cap, double baseline, double threshold)
{
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

/// The components a failure domain can touch, by the id, region or site it names: a loss only needs to
/// look at those, not at the whole topology.
class PlaceIndex
{
public:
    explicit PlaceIndex(const Topology& t)
    {
        for (std::size_t i = 0; i < t.components.size(); ++i) {
            const Component& c = t.components[i];
            m_byId[c.id.str()].push_back(i);
            if (c.region)
                m_byRegion[c.region->str()].push_back(i);
            if (c.site)
                m_bySite[c.site->str()].push_back(i);
            for (const auto& r : c.replicas)
                m_byRegion[r.region.str()].push_back(i);
            for (const auto& end : c.between) {
                // A link end read as a region may name a site (LossSet checks both).
                const std::string& id = std::visit([](const auto& e) -> const std::string& { return e.str(); }, end);
                m_byRegion[id].push_back(i);
                m_bySite[id].push_back(i);
            }
        }
    }

    /// Every component the loss of `domain` may take down or shrink (with repeats).
    const std::vector<std::size_t>& touched(const FailureDomain& domain) const
    {
        switch (domain.kind) {
        case FailureDomain::Kind::Component:
        case FailureDomain::Kind::Link: return find(m_byId, domain.id);
        case FailureDomain::Kind::Zone:
        case FailureDomain::Kind::Region: return find(m_byRegion, domain.id);
        case FailureDomain::Kind::Site: return find(m_bySite, domain.id);
        }
        return m_none;
    }

private:
    using Map = std::unordered_map<std::string_view, std::vector<std::size_t>>;
    const std::vector<std::size_t>& find(const Map& map, std::string_view id) const
    {
        const auto it = map.find(id);
        return it == map.end() ? m_none : it->second;
    }
    Map m_byId, m_byRegion, m_bySite;
    std::vector<std::size_t> m_none;
};

/// One search for single points of failure (and pairs): what every loss is checked against.
///
/// On an acyclic graph of endpoints and hard dependencies (what validation allows, but for cycles through
/// an endpoint and a hard dependency), a loss costs the components it touches plus the components whose
/// capacity it changes, each O(log n) (CapacityGraph; a chain of single-parent components counts as one),
/// plus the findings it makes: a hard-dependency chain of n components or a workload listing n members
/// is O(n log n) in all. With such a cycle every loss walks each workload's graph (as servedCapacity).
class SpofSearch
{
public:
    SpofSearch(const Topology& t, const SpofOptions& options) : m_t(t), m_options(options), m_places(t)
    {
        for (const auto& w : t.workloads)
            if (!options.workload || w.id == *options.workload)
                m_workloads.push_back(&w);
        std::vector<std::size_t> entries;
        for (const Workload* w : m_workloads) {
            const Component* entry = t.findComponent(w->entry);
            entries.push_back(entry ? static_cast<std::size_t>(entry - t.components.data()) : CapacityGraph::kNone);
        }
        m_graph.emplace(t, entries);
        for (std::size_t i = 0; i < m_workloads.size(); ++i) {
            const Workload& w = *m_workloads[i];
            m_entry.push_back(entries[i]);
            if (m_graph->acyclic())
                m_baseline.push_back(entries[i] == CapacityGraph::kNone ? kUnlimited : m_graph->baseline(entries[i]));
            else
                m_baseline.push_back(servedCapacity(t, w, LossSet{}));
            if (entries[i] != CapacityGraph::kNone)
                m_byEntry[entries[i]].push_back(i);
            if (m_baseline.back() <= 0.0)
                m_alwaysDown.push_back(i); // down with or without any loss: every loss reports it
            m_members.push_back(workloadComponents(t, w)); // once per workload, not once per domain checked
            m_memberSets.emplace_back(m_members.back().begin(), m_members.back().end());
        }
        m_mark.assign(t.components.size(), 0);
    }

    SpofFinding check(std::vector<FailureDomain> lost)
    {
        const LossSet set(lost);
        SpofFinding finding{std::move(lost), {}, {}};
        if (!m_graph->acyclic())
            return walkAll(set, std::move(finding));
        // The components the loss touches: their own capacity may change, and they may not survive.
        std::vector<std::size_t> touched;
        for (const FailureDomain& d : set.domains())
            for (std::size_t c : m_places.touched(d))
                if (!m_mark[c]) {
                    m_mark[c] = 1;
                    touched.push_back(c);
                }
        std::sort(touched.begin(), touched.end());
        std::vector<std::pair<std::size_t, double>> changes;
        std::vector<std::size_t> down;
        for (std::size_t c : touched) {
            m_mark[c] = 0;
            const Component& component = m_t.components[c];
            const double own = ownCapacity(component, set);
            if (own != m_graph->baselineOwn(c))
                changes.emplace_back(c, own);
            if (!set.survives(component))
                down.push_back(c);
        }
        m_graph->change(changes);
        // Only workloads whose entry changed, and those down anyway, can be impacted.
        std::vector<std::size_t> affected = m_alwaysDown;
        for (std::size_t node : m_graph->changed())
            if (const auto it = m_byEntry.find(node); it != m_byEntry.end())
                affected.insert(affected.end(), it->second.begin(), it->second.end());
        std::sort(affected.begin(), affected.end());
        affected.erase(std::unique(affected.begin(), affected.end()), affected.end());
        std::unordered_set<std::string> listed; // ids already in finding.lost
        for (std::size_t i : affected) {
            const double cap = m_entry[i] == CapacityGraph::kNone ? kUnlimited : m_graph->value(m_entry[i]);
            auto impact = impactOf(*m_workloads[i], cap, m_baseline[i], m_options.degradedThreshold);
            if (!impact)
                continue;
            finding.impacts.push_back(std::move(*impact));
            for (std::size_t c : down) {
                const Component* component = &m_t.components[c];
                if (m_memberSets[i].count(component) && listed.insert(component->id.str()).second)
                    finding.lost.push_back(component->id);
            }
        }
        return finding;
    }

private:
    /// Every workload walked again under the loss (graphs with cycles).
    SpofFinding walkAll(const LossSet& set, SpofFinding finding) const
    {
        std::unordered_set<std::string> listed;
        for (std::size_t i = 0; i < m_workloads.size(); ++i) {
            const double cap = servedCapacity(m_t, *m_workloads[i], set);
            auto impact = impactOf(*m_workloads[i], cap, m_baseline[i], m_options.degradedThreshold);
            if (!impact)
                continue;
            finding.impacts.push_back(std::move(*impact));
            for (const Component* c : m_members[i])
                if (!set.survives(*c) && listed.insert(c->id.str()).second)
                    finding.lost.push_back(c->id);
        }
        return finding;
    }

    const Topology& m_t;
    const SpofOptions& m_options;
    PlaceIndex m_places;
    std::optional<CapacityGraph> m_graph;
    std::vector<const Workload*> m_workloads;
    std::vector<std::size_t> m_entry;
    std::vector<double> m_baseline;
    std::unordered_map<std::size_t, std::vector<std::size_t>> m_byEntry; ///< entry component -> workloads
    std::vector<std::size_t> m_alwaysDown;
    std::vector<std::vector<const Component*>> m_members;
    std::vector<std::unordered_set<const Component*>> m_memberSets;
    std::vector<char> m_mark;
};

} // namespace

double servedCapacity(const Topology& topology, const Workload& workload, const LossSet& lost)
{
    CapacityWalker walker(topology, lost);
    return walker.capacity(workload.entry);
}

SpofReport findSinglePointsOfFailure(const Topology& topology, const SpofOptions& options)
{
    SpofReport report;
    const auto domains = failureDomains(topology);
    report.domainsChecked = domains.size();
    SpofSearch search(topology, options);
    const auto check = [&](std::vector<FailureDomain> lost) { return search.check(std::move(lost)); };
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
