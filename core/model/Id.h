#pragma once

#include <compare>
#include <functional>
#include <string>
#include <utility>

namespace firedrill {

/// A typed identifier: an `Id<RegionTag>` cannot be passed where an `Id<ComponentTag>` is expected.
template <class Tag>
class Id
{
public:
    Id() = default;
    /// Wraps the identifier text as written in a topology file.
    explicit Id(std::string value) : m_value(std::move(value)) {}

    /// The identifier text.
    const std::string& str() const { return m_value; }
    /// True when no identifier was given.
    bool empty() const { return m_value.empty(); }

    auto operator<=>(const Id&) const = default;

private:
    std::string m_value;
};

struct RegionTag {};
struct SiteTag {};
struct ComponentTag {};
struct WorkloadTag {};
struct ScenarioTag {};

using RegionId = Id<RegionTag>;
using SiteId = Id<SiteTag>;
using ComponentId = Id<ComponentTag>;
using WorkloadId = Id<WorkloadTag>;
using ScenarioId = Id<ScenarioTag>;

} // namespace firedrill

template <class Tag>
struct std::hash<firedrill::Id<Tag>>
{
    std::size_t operator()(const firedrill::Id<Tag>& id) const noexcept { return std::hash<std::string>{}(id.str()); }
};
