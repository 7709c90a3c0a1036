#include "TopologyGenerator.h"

#include <algorithm>
#include <optional>
#include <string>

namespace firedrill::bench {

namespace {

/// `fanOut(i)` is how many components of the next layer component `i` depends on.
template <typename FanOut>
Topology generate(std::size_t components, int regions, const FanOut& fanOut)
{
    Topology t;
    t.name = "Generated topology with " + std::to_string(components) + " components";
    for (int r = 0; r < regions; ++r) {
        Region region;
        region.id = RegionId{"r" + std::to_string(r)};
        region.name = "Region " + std::to_string(r);
        region.pair = RegionId{"r" + std::to_string(r ^ 1)};
        region.zones = 3;
        t.regions.push_back(region);
    }
    // Ten layers: every component outside the last depends on `fanOut` components of the next layer.
    const std::size_t layerSize = std::max<std::size_t>(1, components / 10);
    t.components.reserve(components);
    for (std::size_t i = 0; i < components; ++i) {
        Component c;
        c.id = ComponentId{"c" + std::to_string(i)};
        c.kind = ComponentKind::AppService;
        c.region = RegionId{"r" + std::to_string(static_cast<int>(i % static_cast<std::size_t>(regions)))};
        c.zone = static_cast<int>(i % 3) + 1;
        c.instances = 2;
        c.capacityRps = 400;
        c.sla = Percent{99.95};
        c.mtbf = Duration::hours(2000);
        c.mttr = Duration::minutes(10);
        c.cost = 146;
        const std::size_t nextLayer = (i / layerSize + 1) * layerSize;
        const std::size_t count = std::min(fanOut(i), layerSize);
        for (std::size_t k = 0; k < count; ++k) {
            const std::size_t target = nextLayer + (i * 7 + k * 13) % layerSize;
            if (target < components)
                c.dependsOn.push_back({ComponentId{"c" + std::to_string(target)}, DependencyKind::Hard});
        }
        t.components.push_back(std::move(c));
    }
    Workload w;
    w.id = WorkloadId{"all"};
    w.name = "Everything";
    w.entry = ComponentId{"c0"};
    w.demandRps = 1000;
    t.workloads.push_back(w);
    return t;
}

} // namespace

Topology generateTopology(std::size_t components, std::size_t fanOut, int regions)
{
    return generate(components, regions, [fanOut](std::size_t) { return fanOut; });
}

Topology generateTopologyWithDependencies(std::size_t components, std::size_t dependencies, int regions)
{
    // Components in the last layer depend on nothing; the others share the dependencies.
    const std::size_t layerSize = std::max<std::size_t>(1, components / 10);
    const std::size_t dependents = components > layerSize ? (components - 1) / layerSize * layerSize : 0;
    const std::size_t base = dependents ? dependencies / dependents : 0;
    const std::size_t extra = dependents ? dependencies % dependents : 0;
    return generate(components, regions, [base, extra](std::size_t i) { return base + (i < extra ? 1 : 0); });
}

namespace {

Component appService(const std::string& id, const std::string& region, int instances)
{
    Component c;
    c.id = ComponentId{id};
    c.kind = ComponentKind::AppService;
    c.region = RegionId{region};
    c.instances = instances;
    c.capacityRps = 400;
    return c;
}

Region region(const std::string& id, std::optional<std::string> pair)
{
    Region r;
    r.id = RegionId{id};
    if (pair)
        r.pair = RegionId{*pair};
    return r;
}

} // namespace

Topology generateShape(Shape shape, std::size_t n)
{
    Topology t;
    t.name = "Generated shape of " + std::to_string(n);
    const auto index = [](std::string prefix, std::size_t i) { return prefix + std::to_string(i); };
    Workload w;
    w.id = WorkloadId{"w"};
    w.demandRps = 100;
    switch (shape) {
    case Shape::Regions:
    case Shape::RegionsUnknownPair:
        for (std::size_t i = 0; i < n; ++i)
            t.regions.push_back(region(index("r", i), shape == Shape::Regions ? index("r", i ^ 1) : index("nowhere", i)));
        t.components.push_back(appService("app", "r0", 2));
        w.entry = ComponentId{"app"};
        break;
    case Shape::Chain:
        t.regions.push_back(region("weu", std::nullopt));
        for (std::size_t i = 0; i < n; ++i) {
            Component c = appService(index("c", i), "weu", 1);
            if (i + 1 < n)
                c.dependsOn.push_back({ComponentId{index("c", i + 1)}, DependencyKind::Hard});
            t.components.push_back(std::move(c));
        }
        w.entry = ComponentId{"c0"};
        break;
    case Shape::ListedMembers:
        t.regions.push_back(region("weu", std::nullopt));
        for (std::size_t i = 0; i < n; ++i) {
            t.components.push_back(appService(index("c", i), "weu", 1));
            w.components.push_back(ComponentId{index("c", i)});
        }
        w.entry = ComponentId{"c0"};
        break;
    case Shape::Routers:
        t.regions.push_back(region("weu", std::nullopt));
        for (std::size_t i = 0; i < n; ++i) {
            Component tm;
            tm.id = ComponentId{index("tm", i)};
            tm.kind = ComponentKind::TrafficManager;
            tm.endpoints.push_back({ComponentId{index("app", i)}, std::nullopt, std::nullopt});
            if (i + 1 < n)
                tm.endpoints.push_back({ComponentId{index("tm", i + 1)}, std::nullopt, std::nullopt});
            t.components.push_back(std::move(tm));
            t.components.push_back(appService(index("app", i), "weu", 1));
        }
        w.entry = ComponentId{"tm0"};
        break;
    }
    t.workloads.push_back(w);
    return t;
}

} // namespace firedrill::bench
