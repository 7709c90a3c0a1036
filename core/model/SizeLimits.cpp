#include "SizeLimits.h"

#include <string>

namespace firedrill {

namespace {

std::string withSeparators(long long v)
{
    std::string digits = std::to_string(v < 0 ? -v : v);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return (v < 0 ? "-" : "") + digits;
}

void overLimit(std::vector<Diagnostic>& out, std::string path, const std::string& what, long long value, long long limit,
               const std::string& why)
{
    out.push_back({Severity::Error, "over-limit",
                   what + " is " + withSeparators(value) + ", over the limit of " + withSeparators(limit) + ": " + why,
                   std::move(path), {}});
}

} // namespace

void checkSizeLimits(const Topology& t, std::vector<Diagnostic>& out)
{
    static const std::string zonesWhy =
        "no cloud region has more than a handful of availability zones; give the zones the region really has";
    static const std::string instancesWhy =
        "no single tier runs that many instances; give the real count (split a larger fleet into components)";
    for (const Region& r : t.regions)
        if (r.zones > SizeLimits::kMaxZones)
            overLimit(out, "regions[" + r.id.str() + "].zones", "zones", r.zones, SizeLimits::kMaxZones, zonesWhy);
    for (const Component& c : t.components) {
        const std::string path = "components[" + c.id.str() + "]";
        if (c.instances && *c.instances > SizeLimits::kMaxInstances)
            overLimit(out, path + ".instances", "instances", *c.instances, SizeLimits::kMaxInstances, instancesWhy);
        if (c.autoscale && c.autoscale->max > SizeLimits::kMaxInstances)
            overLimit(out, path + ".autoscale.max", "autoscale.max", c.autoscale->max, SizeLimits::kMaxInstances, instancesWhy);
        if (c.autoscale && c.autoscale->min > SizeLimits::kMaxInstances)
            overLimit(out, path + ".autoscale.min", "autoscale.min", c.autoscale->min, SizeLimits::kMaxInstances, instancesWhy);
    }
    for (const Scenario& s : t.scenarios)
        if (s.duration > SizeLimits::kMaxScenarioDuration)
            out.push_back({Severity::Error, "over-limit",
                           "duration is " + std::to_string(s.duration.ms / 86'400'000) + " days, over the limit of " +
                               std::to_string(SizeLimits::kMaxScenarioDuration.ms / 86'400'000) +
                               " days: a scenario replays an incident and its recovery; split a longer story into scenarios",
                           "scenarios[" + s.id.str() + "].duration", {}});
}

} // namespace firedrill
