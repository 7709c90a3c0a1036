#include "CostModel.h"

#include "WorkloadScope.h"
#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <tuple>

namespace firedrill {

namespace {

/// Money rounded to cents, without trailing zeros: "146", "0.36", "9262.12".
std::string money(double usd)
{
    return formatNumber(std::round(usd * 100.0) / 100.0);
}

/// "1 instance", "3 instances".
std::string counted(double n, const std::string& unit)
{
    return formatNumber(n) + " " + unit + (n == 1.0 ? "" : "s");
}

std::string join(const std::vector<std::string>& parts, const std::string& separator)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : separator) + p;
    return out;
}

/// Instances a component runs, and why when it is not simply `instances`.
struct InstanceCount
{
    int n = 1;
    std::string assumption;
};

InstanceCount instanceCount(const Component& c)
{
    if (c.instances)
        return {*c.instances, {}};
    if (c.autoscale)
        return {c.autoscale->min, " (instances not given: autoscale minimum)"};
    return {1, " (instances not given: 1 assumed)"};
}

/// Where one cost line of a component sits.
struct Placement
{
    std::optional<RegionId> region;
    std::optional<SiteId> site;
    std::optional<ComponentId> replica;
};

/// One placement per replica, one per region end of a link, else the component's own region or site.
std::vector<Placement> placements(const Component& c)
{
    std::vector<Placement> out;
    if (!c.replicas.empty()) {
        for (const auto& r : c.replicas)
            out.push_back({r.region, std::nullopt, r.id});
        return out;
    }
    if (isLink(c.kind) && !c.between.empty()) {
        for (const auto& end : c.between)
            if (const auto* r = std::get_if<RegionId>(&end))
                out.push_back({*r, std::nullopt, std::nullopt});
        if (out.empty())
            out.push_back({std::nullopt, std::get<SiteId>(c.between.front()), std::nullopt});
        return out;
    }
    out.push_back({c.region, c.site, std::nullopt});
    return out;
}

/// Prices one placement of a component from the table; returns the monthly figure and its basis.
std::pair<double, std::string> tablePrice(const Component& c, const Placement& place, std::size_t places,
                                          const PriceTable& prices)
{
    const KindPrice* kp = prices.find(c.kind);
    if (!kp)
        return {0.0, "no price for " + std::string(kindName(c.kind)) + " in the price table: counted as 0"};
    double sum = 0.0;
    std::vector<std::string> terms;
    std::string caveats;
    const auto term = [&](double quantity, const std::string& what, double unitPrice) {
        sum += quantity * unitPrice;
        terms.push_back(what + " x " + formatNumber(unitPrice) + " USD");
    };
    if (isLink(c.kind)) {
        if (kp->perInstance) {
            const double n = static_cast<double>(place.region ? places : 1);
            sum += *kp->perInstance / n;
            terms.push_back("1 " + kp->unit + " x " + formatNumber(*kp->perInstance) + " USD" +
                            (n > 1.0 ? " / " + counted(n, "region end") : ""));
        }
        if (kp->perGateway && place.region)
            term(1.0, "1 gateway", *kp->perGateway);
    } else if (place.replica) {
        if (kp->perInstance)
            term(1.0, "1 replica", *kp->perInstance);
    } else {
        const InstanceCount count = instanceCount(c);
        if (kp->perInstance) {
            term(count.n, counted(count.n, kp->unit), *kp->perInstance);
            const KindFamily family = kindFamily(c.kind);
            if (*kp->perInstance != 0.0 &&
                (family == KindFamily::Compute || family == KindFamily::RegionalRouting))
                caveats +=
                    count.assumption; // elsewhere one database, cache or namespace is the natural default
        }
        if (kp->perEndpoint) {
            const double endpoints = static_cast<double>(c.endpoints.size());
            term(endpoints, counted(endpoints, "endpoint"), *kp->perEndpoint);
        }
    }
    if (!isLink(c.kind)) {
        std::optional<double> gb = kp->perGb;
        std::string tier;
        if (c.kind == ComponentKind::StorageAccount) {
            const StorageRedundancy r = c.redundancy.value_or(StorageRedundancy::Lrs);
            gb = kp->gbPrice(r);
            tier = " (" + std::string(toName(r)) +
                   (c.redundancy ? "" : ", redundancy not given: LRS assumed") + ")";
        }
        if (gb && c.size) {
            term(c.size->gigabytes, formatNumber(c.size->gigabytes) + " GB", *gb);
            terms.back() += tier;
        } else if (gb && *gb != 0.0) {
            caveats += " (no size given: data not priced)";
        }
    }
    return {sum, "price table: " + (terms.empty() ? std::string("nothing to price") : join(terms, " + ")) +
                     caveats};
}

/// The byRegion key of a line.
std::string placeKey(const CostLine& line)
{
    if (line.region)
        return line.region->str();
    if (line.site)
        return "site:" + line.site->str();
    return "global";
}

/// Prices `components` and fills in totals and shares; lines in `secondary` regions are the secondary share.
CostReport buildReport(const std::vector<const Component*>& components, const PriceTable& prices,
                       std::vector<RegionId> secondary)
{
    CostReport report;
    report.secondaryRegions = std::move(secondary);
    int fromTable = 0;
    for (const Component* c : components) {
        if (!c->cost)
            ++fromTable;
        for (CostLine& line : componentCost(*c, prices)) {
            line.secondary =
                line.region && std::find(report.secondaryRegions.begin(), report.secondaryRegions.end(),
                                         *line.region) != report.secondaryRegions.end();
            report.total += line.monthly;
            report.byRegion[placeKey(line)] += line.monthly;
            (line.secondary ? report.secondaryShare : report.primaryShare) += line.monthly;
            report.lines.push_back(std::move(line));
        }
    }
    const std::size_t own = components.size() - static_cast<std::size_t>(fromTable);
    report.notes.push_back("Priced by their own cost: " + std::to_string(own) + " of " +
                           std::to_string(components.size()) + " components; from the price table of " +
                           prices.date() +
                           (prices.region().empty() ? "" : " (" + prices.region() + " list prices)") + ": " +
                           std::to_string(fromTable) + ".");
    for (const ComponentKind kind : prices.missingKinds())
        for (const Component* c : components)
            if (c->kind == kind && !c->cost) {
                report.notes.push_back("The price table has no price for " + std::string(kindName(kind)) +
                                       ": components of that kind without a cost count as 0.");
                break;
            }
    return report;
}

/// Ids of regions, "a, b".
std::string regionList(const std::vector<RegionId>& regions)
{
    std::vector<std::string> names;
    names.reserve(regions.size());
    for (const auto& r : regions)
        names.push_back(r.str());
    return join(names, ", ");
}

/// Replaces every occurrence of `from` in `text` with `to`.
std::string replaceAll(std::string text, const std::string& from, const std::string& to)
{
    if (from.empty())
        return text;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

/// Pairs each secondary compute component with its primary counterpart: first by id (the secondary
/// region's id replaced by the primary's, "web-neu" -> "web-weu"), then the only remaining one of its kind.
std::map<const Component*, const Component*> counterparts(const std::vector<const Component*>& secondary,
                                                          const std::vector<const Component*>& primary,
                                                          const RegionRoles& roles)
{
    std::map<const Component*, const Component*> out;
    std::vector<const Component*> free = primary;
    const auto take = [&](const Component* s, const Component* p) {
        out[s] = p;
        free.erase(std::find(free.begin(), free.end(), p));
    };
    for (const Component* s : secondary) {
        const std::string mapped = replaceAll(s->id.str(), roles.secondary->str(), roles.primary->str());
        const auto it = std::find_if(free.begin(), free.end(), [&](const Component* p) {
            return p->kind == s->kind && p->id.str() == mapped;
        });
        if (mapped != s->id.str() && it != free.end())
            take(s, *it);
    }
    for (const Component* s : secondary) {
        if (out.count(s))
            continue;
        std::vector<const Component*> sameKind;
        std::copy_if(free.begin(), free.end(), std::back_inserter(sameKind),
                     [&](const Component* p) { return p->kind == s->kind; });
        if (sameKind.size() == 1)
            take(s, sameKind.front());
    }
    return out;
}

/// USD per instance per month for scaling `c` (its own cost, its counterpart's, else the table), with the
/// reason.
std::pair<double, std::string> perInstancePrice(const Component& c, const Component* counterpart,
                                                const PriceTable& prices)
{
    for (const Component* source : {&c, counterpart}) {
        if (!source || !source->cost)
            continue;
        const int n = instanceCount(*source).n;
        if (n <= 0)
            continue;
        const double each = *source->cost / n;
        return {each, (source == &c ? "own cost " : source->id.str() + "'s cost ") + money(*source->cost) +
                          " USD / " + counted(n, "instance") + " = " + money(each) +
                          " USD per instance-month"};
    }
    if (const KindPrice* kp = prices.find(c.kind); kp && kp->perInstance)
        return {*kp->perInstance,
                "price table: " + formatNumber(*kp->perInstance) + " USD per instance-month"};
    return {0.0, "no per-instance price: counted as 0"};
}

/// Full size of a secondary compute component, and how it was found.
std::pair<int, std::string> fullSize(const Component& s, const Component* p, const Workload& workload)
{
    const int current = instanceCount(s).n;
    const auto kind = workload.strategy ? std::optional(workload.strategy->kind) : std::nullopt;
    if (p && kind == StrategyKind::ActiveActive) {
        const int theirs = instanceCount(*p).n;
        return {current + theirs, "active-active: takes over " + p->id.str() + "'s " +
                                      counted(theirs, "instance") + ", " + std::to_string(current) + " + " +
                                      std::to_string(theirs)};
    }
    if (p)
        return {instanceCount(*p).n,
                "full size = " + p->id.str() + "'s " + counted(instanceCount(*p).n, "instance")};
    if (kind == StrategyKind::ActivePassiveFull && workload.strategy->scaleFactor &&
        *workload.strategy->scaleFactor > 0.0) {
        const double factor = *workload.strategy->scaleFactor;
        const int full = static_cast<int>(std::ceil(current / factor - 1e-9));
        return {full, "no primary counterpart; " + std::to_string(current) + " / scale factor " +
                          formatNumber(factor) + " = " + std::to_string(full) + " (rounded up)"};
    }
    if (s.autoscale)
        return {s.autoscale->max,
                "no primary counterpart; autoscale maximum " + std::to_string(s.autoscale->max)};
    return {current,
            "no primary counterpart, scale factor or autoscale: stays at " + std::to_string(current)};
}

} // namespace

double CostReport::componentTotal(const ComponentId& id) const
{
    double sum = 0.0;
    for (const auto& line : lines)
        if (line.component == id)
            sum += line.monthly;
    return sum;
}

std::vector<CostLine> componentCost(const Component& component, const PriceTable& prices)
{
    const auto places = placements(component);
    const std::string over = component.replicas.empty() ? "region end" : "replica";
    std::vector<CostLine> out;
    for (const auto& place : places) {
        CostLine line;
        line.component = component.id;
        line.name = component.name.empty() ? component.id.str() : component.name;
        line.kind = component.kind;
        line.replica = place.replica;
        line.region = place.region;
        line.site = place.site;
        if (component.cost) {
            const double n = static_cast<double>(places.size());
            line.monthly = *component.cost / n;
            line.basis = places.size() == 1 ? "component cost"
                                            : "component cost " + money(*component.cost) +
                                                  " USD split evenly over " + counted(n, over);
        } else {
            std::tie(line.monthly, line.basis) = tablePrice(component, place, places.size(), prices);
        }
        out.push_back(std::move(line));
    }
    return out;
}

CostReport topologyCost(const Topology& topology, const PriceTable& prices)
{
    std::vector<RegionId> primaries;
    std::vector<RegionId> secondaries;
    for (const auto& w : topology.workloads) {
        const RegionRoles roles = regionRoles(topology, w);
        if (roles.primary)
            primaries.push_back(*roles.primary);
        if (roles.secondary)
            secondaries.push_back(*roles.secondary);
    }
    std::vector<RegionId> secondary;
    std::vector<RegionId> both;
    for (const auto& region : topology.regions) {
        const bool isSecondary = std::count(secondaries.begin(), secondaries.end(), region.id) > 0;
        const bool isPrimary = std::count(primaries.begin(), primaries.end(), region.id) > 0;
        if (isSecondary && !isPrimary)
            secondary.push_back(region.id);
        else if (isSecondary)
            both.push_back(region.id);
    }
    std::vector<const Component*> all;
    for (const auto& c : topology.components)
        all.push_back(&c);
    CostReport report = buildReport(all, prices, secondary);
    report.notes.push_back(
        secondary.empty() ? std::string("No region is only a secondary region: the secondary share is 0.")
                          : "Secondary share: the lines in " + regionList(secondary) +
                                " (a workload's secondary region and no workload's primary).");
    if (!both.empty())
        report.notes.push_back(regionList(both) + " is primary for some workloads and secondary for others: "
                                                  "counted in the primary share.");
    return report;
}

CostReport workloadCost(const Topology& topology, const Workload& workload, const PriceTable& prices)
{
    const auto members = workloadComponents(topology, workload);
    const RegionRoles roles = regionRoles(topology, workload);
    std::vector<RegionId> secondary;
    if (roles.secondary)
        secondary.push_back(*roles.secondary);
    CostReport report = buildReport(members, prices, secondary);
    report.notes.push_back(
        roles.secondary ? "Secondary share: the lines in " + roles.secondary->str() + "."
                        : std::string("The workload has no secondary region: the secondary share is 0."));
    std::vector<std::string> shared;
    for (const Component* c : members)
        for (const auto& other : topology.workloads) {
            if (other.id == workload.id)
                continue;
            const auto theirs = workloadComponents(topology, other);
            if (std::find(theirs.begin(), theirs.end(), c) != theirs.end()) {
                shared.push_back(c->id.str());
                break;
            }
        }
    if (!shared.empty())
        report.notes.push_back(
            "Shared with other workloads and counted in full here too: " + join(shared, ", ") + ".");
    return report;
}

FailoverCost failoverCost(const Topology& topology, const Workload& workload, const PriceTable& prices,
                          Duration duration)
{
    FailoverCost out;
    out.duration = duration;
    const double hours = duration.toHours();
    const RegionRoles roles = regionRoles(topology, workload);
    if (workload.strategy && workload.strategy->kind == StrategyKind::SingleRegion) {
        out.explanation =
            "The single-region strategy does not fail over to another region: no failover cost.";
        return out;
    }
    if (!roles.primary || !roles.secondary) {
        out.explanation = "The workload has no secondary region to fail over to: no failover cost.";
        return out;
    }
    const auto members = workloadComponents(topology, workload);
    std::vector<const Component*> primary;
    std::vector<const Component*> secondary;
    for (const Component* c : members) {
        if (kindFamily(c->kind) != KindFamily::Compute || !c->region)
            continue;
        if (*c->region == *roles.primary)
            primary.push_back(c);
        else if (*c->region == *roles.secondary)
            secondary.push_back(c);
    }
    const auto pairs = counterparts(secondary, primary, roles);
    std::vector<std::string> parts;
    for (const Component* c : members) {
        const bool isSecondary = std::find(secondary.begin(), secondary.end(), c) != secondary.end();
        const bool unmatchedPrimary =
            std::find(primary.begin(), primary.end(), c) != primary.end() &&
            std::none_of(pairs.begin(), pairs.end(), [&](const auto& p) { return p.second == c; });
        if (!isSecondary && !unmatchedPrimary)
            continue;
        ScaleUpLine line;
        line.component = c->id;
        line.name = c->name.empty() ? c->id.str() : c->name;
        line.kind = c->kind;
        line.region = *roles.secondary;
        std::string how;
        std::string priceWhy;
        if (isSecondary) {
            const auto it = pairs.find(c);
            const Component* p = it == pairs.end() ? nullptr : it->second;
            line.current = instanceCount(*c).n;
            std::tie(line.full, how) = fullSize(*c, p, workload);
            std::tie(line.perInstanceMonthly, priceWhy) = perInstancePrice(*c, p, prices);
        } else {
            line.current = 0;
            line.full = instanceCount(*c).n;
            how = "not deployed in " + roles.secondary->str() + ": its " + counted(line.full, "instance") +
                  " start there";
            std::tie(line.perInstanceMonthly, priceWhy) = perInstancePrice(*c, nullptr, prices);
        }
        if (line.full <= line.current) {
            if (isSecondary && !pairs.count(c))
                out.notes.push_back(c->id.str() + ": " + how + ".");
            continue;
        }
        const int extra = line.full - line.current;
        line.perHour = extra * line.perInstanceMonthly / kHoursPerMonth;
        line.cost = line.perHour * hours;
        line.basis = std::to_string(line.current) + " -> " + std::to_string(line.full) + " instances (" +
                     how + "); " + priceWhy + "; " + std::to_string(extra) + " x " +
                     money(line.perInstanceMonthly) + " USD / " + formatNumber(kHoursPerMonth) +
                     " h = " + money(line.perHour) + " USD/h";
        out.extraPerHour += line.perHour;
        parts.push_back(line.component.str() + " +" + std::to_string(extra) + " = " + money(line.perHour) +
                        " USD/h");
        out.lines.push_back(std::move(line));
    }
    out.total = out.extraPerHour * hours;
    const std::string durationText = formatDuration(duration);
    const std::string hoursText =
        durationText.back() == 'h' ? durationText : durationText + " (" + formatNumber(hours) + " h)";
    if (out.lines.empty()) {
        out.explanation = "The compute in " + roles.secondary->str() +
                          " already runs at full size: no extra cost for " + hoursText + ".";
    } else {
        out.explanation = "Running " + roles.secondary->str() + " at full size costs " +
                          money(out.extraPerHour) + " USD/h more (" + join(parts, ", ") + "); for " +
                          hoursText + " that is " + money(out.total) +
                          " USD. Monthly prices are "
                          "turned into hourly ones over " +
                          formatNumber(kHoursPerMonth) + " hours.";
    }
    return out;
}

} // namespace firedrill
