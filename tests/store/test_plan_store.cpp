// Drill plans in the workspace: plans, revisions, the append-only approval trail, schedules, records,
// and the migration of a schema-1 workspace.

#include "StoreTestSupport.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/drill/PlanEditing.h"
#include "core/io/TopologyFile.h"
#include "core/store/PlanStore.h"
#include "core/store/RecordStore.h"
#include "core/store/ScheduleStore.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace firedrill;
using namespace storetest;
using namespace std::chrono;

namespace {

Topology gasTrading()
{
    const auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/gas-trading.yaml"));
    if (!r.ok())
        qFatal("cannot load the gas-trading sample");
    return *r.topology;
}

DrillPlan regionPlan(const Topology& topology)
{
    auto plan = generateDrillPlan(topology, WorkloadId("trading"), ScenarioId("drill-region"));
    if (!plan)
        qFatal("cannot generate the region drill plan: %s", plan.error().message.c_str());
    return *plan;
}

sys_seconds at(int day, int hour)
{
    return sys_days{year{2027} / January / day} + hours{hour};
}

const char* messageOf(const Error& e)
{
    return e.message.c_str();
}

} // namespace

class TestPlanStore : public QObject
{
    Q_OBJECT

private slots:
    void planRoundTrip()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        const Topology topology = gasTrading();
        const DrillPlan plan = regionPlan(topology);
        {
            auto ws = Workspace::create(path, topology, "Initial design");
            QVERIFY(ws.ok());
            PlanStore store(ws->file());
            QCOMPARE(store.plans()->size(), std::size_t{0});
            auto added = store.addPlan(plan);
            QVERIFY2(added.ok(), added.ok() ? "" : messageOf(added.error()));
            QCOMPARE(store.addPlan(plan).error().code, std::string("plan-exists"));
        }
        auto ws = Workspace::open(path, OpenMode::ReadOnly);
        QVERIFY(ws.ok());
        PlanStore store(ws->file());
        auto loaded = store.load(plan.id);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : messageOf(loaded.error()));
        QVERIFY(loaded->plan == plan);
        QCOMPARE(loaded->approval.state(), ApprovalState::Draft);
        QCOMPARE(loaded->approval.revision(), 1);
        auto list = store.plans();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{1});
        QCOMPARE(list->front().id, plan.id);
        QCOMPARE(list->front().title, plan.title);
        QCOMPARE(list->front().workload, std::string("trading"));
        QCOMPARE(list->front().scenario, std::string("drill-region"));
        QCOMPARE(list->front().state, ApprovalState::Draft);
        QCOMPARE(store.load("nonsense").error().code, std::string("no-such-plan"));
        QCOMPARE(store.save(plan, loaded->approval).error().code, std::string("read-only"));
        // The stored text is the canonical plan YAML with its hash.
        QCOMPARE(queryInt(path, "SELECT count(*) FROM drill_plan_versions WHERE plan_hash LIKE 'fnv1a64:%'"),
                 qint64{1});
    }

    void approvalTrailIsKeptAsWritten()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        const Topology topology = gasTrading();
        const DrillPlan plan = regionPlan(topology);
        std::vector<ApprovalEvent> written;
        {
            auto ws = Workspace::create(path, topology, "Initial design");
            PlanStore store(ws->file());
            QVERIFY(store.addPlan(plan).ok());
            PlanApproval approval;
            QVERIFY(approval.submit("alice", at(4, 9), "Ready for review").ok());
            QVERIFY(store.save(plan, approval).ok());
            QVERIFY(approval.requestChanges("bob", at(4, 11), "Add the DBA's phone bridge").ok());
            QVERIFY(approval.edit("alice", at(5, 9), "Bridge added").ok());
            QVERIFY(approval.submit("alice", at(5, 10)).ok());
            QVERIFY(approval.approve("bob", at(6, 9), "Go").ok());
            QVERIFY(store.save(plan, approval).ok());
            written = approval.trail();
        }
        auto ws = Workspace::open(path);
        QVERIFY(ws.ok());
        PlanStore store(ws->file());
        auto trail = store.trail(plan.id);
        QVERIFY(trail.ok());
        QCOMPARE(trail->size(), std::size_t{5});
        QVERIFY(*trail == written);
        auto replayed = PlanApproval::fromTrail(*trail);
        QVERIFY(replayed.ok());
        QCOMPARE(replayed->state(), ApprovalState::Approved);
        QCOMPARE(replayed->approvedBy(), std::string("bob"));
        auto loaded = store.load(plan.id);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->approval.trail() == written);
        QCOMPARE(store.plans()->front().state, ApprovalState::Approved);

        // The trail only grows: a trail that differs from the stored one, or is shorter, is refused.
        PlanApproval other;
        QVERIFY(other.submit("mallory", at(4, 9), "Ready for review").ok());
        QCOMPARE(store.save(plan, other).error().code, std::string("audit-rewrite"));
        QCOMPARE(store.save(plan, PlanApproval{}).error().code, std::string("audit-rewrite"));
        QVERIFY(*store.trail(plan.id) == written);
    }

    void editingAnApprovedPlanStartsANewRevision()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        const Topology topology = gasTrading();
        const DrillPlan original = regionPlan(topology);
        DrillPlan edited = original;
        {
            auto ws = Workspace::create(path, topology, "Initial design");
            PlanStore store(ws->file());
            PlanApproval approval;
            QVERIFY(approval.submit("alice", at(4, 9)).ok());
            QVERIFY(approval.approve("bob", at(4, 10)).ok());
            QVERIFY(store.addPlan(original, approval).ok());

            RunbookStep extra;
            extra.title = "Page the database vendor";
            extra.owner = DrillRole::Dba;
            QVERIFY(planedit::insertStep(edited, 2, extra).ok());
            // Changed content without recording the edit is refused: the approved revision stays as it was.
            QCOMPARE(store.save(edited, approval).error().code, std::string("plan-not-editable"));
            QVERIFY(approval.edit("alice", at(5, 9), "Vendor escalation").ok());
            QVERIFY(store.save(edited, approval).ok());
        }
        auto ws = Workspace::open(path, OpenMode::ReadOnly);
        PlanStore store(ws->file());
        auto loaded = store.load(original.id);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->plan == edited);
        QCOMPARE(loaded->approval.revision(), 2);
        QCOMPARE(loaded->approval.state(), ApprovalState::Draft);
        QCOMPARE(store.plans()->front().revision, 2);
        QCOMPARE(store.plans()->front().state, ApprovalState::Draft);
        QVERIFY(*store.planAt(original.id, 1) == original);
        QVERIFY(*store.planAt(original.id, 2) == edited);
        QCOMPARE(store.planAt(original.id, 0).error().code, std::string("no-such-revision"));
    }

    void schedulesAndRecordsRoundTrip()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        const Topology topology = gasTrading();
        const DrillPlan plan = regionPlan(topology);
        DrillSchedule schedule;
        schedule.id = "q-region";
        schedule.planId = plan.id;
        schedule.title = "Quarterly region drill";
        schedule.start = at(1, 9);
        schedule.length = Duration::hours(3);
        schedule.recurrence = *parseRecurrence("quarterly on the first tuesday");
        schedule.participants = {{"Alice", "alice@example.org", DrillRole::IncidentCommander},
                                 {"Bob", "", DrillRole::Dba}};
        schedule.location = "Bridge 4";

        DrillRecord record;
        record.planId = plan.id;
        record.faultStart = at(5, 9);
        record.steps = {{1, Duration::minutes(0), Duration::minutes(5), StepOutcome::Done, "on time"},
                        {2, std::nullopt, Duration::minutes(12), StepOutcome::Failed, "probe stuck"}};
        record.measuredRto = Duration::minutes(47);
        record.observations = {"Runbook link was stale"};
        record.issues = {"Grace period longer than documented"};
        record.actionItems = {
            {"Shorten grace period", "DBA team", year_month_day{year{2027} / February / 1}, false}};
        std::int64_t recordId = 0;
        {
            auto ws = Workspace::create(path, topology, "Initial design");
            ScheduleStore schedules(ws->file());
            QCOMPARE(schedules.save(schedule).error().code, std::string("no-such-plan"));
            QVERIFY(PlanStore(ws->file()).addPlan(plan).ok());
            QVERIFY(schedules.save(schedule).ok());
            DrillSchedule moved = schedule;
            moved.participants.pop_back();
            moved.location = "Bridge 5";
            QVERIFY(schedules.save(moved).ok()); // replaces, does not duplicate
            QVERIFY(schedules.save(schedule).ok());
            RecordStore records(ws->file());
            auto added = records.add(record);
            QVERIFY(added.ok());
            recordId = *added;
        }
        auto ws = Workspace::open(path);
        auto stored = ScheduleStore(ws->file()).schedules(plan.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), std::size_t{1});
        QVERIFY(stored->front() == schedule);
        auto records = RecordStore(ws->file()).records(plan.id);
        QVERIFY(records.ok());
        QCOMPARE(records->size(), std::size_t{1});
        QCOMPARE(records->front().id, recordId);
        QVERIFY(records->front().record == record);

        DrillRecord amended = record;
        amended.observations.push_back("Comms went out late");
        amended.actionItems.front().done = true;
        QVERIFY(RecordStore(ws->file()).update(recordId, amended).ok());
        QVERIFY(RecordStore(ws->file()).records()->front().record == amended);
        QCOMPARE(RecordStore(ws->file()).update(99, amended).error().code, std::string("no-such-record"));
        QVERIFY(ScheduleStore(ws->file()).remove(schedule.id).ok());
        QCOMPARE(ScheduleStore(ws->file()).schedules()->size(), std::size_t{0});
        QCOMPARE(ScheduleStore(ws->file()).remove(schedule.id).error().code, std::string("no-such-schedule"));
    }

    void schemaOneWorkspaceIsMigrated()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "old.firedrill");
        const Topology topology = gasTrading();
        const std::string yaml = writeTopologyYaml(topology);
        {
            auto old = WorkspaceFile::create(path, yaml, "made by schema 1", schemaOne());
            QVERIFY(old.ok());
            QCOMPARE(old->schemaVersion(), 1);
            QVERIFY(old->appendRevision(yaml, "second").ok());
        }
        QCOMPARE(queryInt(path, "SELECT count(*) FROM sqlite_master WHERE name = 'drill_plans'"), qint64{0});
        {
            // Read-only opening does not migrate, and a store on it reports the missing tables as an error.
            auto ro = Workspace::open(path, OpenMode::ReadOnly);
            QVERIFY(ro.ok());
            QCOMPARE(ro->schemaVersion(), 1);
            QVERIFY(!PlanStore(ro->file()).plans().ok());
        }
        auto ws = Workspace::open(path);
        QVERIFY2(ws.ok(), ws.ok() ? "" : messageOf(ws.error()));
        QCOMPARE(ws->schemaVersion(), workspaceSchemaVersion());
        QCOMPARE(ws->revisions()->size(), std::size_t{2});
        QVERIFY(*ws->currentTopology() == topology);
        PlanStore store(ws->file());
        QCOMPARE(store.plans()->size(), std::size_t{0});
        const DrillPlan plan = regionPlan(topology);
        QVERIFY(store.addPlan(plan).ok());
        QVERIFY(store.load(plan.id)->plan == plan);
        QCOMPARE(queryInt(path, "PRAGMA user_version"), qint64{workspaceSchemaVersion()});
    }

    void damagedPlanTextIsReported()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        const Topology topology = gasTrading();
        const DrillPlan plan = regionPlan(topology);
        {
            auto ws = Workspace::create(path, topology, "Initial design");
            QVERIFY(PlanStore(ws->file()).addPlan(plan).ok());
        }
        QVERIFY(execOn(path, "UPDATE drill_plan_versions SET plan_yaml = plan_yaml || 'x'"));
        auto ws = Workspace::open(path, OpenMode::ReadOnly);
        QVERIFY(ws.ok());
        QCOMPARE(PlanStore(ws->file()).load(plan.id).error().code, std::string("corrupt"));
    }
};

QTEST_GUILESS_MAIN(TestPlanStore)
#include "test_plan_store.moc"
