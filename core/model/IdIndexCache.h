#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace firedrill {

/// Remembers where each item (component, region, site, workload, scenario) sits in a topology's list, so a
/// lookup by id is not a scan of the whole list (analyses and validation look items up by id constantly; on
/// 10,000 components or regions a scan per lookup made them quadratic). The list stays a plain public vector
/// that anyone may edit: every answer is checked against the list before it is given, and a lookup the cache
/// cannot answer scans the list and rebuilds the cache, so an edit can only cost one scan, never a wrong
/// answer. Safe to use from several threads at once. Not part of the topology's value: copies start empty
/// and any two caches compare equal.
template <class Item>
class IdIndexCache
{
public:
    IdIndexCache() = default;
    IdIndexCache(const IdIndexCache&) {}
    IdIndexCache& operator=(const IdIndexCache&)
    {
        const std::lock_guard lock(m_mutex);
        m_index.clear();
        m_builtFor = 0;
        return *this;
    }
    ~IdIndexCache() = default;
    bool operator==(const IdIndexCache&) const { return true; }

    /// The first item of `items` with `id`, or nullptr.
    template <class Id>
    const Item* find(const std::vector<Item>& items, const Id& id) const
    {
        const std::lock_guard lock(m_mutex);
        if (const auto it = m_index.find(id.str()); it != m_index.end() && it->second < items.size() &&
                                                    items[it->second].id == id && m_builtFor == items.size()) {
            // Built for a list of this length whose entry still holds the id: ids are unique in a valid
            // topology; in an invalid one the first holder is the answer, which the build recorded
            // (emplace keeps the first), unless items moved since: then check the ones before it.
            bool first = true;
            if (m_index.size() != items.size())
                for (std::size_t i = 0; i < it->second && first; ++i)
                    first = !(items[i].id == id);
            if (first)
                return &items[it->second];
        }
        // Not known, or the list changed since the cache was built: scan, and rebuild when it is found.
        const Item* found = nullptr;
        for (const Item& item : items)
            if (item.id == id) {
                found = &item;
                break;
            }
        if (found) {
            m_index.clear();
            m_index.reserve(items.size());
            for (std::size_t i = 0; i < items.size(); ++i)
                m_index.emplace(items[i].id.str(), i);
            m_builtFor = items.size();
        }
        return found;
    }

private:
    mutable std::mutex m_mutex;
    mutable std::unordered_map<std::string, std::size_t> m_index;
    mutable std::size_t m_builtFor = 0; ///< length of the list the index was built from
};

} // namespace firedrill
