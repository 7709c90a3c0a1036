// Drill plan generation: every sample and scenario, and the steps each design feature must produce.
#include "DrillTestSupport.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/sim/ScenarioPlayer.h"

#include <QDir>
#include <QtTest>
#include <map>

using namespace firedrill;
using drilltest::findStep;
using drilltest::lastRecoveryElapsed;
using drilltest::sample;

namespace {

DrillPlan plan(const Topology& t, const std::string& workload, const std::string& scenario,
               const sim::ReplayResult* replay = nullptr)
{
    auto p = generateDrillPlan(t, WorkloadId(workload), ScenarioId(scenario), replay);
    if (!p)
        qFatal("plan %s/%s failed: %s", workload.c_str(), scenario.c_str(), p.error().message.c_str());
    return *p;
}

bool hasRole(const DrillPlan& p, DrillRole role)
{
    return std::any_of(p.roles.begin(), p.roles.end(),
                       [&](const RoleAssignment& r) { return r.role == role; });
}

} // namespace

class TestDrillPlan : public QObject
{
    Q_OBJECT
private slots:
    void everySampleAndScenario_data()
    {
        QTest::addColumn<QString>("file");
        const auto files =
            QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QVERIFY(files.size() >= 10);
        for (const auto& f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void everySampleAndScenario()
    {
        QFETCH(QString, file);
        const Topology t = sample(file.toStdString());
        QVERIFY(!t.scenarios.empty());
        for (const auto& w : t.workloads) {
            for (const auto& s : t.scenarios) {
                const std::string where = w.id.str() + " / " + s.id.str();
                auto r = generateDrillPlan(t, w.id, s.id);
                QVERIFY2(r.ok(), (where + ": " + (r.ok() ? std::string() : r.error().message)).c_str());
                const DrillPlan& p = *r;
                QVERIFY2(!p.steps.empty(), where.c_str());
                QVERIFY2(!p.preChecks.empty() && !p.successCriteria.empty() && !p.rollback.empty() &&
                             !p.communication.empty(),
                         where.c_str());
                for (DrillRole always :
                     {DrillRole::IncidentCommander, DrillRole::Communications, DrillRole::Observer})
                    QVERIFY2(hasRole(p, always), where.c_str());
                std::size_t faults = 0;
                std::map<std::string, Duration> trackEnd;
                Duration previous;
                for (std::size_t i = 0; i < p.steps.size(); ++i) {
                    const RunbookStep& st = p.steps[i];
                    const std::string at = where + " step " + std::to_string(st.number) + " " + st.title;
                    QCOMPARE(st.number, static_cast<int>(i + 1));
                    QVERIFY2(!st.title.empty() && !st.doneSignal.empty() && !st.onFailure.empty(),
                             at.c_str());
                    QVERIFY2(hasRole(p, st.owner), at.c_str());
                    QVERIFY2(st.expectedElapsed >= previous, at.c_str()); // in order of expected completion
                    previous = st.expectedElapsed;
                    if (st.phase == StepPhase::Fault)
                        ++faults;
                    if (st.phase == StepPhase::Recovery && st.expectedDuration.ms > 0) {
                        // Cumulative per track: a timed step ends its duration after the track's previous
                        // step.
                        const auto it = trackEnd.find(st.track);
                        if (it != trackEnd.end())
                            QVERIFY2(st.expectedElapsed == it->second + st.expectedDuration, at.c_str());
                        else
                            QVERIFY2(st.expectedElapsed >= st.expectedDuration, at.c_str());
                        trackEnd[st.track] = st.expectedElapsed;
                    }
                }
                QCOMPARE(faults, s.faults.size());
                const RecoveryEstimate e = estimateRecovery(t, w, disruptionOf(s));
                if (!e.rto.unbounded) {
                    const Duration notice = s.faults.front().kind == FaultKind::Corruption
                                                ? s.faults.front().detectedAfter.value_or(Duration{})
                                                : Duration{};
                    QVERIFY2(lastRecoveryElapsed(p) == notice + e.rto.total, where.c_str());
                    QVERIFY2(p.objective.expectedRto == e.rto.total, where.c_str());
                }
            }
        }
    }

    void gasTradingRegionWaitsForGracePeriod()
    {
        const Topology t = sample("gas-trading.yaml");
        const DrillPlan p = plan(t, "trading", "drill-region");
        const RunbookStep* grace = findStep(p, "grace period");
        QVERIFY(grace);
        QVERIFY(grace->title.find("or force the failover") != std::string::npos);
        QCOMPARE(grace->owner, DrillRole::Dba);
        QCOMPARE(grace->expectedDuration, Duration::hours(1)); // grace_period: 1h
        // detection 30s + grace period 1h + promotion 30s = 1h 1m
        QCOMPARE(lastRecoveryElapsed(p), Duration::seconds(3660));
        QCOMPARE(p.objective.rtoTarget, std::optional<Duration>(Duration::minutes(90)));
        // Front Door has no DNS: the traffic path has no TTL step.
        QVERIFY(!findStep(p, "DNS answers"));
        QVERIFY(findStep(p, "disable the primary origin"));
    }

    void redeployRestoresAtSizeOverRate()
    {
        const Topology t = sample("dr-redeploy.yaml");
        const DrillPlan p = plan(t, "orders", "weu-down");
        const RunbookStep* restore = findStep(p, "Restore database");
        QVERIFY(restore);
        QCOMPARE(restore->owner, DrillRole::Dba);
        // sql: size 250GB, restore_rate 100GB/h -> 2.5 h = 9,000 s
        QCOMPARE(restore->expectedDuration, Duration::seconds(9000));
        const RunbookStep* deploy =
            findStep(p, "Deploy the application package from North Europe (neu)'s storage");
        QVERIFY(deploy);
        QCOMPARE(deploy->expectedDuration, Duration::hours(1)); // redeploy_time: 1h
        QVERIFY(deploy->number < restore->number);
        // tm probe 3 x 30s + 10s = 100s, redeploy 1h, restore 2h 30m, DNS TTL 60s = 12,760 s
        QCOMPARE(lastRecoveryElapsed(p), Duration::seconds(12760));
        QCOMPARE(restore->expectedElapsed, Duration::seconds(100 + 3600 + 9000));
        // The restored copy is the latest data: the failback moves it back.
        QVERIFY(std::any_of(p.rollback.begin(), p.rollback.end(),
                            [](const RunbookStep& s) { return s.title == "Move sql back to West Europe (weu)"; }));
    }

    void activePassiveFullScalesSecondary()
    {
        const Topology t = sample("dr-active-passive-full.yaml");
        const DrillPlan p = plan(t, "orders", "weu-down");
        const RunbookStep* scale = findStep(p, "Scale the secondary to full size");
        QVERIFY(scale);
        QCOMPARE(scale->owner, DrillRole::ApplicationOwner);
        QCOMPARE(scale->track, std::string("traffic path"));
        // Traffic Manager: probe 3 x 30s + 10s = 100s, then the TTL of 60s drains.
        const RunbookStep* tm = findStep(p, "disable the primary endpoint");
        QVERIFY(tm);
        QCOMPARE(tm->expectedDuration, Duration::seconds(100));
        const RunbookStep* ttl = findStep(p, "DNS answers to expire");
        QVERIFY(ttl);
        QCOMPARE(ttl->expectedElapsed, Duration::seconds(160));
        // The data path is the longest: detection 10s + decision 15m + promotion 30s = 15m 40s.
        QCOMPARE(lastRecoveryElapsed(p), Duration::seconds(940));
        // The failback returns the secondary to its standby size.
        QVERIFY(std::any_of(p.rollback.begin(), p.rollback.end(), [](const RunbookStep& s) {
            return s.title.find("standby size") != std::string::npos;
        }));
    }

    void manualFailoverHasDecisionStep()
    {
        const Topology t = sample("dr-active-passive-db.yaml");
        const DrillPlan p = plan(t, "orders", "weu-down");
        const RunbookStep* decide = findStep(p, "Decide to fail");
        QVERIFY(decide);
        QCOMPARE(decide->owner, DrillRole::IncidentCommander);
        QCOMPARE(decide->expectedDuration, Duration::minutes(30));       // decision: 30m
        QCOMPARE(decide->expectedElapsed, Duration::seconds(10 + 1800)); // after detection 10s
        const RunbookStep* promote = findStep(p, "promote sql-neu");
        QVERIFY(promote);
        QCOMPARE(promote->owner, DrillRole::Dba);
        QVERIFY(promote->number > decide->number);
        QVERIFY(std::any_of(p.communication.begin(), p.communication.end(),
                            [](const CommunicationItem& c) { return c.when == "at the failover decision"; }));
    }

    void corruptionRestoresToPointInTime()
    {
        const Topology t = sample("dr-active-active.yaml");
        const DrillPlan p = plan(t, "orders", "corruption");
        QCOMPARE(p.objective.disruption, DisruptionClass::Corruption);
        QCOMPARE(p.scope.mode, DrillMode::IsolatedTest);
        const RunbookStep* notice = findStep(p, "Notice the corruption");
        QVERIFY(notice);
        QCOMPARE(notice->expectedElapsed, Duration::hours(2)); // detected_after: 2h
        const RunbookStep* restore = findStep(p, "Point-in-time restore");
        QVERIFY(restore);
        QCOMPARE(restore->expectedDuration, Duration::seconds(9000)); // 250GB / 100GB/h
        // noticed 2h + decision 10m + restore 2h 30m = 4h 40m
        QCOMPARE(lastRecoveryElapsed(p), Duration::seconds(16800));
        QVERIFY(findStep(p, "Choose the restore point"));

        // Without point-in-time restore the step restores the last backup before the corruption.
        const DrillPlan ag = plan(sample("two-region.yaml"), "sites", "bad-deploy");
        QVERIFY(!findStep(ag, "Point-in-time"));
        const RunbookStep* last = findStep(ag, "Restore sql-ag from the last backup");
        QVERIFY(last);
        QCOMPARE(last->expectedDuration, Duration::hours(6)); // 3TB / 500GB/h
    }

    void instanceAndZoneFaults()
    {
        const DrillPlan crash = plan(sample("local-failures.yaml"), "intake", "web-crash");
        QCOMPARE(crash.objective.disruption, DisruptionClass::Instance);
        QCOMPARE(crash.scope.mode, DrillMode::Production);
        QVERIFY(findStep(crash, "crash one instance of"));
        QVERIFY(findStep(crash, "take the failed instance of Web role (web) out of rotation"));

        const DrillPlan zone = plan(sample("gas-trading.yaml"), "trading", "drill-zone");
        QCOMPARE(zone.objective.disruption, DisruptionClass::Zone);
        QVERIFY(findStep(zone, "take zone 1 of West Europe (weu) down"));
        QCOMPARE(zone.scope.mode, DrillMode::Production);
    }

    void dependencyFault()
    {
        const DrillPlan p = plan(sample("dr-active-active.yaml"), "orders", "cache-down");
        QCOMPARE(p.objective.disruption, DisruptionClass::Dependency);
        QVERIFY(findStep(p, "unavailable to its callers"));
        QVERIFY(findStep(p, "Verify Cache"));
    }

    void faultKindsGetTheirSteps()
    {
        const DrillPlan cut = plan(sample("two-region.yaml"), "sites", "er-cut");
        QVERIFY(findStep(cut, "Inject the fault: cut"));
        QVERIFY(findStep(cut, "takes another path"));
        const DrillPlan peak = plan(sample("local-failures.yaml"), "intake", "peak");
        QVERIFY(findStep(peak, "raise the load on"));
        QVERIFY(findStep(peak, "Confirm autoscale carries the surge"));
        const DrillPlan slow = plan(sample("dr-reduced-shop.yaml"), "status", "switchboard");
        QVERIFY(findStep(slow, "Inject the fault: degrade"));
        QVERIFY(findStep(slow, "retries and circuit breakers"));
        // A later fault of the scenario is injected at its offset and checked at the end.
        const DrillPlan surge = plan(sample("gas-trading.yaml"), "trading", "drill-surge");
        QVERIFY(findStep(surge, "Confirm the design absorbed the second fault"));
        // The estimate's worst instance loss of settlement is its leader's (settle-weu, the lease of 1m):
        // the drill that crashes the leader follows it without a note.
        const auto hitsOther = [](const DrillPlan& p, const std::string& id) {
            return std::any_of(p.notes.begin(), p.notes.end(), [&](const std::string& n) {
                return n.find("not the component the scenario hits (" + id + ")") != std::string::npos;
            });
        };
        Topology gas = sample("gas-trading.yaml");
        QVERIFY(!hitsOther(plan(gas, "settlement", "drill-leader"), "settle-weu"));
        // The estimate's worst instance is not the crashed one (a standby worker in the other region):
        // the plan says so.
        for (Scenario& sc : gas.scenarios)
            if (sc.id == ScenarioId("drill-leader"))
                sc.faults.front().target.id = "settle-neu";
        QVERIFY(hitsOther(plan(gas, "settlement", "drill-leader"), "settle-neu"));
    }

    void singleRegionEscalates()
    {
        const DrillPlan p = plan(sample("dr-single-region.yaml"), "orders", "weu-down");
        QVERIFY(!p.objective.expectedRto);
        QVERIFY(findStep(p, "Escalate: the design cannot recover by itself"));
    }

    void replayTimingsReplaceTheEstimate()
    {
        const Topology t = sample("dr-active-passive-full.yaml");
        sim::ReplayOptions options;
        auto replay = sim::replayScenario(t, ScenarioId("weu-down"), options);
        QVERIFY(replay.ok());
        const sim::WorkloadReplay* w = nullptr;
        for (const auto& r : replay->workloads)
            if (r.id == WorkloadId("orders"))
                w = &r;
        QVERIFY(w && w->recoveredAt);
        const DrillPlan p = plan(t, "orders", "weu-down", &*replay);
        QCOMPARE(p.timing, TimingSource::Replay);
        QVERIFY(p.objective.statement.find("The replay of the scenario measured") != std::string::npos);
        const Duration faultStart = t.findScenario(ScenarioId("weu-down"))->faults.front().at;
        QCOMPARE(lastRecoveryElapsed(p), Duration{*w->recoveredAt} - faultStart);
        // The same steps as the estimate's plan, in the same order.
        const DrillPlan estimated = plan(t, "orders", "weu-down");
        QCOMPARE(p.steps.size(), estimated.steps.size());
        QCOMPARE(estimated.timing, TimingSource::Estimate);
    }

    void refusesUnknownInput()
    {
        const Topology t = sample("gas-trading.yaml");
        auto noWorkload = generateDrillPlan(t, WorkloadId("nope"), ScenarioId("drill-region"));
        QVERIFY(!noWorkload);
        QCOMPARE(noWorkload.error().code, std::string("unknown-workload"));
        auto noScenario = generateDrillPlan(t, WorkloadId("trading"), ScenarioId("nope"));
        QVERIFY(!noScenario);
        QCOMPARE(noScenario.error().code, std::string("unknown-scenario"));
        Topology empty = t;
        empty.scenarios.push_back(
            Scenario{ScenarioId("quiet"), "Nothing happens", Duration::hours(1), {}, {}, {}});
        auto noFaults = generateDrillPlan(empty, WorkloadId("trading"), ScenarioId("quiet"));
        QVERIFY(!noFaults);
        QCOMPARE(noFaults.error().code, std::string("empty-scenario"));
    }

    void modeCanBeChosen()
    {
        const Topology t = sample("gas-trading.yaml");
        DrillOptions o;
        o.mode = DrillMode::Production;
        auto p = generateDrillPlan(t, WorkloadId("trading"), ScenarioId("drill-region"), nullptr, o);
        QVERIFY(p.ok());
        QCOMPARE(p->scope.mode, DrillMode::Production);
        QVERIFY(p->scope.blastRadius.rfind("Production", 0) == 0);
        QVERIFY(std::none_of(p->rollback.begin(), p->rollback.end(), [](const RunbookStep& s) {
            return s.title.find("isolated") != std::string::npos;
        }));
    }
};

QTEST_GUILESS_MAIN(TestDrillPlan)
#include "test_drill_plan.moc"
