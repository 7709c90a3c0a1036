// Replay verdicts: measured RTO / RPO against the estimate and the policy targets of the scenario's
// disruption class, with the CLI's rules (met, breached by how much, undecided).
#include "ReplayTestSupport.h"
#include "core/sim/ReplayVerdict.h"

using namespace firedrill;
using namespace firedrill::sim;
using namespace replaytest;

namespace {
const Duration kMin = Duration::minutes(1);

/// A result of two-region's weu-down (3h; policy for region outages: RTO 15m, RPO 1m) with one
/// hand-made "sites" workload.
ReplayResult handMade(const WorkloadReplay& w)
{
    ReplayResult r;
    r.scenario = ScenarioId("weu-down");
    r.duration = Duration::hours(3);
    r.workloads = {w};
    return r;
}

WorkloadReplay sites()
{
    WorkloadReplay w;
    w.id = WorkloadId("sites");
    return w;
}

WorkloadVerdict judgeOne(const Topology& t, const WorkloadReplay& w)
{
    auto v = judgeReplay(t, *t.findScenario(ScenarioId("weu-down")), handMade(w));
    if (!v.ok() || v->size() != 1)
        qFatal("judgeReplay failed");
    return v->front();
}
} // namespace

class TestReplayVerdict : public QObject
{
    Q_OBJECT
private slots:
    void twoRegionOutageBreachesItsRtoByFortySeconds()
    {
        // Measured 15m 40s (detection 10s + decision 15m + promotion 30s) against a 15m target: 40s over.
        // RPO: 5 s of lag x 50 writes/s = 250 writes, within the 1m target. Estimates: 15m 40s and 5s.
        const auto t = sample("two-region.yaml");
        const auto r = replay(t, "weu-down");
        const auto verdicts = judgeReplay(t, *t.findScenario(ScenarioId("weu-down")), r);
        QVERIFY(verdicts.ok());
        QCOMPARE(verdicts->size(), std::size_t(1));
        const WorkloadVerdict& v = verdicts->front();
        QCOMPARE(v.id, WorkloadId("sites"));
        QVERIFY(v.disrupted);
        QVERIFY(v.recovered);
        QCOMPARE(*v.measuredRto, Duration::minutes(15) + Duration::seconds(40));
        QCOMPARE(v.estimateRto, Duration::minutes(15) + Duration::seconds(40));
        QVERIFY(!v.estimateRtoUnbounded);
        QCOMPARE(v.rto.state, VerdictState::Breached);
        QCOMPARE(*v.rto.target, Duration::minutes(15));
        QCOMPARE(*v.rto.over, Duration::seconds(40));
        QVERIFY(!v.rto.overAtLeast);
        QCOMPARE(v.measuredRpo, Duration::seconds(5));
        QCOMPARE(v.estimateRpo, Duration::seconds(5));
        QCOMPARE(v.writesLost, 250.0);
        QCOMPARE(v.rpo.state, VerdictState::Met);
        QCOMPARE(*v.rpo.target, kMin);
        QVERIFY(!v.rpo.over);
        QCOMPARE(rtoVerdictText(v), std::string("RTO 15m 40s — breached by 40s (target 15m)"));
        QCOMPARE(rpoVerdictText(v), std::string("RPO 5s, 250 writes lost — met (target 1m)"));
    }

    void notRecoveredIsBreachedByAtLeastTheTimeLeft()
    {
        // Down from 10m to the end (3h): 2h 50m down, 15m target -> breached by at least 2h 35m.
        const auto t = sample("two-region.yaml");
        WorkloadReplay w = sites();
        w.disruptedAt = (Duration::minutes(10)).ms;
        w.recovered = false;
        const auto v = judgeOne(t, w);
        QCOMPARE(v.rto.state, VerdictState::Breached);
        QCOMPARE(*v.rto.over, Duration::hours(2) + Duration::minutes(35));
        QVERIFY(v.rto.overAtLeast);
        QCOMPARE(rtoVerdictText(v),
                 std::string("RTO not recovered by the end — breached by at least 2h 35m (target 15m)"));
    }

    void notRecoveredButTheTargetHasNotPassedIsUndecided()
    {
        const auto t = sample("two-region.yaml");
        WorkloadReplay w = sites();
        w.recovered = false;
        w.disruptedAt = (Duration::hours(2) + Duration::minutes(50)).ms; // 10m before the end
        auto v = judgeOne(t, w);
        QCOMPARE(v.rto.state, VerdictState::Undecided);
        QVERIFY(!v.rto.over);
        QCOMPARE(
            rtoVerdictText(v),
            std::string("RTO not recovered by the end — undecided (target 15m; the scenario ends first)"));
        w.disruptedAt = (Duration::hours(2) + Duration::minutes(45)).ms; // exactly the target before the end
        QCOMPARE(judgeOne(t, w).rto.state, VerdictState::Undecided);
        w.disruptedAt = (Duration::hours(2) + Duration::minutes(45) - Duration{1}).ms; // one millisecond more
        v = judgeOne(t, w);
        QCOMPARE(v.rto.state, VerdictState::Breached);
        QCOMPARE(*v.rto.over, Duration{1});
    }

    void boundariesAndNoDisruptionAreMet()
    {
        const auto t = sample("two-region.yaml");
        WorkloadReplay w = sites();
        auto v = judgeOne(t, w); // never disrupted, nothing lost
        QCOMPARE(v.rto.state, VerdictState::Met);
        QCOMPARE(v.rpo.state, VerdictState::Met);
        QCOMPARE(rtoVerdictText(v), std::string("RTO none (never disrupted) — met (target 15m)"));
        QCOMPARE(rpoVerdictText(v), std::string("RPO 0s, 0 writes lost — met (target 1m)"));
        w.disruptedAt = (Duration::minutes(10)).ms;
        w.recoveredAt = (Duration::minutes(25)).ms;
        w.rto = Duration::minutes(15); // exactly the target
        w.rpoWindow = kMin;
        w.writesLost = 1;
        v = judgeOne(t, w);
        QCOMPARE(v.rto.state, VerdictState::Met);
        QCOMPARE(v.rpo.state, VerdictState::Met);
        QCOMPARE(rpoVerdictText(v), std::string("RPO 1m, 1 write lost — met (target 1m)"));
    }

    void rpoBreaches()
    {
        const auto t = sample("two-region.yaml");
        WorkloadReplay w = sites();
        w.rpoWindow = kMin + Duration::seconds(1);
        w.writesLost = 3050;
        auto v = judgeOne(t, w);
        QCOMPARE(v.rpo.state, VerdictState::Breached);
        QCOMPARE(*v.rpo.over, Duration::seconds(1));
        QCOMPARE(rpoVerdictText(v), std::string("RPO 1m 1s, 3050 writes lost — breached by 1s (target 1m)"));
        w.rpoWindow = Duration{};
        w.rpoUnbounded = true; // corruption no backup can undo: breached, by no figure
        v = judgeOne(t, w);
        QCOMPARE(v.rpo.state, VerdictState::Breached);
        QVERIFY(!v.rpo.over);
        QCOMPARE(rpoVerdictText(v), std::string("RPO unbounded, 3050 writes lost — breached (target 1m)"));
    }

    void theScenarioClassPicksThePolicy()
    {
        // two-region has no dependency-failure policy: a scenario whose first fault is a component
        // outage has no targets. Its corruption policy (8h / 15m) applies to bad-deploy.
        auto t = sample("two-region.yaml");
        Scenario s = *t.findScenario(ScenarioId("weu-down"));
        s.faults.front().target = FaultTarget{FaultTarget::Scope::Component, "vpn", std::nullopt};
        WorkloadReplay w = sites();
        w.disruptedAt = (Duration::minutes(10)).ms;
        w.rto = Duration::minutes(2);
        ReplayResult r = handMade(w);
        auto v = judgeReplay(t, s, r);
        QVERIFY(v.ok());
        QCOMPARE(v->front().rto.state, VerdictState::NoTarget);
        QCOMPARE(v->front().rpo.state, VerdictState::NoTarget);
        QVERIFY(!v->front().rto.target);
        QCOMPARE(rtoVerdictText(v->front()), std::string("RTO 2m — no target"));
        v = judgeReplay(t, *t.findScenario(ScenarioId("bad-deploy")), r);
        QCOMPARE(*v->front().rto.target, Duration::hours(8));
        QCOMPARE(*v->front().rpo.target, Duration::minutes(15));
    }

    void aStaleReplayIsAnError()
    {
        auto t = sample("two-region.yaml");
        WorkloadReplay w = sites();
        w.id = WorkloadId("gone");
        const auto v = judgeReplay(t, *t.findScenario(ScenarioId("weu-down")), handMade(w));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, std::string("stale-replay"));
        QCOMPARE(v.error().message,
                 std::string(
                     "workload 'gone' of the replay of 'weu-down' is no longer in the topology; replay the "
                     "scenario again"));
    }

    void verdictNames()
    {
        QCOMPARE(verdictName(VerdictState::NoTarget), std::string_view("no-target"));
        QCOMPARE(verdictName(VerdictState::Met), std::string_view("met"));
        QCOMPARE(verdictName(VerdictState::Breached), std::string_view("breached"));
        QCOMPARE(verdictName(VerdictState::Undecided), std::string_view("undecided"));
    }
};

QTEST_GUILESS_MAIN(TestReplayVerdict)
#include "test_replay_verdict.moc"
