// auditWorkspace(): every topology revision, every drill plan version and every approval trail is
// checked, not only what opening reads. Damage is planted with raw SQL on a sound workspace.

#include "StoreTestSupport.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/io/TopologyFile.h"
#include "core/store/PlanStore.h"
#include "core/store/TextHash.h"
#include "core/store/Workspace.h"
#include "core/store/WorkspaceAudit.h"

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

/// A workspace with three revisions and one drill plan saved twice (two versions) through a review.
std::string makeWorkspace(const std::filesystem::path& path)
{
    Topology topology = gasTrading();
    auto ws = Workspace::create(path, topology, "first");
    topology.description = "second";
    if (!ws || !ws->save(topology, "second") || !ws->save(topology, "third"))
        qFatal("cannot build the workspace");
    auto plan = generateDrillPlan(topology, WorkloadId("trading"), ScenarioId("drill-region"));
    PlanStore store(ws->file());
    if (!plan || !store.addPlan(*plan))
        qFatal("cannot store the plan");
    PlanApproval approval;
    const sys_seconds at = sys_days{year{2027} / January / 4} + hours{9};
    plan->title += " (v2)";
    if (!approval.submit("alice", at, "Ready") || !approval.requestChanges("bob", at + hours{1}, "More") ||
        !approval.edit("alice", at + hours{2}, "Done") || !store.save(*plan, approval))
        qFatal("cannot save the plan");
    return plan->id;
}

std::vector<WorkspaceDamage> audit(const std::filesystem::path& path)
{
    auto ws = Workspace::open(path, OpenMode::ReadOnly);
    if (!ws)
        qFatal("cannot open the workspace: %s", ws.error().message.c_str());
    auto damage = auditWorkspace(ws->file());
    if (!damage)
        qFatal("audit failed: %s", damage.error().message.c_str());
    return *damage;
}

QString listed(const std::vector<WorkspaceDamage>& damage)
{
    QStringList lines;
    for (const WorkspaceDamage& d : damage)
        lines << qs(d.item + ": " + d.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestWorkspaceAudit : public QObject
{
    Q_OBJECT

private slots:
    void soundWorkspaceHasNoDamage()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        makeWorkspace(path);
        QCOMPARE(queryInt(path, "SELECT count(*) FROM drill_plan_versions"), qint64{2});
        const auto damage = audit(path);
        QVERIFY2(damage.empty(), qPrintable(listed(damage)));
    }

    void everyDamageIsNamed_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("item");
        QTest::addColumn<QString>("says");
        QTest::addColumn<qint64>("revision");
        QTest::newRow("older revision checksum")
            << QStringLiteral("UPDATE revisions SET topology_hash = 'fnv1a64:0000000000000000' WHERE id = 1")
            << QStringLiteral("revision 1") << QStringLiteral("checksum does not match") << qint64{1};
        QTest::newRow("older revision text changed")
            << QStringLiteral("UPDATE revisions SET topology_yaml = topology_yaml || ' ' WHERE id = 2")
            << QStringLiteral("revision 2") << QStringLiteral("checksum does not match") << qint64{2};
        const std::string junk = "name: [unclosed";
        QTest::newRow("older revision unparsable")
            << qs("UPDATE revisions SET topology_yaml = '" + junk + "', topology_hash = '" + textHash(junk) +
                  "' WHERE id = 1")
            << QStringLiteral("revision 1") << QStringLiteral("cannot be read") << qint64{1};
        QTest::newRow("plan version checksum")
            << QStringLiteral("UPDATE drill_plan_versions SET plan_hash = 'x' WHERE id = 1")
            << QStringLiteral("version 1") << QStringLiteral("checksum does not match") << qint64{0};
        QTest::newRow("plan version unparsable")
            << qs("UPDATE drill_plan_versions SET plan_yaml = '" + junk + "', plan_hash = '" + textHash(junk) +
                  "' WHERE id = 2")
            << QStringLiteral("version 2") << QStringLiteral("cannot be read") << qint64{0};
        QTest::newRow("trail entry unknown")
            << QStringLiteral("UPDATE drill_approvals SET to_state = 'bogus' WHERE position = 1")
            << QStringLiteral("approval trail") << QStringLiteral("damaged at entry 2") << qint64{0};
        QTest::newRow("trail entry missing")
            << QStringLiteral("DELETE FROM drill_approvals WHERE position = 1")
            << QStringLiteral("approval trail") << QStringLiteral("damaged at entry 2") << qint64{0};
        QTest::newRow("trail does not hold together")
            << QStringLiteral("UPDATE drill_approvals SET action = 'approve', to_state = 'approved' WHERE position = 1")
            << QStringLiteral("approval trail") << QStringLiteral("does not hold together") << qint64{0};
    }

    void everyDamageIsNamed()
    {
        QFETCH(QString, sql);
        QFETCH(QString, item);
        QFETCH(QString, says);
        QFETCH(qint64, revision);
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        const std::string planId = makeWorkspace(path);
        QVERIFY(execOn(path, sql.toStdString()));
        // The newest revision still opens: only the audit sees the damage.
        {
            auto ws = Workspace::open(path, OpenMode::ReadOnly);
            QVERIFY(ws.ok());
            QVERIFY(ws->currentTopology().ok());
        }
        const auto damage = audit(path);
        QCOMPARE(damage.size(), std::size_t{1});
        QVERIFY2(qs(damage.front().item).contains(item), qPrintable(listed(damage)));
        QVERIFY2(qs(damage.front().message).contains(says), qPrintable(listed(damage)));
        QCOMPARE(qint64(damage.front().revision), revision);
        if (!qs(damage.front().item).contains(QStringLiteral("revision")))
            QVERIFY2(qs(damage.front().item).contains(qs(planId)), qPrintable(listed(damage)));
    }

    void everyDamagedItemIsListed()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "gas.firedrill");
        makeWorkspace(path);
        QVERIFY(execOn(path, "UPDATE revisions SET topology_hash = 'x' WHERE id IN (1, 3);"
                             "UPDATE drill_plan_versions SET plan_hash = 'x' WHERE id = 2;"));
        const auto damage = audit(path);
        QCOMPARE(damage.size(), std::size_t{3});
        QCOMPARE(damage[0].item, std::string("revision 1"));
        QCOMPARE(damage[1].item, std::string("revision 3"));
        QVERIFY(damage[2].item.find("version 2") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceAudit)
#include "test_workspace_audit.moc"
