// Frames of a replay (what the canvas draws at one instant): card phases, traffic on the arrows, the
// Traffic Manager's DNS answers and stale share, replication lag and data at risk. Expected values are
// worked out by hand in the comments.
#include "ReplayTestSupport.h"

using namespace firedrill;
using namespace firedrill::sim;
using namespace replaytest;

namespace {
const char* kTopology = R"(firedrill: 1
name: frame
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
  - id: db
    kind: sql-database
    size: 100GB
    write_rate: 10/s
    replicas:
      - {id: db-weu, region: weu, role: primary}
      - {id: db-neu, region: neu, role: secondary, sync: asynchronous, lag: 5s}
    failover: {mode: automatic, detection: 10s, promotion: 30s, cross_region: automatic}
workloads:
  - {id: app, name: App, entry: tm, demand_rps: 500, write_fraction: 0.1, strategy: {kind: active-passive-full, primary: weu, secondary: neu}}
scenarios:
  - id: weu-down
    name: weu down
    duration: 1h
    faults:
      - {at: 10m, target: region/weu, kind: outage}
  - id: vpn-cut
    name: vpn cut
    duration: 1h
    faults:
      - {at: 10m, target: vpn, kind: outage, for: 30m}
  - id: crash
    name: crash
    duration: 1h
    faults:
      - {at: 10m, target: web-weu, kind: crash}
)";

std::unique_ptr<ScenarioPlayer> player(const Topology& t, const char* scenario)
{
    auto p = ScenarioPlayer::create(t, ScenarioId(scenario), {});
    if (!p.ok())
        qFatal("no player");
    return std::move(p).value();
}

const ComponentFrame& card(const ReplayFrame& f, const char* id)
{
    for (const auto& c : f.components)
        if (c.id == id)
            return c;
    qFatal("no such card");
}

const FlowFrame* flow(const ReplayFrame& f, const char* from, const char* to)
{
    for (const auto& x : f.flows)
        if (x.from == from && x.to == to)
            return &x;
    return nullptr;
}
} // namespace

class TestReplayFrame : public QObject
{
    Q_OBJECT
private slots:
    void healthyBeforeTheFault()
    {
        const auto t = fromYaml(kTopology);
        auto p = player(t, "weu-down");
        p->runUntil(Duration::minutes(5).ms);
        const ReplayFrame f = p->frame();
        QCOMPARE(f.timeMs, Duration::minutes(5).ms);
        for (const auto& c : f.components)
            QVERIFY2(c.phase == ComponentPhase::Healthy, c.id.c_str());
        QCOMPARE(card(f, "db-weu").detail, std::string("primary"));
        // Priority routing: all 500 rps to web-weu, and on to the database; nothing to neu.
        QCOMPARE(flow(f, "tm", "web-weu")->offered, 500.0);
        QCOMPARE(flow(f, "tm", "web-weu")->served, 500.0);
        QCOMPARE(flow(f, "web-weu", "db")->served, 500.0);
        QCOMPARE(flow(f, "tm", "web-neu")->offered, 0.0);
        QCOMPARE(f.routers.size(), std::size_t(1));
        QCOMPARE(f.routers[0].answered, std::vector<std::string>{"web-weu"});
        QCOMPARE(f.routers[0].staleShare, 0.0);
        // Replication: 5 s behind x 10 writes/s = 50 writes at risk.
        QCOMPARE(f.replications.size(), std::size_t(1));
        QCOMPARE(f.replications[0].to, std::string("db-neu"));
        QCOMPARE(f.replications[0].lagS, 5.0);
        QCOMPARE(f.replications[0].atRisk, 50.0);
        QCOMPARE(f.workloads[0].availability, 1.0);
    }

    void regionOutageFailsOverAndDrains()
    {
        const auto t = fromYaml(kTopology);
        auto p = player(t, "weu-down");
        // 10m 5s: weu is down; the database's failover has begun (detection 10 s, then promotion).
        p->runUntil(Duration::minutes(10).ms + 5'000);
        ReplayFrame f = p->frame();
        QVERIFY(card(f, "web-weu").phase == ComponentPhase::Down);
        QVERIFY(card(f, "db-weu").phase == ComponentPhase::Down);
        QVERIFY(card(f, "db").phase == ComponentPhase::FailingOver);
        QCOMPARE(card(f, "db").detail, std::string("failing over to db-neu"));
        QCOMPARE(f.workloads[0].availability, 0.0);
        QCOMPARE(flow(f, "tm", "web-weu")->offered, 500.0);
        QCOMPARE(flow(f, "tm", "web-weu")->served, 0.0);
        // 10m 20s: detected at 10m 10s, promotion runs 30 s.
        p->runUntil(Duration::minutes(10).ms + 20'000);
        f = p->frame();
        QVERIFY(card(f, "db").phase == ComponentPhase::FailingOver);
        QVERIFY(card(f, "db-neu").phase == ComponentPhase::FailingOver);
        // 11m: promoted at 10m 40s.
        p->runUntil(Duration::minutes(11).ms);
        f = p->frame();
        QVERIFY(card(f, "db").phase == ComponentPhase::Promoted);
        QVERIFY(card(f, "db-neu").phase == ComponentPhase::Promoted);
        QCOMPARE(card(f, "db").detail, std::string("primary now db-neu"));
        // Traffic Manager marks web-weu degraded at 10m + 3 x 30s + 10s = 11m 40s and answers web-neu;
        // clients drain over the 60 s TTL. At 12m 10s half of them still hold the stale answer.
        p->runUntil(Duration::minutes(12).ms + 10'000);
        f = p->frame();
        const RouterFrame& r = f.routers[0];
        QCOMPARE(r.answered, std::vector<std::string>{"web-neu"});
        QVERIFY(near(r.shares[0], 0.5));
        QVERIFY(near(r.shares[1], 0.5));
        QVERIFY(near(r.staleShare, 0.5));
        QVERIFY(near(flow(f, "tm", "web-neu")->served, 250));
        QVERIFY(near(flow(f, "tm", "web-weu")->served, 0));
        QVERIFY(near(f.workloads[0].availability, 0.5));
        // 13m: the drain is over.
        p->runUntil(Duration::minutes(13).ms);
        f = p->frame();
        QCOMPARE(f.routers[0].staleShare, 0.0);
        QCOMPARE(f.workloads[0].served, 500.0);
    }

    void cutLinkGrowsLagAndDataAtRisk()
    {
        // The VPN is cut at 10m: at 15m the copy is 5 s + 300 s behind; 305 s x 10 writes/s = 3,050 at risk.
        const auto t = fromYaml(kTopology);
        auto p = player(t, "vpn-cut");
        p->runUntil(Duration::minutes(15).ms);
        const ReplayFrame f = p->frame();
        QVERIFY(f.replications[0].cut);
        QVERIFY(near(f.replications[0].lagS, 305));
        QVERIFY(near(f.replications[0].atRisk, 3050));
        QVERIFY(card(f, "vpn").phase == ComponentPhase::Down);
    }

    void crashedInstanceDegradesTheTier()
    {
        const auto t = fromYaml(kTopology);
        auto p = player(t, "crash");
        p->runUntil(Duration::minutes(10).ms + 1'000);
        const ReplayFrame f = p->frame();
        QVERIFY(card(f, "web-weu").phase == ComponentPhase::Degraded);
        QCOMPARE(card(f, "web-weu").detail, std::string("1 of 2 instances down"));
    }

    void slicesOfTheSeriesAddUpToTheWhole()
    {
        const auto t = fromYaml(kTopology);
        auto p = player(t, "weu-down");
        p->runUntil(Duration::minutes(11).ms);
        const std::size_t n = p->sampleCount();
        QCOMPARE(n, std::size_t(11 * 60)); // samples at 0 s .. 10m 59s
        const auto head = p->seriesSince(0);
        p->runToEnd();
        const auto tail = p->seriesSince(n);
        const auto whole = p->snapshot();
        QCOMPARE(head[0].availability.size() + tail[0].availability.size(), whole.workloads[0].series.availability.size());
        QCOMPARE(tail[0].availability.front(), whole.workloads[0].series.availability[n]);
        QVERIFY(p->nextEventTime() == -1);
        QVERIFY(!p->log().empty());
        QCOMPARE(p->log().size(), whole.log.size());
    }
};

QTEST_APPLESS_MAIN(TestReplayFrame)
#include "test_replay_frame.moc"
