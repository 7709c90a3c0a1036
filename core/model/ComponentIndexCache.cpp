#include "ComponentIndexCache.h"

namespace firedrill {

const Component* ComponentIndexCache::find(const std::vector<Component>& components, const ComponentId& id) const
{
    const std::lock_guard lock(m_mutex);
    if (const auto it = m_index.find(id.str());
        it != m_index.end() && it->second < components.size() && components[it->second].id == id) {
        // The id is unique in a valid topology; in an invalid one the first holder is the answer.
        bool first = true;
        if (m_index.size() != components.size())
            for (std::size_t i = 0; i < it->second && first; ++i)
                first = !(components[i].id == id);
        if (first)
            return &components[it->second];
    }
    // Not known, or the list changed since the cache was built: scan, and rebuild when it is found.
    const Component* found = nullptr;
    for (const Component& c : components)
        if (c.id == id) {
            found = &c;
            break;
        }
    if (found) {
        m_index.clear();
        m_index.reserve(components.size());
        for (std::size_t i = 0; i < components.size(); ++i)
            m_index.emplace(components[i].id.str(), i);
    }
    return found;
}

} // namespace firedrill
