// Workspace: topologies saved as canonical YAML revisions, read back, listed, restored and copied.

#include "StoreTestSupport.h"
#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace firedrill;
using namespace storetest;

namespace {

/// Two paired regions, a front door, an app service in each region and a replicated database.
Topology fixture()
{
    Topology t;
    t.name = "Two-region fixture";
    t.description = "Front door, two app services, one SQL database.";
    t.regions.push_back(
        Region{RegionId("weu"), "West Europe", RegionId("neu"), 3, std::nullopt, std::nullopt});
    t.regions.push_back(
        Region{RegionId("neu"), "North Europe", RegionId("weu"), 3, std::nullopt, std::nullopt});

    Component sql;
    sql.id = ComponentId("sql");
    sql.kind = ComponentKind::SqlDatabase;
    sql.name = "Orders database";
    sql.region = RegionId("weu");
    sql.sla = Percent{99.99};
    t.components.push_back(sql);

    for (const char* region : {"weu", "neu"}) {
        Component app;
        app.id = ComponentId(std::string("app-") + region);
        app.kind = ComponentKind::AppService;
        app.name = std::string("Shop ") + region;
        app.region = RegionId(region);
        app.instances = 2;
        app.sla = Percent{99.95};
        app.dependsOn.push_back(Dependency{ComponentId("sql"), DependencyKind::Hard});
        t.components.push_back(app);
    }

    Component door;
    door.id = ComponentId("door");
    door.kind = ComponentKind::FrontDoor;
    door.name = "Front door";
    door.routing = RoutingMethod::Priority;
    door.endpoints.push_back(Endpoint{ComponentId("app-weu"), 1, std::nullopt});
    door.endpoints.push_back(Endpoint{ComponentId("app-neu"), 2, std::nullopt});
    t.components.push_back(door);
    return t;
}

const char* messageOf(const Error& error)
{
    return error.message.c_str();
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void fixtureRoundTripsThroughYaml()
    {
        const Topology original = fixture();
        const LoadResult loaded = readTopologyYaml(writeTopologyYaml(original), "fixture.yaml");
        QVERIFY(loaded.topology.has_value());
        QCOMPARE(writeTopologyYaml(*loaded.topology), writeTopologyYaml(original));
    }

    void createOpenCurrentTopology()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "shop.firedrill");
        const Topology original = fixture();
        {
            auto ws = Workspace::create(path, original, "Initial design");
            QVERIFY2(ws.ok(), ws.ok() ? "" : messageOf(ws.error()));
            QCOMPARE(ws->schemaVersion(), workspaceSchemaVersion());
            QCOMPARE(ws->path(), std::filesystem::canonical(path));
            auto current = ws->currentTopology();
            QVERIFY2(current.ok(), current.ok() ? "" : messageOf(current.error()));
            QVERIFY(*current == original);
        }
        QVERIFY(noSidecars(path));
        QVERIFY(Workspace::isWorkspaceFile(path));

        auto ws = Workspace::open(path);
        QVERIFY2(ws.ok(), ws.ok() ? "" : messageOf(ws.error()));
        auto current = ws->currentTopology();
        QVERIFY(current.ok());
        QVERIFY(*current == original);
        QCOMPARE(current->components.size(), std::size_t{4});
        // Stored as canonical YAML text.
        QCOMPARE(*ws->file().revisionText(1), writeTopologyYaml(original));
    }

    void scenariosWithInjectsSurvive()
    {
        Topology original = fixture();
        Scenario drill;
        drill.id = ScenarioId("weu-down");
        drill.name = "West Europe outage";
        drill.duration = Duration::hours(2);
        drill.seed = 7;
        drill.faults.push_back(Fault{Duration::minutes(10), FaultTarget{FaultTarget::Scope::Region, "weu", std::nullopt},
                                     FaultKind::Outage, Duration::hours(1), std::nullopt, std::nullopt, std::nullopt,
                                     std::nullopt, std::nullopt});
        drill.injects.push_back(Inject{Duration::minutes(12), "Front door has marked West Europe down. Who decides?"});
        drill.injects.push_back(Inject{Duration::minutes(40), "The database is still in West Europe: fail over?"});
        original.scenarios.push_back(drill);
        QTemporaryDir dir;
        const auto path = pathIn(dir, "drill.firedrill");
        {
            auto ws = Workspace::create(path, original, "With a drill");
            QVERIFY2(ws.ok(), ws.ok() ? "" : messageOf(ws.error()));
        }
        auto ws = Workspace::open(path);
        QVERIFY2(ws.ok(), ws.ok() ? "" : messageOf(ws.error()));
        auto current = ws->currentTopology();
        QVERIFY2(current.ok(), current.ok() ? "" : messageOf(current.error()));
        QCOMPARE(current->scenarios.size(), std::size_t{1});
        QCOMPARE(current->scenarios[0].injects.size(), std::size_t{2});
        QCOMPARE(current->scenarios[0].injects[1].prompt, std::string("The database is still in West Europe: fail over?"));
        QVERIFY(*current == original);
    }

    void saveTopologyAtAndRestore()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "shop.firedrill");
        const Topology first = fixture();
        Topology second = first;
        second.name = "Two-region fixture, three instances";
        second.components[1].instances = 3;

        auto ws = Workspace::create(path, first, "Initial design");
        QVERIFY(ws.ok());
        auto saved = ws->save(second, "Scale out in West Europe");
        QVERIFY2(saved.ok(), saved.ok() ? "" : messageOf(saved.error()));
        QCOMPARE(*saved, std::int64_t{2});
        QVERIFY(*ws->currentTopology() == second);
        QVERIFY(*ws->topologyAt(1) == first);
        QCOMPARE(ws->topologyAt(7).error().code, std::string("no-such-revision"));

        auto restored = ws->restore(1);
        QVERIFY2(restored.ok(), restored.ok() ? "" : messageOf(restored.error()));
        QCOMPARE(*restored, std::int64_t{3});
        QVERIFY(*ws->currentTopology() == first);
        QVERIFY(*ws->topologyAt(2) == second); // history is never rewritten

        auto revisions = ws->revisions();
        QVERIFY(revisions.ok());
        QCOMPARE(revisions->size(), std::size_t{3});
        QCOMPARE((*revisions)[0].note, std::string("Initial design"));
        QCOMPARE((*revisions)[1].note, std::string("Scale out in West Europe"));
        QCOMPARE((*revisions)[2].note, std::string("Restored revision 1"));
        QVERIFY((*revisions)[0].savedAt <= (*revisions)[2].savedAt);
        QCOMPARE(ws->restore(42).error().code, std::string("no-such-revision"));
    }

    void unreadableRevisionIsReportedNotRestored()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "shop.firedrill");
        {
            auto file = WorkspaceFile::create(path, "{ this is: [not valid yaml", "garbage");
            QVERIFY(file.ok());
        }
        auto ws = Workspace::open(path);
        QVERIFY(ws.ok());
        QCOMPARE(ws->currentTopology().error().code, std::string("invalid-topology"));
        QCOMPARE(ws->restore(1).error().code, std::string("invalid-topology"));
        QCOMPARE(ws->revisions()->size(), std::size_t{1});
    }

    void saveAsAndReadOnly()
    {
        QTemporaryDir dir;
        const auto a = pathIn(dir, "a.firedrill");
        const auto b = pathIn(dir, "b.firedrill");
        {
            auto ws = Workspace::create(a, fixture(), "a");
            QVERIFY(ws.ok());
            QVERIFY(ws->saveAs(b).ok());
            QCOMPARE(ws->path(), std::filesystem::canonical(b));
            Topology changed = fixture();
            changed.description = "Only in b";
            QVERIFY(ws->save(changed, "b only").ok());
            QVERIFY(ws->close().ok());
        }
        QCOMPARE(folderEntries(dir),
                 (QStringList{QStringLiteral("a.firedrill"), QStringLiteral("b.firedrill")}));
        auto original = Workspace::open(a, OpenMode::ReadOnly);
        QVERIFY(original.ok());
        QCOMPARE(original->revisions()->size(), std::size_t{1});
        QCOMPARE(original->save(fixture(), "nope").error().code, std::string("read-only"));
        auto copy = Workspace::open(b, OpenMode::ReadOnly);
        QVERIFY(copy.ok());
        QCOMPARE(copy->currentTopology()->description, std::string("Only in b"));
    }

    void sniffsContent()
    {
        QTemporaryDir dir;
        const auto yaml = pathIn(dir, "shop.firedrill"); // extension says workspace, content says YAML
        QVERIFY(writeFile(yaml, QByteArray::fromStdString(writeTopologyYaml(fixture()))));
        QVERIFY(!Workspace::isWorkspaceFile(yaml));
        QCOMPARE(Workspace::open(yaml).error().code, std::string("not-sqlite"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
