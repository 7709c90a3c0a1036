#pragma once

#include "Component.h"

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace firedrill {

/// Remembers where each component sits in a topology's list, so a lookup by id is not a scan of the whole
/// list (analyses look components up by id constantly; on 10,000 components a scan per lookup made them
/// quadratic). The list stays a plain public vector that anyone may edit: every answer is checked against
/// the list before it is given, and a lookup the cache cannot answer scans the list and rebuilds the cache,
/// so an edit can only cost one scan, never a wrong answer. Safe to use from several threads at once.
/// Not part of the topology's value: copies start empty and any two caches compare equal.
class ComponentIndexCache
{
public:
    ComponentIndexCache() = default;
    ComponentIndexCache(const ComponentIndexCache&) {}
    ComponentIndexCache& operator=(const ComponentIndexCache&)
    {
        clear();
        return *this;
    }
    ~ComponentIndexCache() = default;
    bool operator==(const ComponentIndexCache&) const { return true; }

    /// The first component of `components` with `id`, or nullptr.
    const Component* find(const std::vector<Component>& components, const ComponentId& id) const;

private:
    void clear()
    {
        const std::lock_guard lock(m_mutex);
        m_index.clear();
    }

    mutable std::mutex m_mutex;
    mutable std::unordered_map<std::string, std::size_t> m_index;
};

} // namespace firedrill
