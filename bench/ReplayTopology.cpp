// The replay benchmark's generated topology and 24-hour scenario (see bench_replay.cpp for the shape).
#include "ReplayTopology.h"

#include <string>

namespace firedrill::bench {

namespace {
std::string s(int v) { return std::to_string(v); }

} // namespace

Topology replayTopology()
{
    Topology t;
    t.name = "replay-bench";
    constexpr int kRegions = 10, kTiers = 10, kVmsPerZone = 17;
    for (int r = 0; r < kRegions; ++r)
        t.regions.push_back(Region{RegionId{"r" + s(r)}, "Region " + s(r), RegionId{"r" + s(r ^ 1)}, 3, {}, {}});
    const auto add = [&](Component c) { t.components.push_back(std::move(c)); };
    const auto dep = [](const std::string& id, DependencyKind k = DependencyKind::Hard) { return Dependency{ComponentId{id}, k}; };
    for (int r = 0; r < kRegions; ++r) {
        const std::string R = "r" + s(r);
        const int p = r / 2;
        Component agw;
        agw.id = ComponentId{"agw-" + R};
        agw.kind = ComponentKind::ApplicationGateway;
        agw.region = RegionId{R};
        agw.zones = {1, 2, 3};
        agw.probe = Probe{Duration::seconds(15), Duration::seconds(5), 2};
        for (int k = 0; k < kTiers; ++k)
            agw.dependsOn.push_back(dep("app-" + R + "-" + s(k), DependencyKind::Soft));
        add(agw);
        for (int k = 0; k < kTiers; ++k) {
            Component app;
            app.id = ComponentId{"app-" + R + "-" + s(k)};
            app.kind = ComponentKind::VmScaleSet;
            app.region = RegionId{R};
            app.zones = {1, 2, 3};
            app.instances = 6;
            app.capacityRps = 100;
            app.autoscale = Autoscale{6, 12, Duration::minutes(5)};
            app.startupTime = Duration::minutes(3);
            app.dependsOn = {dep("db-p" + s(p) + "-" + s(k)), dep("cache-" + R + "-" + s(k), DependencyKind::Soft),
                             dep("bus-" + R + "-" + s(k), DependencyKind::Soft)};
            Resilience resilience;
            resilience.retries = 3;
            resilience.retryDelay = Duration::milliseconds(500);
            resilience.breakerThreshold = 5;
            resilience.breakerOpen = Duration::seconds(30);
            app.resilience = resilience;
            app.outbox = Outbox{100000, 500.0};
            add(app);
            Component cache;
            cache.id = ComponentId{"cache-" + R + "-" + s(k)};
            cache.kind = ComponentKind::Cache;
            cache.region = RegionId{R};
            cache.zones = {1, 2, 3};
            add(cache);
            Component bus;
            bus.id = ComponentId{"bus-" + R + "-" + s(k)};
            bus.kind = ComponentKind::ServiceBus;
            bus.region = RegionId{R};
            bus.zones = {1, 2, 3};
            add(bus);
        }
        for (int z = 1; z <= 3; ++z)
            for (int j = 0; j < kVmsPerZone; ++j) {
                Component vm;
                vm.id = ComponentId{"vm-" + R + "-" + s(z) + "-" + s(j)};
                vm.kind = ComponentKind::VirtualMachine;
                vm.region = RegionId{R};
                vm.zone = z;
                vm.instances = 1;
                vm.capacityRps = 50;
                vm.mttr = Duration::minutes(10);
                vm.dependsOn = {dep("db-p" + s(p) + "-" + s(j % kTiers))};
                add(vm);
            }
        for (int k = 0; k < 4; ++k) {
            Component st;
            st.id = ComponentId{"st-" + R + "-" + s(k)};
            st.kind = ComponentKind::StorageAccount;
            st.region = RegionId{R};
            st.redundancy = k % 2 ? StorageRedundancy::RaGrs : StorageRedundancy::Zrs;
            st.geoLag = Duration::minutes(15);
            add(st);
        }
    }
    for (int p = 0; p < kRegions / 2; ++p) {
        const std::string A = "r" + s(2 * p), B = "r" + s(2 * p + 1);
        Component vpn;
        vpn.id = ComponentId{"vpn-p" + s(p)};
        vpn.kind = ComponentKind::VpnGateway;
        vpn.between = {RegionId{A}, RegionId{B}};
        add(vpn);
        for (int k = 0; k < kTiers; ++k) {
            Component db;
            db.id = ComponentId{"db-p" + s(p) + "-" + s(k)};
            db.kind = ComponentKind::SqlDatabase;
            db.size = DataSize{200};
            db.replicas = {Replica{ComponentId{db.id.str() + "-a1"}, RegionId{A}, 1, ReplicaRole::Primary, {}, {}, false, {}},
                           Replica{ComponentId{db.id.str() + "-a2"}, RegionId{A}, 2, ReplicaRole::Secondary,
                                   ReplicationMode::Synchronous, {}, false, {}},
                           Replica{ComponentId{db.id.str() + "-b"}, RegionId{B}, {}, ReplicaRole::Secondary,
                                   ReplicationMode::Asynchronous, Duration::seconds(5), true, {}}};
            Failover f;
            f.detection = Duration::seconds(30);
            f.promotion = Duration::seconds(30);
            f.crossRegion = FailoverMode::Manual;
            f.decision = Duration::minutes(15);
            db.failover = f;
            Backup b;
            b.full = Duration::days(7);
            b.log = Duration::minutes(10);
            b.restoreRate = DataRate{200};
            b.copyTo = RegionId{B};
            b.pointInTime = k % 2 == 0;
            db.backup = b;
            add(db);
            Component tm;
            tm.id = ComponentId{"tm-p" + s(p) + "-" + s(k)};
            tm.kind = ComponentKind::TrafficManager;
            tm.routing = RoutingMethod::Priority;
            tm.dnsTtl = Duration::seconds(60);
            tm.endpoints = {Endpoint{ComponentId{"agw-" + A}, 1, {}}, Endpoint{ComponentId{"agw-" + B}, 2, {}}};
            add(tm);
            Workload w;
            w.id = WorkloadId{"web-p" + s(p) + "-" + s(k)};
            w.name = "Web " + s(p) + "/" + s(k);
            w.entry = tm.id;
            for (const std::string& R : {A, B})
                for (const std::string& c : {"agw-" + R, "app-" + R + "-" + s(k), "cache-" + R + "-" + s(k), "bus-" + R + "-" + s(k)})
                    w.components.push_back(ComponentId{c});
            w.components.push_back(tm.id);
            w.components.push_back(db.id);
            w.demandRps = 300;
            w.writeFraction = 0.1;
            t.workloads.push_back(std::move(w));
        }
    }
    for (int r = 0; r < kRegions; ++r)
        for (int z = 1; z <= 3; ++z)
            for (int j = 0; j < 2; ++j) {
                Workload w;
                w.id = WorkloadId{"work-r" + s(r) + "-" + s(z) + "-" + s(j)};
                w.name = w.id.str();
                w.entry = ComponentId{"vm-r" + s(r) + "-" + s(z) + "-" + s(j)};
                w.demandRps = 20;
                w.writeFraction = 0.5;
                t.workloads.push_back(std::move(w));
            }
    for (int k = 0; t.components.size() < 1000; ++k) {
        Component st;
        st.id = ComponentId{"pad-" + s(k)};
        st.kind = ComponentKind::StorageAccount;
        st.region = RegionId{"r" + s(k % kRegions)};
        add(st);
    }
    Scenario sc;
    sc.id = ScenarioId{"day"};
    sc.name = "A bad day";
    sc.duration = Duration::hours(24);
    const auto fault = [&](Duration at, FaultTarget::Scope scope, std::string id, FaultKind kind, std::optional<Duration> len,
                           std::optional<int> zone = {}) {
        Fault f;
        f.at = at;
        f.target = FaultTarget{scope, std::move(id), zone};
        f.kind = kind;
        f.length = len;
        sc.faults.push_back(f);
        return &sc.faults.back();
    };
    using S = FaultTarget::Scope;
    using H = Duration;
    fault(H::hours(1), S::Zone, "r0", FaultKind::Outage, H::hours(2), 1);
    fault(H::hours(3), S::Component, "app-r2-3", FaultKind::Crash, {});
    fault(H::hours(4), S::Component, "tm-p1-0", FaultKind::Surge, H::hours(1))->multiplier = 2.0;
    fault(H::hours(5), S::Component, "vpn-p2", FaultKind::Partition, H::hours(3));
    fault(H::hours(6), S::Region, "r4", FaultKind::Outage, H::hours(6));
    fault(H::hours(8), S::Component, "db-p3-2", FaultKind::Corruption, {})->detectedAfter = H::minutes(30);
    fault(H::hours(10), S::Component, "bus-r6-1", FaultKind::Outage, H::hours(1));
    auto* d = fault(H::hours(11), S::Component, "cache-r7-0", FaultKind::Degradation, H::hours(2));
    d->errorRate = 0.1;
    d->latency = H::milliseconds(200);
    fault(H::hours(12), S::Component, "vm-r8-2-3", FaultKind::Crash, {});
    fault(H::hours(14), S::Zone, "r9", FaultKind::Outage, H::hours(1), 3);
    fault(H::hours(16), S::Component, "cache-r1-4", FaultKind::DependencyFailure, H::hours(1));
    fault(H::hours(18), S::Region, "r6", FaultKind::Outage, H::hours(2));
    fault(H::hours(20), S::Region, "r3", FaultKind::Surge, H::hours(2))->multiplier = 1.5;
    t.scenarios.push_back(std::move(sc));
    return t;
}


} // namespace firedrill::bench
