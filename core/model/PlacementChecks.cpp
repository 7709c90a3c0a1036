// Checks of where a component is placed: region, site, zones, and the ends of links.
#include "ComponentKind.h"
#include "ValidationChecks.h"

#include <set>

namespace firedrill::validation {

void checkPlacement(ValidationContext& ctx, const Component& c, const std::string& path)
{
    if (isGlobal(c.kind) || c.kind == ComponentKind::Users) {
        if (c.region && !ctx.region(*c.region))
            ctx.error(path + ".region", "unknown-reference",
                      "region " + quoted(c.region->str()) + " does not exist");
    } else if (isLink(c.kind)) {
        if (c.between.size() != 2)
            ctx.error(path + ".between", "bad-link",
                      std::string(kindLabel(c.kind)) + " must join exactly two regions or sites (got " +
                          std::to_string(c.between.size()) + ")");
        for (const auto& end : c.between) {
            if (const auto* region = std::get_if<RegionId>(&end);
                region && !ctx.region(*region) && !ctx.site(SiteId{region->str()}))
                ctx.error(path + ".between", "unknown-reference",
                          "link end " + quoted(region->str()) + " is neither a region nor a site");
        }
        if (c.between.size() == 2 && c.between[0] == c.between[1])
            ctx.error(path + ".between", "bad-link", "a link cannot join a place to itself");
    } else if (!c.region && !c.site && c.replicas.empty()) {
        ctx.error(path, "missing-placement",
                  std::string(kindLabel(c.kind)) + " " + quoted(c.id.str()) + " needs a region or a site");
    }
    if (c.region && !isLink(c.kind) && !ctx.region(*c.region) && !isGlobal(c.kind) &&
        c.kind != ComponentKind::Users)
        ctx.error(path + ".region", "unknown-reference",
                  "region " + quoted(c.region->str()) + " does not exist");
    if (c.site && !ctx.site(*c.site))
        ctx.error(path + ".site", "unknown-reference", "site " + quoted(c.site->str()) + " does not exist");
    if (c.region && c.site)
        ctx.error(path + ".site", "conflicting-placement",
                  "a component is either in a region or at a site, not both");
    if (c.zone) {
        if (!c.region)
            ctx.error(path + ".zone", "zone-without-region", "a zone is given but no region");
        else
            checkZone(ctx, path + ".zone", *c.region, *c.zone);
    }
    if (!c.zones.empty()) {
        if (c.zone)
            ctx.error(path + ".zones", "conflicting-placement",
                      "give either zone (pinned) or zones (spread), not both");
        if (!c.region)
            ctx.error(path + ".zones", "zone-without-region", "zones are given but no region");
        else
            for (int z : c.zones)
                checkZone(ctx, path + ".zones", *c.region, z);
        const std::set<int> seen(c.zones.begin(), c.zones.end());
        if (seen.size() != c.zones.size())
            ctx.error(path + ".zones", "duplicate-zone", "a zone is listed twice");
    }
}

} // namespace firedrill::validation
