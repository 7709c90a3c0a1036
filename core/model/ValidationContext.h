#pragma once

#include "Diagnostic.h"
#include "Topology.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace firedrill::validation {

/// What every validation check shares: the topology, indexes of its items by id (so no check scans a
/// list: a topology may hold 100,000 components or regions), and the diagnostics found so far.
/// The indexes hold views of the topology's own id strings; the topology must outlive the context.
class ValidationContext
{
public:
    explicit ValidationContext(const Topology& topology);

    const Topology& topology() const { return m_t; }

    /// Lookups by id in constant time; the first item with a repeated id answers. nullptr when absent.
    const Region* region(const RegionId& id) const { return find(m_regions, id.str()); }
    const Site* site(const SiteId& id) const { return find(m_sites, id.str()); }
    const Component* component(const ComponentId& id) const { return find(m_components, id.str()); }
    const Workload* workload(const WorkloadId& id) const { return find(m_workloads, id.str()); }
    /// True when some component has a replica with this id.
    bool isReplica(std::string_view id) const { return m_replicas.count(id) > 0; }

    void error(std::string path, std::string code, std::string message);
    void warning(std::string path, std::string code, std::string message);
    std::vector<Diagnostic>& diagnostics() { return m_out; }

    /// Value checks shared by several sections; each reports at `path` when the value is present and wrong.
    void nonNegative(const std::string& path, const std::optional<Duration>& d, const char* what);
    void positive(const std::string& path, const std::optional<Duration>& d, const char* what);
    void fraction(const std::string& path, const std::optional<double>& v, const char* what);
    void nonNegative(const std::string& path, const std::optional<double>& v, const char* what);

private:
    template <class Item> using Index = std::unordered_map<std::string_view, const Item*>;

    template <class Item> static const Item* find(const Index<Item>& index, std::string_view id)
    {
        const auto it = index.find(id);
        return it == index.end() ? nullptr : it->second;
    }

    const Topology& m_t;
    std::vector<Diagnostic> m_out;
    Index<Region> m_regions;
    Index<Site> m_sites;
    Index<Component> m_components;
    Index<Workload> m_workloads;
    std::unordered_set<std::string_view> m_replicas;
};

/// "'text'".
std::string quoted(const std::string& s);
/// "collection[id]".
std::string itemOf(const std::string& collection, const std::string& id);
/// "1.5s": a duration in seconds without trailing zeros.
std::string secondsText(Duration d);

} // namespace firedrill::validation
