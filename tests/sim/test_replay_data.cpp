// Replay of data behaviour: asynchronous lag and link cuts, backups and restores, corruption, manual
// decisions and grace periods, the outbox. Expected values are worked out by hand in the comments.
#include "ReplayTestSupport.h"

#include "core/analysis/RecoveryEstimator.h"

using namespace firedrill;
using namespace firedrill::sim;
using namespace replaytest;

namespace {
// An app in each region reading one database; `DB` and `FAULTS` are filled in per test.
std::string topology(const std::string& db, const std::string& faults, const std::string& strategy = "active-passive-full")
{
    return R"(firedrill: 1
name: data
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
  - {id: web-weu, kind: app-service, region: weu, instances: 2, capacity_rps: 1000, depends_on: [db]}
  - {id: web-neu, kind: app-service, region: neu, instances: 2, capacity_rps: 1000, depends_on: [db]}
  - {id: vpn, kind: vpn-gateway, between: [weu, neu]}
)" + db + R"(
workloads:
  - {id: app, name: App, entry: tm, demand_rps: 500, write_fraction: 0.1, strategy: {kind: )" + strategy +
           R"(, primary: weu, secondary: neu}}
scenarios:
  - id: s
    name: s
    duration: 12h
    faults:
)" + faults;
}

const std::string kGeoDb = R"(  - id: db
    kind: sql-database
    size: 100GB
    write_rate: 10/s
    replicas:
      - {id: db-weu, region: weu, role: primary}
      - {id: db-neu, region: neu, role: secondary, sync: asynchronous, lag: 5s}
    failover: {mode: automatic, detection: 10s, promotion: 30s, cross_region: automatic})";
} // namespace

class TestReplayData : public QObject
{
    Q_OBJECT
private slots:
    void asyncLagLosesLagTimesWriteRate()
    {
        // weu is lost at 10m; automatic geo-failover: 10s + 30s. Writes lost = lag 5 s x 10 writes/s = 50.
        const auto t = fromYaml(topology(kGeoDb, "      - {at: 10m, target: region/weu, kind: outage}\n"));
        const auto r = replay(t, "s");
        QCOMPARE(r.workloads[0].rpoWindow, Duration::seconds(5));
        QVERIFY(near(r.workloads[0].writesLost, 50));
        const auto est = estimateRecovery(t, t.workloads[0], DisruptionClass::Region);
        QCOMPARE(r.workloads[0].rpoWindow, est.rpo.total);
    }

    void vpnCutMakesLagGrow()
    {
        // The VPN carrying replication is cut at 10m; weu is lost at 20m. The replica is 5 s + 10 min
        // behind: 605 s x 10 writes/s = 6,050 writes lost.
        const auto t = fromYaml(topology(kGeoDb, "      - {at: 10m, target: vpn, kind: outage, for: 1h}\n"
                                                 "      - {at: 20m, target: region/weu, kind: outage}\n"));
        const auto r = replay(t, "s");
        QCOMPARE(r.workloads[0].rpoWindow, Duration::seconds(605));
        QVERIFY(near(r.workloads[0].writesLost, 6050));
        // the lag series grows by one second per second during the cut
        QVERIFY(near(r.workloads[0].series.replicationLagS.at(15 * 60), 5 + 300));
    }

    void manualDecisionAndGracePeriod()
    {
        // gas-trading.yaml: the failover group waits 1 hour. weu is lost at 15m: detection 30s + grace
        // period 1h + promotion 30s = 1h 1m; meanwhile Front Door (no TTL) switches at 1m 40s and
        // api-neu scales out in 5m. The data path counts: RTO 1h 1m, as core/analysis estimates.
        const auto t = sample("gas-trading.yaml");
        const auto r = replay(t, "drill-region");
        const auto est = estimateRecovery(t, *t.findWorkload(WorkloadId("trading")), DisruptionClass::Region);
        QCOMPARE(est.rto.total, Duration::hours(1) + Duration::minutes(1));
        // api-neu's circuit breaker on sqlfg (breaker_open 30s) opened at 15m; trials at 15m + k x 30s.
        // sqlfg serves again at 15m + 1h 1m = 15m + 122 x 30s: that trial still sees it failing, the
        // next one closes the breaker 30s later. RTO 1h 1m 30s; the reason names the breaker.
        QCOMPARE(workload(r, "trading").rto->ms, est.rto.total.ms + 30'000);
        QVERIFY(workload(r, "trading").reason.find("circuit breaker") != std::string::npos);
        // settlement (entry settle-weu, no router): settle-neu takes over at 15m + startup_time 3m = 18m,
        // and serves once sqlfg has failed over (1h 16m) and blob is declared lost with it, after
        // its own breakers (breaker_open 1m, opened at 15m; 1h 16m = 15m + 61 x 1m) close at 1h 17m:
        // RTO 1h 2m against the estimate's 1h 1m (data path; no term for the workers' start, which runs
        // in parallel, nor for the breaker).
        const auto estSettle = estimateRecovery(t, *t.findWorkload(WorkloadId("settlement")), DisruptionClass::Region);
        QCOMPARE(estSettle.rto.total, Duration::hours(1) + Duration::minutes(1));
        const auto& settle = workload(r, "settlement");
        QVERIFY(settle.rto.has_value());
        QCOMPARE(*settle.disruptedAt, Duration::minutes(15).ms);
        QCOMPARE(settle.rto->ms, (Duration::hours(1) + Duration::minutes(2)).ms);
        QVERIFY(settle.reason.find("circuit breaker") != std::string::npos);
        bool tookOver = false;
        for (const auto& e : r.log)
            tookOver = tookOver || (e.timeMs == Duration::minutes(18).ms && e.text.find("has taken over settlement") != std::string::npos);
        QVERIFY(tookOver);
        // An outage shorter than the grace period: no failover, no data lost; back when weu returns.
        auto shorter = t;
        auto& s = shorter.scenarios[1];
        s.id = ScenarioId("short");
        s.faults[0].length = Duration::minutes(30);
        const auto r2 = replay(shorter, "short");
        QCOMPARE(workload(r2, "trading").writesLost, 0.0);
        QCOMPARE(workload(r2, "trading").rto->ms, Duration::minutes(30).ms);
        // Manual cross-region failover (two-region.yaml): detection 10s + decision 15m + promotion 30s is
        // checked in test_replay_samples.
    }

    void backupRpoWorstAndMean()
    {
        // Hourly full backups copied to neu, no replica. A disaster 2 minutes before the hour (58m after
        // the last backup) loses 58 minutes of writes: 3,480 s x 10 writes/s = 34,800.
        // Restore: 100 GB at 100 GB/h = 1h after detection 10s.
        const std::string db = R"(  - id: db
    kind: sql-database
    region: weu
    size: 100GB
    write_rate: 10/s
    failover: {detection: 10s}
    backup: {full: 1h, restore_rate: 100GB/h, copy_to: neu})";
        const auto r = replay(fromYaml(topology(db, "      - {at: 58m, target: region/weu, kind: outage}\n")), "s");
        QCOMPARE(r.workloads[0].rpoWindow, Duration::minutes(58));
        QVERIFY(near(r.workloads[0].writesLost, 34'800));
        // Mean: disasters at 1m, 2m, ..., 60m past the start lose 1..59 and 0 minutes:
        // (1 + ... + 59) / 60 = 1,770 / 60 = 29.5 minutes (the continuous mean is the interval / 2 = 30m,
        // core/analysis's rpoExpected).
        double total = 0;
        for (int k = 1; k <= 60; ++k) {
            const auto rr = replay(fromYaml(topology(db, "      - {at: " + std::to_string(k) + "m, target: region/weu, kind: outage}\n")), "s");
            total += rr.workloads[0].rpoWindow.toSeconds();
        }
        QVERIFY(near(total / 60, 29.5 * 60));
    }

    void corruptionRestoresFromBackup()
    {
        // 3 TB at 500 GB/h: 3,000 GB / 500 GB/h = 6h exactly (1 TB = 1,000 GB). Bad data at 40m, noticed
        // 20m later (1h): the database goes offline and is restored by 7h: measured RTO 6h (from when
        // users are hurt: the detection; core/analysis counts from the same moment).
        // RPO: log backups every 15m; the last before the corruption was at 30m. Everything written
        // from 30m to the detection at 1h is lost: 30m x 10 writes/s = 18,000 writes. (core/analysis
        // says 15m: it counts the backup interval only, not the writes made between the corruption and
        // its detection, which the restore also discards.)
        const std::string db = R"(  - id: db
    kind: sql-database
    region: weu
    size: 3TB
    write_rate: 10/s
    backup: {full: 24h, log: 15m, restore_rate: 500GB/h, copy_to: neu})";
        const auto t = fromYaml(topology(db, "      - {at: 40m, target: db, kind: corruption, detected_after: 20m}\n"));
        QCOMPARE(restoreTime(DataSize{3000}, DataRate{500}), Duration::hours(6));
        const auto r = replay(t, "s");
        const auto& w = r.workloads[0];
        QCOMPARE(*w.disruptedAt, Duration::hours(1).ms);
        QCOMPARE(w.rto->ms, Duration::hours(6).ms);
        QCOMPARE(w.rpoWindow, Duration::minutes(30));
        QVERIFY(near(w.writesLost, 18'000));
        const auto est = estimateRecovery(t, t.workloads[0], DisruptionClass::Corruption);
        QCOMPARE(est.rto.total, Duration::hours(6));
        QCOMPARE(est.rpo.total, Duration::minutes(15));
    }

    void outboxLosesNothing()
    {
        // gas-trading.yaml drill-buses: both Service Bus namespaces are down from 10m to 30m. The trading
        // API's outbox buffers its writes: 400 rps x 0.15 = 60 writes/s x 1,200 s = 72,000 messages,
        // nothing lost, every request served (degraded). Afterwards it drains at 500/s against 60/s
        // coming in: 72,000 / 440 = 163.6 s.
        const auto t = sample("gas-trading.yaml");
        const auto r = replay(t, "drill-buses");
        const auto& w = workload(r, "trading");
        QCOMPARE(w.writesLost, 0.0);
        QVERIFY(near(w.availability, 1.0));
        QVERIFY(near(w.degraded, 400.0 * 1200));
        QVERIFY(near(w.series.backlog.at(30 * 60), 72'000));
        QVERIFY(near(w.series.backlog.at(30 * 60 + 100), 72'000 - 440 * 100));
        QVERIFY(near(w.series.backlog.at(30 * 60 + 164), 0));
    }
};

QTEST_GUILESS_MAIN(TestReplayData)
#include "test_replay_data.moc"
