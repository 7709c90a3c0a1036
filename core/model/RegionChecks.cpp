// Checks of regions and of zone numbers given anywhere.
#include "ValidationChecks.h"

namespace firedrill::validation {

void checkRegion(ValidationContext& ctx, const Region& r)
{
    const auto path = itemOf("regions", r.id.str());
    if (r.zones < 0)
        ctx.error(path + ".zones", "out-of-range",
                  "zones must be 0 or more (got " + std::to_string(r.zones) + ")");
    if (r.pair) {
        const Region* other = ctx.region(*r.pair);
        if (!other)
            ctx.error(path + ".pair", "unknown-reference",
                      "paired region " + quoted(r.pair->str()) + " does not exist");
        else if (*r.pair == r.id)
            ctx.error(path + ".pair", "self-reference", "a region cannot be paired with itself");
        else if (!other->pair || *other->pair != r.id)
            ctx.warning(path + ".pair", "asymmetric-pair",
                        "region " + quoted(r.pair->str()) + " is not paired back with " + quoted(r.id.str()));
    }
    for (const auto* rate : {&r.outage, &r.zoneOutage}) {
        if (*rate) {
            const auto p = path + (rate == &r.outage ? ".outage" : ".zone_outage");
            ctx.positive(p + ".mtbf", (*rate)->mtbf, "mtbf");
            ctx.nonNegative(p + ".mttr", (*rate)->mttr, "mttr");
        }
    }
}

void checkZone(ValidationContext& ctx, const std::string& path, const RegionId& region, int zone)
{
    const Region* r = ctx.region(region);
    if (!r)
        return; // the unknown region is reported on its own
    if (zone < 1 || zone > r->zones)
        ctx.error(path, "unknown-zone",
                  "zone " + std::to_string(zone) + " does not exist in region " + quoted(region.str()) +
                      " (it has " + std::to_string(r->zones) + " zone" + (r->zones == 1 ? "" : "s") + ")");
}

} // namespace firedrill::validation
