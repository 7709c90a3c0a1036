#include "CapacityGraph.h"

#include <algorithm>
#include <functional>
#include <queue>

namespace firedrill {

namespace {
/// No capacity limit. A function, not a constant: clang-tidy 14 reads a constant infinity in a conditional
/// expression as a narrowing conversion.
double unlimited()
{
    return std::numeric_limits<double>::infinity();
}
} // namespace

double ownCapacity(const Component& c, const LossSet& lost)
{
    if (!lost.survives(c))
        return 0.0;
    if (!c.capacityRps)
        return unlimited();
    const int instances = c.autoscale ? std::max(c.autoscale->max, c.instances.value_or(0)) : c.instances.value_or(1);
    return static_cast<double>(instances) * *c.capacityRps * lost.capacityShare(c);
}

CapacityGraph::CapacityGraph(const Topology& topology, const std::vector<std::size_t>& entries) : m_t(topology)
{
    const auto& components = m_t.components;
    const std::size_t n = components.size();
    m_index.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        m_index.emplace(components[i].id.str(), i); // the first of a repeated id answers, as findComponent does
    m_edgeStart.reserve(n + 1);
    m_parents.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_edgeStart.push_back(m_edges.size());
        const Component& c = components[i];
        for (const auto& e : c.endpoints)
            m_edges.push_back({indexOf(e.target.str()), true});
        for (const auto& d : c.dependsOn)
            if (d.kind == DependencyKind::Hard)
                if (const std::size_t child = indexOf(d.target.str()); child != kNone)
                    m_edges.push_back({child, false}); // an unknown hard dependency limits nothing
    }
    m_edgeStart.push_back(m_edges.size());
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = m_edgeStart[i]; k < m_edgeStart[i + 1]; ++k)
            if (m_edges[k].child != kNone)
                m_parents[m_edges[k].child].push_back(i);
    m_entry.assign(n, 0);
    for (std::size_t e : entries)
        if (e != kNone)
            m_entry[e] = 1;
    order();
    if (!m_acyclic)
        return;
    const LossSet none;
    m_own.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_own[i] = ownCapacity(components[i], none);
    m_ownNow = m_own;
    m_value.assign(n, unlimited());
    std::vector<std::size_t> byPost(n);
    for (std::size_t i = 0; i < n; ++i)
        byPost[m_post[i]] = i;
    for (std::size_t i : byPost)
        m_value[i] = recompute(i);
    m_baseline = m_value;
    m_queued.assign(n, 0);
    prepareJumps();
}

std::size_t CapacityGraph::indexOf(std::string_view id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? kNone : it->second;
}

void CapacityGraph::order()
{
    // Iterative depth-first walk: post-order positions (children first) and whether any edge closes a cycle.
    const std::size_t n = m_t.components.size();
    enum class Mark : char { None, Active, Done };
    std::vector<Mark> mark(n, Mark::None);
    m_post.assign(n, 0);
    std::size_t next = 0;
    std::vector<std::pair<std::size_t, std::size_t>> stack; // node, next edge
    for (std::size_t root = 0; root < n; ++root) {
        if (mark[root] != Mark::None)
            continue;
        mark[root] = Mark::Active;
        stack.push_back({root, m_edgeStart[root]});
        while (!stack.empty()) {
            auto& [node, edge] = stack.back();
            if (edge == m_edgeStart[node + 1]) {
                mark[node] = Mark::Done;
                m_post[node] = next++;
                stack.pop_back();
                continue;
            }
            const std::size_t child = m_edges[edge++].child;
            if (child == kNone)
                continue;
            if (mark[child] == Mark::Active) {
                m_acyclic = false;
                return;
            }
            if (mark[child] == Mark::None) {
                mark[child] = Mark::Active;
                stack.push_back({child, m_edgeStart[child]});
            }
        }
    }
}

double CapacityGraph::recompute(std::size_t node) const
{
    // As servedCapacity's walk: own, limited by the sum over the endpoints (added in order) and by each
    // hard dependency.
    double cap = m_ownNow[node];
    double sum = 0;
    bool endpoints = false;
    for (std::size_t k = m_edgeStart[node]; k < m_edgeStart[node + 1]; ++k) {
        const Edge& e = m_edges[k];
        const double v = e.child == kNone ? unlimited() : m_value[e.child];
        if (e.endpoint) {
            endpoints = true;
            sum += v;
        } else {
            cap = std::min(cap, v);
        }
    }
    return endpoints ? std::min(cap, sum) : cap;
}

void CapacityGraph::prepareJumps()
{
    const std::size_t n = m_t.components.size();
    std::vector<Step> step(n);
    std::vector<std::size_t> parent(n, kNone);
    std::vector<double> prefixSum, prefixMin;
    for (std::size_t p = 0; p < n; ++p) {
        const std::size_t begin = m_edgeStart[p], end = m_edgeStart[p + 1];
        if (begin == end)
            continue;
        // Sums over the endpoints and minima over the hard dependencies before and after each edge.
        prefixSum.assign(end - begin + 1, 0);
        prefixMin.assign(end - begin + 1, unlimited());
        bool endpoints = false;
        for (std::size_t k = begin; k < end; ++k) {
            const Edge& e = m_edges[k];
            const double v = e.child == kNone ? unlimited() : m_baseline[e.child];
            endpoints = endpoints || e.endpoint;
            prefixSum[k - begin + 1] = prefixSum[k - begin] + (e.endpoint ? v : 0);
            prefixMin[k - begin + 1] = std::min(prefixMin[k - begin], e.endpoint ? unlimited() : v);
        }
        double suffixSum = 0, suffixMin = unlimited();
        for (std::size_t k = end; k-- > begin;) {
            const Edge& e = m_edges[k];
            const double v = e.child == kNone ? unlimited() : m_baseline[e.child];
            if (e.child != kNone && m_parents[e.child].size() == 1) {
                const double otherSum = prefixSum[k - begin] + suffixSum;
                const double otherMin = std::min(prefixMin[k - begin], suffixMin);
                parent[e.child] = p;
                if (e.endpoint)
                    step[e.child] = {std::min(m_own[p], otherMin), otherSum};
                else
                    step[e.child] = {std::min({m_own[p], endpoints ? prefixSum.back() : unlimited(), otherMin}), 0};
            }
            suffixSum += e.endpoint ? v : 0;
            suffixMin = std::min(suffixMin, e.endpoint ? unlimited() : v);
        }
    }
    // Parents before children: a component's jump extends its parent's unless the parent is a landing place.
    std::vector<std::size_t> byPost(n);
    for (std::size_t i = 0; i < n; ++i)
        byPost[m_post[i]] = i;
    m_top.resize(n);
    m_jump.assign(n, Step{});
    const auto landing = [&](std::size_t i) { return parent[i] == kNone || m_entry[i]; };
    for (std::size_t k = n; k-- > 0;) {
        const std::size_t i = byPost[k];
        m_top[i] = i;
        if (parent[i] == kNone)
            continue;
        const std::size_t p = parent[i];
        m_top[i] = landing(p) ? p : m_top[p];
        m_jump[i] = landing(p) ? step[i] : m_jump[p].after(step[i]);
    }
}

void CapacityGraph::set(std::size_t node, double v)
{
    if (m_value[node] == m_baseline[node])
        m_changed.push_back(node);
    m_value[node] = v;
}

void CapacityGraph::reset()
{
    for (std::size_t i : m_changed)
        m_value[i] = m_baseline[i];
    for (std::size_t i : m_ownChanged)
        m_ownNow[i] = m_own[i];
    m_changed.clear();
    m_ownChanged.clear();
}

void CapacityGraph::change(const std::vector<std::pair<std::size_t, double>>& own)
{
    reset();
    using Item = std::pair<std::size_t, std::size_t>; // post-order place, node
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    const auto enqueue = [&](std::size_t node) {
        if (!m_queued[node]) {
            m_queued[node] = 1;
            m_queuedList.push_back(node);
            queue.push({m_post[node], node});
        }
    };
    for (const auto& [node, v] : own) {
        m_ownNow[node] = v;
        m_ownChanged.push_back(node);
        enqueue(node);
    }
    // Children first, so every component is recomputed once, after all its changed children.
    while (!queue.empty()) {
        std::size_t node = queue.top().second;
        queue.pop();
        const double v = recompute(node);
        if (v == m_value[node])
            continue;
        set(node, v);
        if (queue.empty() && m_top[node] != node) {
            // The only change left rises through single-parent components: jump over them.
            const std::size_t top = m_top[node];
            const double w = m_jump[node](v);
            if (w == m_value[top])
                continue;
            set(top, w);
            node = top;
        }
        for (std::size_t p : m_parents[node])
            enqueue(p);
    }
    for (std::size_t i : m_queuedList)
        m_queued[i] = 0;
    m_queuedList.clear();
}

} // namespace firedrill
