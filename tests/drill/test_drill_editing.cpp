// Editing a plan's runbook: insert, remove, move and replace keep the numbering and the roles right.
#include "DrillTestSupport.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/drill/PlanEditing.h"

#include <QtTest>

using namespace firedrill;

namespace {
DrillPlan gasRegion()
{
    return *generateDrillPlan(drilltest::sample("gas-trading.yaml"), WorkloadId("trading"),
                              ScenarioId("drill-region"));
}

std::vector<std::string> titles(const DrillPlan& p)
{
    std::vector<std::string> out;
    for (const auto& s : p.steps)
        out.push_back(s.title);
    return out;
}

bool numbered(const DrillPlan& p)
{
    for (std::size_t i = 0; i < p.steps.size(); ++i)
        if (p.steps[i].number != static_cast<int>(i + 1))
            return false;
    return true;
}
} // namespace

class TestDrillEditing : public QObject
{
    Q_OBJECT
private slots:
    void insertAndRemove()
    {
        DrillPlan p = gasRegion();
        const auto before = titles(p);
        RunbookStep s;
        s.title = "Freeze deployments";
        s.owner = DrillRole::ApplicationOwner;
        QVERIFY(planedit::insertStep(p, 2, s).ok());
        QCOMPARE(p.steps.size(), before.size() + 1);
        QCOMPARE(p.steps[1].title, std::string("Freeze deployments"));
        QCOMPARE(p.steps[2].title, before[1]);
        QVERIFY(numbered(p));
        QVERIFY(planedit::removeStep(p, 2).ok());
        QCOMPARE(titles(p), before);
        QVERIFY(numbered(p));
        s.title = "Appended";
        QVERIFY(planedit::insertStep(p, static_cast<int>(p.steps.size()) + 1, s).ok());
        QCOMPARE(p.steps.back().title, std::string("Appended"));
    }

    void moveShiftsTheStepsBetween()
    {
        DrillPlan p = gasRegion();
        const auto before = titles(p);
        QVERIFY(planedit::moveStep(p, 2, 4).ok());
        QCOMPARE(p.steps[0].title, before[0]);
        QCOMPARE(p.steps[1].title, before[2]);
        QCOMPARE(p.steps[2].title, before[3]);
        QCOMPARE(p.steps[3].title, before[1]);
        QVERIFY(numbered(p));
        QVERIFY(planedit::moveStep(p, 4, 2).ok());
        QCOMPARE(titles(p), before);
    }

    void replaceAddsAMissingOwner()
    {
        DrillPlan p = gasRegion();
        p.roles.erase(std::remove_if(p.roles.begin(), p.roles.end(),
                                     [](const RoleAssignment& r) { return r.role == DrillRole::Observer; }),
                      p.roles.end());
        RunbookStep s;
        s.title = "Photograph the dashboards";
        s.owner = DrillRole::Observer;
        QVERIFY(planedit::replaceStep(p, 3, s).ok());
        QCOMPARE(p.steps[2].title, s.title);
        QCOMPARE(p.steps[2].number, 3);
        QVERIFY(std::any_of(p.roles.begin(), p.roles.end(),
                            [](const RoleAssignment& r) { return r.role == DrillRole::Observer; }));
    }

    void refusalsChangeNothing()
    {
        DrillPlan p = gasRegion();
        const DrillPlan before = p;
        RunbookStep blank;
        QCOMPARE(planedit::insertStep(p, 1, blank).error().code, std::string("plan-edit-empty"));
        RunbookStep s;
        s.title = "x";
        QCOMPARE(planedit::insertStep(p, 0, s).error().code, std::string("plan-edit-range"));
        QCOMPARE(planedit::insertStep(p, static_cast<int>(p.steps.size()) + 2, s).error().code,
                 std::string("plan-edit-range"));
        QCOMPARE(planedit::removeStep(p, 99).error().code, std::string("plan-edit-range"));
        QCOMPARE(planedit::moveStep(p, 1, 99).error().code, std::string("plan-edit-range"));
        const auto r = planedit::replaceStep(p, 0, s);
        QVERIFY(r.error().message.find("use 1 to " + std::to_string(p.steps.size())) != std::string::npos);
        QVERIFY(p == before);
    }
};

QTEST_GUILESS_MAIN(TestDrillEditing)
#include "test_drill_editing.moc"
