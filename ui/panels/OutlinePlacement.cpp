#include "OutlinePlacement.h"

#include "core/model/ComponentKind.h"

#include <algorithm>

namespace firedrill::ui {

std::optional<RegionId> homeRegion(const Component& c)
{
    if (c.region || c.replicas.empty())
        return c.region;
    const RegionId& first = c.replicas.front().region;
    const bool oneRegion = std::all_of(c.replicas.begin(), c.replicas.end(),
                                       [&](const Replica& r) { return r.region == first; });
    return oneRegion ? std::optional<RegionId>(first) : std::nullopt;
}

OutlineGroup outlineGroup(const Component& c)
{
    if (isLink(c.kind) || !c.between.empty())
        return OutlineGroup::Link;
    if (isGlobal(c.kind) || c.kind == ComponentKind::Users)
        return OutlineGroup::Global;
    if (homeRegion(c))
        return OutlineGroup::Region;
    if (c.site)
        return OutlineGroup::Site;
    return OutlineGroup::MultiRegion;
}

bool usesZones(const Topology& t, const RegionId& id)
{
    return std::any_of(t.components.begin(), t.components.end(), [&](const Component& c) {
        const bool pinned = c.zone && homeRegion(c) == id;
        return pinned || std::any_of(c.replicas.begin(), c.replicas.end(),
                                     [&](const Replica& r) { return r.region == id && r.zone; });
    });
}

} // namespace firedrill::ui
