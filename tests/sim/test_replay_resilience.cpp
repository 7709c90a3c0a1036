// Replay of quorum commit, outbox capacity and the per-workload reason when the measured RTO differs
// from core/analysis's estimate. Expected values are worked out by hand in the comments.
#include "ReplayTestSupport.h"

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
} // namespace

class TestReplayResilience : public QObject
{
    Q_OBJECT
private slots:
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
