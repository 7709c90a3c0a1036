// Drill records: actual times against the plan and the policy, and the after-action report.
#include "DrillTestSupport.h"
#include "core/drill/AfterActionReport.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/drill/RecordComparison.h"
#include "core/drill/UtcTime.h"

#include <QtTest>

using namespace firedrill;
using drilltest::findStep;

namespace {

DrillPlan planFor(const char* file, const char* workload, const char* scenario)
{
    return *generateDrillPlan(drilltest::sample(file), WorkloadId(workload), ScenarioId(scenario));
}

int numberOf(const DrillPlan& p, const std::string& title)
{
    const RunbookStep* s = findStep(p, title);
    if (!s)
        qFatal("no step %s", title.c_str());
    return s->number;
}

/// A real region drill of the gas-trading plan: the failover was forced after 40 minutes.
DrillRecord regionRecord(const DrillPlan& p)
{
    DrillRecord r;
    r.planId = p.id;
    r.faultStart = *parseUtc("2027-01-05T09:15Z");
    r.steps = {
        {numberOf(p, "Scale the secondary to full size"), Duration::minutes(2), Duration::minutes(10),
         StepOutcome::Done, "quota request took a while"},
        {numberOf(p, "grace period"), Duration::seconds(30), Duration::minutes(40), StepOutcome::Done,
         "forced failover ordered at 40m"},
        {numberOf(p, "promoted dbfop"), Duration::minutes(40), Duration::minutes(41), StepOutcome::Done, {}},
        {numberOf(p, "Verify Service Bus"), Duration::minutes(41), Duration::minutes(45), StepOutcome::Failed,
         "sb-neu | backlog"},
    };
    r.measuredRpo = Duration::seconds(20);
    r.observations = {
        "The grace period is too long for the RTO target: the forced failover saved 20 minutes."};
    r.issues = {"Dead letters grew on sb-neu after the failover."};
    r.actionItems = {{"Shorten the failover group's grace period to 15m", "DBA team",
                      std::chrono::year_month_day{std::chrono::year{2027} / 2 / 1}, false}};
    return r;
}

} // namespace

class TestDrillRecord : public QObject
{
    Q_OBJECT
private slots:
    void comparesStepsAndPolicy()
    {
        const DrillPlan p = planFor("gas-trading.yaml", "trading", "drill-region");
        const DrillRecord r = regionRecord(p);
        const auto c = compareRecord(p, r);
        QVERIFY(c.ok());
        QCOMPARE(c->steps.size(), p.steps.size());
        const StepComparison& scale = c->steps[static_cast<std::size_t>(r.steps[0].step - 1)];
        // expected done at 1m 40s + 5m = 6m 40s; done at 10m: 3m 20s late
        QCOMPARE(scale.late, std::optional<Duration>(Duration::seconds(200)));
        QCOMPARE(scale.actualDuration, std::optional<Duration>(Duration::minutes(8)));
        const StepComparison& grace = c->steps[static_cast<std::size_t>(r.steps[1].step - 1)];
        // expected at 30s + 1h = 1h 0m 30s; forced at 40m: 20m 30s early
        QCOMPARE(grace.late, std::optional<Duration>(Duration::seconds(-1230)));
        // Measured RTO: the last recovery step done (the promotion at 41m), within the 1h 30m target.
        QCOMPARE(c->measuredRto, std::optional<Duration>(Duration::minutes(41)));
        QCOMPARE(c->expectedRto, std::optional<Duration>(Duration::seconds(3660)));
        QCOMPARE(c->rto, TargetVerdict::Met);
        QCOMPARE(c->rpo, TargetVerdict::Met); // 20s against 1m
        QCOMPARE(c->failed, 1);
        QCOMPARE(c->unrecorded, static_cast<int>(p.steps.size()) - 4);
        QVERIFY(!c->passed()); // a step failed

        DrillRecord slow = r;
        slow.measuredRto = Duration::hours(2);
        slow.steps.pop_back();
        const auto s = compareRecord(p, slow);
        QCOMPARE(s->rto, TargetVerdict::Breached);
        QVERIFY(!s->passed());
        slow.measuredRto = Duration::minutes(80);
        QVERIFY(compareRecord(p, slow)->passed());
    }

    void corruptionCountsFromNoticing()
    {
        const DrillPlan p = planFor("dr-active-active.yaml", "orders", "corruption");
        DrillRecord r;
        r.planId = p.id;
        r.steps = {{numberOf(p, "Notice the corruption"), {}, Duration::minutes(90), StepOutcome::Done, {}},
                   {numberOf(p, "Point-in-time restore"),
                    Duration::minutes(100),
                    Duration::hours(4),
                    StepOutcome::Done,
                    {}}};
        const auto c = compareRecord(p, r);
        QVERIFY(c.ok());
        // noticed at 1h 30m, restored at 4h: 2h 30m against the 4h target
        QCOMPARE(c->measuredRto, std::optional<Duration>(Duration::minutes(150)));
        // expected: decision 10m + restore 2h 30m after noticing
        QCOMPARE(c->expectedRto, std::optional<Duration>(Duration::minutes(160)));
        QCOMPARE(c->rto, TargetVerdict::Met);
        QCOMPARE(c->rpo, TargetVerdict::NotMeasured);
    }

    void refusesRecordsThatDoNotFit()
    {
        const DrillPlan p = planFor("gas-trading.yaml", "trading", "drill-region");
        DrillRecord other = regionRecord(p);
        other.planId = "settlement-drill-region";
        QCOMPARE(compareRecord(p, other).error().code, std::string("record-mismatch"));
        DrillRecord beyond = regionRecord(p);
        beyond.steps.push_back({99, {}, {}, StepOutcome::Done, {}});
        QCOMPARE(compareRecord(p, beyond).error().code, std::string("record-bad-step"));
        DrillRecord twice = regionRecord(p);
        twice.steps.push_back(twice.steps.front());
        QCOMPARE(compareRecord(p, twice).error().code, std::string("record-bad-step"));
        DrillRecord backwards = regionRecord(p);
        backwards.steps.front().finished = Duration::minutes(1);
        const auto b = compareRecord(p, backwards);
        QCOMPARE(b.error().code, std::string("record-bad-time"));
        QVERIFY(b.error().message.find("finishes before it starts") != std::string::npos);
    }

    void afterActionReport()
    {
        const DrillPlan p = planFor("gas-trading.yaml", "trading", "drill-region");
        const DrillRecord r = regionRecord(p);
        const std::string md = firedrill::afterActionReport(p, r, *compareRecord(p, r));
        QVERIFY(md.find("- Result: **failed**") != std::string::npos);
        QVERIFY(md.find("- Fault injected: 2027-01-05T09:15:00Z") != std::string::npos);
        QVERIFY(md.find("| RTO | 1h 30m | 1h 1m | 41m | met |") != std::string::npos);
        QVERIFY(md.find("| RPO | 1m | 5s | 20s | met |") != std::string::npos);
        QVERIFY(md.find("| 6m 40s | 10m | +3m 20s | 5m | 8m | done | quota request took a while |") !=
                std::string::npos);
        QVERIFY(md.find("| -20m 30s |") != std::string::npos);
        QVERIFY(md.find("sb-neu \\| backlog") != std::string::npos); // table cells escape pipes
        QVERIFY(
            md.find("| Shorten the failover group's grace period to 15m | DBA team | 2027-02-01 | open |") !=
            std::string::npos);
        QVERIFY(md.find("Dead letters grew") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDrillRecord)
#include "test_drill_record.moc"
