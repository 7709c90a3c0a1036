#pragma once

#include "FailureDomain.h"

#include "core/model/Topology.h"

#include <cstddef>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace firedrill {

/// A component's own capacity after scale-out with `lost` down: instances (or autoscale max) x capacity per
/// instance x the share of its zones still up; 0 when it does not survive, unlimited without capacity_rps.
double ownCapacity(const Component& component, const LossSet& lost);

/// The capacity every component serves, over the graph of endpoints and hard dependencies, and how it
/// changes when the own capacity of a few components changes. A component serves its own capacity, limited
/// by the sum over its endpoints and by each hard dependency (as servedCapacity() computes it).
///
/// Built once per analysis in O(n + e) for n components and e edges. A change is pushed up the graph in
/// order (children before parents) as far as values change. Where a changed value is the only change left
/// and it rises through components reached from one place only (one parent), it jumps in O(1) to the first
/// component with several parents or a workload entry, with the composed effect of the path (each step is
/// v -> min(a, v + b)): a chain of hard dependencies or of routers costs O(1) per loss, not its length.
/// Only acyclic graphs are handled (acyclic() says which); the analysis falls back on a walk otherwise.
class CapacityGraph
{
public:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    /// `entries` are the components whose value the caller reads after each change (workload entries).
    CapacityGraph(const Topology& topology, const std::vector<std::size_t>& entries);

    bool acyclic() const { return m_acyclic; }
    /// The position of the first component with `id`, or kNone.
    std::size_t indexOf(std::string_view id) const;
    /// The capacity of a component with nothing lost.
    double baseline(std::size_t node) const { return m_baseline[node]; }
    double baselineOwn(std::size_t node) const { return m_own[node]; }

    /// Sets the own capacity of some components (node, value) and recomputes what depends on them; value()
    /// then answers with the changes. Each call starts again from the baseline.
    void change(const std::vector<std::pair<std::size_t, double>>& own);
    /// The capacity of a component after the last change(); exact for workload entries and for any
    /// component where the change stopped, not for components a jump passed.
    double value(std::size_t node) const { return m_value[node]; }
    /// The components whose value the last change() altered (a jump's passed components aside).
    const std::vector<std::size_t>& changed() const { return m_changed; }

private:
    /// v -> min(cap, v + add): how a value rises one step (or a path) up the graph.
    struct Step
    {
        double cap = std::numeric_limits<double>::infinity();
        double add = 0;
        double operator()(double v) const { return std::min(cap, v + add); }
        /// This step after `first`.
        Step after(const Step& first) const { return {std::min(cap, first.cap + add), first.add + add}; }
    };
    struct Edge
    {
        std::size_t child = kNone; ///< kNone: an unknown id (an unknown endpoint is unlimited)
        bool endpoint = false;
    };

    void order();
    double recompute(std::size_t node) const;
    void prepareJumps();
    void set(std::size_t node, double v);
    void reset();

    const Topology& m_t;
    std::unordered_map<std::string_view, std::size_t> m_index;
    std::vector<std::size_t> m_edgeStart; ///< node i's edges are m_edges[m_edgeStart[i] .. m_edgeStart[i + 1])
    std::vector<Edge> m_edges;
    std::vector<std::vector<std::size_t>> m_parents;
    std::vector<std::size_t> m_post; ///< place in a children-first order
    std::vector<double> m_own, m_baseline;
    std::vector<char> m_entry;
    std::vector<std::size_t> m_top; ///< where a jump from the node lands
    std::vector<Step> m_jump;       ///< the value at m_top as a function of the node's value
    bool m_acyclic = true;

    // State of the last change().
    std::vector<double> m_value, m_ownNow;
    std::vector<char> m_queued;
    std::vector<std::size_t> m_changed, m_ownChanged, m_queuedList;
};

} // namespace firedrill
