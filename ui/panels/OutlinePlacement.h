#pragma once

#include "core/model/Topology.h"

#include <optional>

namespace firedrill::ui {

/// The outline group a component is listed in.
enum class OutlineGroup {
    Region,      ///< under its home region (and zone)
    Site,        ///< under its site
    Global,      ///< DNS-level routing and clients, outside any region
    MultiRegion, ///< replicated data spanning regions, or anything without a place
    Link,        ///< joins two regions or sites
};

/// The region a component lives in: its own, or the one all its replicas share; nullopt otherwise.
std::optional<RegionId> homeRegion(const Component& component);

/// Where the outline lists `component`.
OutlineGroup outlineGroup(const Component& component);

/// True when anything in region `id` is pinned to a zone (the outline then lists every zone of the region).
bool usesZones(const Topology& topology, const RegionId& id);

} // namespace firedrill::ui
