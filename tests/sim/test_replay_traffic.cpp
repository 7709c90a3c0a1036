// Replay of traffic behaviour: Traffic Manager probes and the DNS drain, active-passive failover,
// surge with autoscale, degraded mode. Every expected value is worked out by hand in the comments.
#include "ReplayTestSupport.h"

#include "core/analysis/RecoveryEstimator.h"

using namespace firedrill;
using namespace firedrill::sim;
using namespace replaytest;

namespace {
// Two stateless web tiers behind Traffic Manager (priority), 500 rps, no database.
const char* kActivePassive = R"(firedrill: 1
name: ap
regions:
  - {id: weu, name: West Europe, pair: neu}
  - {id: neu, name: North Europe, pair: weu}
components:
  - id: tm
    kind: traffic-manager
    routing: priority
    probe: {interval: 30s, timeout: 10s, tolerated_failures: 3}
    dns_ttl: 60s
    endpoints: [{id: web-weu, priority: 1}, {id: web-neu, priority: 2}]
  - {id: web-weu, kind: app-service, region: weu, instances: 2, capacity_rps: 1000}
  - {id: web-neu, kind: app-service, region: neu, instances: 2, capacity_rps: 1000}
workloads:
  - {id: site, name: Site, entry: tm, demand_rps: 500, strategy: {kind: active-passive-full, primary: weu, secondary: neu}}
scenarios:
  - id: weu-down
    name: weu down
    duration: 1h
    faults:
      - {at: 10m, target: region/weu, kind: outage}
)";

// One autoscaled tier as the entry: 3 x 100 rps, up to 10, 5 minutes to scale out; 250 rps demand.
const char* kSurge = R"(firedrill: 1
name: surge
regions:
  - {id: weu, name: West Europe}
components:
  - {id: api, kind: app-service, region: weu, instances: 3, capacity_rps: 100, autoscale: {min: 3, max: 10, scale_out_time: 5m}}
workloads:
  - {id: api-calls, name: API, entry: api, demand_rps: 250}
scenarios:
  - id: surge
    name: surge
    duration: 1h
    faults:
      - {at: 10m, target: api, kind: surge, multiplier: 2, for: 30m}
)";
} // namespace

class TestReplayTraffic : public QObject
{
    Q_OBJECT
private slots:
    void activePassiveFailoverIsDetectionPlusTtl()
    {
        // weu fails at 10m. Probes: the last one succeeded at 10m, three more fail, the last one times
        // out 10s after it was sent: 3 x 30s + 10s = 1m 40s -> marked degraded at 11m 40s. DNS answers
        // switch to web-neu; clients drain over the 60 s TTL, all on neu at 12m 40s.
        // With a 100% threshold: RTO = 1m 40s + 60s = 2m 40s = core/analysis's traffic path (no scale-out:
        // 2 x 1000 rps >= 500 rps). With the default 99% it comes back when 99% of clients have
        // refreshed: 1m 40s + 0.99 x 60s = 2m 39.4s (the documented difference).
        const auto t = fromYaml(kActivePassive);
        const auto est = estimateRecovery(t, t.workloads[0], DisruptionClass::Region);
        QCOMPARE(est.rto.total, Duration::seconds(160));
        ReplayOptions exact;
        exact.rtoThreshold = 1.0;
        const auto r = replay(t, "weu-down", exact);
        QCOMPARE(r.workloads[0].rto->ms, est.rto.total.ms);
        const auto d = replay(t, "weu-down");
        QCOMPARE(d.workloads[0].rto->ms, 159'400);
    }

    void dnsDrainLosesHalfTheTtl()
    {
        // Failed requests: 500 rps x 100 s until the switch = 50,000; then the drain. Uniform cache
        // ages: the dead share falls linearly from 1 to 0 over 60 s, so 500 x 60 / 2 = 15,000 more.
        // Total 65,000. Worst case (everyone cached just before the switch): 500 x 60 = 30,000 more,
        // total 80,000.
        const auto t = fromYaml(kActivePassive);
        const auto uniform = replay(t, "weu-down");
        QVERIFY(near(uniform.workloads[0].failed, 65'000));
        ReplayOptions worst;
        worst.worstCaseDns = true;
        const auto w = replay(t, "weu-down", worst);
        QVERIFY(near(w.workloads[0].failed, 80'000));
        QCOMPARE(w.workloads[0].rto->ms, 160'000); // 1m 40s + the full TTL
        // Served is 0 at 11m 40s, 50% at 12m 10s (uniform), 100% at 12m 40s.
        const auto& s = uniform.workloads[0].series.availability;
        QVERIFY(near(s.at(700), 0.0));
        QVERIFY(near(s.at(730), 0.5));
        QVERIFY(near(s.at(760), 1.0));
    }

    void surgeWithAutoscale()
    {
        // At 10m demand doubles to 500 rps against 3 x 100 = 300 rps: 200 rps fail. Autoscale starts at
        // once and sizes for 500 rps: ceil(500 / 100) = 5 instances, ready 5m later at 15m.
        // Failed = 200 rps x 300 s = 60,000 requests; RTO = 5m.
        const auto t = fromYaml(kSurge);
        const auto r = replay(t, "surge");
        const auto& w = r.workloads[0];
        QVERIFY(near(w.failed, 60'000));
        QCOMPARE(w.rto->ms, Duration::minutes(5).ms);
        QCOMPARE(*w.disruptedAt, Duration::minutes(10).ms);
        // demanded = 250 x 3600 + 250 x 1800 (the surge doubles it for 30m) = 1,350,000
        QVERIFY(near(w.demanded, 1'350'000));
    }

    void scaleInAfterSurge()
    {
        // The surge above: 3 -> 5 instances at 15m (capacity 3 x 100 = 300 rps, then 5 x 100 = 500 rps).
        // At 40m demand falls back to 250 rps: ceil(250 / 100) = 3 instances would do (>= min 3), so the
        // cool-down (scale_out_time, 5m) starts and, the load staying at 250, 5 -> 3 at 45m: 300 rps.
        // Nothing fails after the surge: 250 <= 300, so failed stays 60,000.
        const auto t = fromYaml(kSurge);
        const auto r = replay(t, "surge");
        const auto& w = r.workloads[0];
        const auto& cap = w.series.capacityRps;
        QCOMPARE(cap.at(0), 300.0);
        QCOMPARE(cap.at(899), 300.0);   // 14:59
        QCOMPARE(cap.at(900), 500.0);   // 15:00 scale-out done
        QCOMPARE(cap.at(2699), 500.0);  // 44:59 still cooling down
        QCOMPARE(cap.at(2700), 300.0);  // 45:00 = 40m + 5m cool-down
        QCOMPARE(cap.at(3600), 300.0);
        QVERIFY(near(w.failed, 60'000));
        bool started = false, done = false;
        for (const auto& e : r.log) {
            started = started || (e.timeMs == Duration::minutes(40).ms && e.text.find("removes its extra instances") != std::string::npos);
            done = done || (e.timeMs == Duration::minutes(45).ms && e.text.find("scales in after its cool-down: 5 -> 3") != std::string::npos);
        }
        QVERIFY(started);
        QVERIFY(done);
    }

    void scaleInCalledOffWhenLoadReturns()
    {
        // Surge x2 for 30m (10m-40m, 5 instances at 15m), then a second x2 surge at 42m, inside the
        // 40m-45m cool-down: 500 rps need 5 instances again, so the scale-in is called off and the
        // capacity stays 500 rps (no failures from the second surge: 500 <= 500).
        auto t = fromYaml(kSurge);
        t.scenarios[0].faults.push_back(Fault{Duration::minutes(42), {FaultTarget::Scope::Component, "api", {}}, FaultKind::Surge,
                                              Duration::minutes(10), {}, {}, {}, {}, {}});
        t.scenarios[0].faults.back().multiplier = 2.0;
        const auto r = replay(t, "surge");
        const auto& cap = r.workloads[0].series.capacityRps;
        QCOMPARE(cap.at(2700), 500.0);  // 45m: called off
        // The second surge ends at 52m: a new cool-down, 5 -> 3 at 57m.
        QCOMPARE(cap.at(3419), 500.0);
        QCOMPARE(cap.at(3420), 300.0);
        QVERIFY(near(r.workloads[0].failed, 60'000));
    }

    void degradedShopKeepsCatalog()
    {
        // dr-reduced-shop.yaml: the order queue in weu fails for 1h of a 3h run. Order submission has a
        // hard dependency on it (no outbox) and fails for that hour: availability 2h / 3h = 2/3.
        // Traffic Manager probes only follow hard dependencies of the gateway, so it keeps weu; the
        // catalog, which does not use the queue, serves everything: availability 1.
        auto t = sample("dr-reduced-shop.yaml");
        Scenario s;
        s.id = ScenarioId("queue-down");
        s.duration = Duration::hours(3);
        s.faults.push_back(Fault{Duration::minutes(10), {FaultTarget::Scope::Component, "orderq-weu", {}}, FaultKind::Outage,
                                 Duration::hours(1), {}, {}, {}, {}, {}});
        t.scenarios.push_back(s);
        const auto r = replay(t, "queue-down");
        QVERIFY(near(workload(r, "catalog").availability, 1.0));
        QVERIFY(near(workload(r, "submission").availability, 2.0 / 3.0));
        QVERIFY(near(workload(r, "cart").availability, 1.0));
        // The orders-db scenario: order status (degradable, reads orders-db) stops, the catalog does not.
        const auto o = replay(t, "orders-db-down");
        QVERIFY(near(workload(o, "catalog").availability, 1.0));
        QVERIFY(workload(o, "status").availability < 0.7);
    }
};

QTEST_GUILESS_MAIN(TestReplayTraffic)
#include "test_replay_traffic.moc"
