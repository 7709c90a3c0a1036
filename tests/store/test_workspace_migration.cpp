// Opening runs numbered migrations forward; a failing one leaves the file exactly as it was.

#include "StoreTestSupport.h"
#include "core/store/WorkspaceFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace firedrill;
using namespace storetest;

namespace {

Migrations withDrills()
{
    Migrations list = schemaOne();
    list.push_back(
        sqlMigration(2, "add drill records",
                     "CREATE TABLE drills (id INTEGER PRIMARY KEY, revision INTEGER NOT NULL, title TEXT);"
                     "ALTER TABLE revisions ADD COLUMN tag TEXT;"
                     "UPDATE revisions SET tag = 'r' || id;"
                     "INSERT INTO drills (revision, title) SELECT id, note FROM revisions;"));
    return list;
}

Migrations withFailing(Migrations list, int version)
{
    list.push_back(Migration{version, "synthetic failure", [](Database& db) -> Result<void> {
                                 if (auto made = db.exec("CREATE TABLE approvals (id INTEGER PRIMARY KEY);"
                                                         "UPDATE revisions SET note = 'damaged';"
                                                         "DELETE FROM meta;");
                                     !made)
                                     return made.error();
                                 return Error{"test", "the migration gave up half-way."};
                             }});
    return list;
}

bool makeWorkspace(const std::filesystem::path& path)
{
    auto ws = WorkspaceFile::create(path, sampleYaml(1), "one", schemaOne());
    return ws && ws->appendRevision(sampleYaml(2), "two").ok() && ws->close().ok();
}

} // namespace

class TestWorkspaceMigration : public QObject
{
    Q_OBJECT

private slots:
    void runsForwardAndKeepsData()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(makeWorkspace(path));
        {
            auto ws = WorkspaceFile::open(path, OpenMode::ReadWrite, withDrills());
            QVERIFY2(ws.ok(), ws.ok() ? "" : ws.error().message.c_str());
            QCOMPARE(ws->schemaVersion(), 2);
            QCOMPARE(ws->revisions()->size(), std::size_t{2});
            QCOMPARE(*ws->revisionText(2), sampleYaml(2));
            QCOMPARE(ws->revisions()->back().note, std::string("two"));
            QCOMPARE(*ws->appendRevision(sampleYaml(3), "three"), std::int64_t{3});
        }
        QVERIFY(noSidecars(path));
        QCOMPARE(queryInt(path, "PRAGMA user_version"), qint64{2});
        QCOMPARE(queryInt(path, "SELECT count(*) FROM drills"), qint64{2});

        auto again = WorkspaceFile::open(path, OpenMode::ReadOnly, withDrills());
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QCOMPARE(again->schemaVersion(), 2);

        // A list that stops at schema 1 must refuse the file without touching it.
        const QByteArray before = fileHash(path);
        for (const OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto old = WorkspaceFile::open(path, mode, schemaOne());
            QCOMPARE(old.error().code, std::string("newer-schema"));
            QCOMPARE(fileHash(path), before);
        }
    }

    void readOnlyDoesNotMigrate()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(makeWorkspace(path));
        const QByteArray before = fileHash(path);
        {
            auto ws = WorkspaceFile::open(path, OpenMode::ReadOnly, withDrills());
            QVERIFY(ws.ok());
            QCOMPARE(ws->schemaVersion(), 1);
            QCOMPARE(*ws->revisionText(1), sampleYaml(1));
        }
        QCOMPARE(fileHash(path), before);
    }

    void failingMigrationRollsBackCompletely()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(makeWorkspace(path));
        const QByteArray before = fileHash(path);
        const QStringList entries = folderEntries(dir);

        auto ws = WorkspaceFile::open(path, OpenMode::ReadWrite, withFailing(schemaOne(), 2));
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, std::string("migration-failed"));
        QVERIFY(ws.error().message.find("gave up half-way") != std::string::npos);
        QVERIFY(ws.error().message.find(path.string()) != std::string::npos);
        QCOMPARE(fileHash(path), before);
        QCOMPARE(folderEntries(dir), entries);

        auto intact = WorkspaceFile::open(path, OpenMode::ReadWrite, schemaOne());
        QVERIFY(intact.ok());
        QCOMPARE(intact->schemaVersion(), 1);
        QCOMPARE(intact->revisions()->front().note, std::string("one"));
        QVERIFY(intact->metaValue(metakey::createdAt).ok());
    }

    void eachStepCommitsOnItsOwn()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(makeWorkspace(path));
        auto ws = WorkspaceFile::open(path, OpenMode::ReadWrite, withFailing(withDrills(), 3));
        QCOMPARE(ws.error().code, std::string("migration-failed"));
        QCOMPARE(queryInt(path, "PRAGMA user_version"), qint64{2}); // step 2 kept, step 3 gone
        QCOMPARE(queryInt(path, "SELECT count(*) FROM sqlite_master WHERE name = 'approvals'"), qint64{0});
        auto reopened = WorkspaceFile::open(path, OpenMode::ReadOnly, withDrills());
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.error().message.c_str());
        QCOMPARE(reopened->schemaVersion(), 2);
        QVERIFY(noSidecars(path));
    }

    void createUsesTheWholeList()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        auto ws = WorkspaceFile::create(path, sampleYaml(1), "one", withDrills());
        QVERIFY(ws.ok());
        QCOMPARE(ws->schemaVersion(), 2);
        QCOMPARE(WorkspaceFile::create(pathIn(dir, "bad.firedrill"), sampleYaml(1), "x",
                                       withFailing(schemaOne(), 2))
                     .error()
                     .code,
                 std::string("migration-failed"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("bad.firedrill"))));
        QCOMPARE(folderEntries(dir),
                 (QStringList{QStringLiteral("plan.firedrill"), QStringLiteral("plan.firedrill.lock")}));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceMigration)
#include "test_workspace_migration.moc"
