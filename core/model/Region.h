#pragma once

#include "Id.h"
#include "Quantity.h"

#include <optional>
#include <string>

namespace firedrill {

/// How often a failure domain (a whole region, or one of its zones) goes down and for how long.
struct OutageRate
{
    Duration mtbf; ///< mean time between outages
    Duration mttr; ///< mean time to recover
    auto operator<=>(const OutageRate&) const = default;
};

/// A cloud region, with its paired region and its availability zones (numbered 1..zones).
struct Region
{
    RegionId id;
    std::string name;
    std::optional<RegionId> pair;
    int zones = 0;
    std::optional<OutageRate> outage;     ///< whole-region outages
    std::optional<OutageRate> zoneOutage; ///< outages of any one zone
    auto operator<=>(const Region&) const = default;
};

/// What kind of place a non-cloud site is.
enum class SiteKind { OnPremises, OtherCloud };

/// A location outside the cloud regions, such as the head office's data centre.
struct Site
{
    SiteId id;
    std::string name;
    SiteKind kind = SiteKind::OnPremises;
    auto operator<=>(const Site&) const = default;
};

} // namespace firedrill
