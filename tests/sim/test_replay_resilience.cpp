// Replay of quorum commit, outbox capacity and the per-workload reason when the measured RTO differs
// from core/analysis's estimate. Expected values are worked out by hand in the comments.
#include "ReplayTestSupport.h"

#include "core/analysis/RecoveryEstimator.h"

using namespace firedrill;
using namespace firedrill::sim;
using namespace replaytest;

namespace {
const std::string kQuorum = R"(firedrill: 1
name: quorum
regions:
  - {id: weu, name: West Europe, zones: 3}
components:
  - {id: web, kind: app-service, region: weu, instances: 2, capacity_rps: 1000, depends_on: [db]}
  - id: db
    kind: sql-database
    write_rate: 50/s
    quorum_commit: true
    replicas:
      - {id: db-z1, region: weu, zone: 1, role: primary}
      - {id: db-z2, region: weu, zone: 2, role: secondary, sync: synchronous}
    failover: {mode: automatic, detection: 10s, promotion: 30s}
workloads:
  - {id: app, name: App, entry: web, demand_rps: 500, write_fraction: 0.1}
scenarios:
  - id: s
    name: s
    duration: 1h
    faults:
      - {at: 10m, target: db-z2, kind: outage, for: 10m}
)";
const std::string kBreaker = R"(firedrill: 1
name: breaker
regions:
  - {id: weu, name: West Europe, zones: 3}
components:
  - id: web
    kind: app-service
    region: weu
    instances: 2
    depends_on: [cache]
    resilience: {retries: 2, retry_delay: 100ms, breaker_threshold: 5, breaker_open: 30s}
  - {id: cache, kind: cache, region: weu, mttr: 10m}
workloads:
  - {id: app, name: App, entry: web, demand_rps: 100}
scenarios:
  - id: s
    name: s
    duration: 1h
    faults:
      - {at: 10m, target: cache, kind: dependency-failure, for: 10m}
  - id: odd
    name: odd
    duration: 1h
    faults:
      - {at: 10m, target: cache, kind: dependency-failure, for: 610s}
)";

const std::string kRetries = R"(firedrill: 1
name: retries
regions:
  - {id: weu, name: West Europe}
components:
  - id: web
    kind: app-service
    region: weu
    depends_on: [api]
    resilience: {retries: 2, retry_delay: 100ms}
  - {id: api, kind: app-service, region: weu, instances: 2, capacity_rps: 100}
workloads:
  - {id: app, name: App, entry: web, demand_rps: 100}
scenarios:
  - id: s
    name: s
    duration: 1h
    faults:
      - {at: 10m, target: api, kind: degradation, error_rate: 0.5, for: 10m}
      - {at: 30m, target: web, kind: surge, multiplier: 3, for: 10m}
)";
const std::string kLeaderZones = R"(firedrill: 1
name: leader zones
regions:
  - {id: weu, name: West Europe, zones: 3}
components:
  - {id: workers, kind: vm-scale-set, region: weu, zones: [1, 2, 3], instances: 3, capacity_rps: 50, leader_election: {lease: 45s}, startup_time: 3m}
workloads:
  - {id: jobs, name: Jobs, entry: workers, demand_rps: 40}
scenarios:
  - id: holder
    name: holder
    duration: 1h
    faults:
      - {at: 10m, target: zone/weu/1, kind: outage, for: 30m}
  - id: follower
    name: follower
    duration: 1h
    faults:
      - {at: 10m, target: zone/weu/2, kind: outage, for: 30m}
  - id: twice
    name: twice
    duration: 1h
    faults:
      - {at: 10m, target: zone/weu/1, kind: outage, for: 40m}
      - {at: 20m, target: zone/weu/2, kind: outage, for: 30m}
)";
const std::string kBackoff = R"(firedrill: 1
name: backoff
regions:
  - {id: weu, name: West Europe}
components:
  - id: web
    kind: app-service
    region: weu
    depends_on: [api]
    resilience: {retries: 3, retry_delay: 100ms, retry_backoff: 2}
  - {id: api, kind: app-service, region: weu, instances: 2}
workloads:
  - {id: app, name: App, entry: web, demand_rps: 100}
scenarios:
  - id: s
    name: s
    duration: 1h
    faults:
      - {at: 10m, target: api, kind: degradation, error_rate: 0.5, for: 10m}
)";
const std::string kBreakerRate = R"(firedrill: 1
name: breaker rate
regions:
  - {id: weu, name: West Europe}
components:
  - id: web
    kind: app-service
    region: weu
    instances: 2
    depends_on: [api]
    resilience: {retries: 2, retry_delay: 100ms, breaker_threshold: 5, breaker_open: 30s, breaker_error_rate: 0.5}
  - {id: api, kind: app-service, region: weu, instances: 2}
workloads:
  - {id: app, name: App, entry: web, demand_rps: 100}
scenarios:
  - id: high
    name: high
    duration: 1h
    faults:
      - {at: 10m, target: api, kind: degradation, error_rate: 0.6, for: 10m}
  - id: low
    name: low
    duration: 1h
    faults:
      - {at: 10m, target: api, kind: degradation, error_rate: 0.3, for: 10m}
)";
} // namespace

class TestReplayResilience : public QObject
{
    Q_OBJECT
private slots:
    void circuitBreakerDelaysRecoveryByBreakerOpen()
    {
        // cache fails from 10m to 20m. web's breaker opens at 10m (fails fast); half-open trials at
        // 10m + k x 30s; the one at 20m (k = 20) still sees it failing, the one at 20m 30s closes it.
        // RTO = 10m 30s = core/analysis's dependency estimate: mttr 10m + breaker_open 30s.
        const auto t = fromYaml(kBreaker);
        const auto r = replay(t, "s");
        const auto& w = r.workloads.at(0);
        const auto est = estimateRecovery(t, t.workloads.at(0), DisruptionClass::Dependency);
        QCOMPARE(est.rto.total, Duration::minutes(10) + Duration::seconds(30));
        QVERIFY(w.rto.has_value());
        QCOMPARE(*w.disruptedAt, Duration::minutes(10).ms);
        QCOMPARE(w.rto->ms, est.rto.total.ms);
        QVERIFY(w.reason.empty());
        // failed = 100 rps x 630 s = 63,000.
        QVERIFY(near(w.failed, 63'000));
        // Back at 20m 10s: the next trial is at 10m + 21 x 30s = 20m 30s (20 s later), RTO 10m 30s again.
        const auto r2 = replay(t, "odd");
        QVERIFY(r2.workloads.at(0).rto.has_value());
        QCOMPARE(r2.workloads.at(0).rto->ms, Duration::seconds(630).ms);
        bool narrated = false;
        for (const auto& e : r2.log)
            narrated = narrated || (e.timeMs == 1'230'000 && e.text.find("succeeds 20s after it returned") != std::string::npos);
        QVERIFY(narrated);
    }

    void retriesAndQueueingLatency()
    {
        // api: 2 instances x 100 rps, S = 1 / 100 s = 10 ms. No fault: load 100, rho = 0.5,
        // queueing wait W - S = S rho / (1 - rho) = 10 ms.
        // 10m-20m, 50% of api calls fail, web retries twice 100 ms apart: success 1 - 0.5^3 = 0.875;
        // calls per request 1 + 0.5 + 0.25 = 1.75, so api's load is 175 rps (rho 0.875, wait
        // 10 x 0.875 / 0.125 = 70 ms); retry wait of a served request: (0.25 x 100 + 0.125 x 200) / 0.875
        // = 57.142857 ms. Latency 127.142857 ms; failed 100 x 0.125 x 600 = 7,500.
        // 30m-40m, surge x3: 300 rps offered to 200 rps: 200 served (2/3), rho capped at 0.99:
        // wait 10 x 0.99 / 0.01 = 990 ms; failed 100 x 600 = 60,000.
        const auto t = fromYaml(kRetries);
        const auto r = replay(t, "s");
        const auto& w = r.workloads.at(0);
        QVERIFY(near(w.series.latencyMs.at(5 * 60), 10.0));
        QVERIFY(near(w.series.latencyMs.at(15 * 60), 70.0 + 50.0 / 0.875));
        QVERIFY(near(w.series.availability.at(15 * 60), 0.875));
        QVERIFY(near(w.series.availability.at(35 * 60), 2.0 / 3.0));
        QVERIFY(near(w.series.latencyMs.at(35 * 60), 990.0));
        QVERIFY(near(w.failed, 7'500 + 60'000));
    }

    void quorumCommitStopsWritesWithoutSecondary()
    {
        // The only secondary is down from 10m to 20m: no quorum, so the 10% of requests that write fail
        // and reads go on. Failed = 500 rps x 0.1 x 600 s = 30,000; demanded = 500 x 3,600 = 1,800,000;
        // availability = 1 - 30,000 / 1,800,000 = 59/60. The primary stands: no failover, nothing lost.
        const auto t = fromYaml(kQuorum);
        const auto r = replay(t, "s");
        const auto& w = r.workloads.at(0);
        QVERIFY(near(w.failed, 30'000));
        QVERIFY(near(w.availability, 59.0 / 60.0));
        QVERIFY(near(w.degraded, 450.0 * 600));
        QCOMPARE(w.writesLost, 0.0);
        QVERIFY(near(w.series.availability.at(15 * 60), 0.9));
        QVERIFY(near(w.series.availability.at(25 * 60), 1.0));
        bool narrated = false;
        for (const auto& e : r.log)
            narrated = narrated || (e.timeMs == 10 * 60'000 && e.text.find("quorum commit stops writes") != std::string::npos);
        QVERIFY(narrated);
    }

    void outboxOverflowLosesWrites()
    {
        // gas-trading.yaml drill-buses with the API's outbox cut to 50,000 messages: both buses are down
        // 10m-30m; 400 rps x 0.15 = 60 writes/s fill it after 50,000 / 60 = 833.3 s (23m 53.3s), then
        // the rest is dropped: 60 x 1,200 - 50,000 = 22,000 writes lost. Requests are still served. The
        // 50,000 drain at 500 - 60 = 440/s: 6,000 left 100 s after 30m.
        auto t = sample("gas-trading.yaml");
        for (auto& c : t.components)
            if (c.id.str() == "api-weu")
                c.outbox->capacity = 50'000;
        const auto r = replay(t, "drill-buses");
        const auto& w = workload(r, "trading");
        QVERIFY(near(w.writesLost, 22'000, 1e-5));
        QVERIFY(near(w.availability, 1.0));
        QVERIFY(near(w.series.backlog.at(20 * 60), 36'000));
        QVERIFY(near(w.series.backlog.at(25 * 60), 50'000));
        QVERIFY(near(w.series.backlog.at(30 * 60), 50'000));
        QVERIFY(near(w.series.backlog.at(30 * 60 + 100), 6'000, 1e-5));
        // 20m: 60 x 600 = 36,000 buffered, none dropped; 25m: 60 x 900 - 50,000 = 4,000 dropped.
        QVERIFY(near(w.series.writesLost.at(20 * 60), 0));
        QVERIFY(near(w.series.writesLost.at(25 * 60), 4'000, 1e-5));
        bool full = false;
        for (const auto& e : r.log)
            full = full || (e.timeMs == 10 * 60'000 + 833'334 && e.text.find("is full") != std::string::npos);
        QVERIFY(full);
    }

    void leaderCrashWaitsForTheLease()
    {
        // gas-trading drill-leader: at 5m the settlement leader (settle-weu, 3 instances) crashes. With
        // leader_election only the lease holder works (capacity 1 x 50 rps >= demand 40 rps); while its
        // lease runs out (leader_election.lease = 1m) nobody works: settlement serves 0 from 5m to 6m, then a
        // follower serves all 40 rps again. RTO = lease = 1m; failed = 40 rps x 60 s = 2,400.
        const auto t = sample("gas-trading.yaml");
        const auto r = replay(t, "drill-leader");
        const auto& w = workload(r, "settlement");
        QCOMPARE(*w.disruptedAt, Duration::minutes(5).ms);
        QCOMPARE(w.rto->ms, Duration::minutes(1).ms);
        QVERIFY(near(w.failed, 2'400));
        QCOMPARE(w.series.capacityRps.at(300), 0.0);  // 5:00, lease not taken yet
        QCOMPARE(w.series.capacityRps.at(360), 50.0); // 6:00, one worker again
        bool narrated = false;
        for (const auto& e : r.log)
            narrated = narrated || (e.timeMs == Duration::minutes(6).ms && e.text.find("takes the lease") != std::string::npos);
        QVERIFY(narrated);
    }

    void zoneOutageTakesOutTheLeaseHolder()
    {
        // workers: 3 instances over zones 1-3, leader_election lease 45s; the holder starts in zone 1
        // (the first listed). Zone 1 lost at 10m: nobody works until 10m 45s, when the follower in zone 2
        // (the next listed zone alive) takes the lease and serves all 40 rps at full speed (capacity
        // 1 x 50 rps, not 2/3 of it: only the holder works). RTO = 45 s; failed = 40 x 45 = 1,800.
        const auto t = fromYaml(kLeaderZones);
        const auto r = replay(t, "holder");
        const auto& w = r.workloads.at(0);
        QCOMPARE(*w.disruptedAt, Duration::minutes(10).ms);
        QCOMPARE(w.rto->ms, Duration::seconds(45).ms);
        QVERIFY(near(w.failed, 1'800));
        QCOMPARE(w.series.capacityRps.at(10 * 60 + 30), 0.0);
        QCOMPARE(w.series.capacityRps.at(11 * 60), 50.0);
        bool narrated = false;
        for (const auto& e : r.log)
            narrated = narrated || (e.timeMs == Duration::minutes(10).ms + 45'000 &&
                                    e.text.find("in zone 2 takes the lease") != std::string::npos);
        QVERIFY(narrated);

        // Zone 2 lost: only a follower goes, the holder in zone 1 keeps working: nothing fails.
        const auto f = replay(t, "follower");
        QCOMPARE(f.workloads.at(0).failed, 0.0);
        QVERIFY(!f.workloads.at(0).rto.has_value());

        // Zone 1 at 10m (holder moves to zone 2 at 10m 45s), then zone 2 at 20m: the new holder is lost
        // too; zone 3 takes the lease at 20m 45s. Failed = 2 x 1,800 = 3,600.
        const auto two = replay(t, "twice");
        QVERIFY(near(two.workloads.at(0).failed, 3'600));
        bool third = false;
        for (const auto& e : two.log)
            third = third || (e.timeMs == Duration::minutes(20).ms + 45'000 &&
                              e.text.find("in zone 3 takes the lease") != std::string::npos);
        QVERIFY(third);
    }

    void exponentialBackoffLengthensTheWait()
    {
        // web retries 3 times, waits 100 ms, 200 ms, 400 ms (retry_backoff 2); api fails half its calls
        // from 10m to 20m. Success = 1 - 0.5^4 = 0.9375. A request served on try 1 (p 0.5) waited 0,
        // try 2 (0.25) 100 ms, try 3 (0.125) 300 ms, try 4 (0.0625) 700 ms: mean over served requests
        // (25 + 37.5 + 43.75) / 0.9375 = 113.33 ms (a constant 100 ms delay: 73.33 ms). The calls to api
        // do not depend on the waits: 1 + 0.5 + 0.25 + 0.125 = 1.875 per request, 187.5 rps.
        const auto t = fromYaml(kBackoff);
        const auto r = replay(t, "s");
        const auto& w = r.workloads.at(0);
        QVERIFY(near(w.series.latencyMs.at(15 * 60), 106.25 / 0.9375));
        QVERIFY(near(w.series.availability.at(15 * 60), 0.9375));
        QVERIFY(near(w.series.latencyMs.at(5 * 60), 0.0));
        QVERIFY(near(w.failed, 100 * 600 * 0.0625));

        auto constant = t;
        constant.components.at(0).resilience->retryBackoff.reset();
        const auto c = replay(constant, "s");
        QVERIFY(near(c.workloads.at(0).series.latencyMs.at(15 * 60), 68.75 / 0.9375));
    }

    void breakerOpensAtItsErrorRate()
    {
        // breaker_error_rate 0.5. api fails 60% of calls from 10m to 20m: 0.6 >= 0.5, web's breaker opens
        // at 10m and every request fails fast; the half-open trial at 20m (10m + 20 x 30s) is at the very
        // instant the errors stop and still sees them, the one at 20m 30s closes it. Failed = 100 rps x
        // 630 s = 63,000; RTO = 10m 30s.
        const auto t = fromYaml(kBreakerRate);
        const auto r = replay(t, "high");
        const auto& w = r.workloads.at(0);
        QVERIFY(near(w.failed, 63'000));
        QCOMPARE(*w.disruptedAt, Duration::minutes(10).ms);
        QCOMPARE(w.rto->ms, (Duration::minutes(10) + Duration::seconds(30)).ms);
        bool opened = false;
        for (const auto& e : r.log)
            opened = opened || (e.timeMs == Duration::minutes(10).ms && e.text.find("opens at 60% failed calls") != std::string::npos);
        QVERIFY(opened);

        // 30% < 50%: it stays closed and the retries work: a request fails with 0.3^3 = 0.027,
        // failed = 100 x 600 x 0.027 = 1,620.
        const auto low = replay(t, "low");
        QVERIFY(near(low.workloads.at(0).failed, 1'620));
        for (const auto& e : low.log)
            QVERIFY(e.text.find("circuit breaker") == std::string::npos);

        // Without breaker_error_rate only an outright failure opens it: 60% errors are retried,
        // failed = 100 x 600 x 0.6^3 = 12,960.
        auto plain = t;
        plain.components.at(0).resilience->breakerErrorRate.reset();
        QVERIFY(near(replay(plain, "high").workloads.at(0).failed, 12'960));
    }

    void reasonWhenTheFaultEndsEarly()
    {
        // two-region.yaml weu-down matches the estimate (15m 40s): no reason. Cut the outage to 12m
        // (10m-22m): the database failover is called off when weu returns at 22m, before the estimated
        // 15m 40s, so the measured RTO is 12m and the reason names the fault's end.
        auto t = sample("two-region.yaml");
        const auto same = replay(t, "weu-down");
        QVERIFY(same.workloads.at(0).reason.empty());
        for (auto& s : t.scenarios)
            if (s.id.str() == "weu-down")
                s.faults.at(0).length = Duration::minutes(12);
        const auto r = replay(t, "weu-down");
        const auto& w = r.workloads.at(0);
        QVERIFY(w.rto.has_value());
        QCOMPARE(w.rto->ms, Duration::minutes(12).ms);
        QVERIFY2(w.reason.find("the fault ended at 00:22:00") != std::string::npos, w.reason.c_str());
    }
};

QTEST_GUILESS_MAIN(TestReplayResilience)
#include "test_replay_resilience.moc"
