// WorkspaceFile: create, open, revisions, Save As, locking, journal and crash recovery, using YAML text only.

#include "StoreTestSupport.h"
#include "core/store/FileLock.h"
#include "core/store/TempFile.h"
#include "core/store/Transaction.h"
#include "core/store/WorkspaceFile.h"
#include "core/store/WorkspaceProbe.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace firedrill;
using namespace storetest;

namespace {

const char* messageOf(const Result<WorkspaceFile>& result)
{
    return result.ok() ? "" : result.error().message.c_str();
}

} // namespace

class TestWorkspaceFile : public QObject
{
    Q_OBJECT

private slots:
    void createOpenRoundTrip()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        {
            auto ws = WorkspaceFile::create(path, sampleYaml(1), "First draft");
            QVERIFY2(ws.ok(), messageOf(ws));
            QCOMPARE(ws->path(), std::filesystem::canonical(path));
            QCOMPARE(ws->schemaVersion(), workspaceSchemaVersion());
            QCOMPARE(ws->mode(), OpenMode::ReadWrite);
            QVERIFY(sidecarExists(path, ".lock"));
            QCOMPARE(*ws->latestRevision(), std::int64_t{1});
            QCOMPARE(*ws->revisionText(1), sampleYaml(1));
            QVERIFY(ws->metaValue(metakey::createdAt).ok());
            QCOMPARE(*ws->metaValue(metakey::createdBy), std::string(firedrillVersion()));
            QCOMPARE(ws->metaValue("nonsense").error().code, std::string("not-found"));
        }
        QVERIFY(noSidecars(path));
        QCOMPARE(folderEntries(dir), QStringList{QStringLiteral("plan.firedrill")});
        QCOMPARE(queryInt(path, "PRAGMA application_id"), qint64{0x46445231});
        QCOMPARE(queryInt(path, "PRAGMA user_version"), qint64{workspaceSchemaVersion()});

        for (const OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            auto again = WorkspaceFile::open(path, mode);
            QVERIFY2(again.ok(), messageOf(again));
            QCOMPARE(*again->revisionText(1), sampleYaml(1));
            QCOMPARE(again->revisions()->front().note, std::string("First draft"));
        }
        QVERIFY(noSidecars(path));
    }

    void createReplacesTargetAtomically()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(writeFile(path, "an old file the user chose to overwrite"));
        {
            auto ws = WorkspaceFile::create(path, sampleYaml(2), "new");
            QVERIFY2(ws.ok(), messageOf(ws));
        }
        QVERIFY(hasWorkspaceHeader(path));
        QCOMPARE(folderEntries(dir), QStringList{QStringLiteral("plan.firedrill")}); // no temp file left

        auto nowhere = WorkspaceFile::create(pathIn(dir, "missing/plan.firedrill"), sampleYaml(1), "x");
        QCOMPARE(nowhere.error().code, std::string("io"));
        QCOMPARE(folderEntries(dir), QStringList{QStringLiteral("plan.firedrill")});
    }

    void saveAppendsRevisions()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        auto ws = WorkspaceFile::create(path, sampleYaml(1), "one");
        QVERIFY(ws.ok());
        QCOMPARE(*ws->appendRevision(sampleYaml(2), "two"), std::int64_t{2});
        QCOMPARE(*ws->appendRevision(sampleYaml(3), ""), std::int64_t{3});
        QVERIFY(!sidecarExists(path, "-journal")); // committed: the rollback journal is gone

        auto revisions = ws->revisions();
        QVERIFY(revisions.ok());
        QCOMPARE(revisions->size(), std::size_t{3});
        const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        for (std::size_t i = 0; i < revisions->size(); ++i) {
            const RevisionInfo& info = (*revisions)[i];
            QCOMPARE(info.id, static_cast<std::int64_t>(i + 1));
            QVERIFY2(iso.match(qs(info.savedAt)).hasMatch(), info.savedAt.c_str());
            QVERIFY(i == 0 || (*revisions)[i - 1].savedAt <= info.savedAt);
            QVERIFY(!info.author.empty());
            QCOMPARE(info.appVersion, std::string(firedrillVersion()));
            QCOMPARE(*ws->revisionText(info.id), sampleYaml(static_cast<int>(i) + 1));
        }
        QCOMPARE((*revisions)[1].note, std::string("two"));
        QCOMPARE(*ws->latestRevision(), std::int64_t{3});
        QCOMPARE(ws->revisionText(99).error().code, std::string("no-such-revision"));
        QVERIFY(ws->close().ok());

        auto reopened = WorkspaceFile::open(path, OpenMode::ReadOnly);
        QCOMPARE(reopened->revisions()->size(), std::size_t{3});
    }

    void damagedRevisionTextIsDetected()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        QVERIFY(execOn(path, "UPDATE revisions SET topology_yaml = 'format: 1\nname: Tampered\n'"));
        auto ws = WorkspaceFile::open(path, OpenMode::ReadOnly);
        QVERIFY(ws.ok());
        auto text = ws->revisionText(1);
        QCOMPARE(text.error().code, std::string("corrupt"));
        QVERIFY(text.error().message.find("checksum") != std::string::npos);
    }

    void readOnlyTakesNoLockAndRefusesWrites()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const QByteArray before = fileHash(path);
        {
            auto ws = WorkspaceFile::open(path, OpenMode::ReadOnly);
            QVERIFY2(ws.ok(), messageOf(ws));
            QVERIFY(noSidecars(path));
            QVERIFY(ws->database().isReadOnly());
            QCOMPARE(ws->appendRevision(sampleYaml(2), "no").error().code, std::string("read-only"));
        }
        QCOMPARE(fileHash(path), before);
        QCOMPARE(folderEntries(dir), QStringList{QStringLiteral("plan.firedrill")});
    }

    void saveAsCopiesAtomically()
    {
        QTemporaryDir dir;
        const auto a = pathIn(dir, "a.firedrill");
        const auto b = pathIn(dir, "b.firedrill");
        QVERIFY(writeFile(b, "an older b that Save As replaces"));
        auto ws = WorkspaceFile::create(a, sampleYaml(1), "one");
        QVERIFY(ws.ok());
        QVERIFY(ws->appendRevision(sampleYaml(2), "two").ok());
        const QByteArray aBefore = fileHash(a);
        const std::string createdAt = *ws->metaValue(metakey::createdAt);

        auto saved = ws->saveAs(b);
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().message.c_str());
        QCOMPARE(ws->path(), std::filesystem::canonical(b));
        QVERIFY(!sidecarExists(a, ".lock"));
        QVERIFY(sidecarExists(b, ".lock"));
        QCOMPARE(folderEntries(dir),
                 (QStringList{QStringLiteral("a.firedrill"), QStringLiteral("b.firedrill"),
                              QStringLiteral("b.firedrill.lock")}));

        // Independent copy: new saves go to b only.
        QCOMPARE(*ws->appendRevision(sampleYaml(3), "three"), std::int64_t{3});
        QCOMPARE(fileHash(a), aBefore);
        QVERIFY(ws->saveAs(b).ok()); // onto itself: nothing to do
        QVERIFY(ws->close().ok());
        QVERIFY(noSidecars(a) && noSidecars(b));

        auto original = WorkspaceFile::open(a, OpenMode::ReadOnly);
        QVERIFY(original.ok());
        QCOMPARE(original->revisions()->size(), std::size_t{2});
        auto copy = WorkspaceFile::open(b);
        QVERIFY2(copy.ok(), messageOf(copy));
        QCOMPARE(copy->revisions()->size(), std::size_t{3});
        QCOMPARE(*copy->revisionText(2), sampleYaml(2));
        QCOMPARE(*copy->metaValue(metakey::createdAt), createdAt);
    }

    void saveAsRefusesALockedTarget()
    {
        QTemporaryDir dir;
        const auto a = pathIn(dir, "a.firedrill");
        const auto b = pathIn(dir, "b.firedrill");
        auto first = WorkspaceFile::create(a, sampleYaml(1), "a");
        auto second = WorkspaceFile::create(b, sampleYaml(2), "b");
        QVERIFY(first.ok() && second.ok());
        const QByteArray bBefore = fileHash(b);
        auto saved = first->saveAs(b);
        QCOMPARE(saved.error().code, std::string("locked"));
        QCOMPARE(first->path(), std::filesystem::canonical(a));
        QCOMPARE(fileHash(b), bBefore);
        QCOMPARE(folderEntries(dir).size(), 4); // a, b and their lock files: no temporary file
        QVERIFY(first->appendRevision(sampleYaml(3), "still a").ok());
    }

    void secondOpenIsToldWhoHasIt()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        {
            auto first = WorkspaceFile::create(path, sampleYaml(1), "one");
            QVERIFY(first.ok());
            auto second = WorkspaceFile::open(path);
            QVERIFY(!second.ok());
            QCOMPARE(second.error().code, std::string("locked"));
            const QString message = qs(second.error().message);
            QVERIFY2(message.contains(QString::number(QCoreApplication::applicationPid())),
                     qPrintable(message));
            QVERIFY2(message.contains(QSysInfo::machineHostName()), qPrintable(message));
            QVERIFY(message.contains(QStringLiteral("read-only")));
            QCOMPARE(WorkspaceFile::create(path, sampleYaml(2), "clobber").error().code,
                     std::string("locked"));

            auto inspector = WorkspaceFile::open(path, OpenMode::ReadOnly); // inspection needs no lock
            QVERIFY2(inspector.ok(), messageOf(inspector));
            QCOMPARE(inspector->revisions()->size(), std::size_t{1});
        }
        QVERIFY(noSidecars(path));
        auto later = WorkspaceFile::open(path);
        QVERIFY2(later.ok(), messageOf(later));
    }

    void staleLockIsTakenOver()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const auto lockPath = FileLock::lockPathFor(path);
        QVERIFY(
            writeFile(lockPath, "firedrill-lock 1\nuser=ghost\nhost=gone\npid=999999\nsince=2001-01-01\n"));
        {
            auto ws = WorkspaceFile::open(path);
            QVERIFY2(ws.ok(), messageOf(ws));
            auto holder = FileLock::parse(readFile(lockPath).toStdString());
            QVERIFY(holder.has_value());
            QCOMPARE(holder->pid, static_cast<long>(QCoreApplication::applicationPid()));
            QVERIFY(holder->user != "ghost");
        }
        QVERIFY(!QFile::exists(QString::fromStdString(lockPath.string())));
    }

    void tempFilesOfAKilledSaveAsAreRemoved()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const auto leftover = pathIn(dir, "plan.firedrill.tmp-4242-abcd1234");
        const auto leftoverJournal = pathIn(dir, "plan.firedrill.tmp-4242-abcd1234-journal");
        const auto otherFiles = pathIn(dir, "other.firedrill.tmp-4242-abcd1234");
        for (const auto& p : {leftover, leftoverJournal, otherFiles})
            QVERIFY(writeFile(p, "half a copy"));
        {
            auto viewer = WorkspaceFile::open(path, OpenMode::ReadOnly); // holds no lock: must not touch them
            QVERIFY2(viewer.ok(), messageOf(viewer));
        }
        QVERIFY(QFile::exists(QString::fromStdString(leftover.string())));
        {
            auto ws = WorkspaceFile::open(path);
            QVERIFY2(ws.ok(), messageOf(ws));
        }
        QVERIFY(!QFile::exists(QString::fromStdString(leftover.string())));
        QVERIFY(!QFile::exists(QString::fromStdString(leftoverJournal.string())));
        QVERIFY(QFile::exists(QString::fromStdString(otherFiles.string()))); // another file's: kept

        // Save As cleans its own target too.
        const auto copy = pathIn(dir, "copy.firedrill");
        const auto copyLeftover = pathIn(dir, "copy.firedrill.tmp-77-zz");
        QVERIFY(writeFile(copyLeftover, "half a copy"));
        auto ws = WorkspaceFile::open(path);
        QVERIFY2(ws.ok(), messageOf(ws));
        QVERIFY(ws->saveAs(copy).ok());
        QVERIFY(!QFile::exists(QString::fromStdString(copyLeftover.string())));
    }

    void journalThatIsNotHotIsRemoved()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const QByteArray before = fileHash(path);
        // What a writer killed before its journal was synced leaves: a journal whose header is still zero.
        QVERIFY(writeFile(std::filesystem::path(path.string() + "-journal"), QByteArray(8720, '\0')));
        {
            auto viewer = WorkspaceFile::open(path, OpenMode::ReadOnly);
            QVERIFY2(viewer.ok(), messageOf(viewer));
        }
        QVERIFY(sidecarExists(path, "-journal")); // a viewer writes nothing
        {
            auto ws = WorkspaceFile::open(path);
            QVERIFY2(ws.ok(), messageOf(ws));
            QVERIFY(!sidecarExists(path, "-journal"));
            QCOMPARE(ws->revisionText(*ws->latestRevision()).value(), sampleYaml(1));
        }
        QCOMPARE(fileHash(path), before);
        QVERIFY(noSidecars(path));
    }

    void lockDiesWithItsProcess()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("flock")).isEmpty())
            QSKIP("needs util-linux flock(1)");
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const QString lockPath = QString::fromStdString(FileLock::lockPathFor(path).string());

        // One process that holds the lock: the shell opens fd 9, flock(1) locks it, sleep inherits it.
        QProcess holder;
        holder.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"),
                      QStringLiteral("exec 9>>\"$0\" && flock -n 9 && echo held && exec sleep 60"),
                      lockPath});
        QVERIFY(holder.waitForStarted());
        QByteArray output;
        QTRY_VERIFY2((output += holder.readAllStandardOutput()).contains("held"),
                     holder.readAllStandardError().constData());
        auto blocked = WorkspaceFile::open(path);
        QCOMPARE(blocked.error().code, std::string("locked"));

        holder.kill();
        QVERIFY(holder.waitForFinished());
        auto ws = WorkspaceFile::open(path); // the lock file is still there, but nobody holds it
        QVERIFY2(ws.ok(), messageOf(ws));
    }

    void interruptedSaveIsRecovered()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        const auto crashed = pathIn(dir, "crashed.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        {
            // Freeze a save half-way: a tiny cache forces pages to the file while the journal is hot.
            auto db = Database::open(path, DatabaseAccess::ReadWrite);
            QVERIFY(db.ok() && db->configureForWriting().ok() && db->exec("PRAGMA cache_size=5").ok());
            auto tx = Transaction::begin(*db);
            QVERIFY(tx.ok());
            auto insert = db->prepare("INSERT INTO revisions (saved_at, topology_yaml, topology_hash) "
                                      "VALUES ('x', ?1, 'x')");
            for (int i = 0; i < 200; ++i) {
                insert->reset();
                insert->bind(1, std::string(4000, 'a'));
                QVERIFY(insert->run().ok());
            }
            QVERIFY(sidecarExists(path, "-journal"));
            QVERIFY(
                QFile::copy(QString::fromStdString(path.string()), QString::fromStdString(crashed.string())));
            QVERIFY(QFile::copy(QString::fromStdString(path.string() + "-journal"),
                                QString::fromStdString(crashed.string() + "-journal")));
        }
        const QByteArray before = fileHash(crashed);

        auto inspect = WorkspaceFile::open(crashed, OpenMode::ReadOnly);
        QCOMPARE(inspect.error().code, std::string("needs-recovery"));
        QCOMPARE(fileHash(crashed), before);
        QVERIFY(sidecarExists(crashed, "-journal"));

        {
            auto ws = WorkspaceFile::open(crashed);
            QVERIFY2(ws.ok(), messageOf(ws));
            QVERIFY(ws->recoveredInterruptedSave());
            QCOMPARE(ws->revisions()->size(), std::size_t{1});
            QCOMPARE(*ws->revisionText(1), sampleYaml(1));
        }
        QVERIFY(noSidecars(crashed));
        QVERIFY(noSidecars(path));
    }

    void walFileIsRefusedUntouched()
    {
        // Reading a file in WAL mode would leave -wal and -shm files beside it, and keep them when the file
        // is refused later (found by fuzzing): refused in both modes before SQLite opens it.
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        QVERIFY(execOn(path, "PRAGMA journal_mode=WAL")); // as another SQLite tool might leave it
        QCOMPARE(int(readFile(path).at(18)), 2);
        const QByteArray before = readFile(path);
        for (const OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
            auto ws = WorkspaceFile::open(path, mode);
            QVERIFY(!ws.ok());
            QCOMPARE(ws.error().code, std::string("wal-mode"));
            QVERIFY(ws.error().message.find("journal_mode=DELETE") != std::string::npos);
            QVERIFY(noSidecars(path));
            QCOMPARE(readFile(path), before);
        }
        // Converted back as the message says, it opens again.
        QVERIFY(execOn(path, "PRAGMA journal_mode=DELETE"));
        QVERIFY(WorkspaceFile::open(path).ok());
    }

    void headerSniffing()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        QVERIFY(hasWorkspaceHeader(path));
        const auto yaml = pathIn(dir, "plan.yaml");
        QVERIFY(writeFile(yaml, QByteArray::fromStdString(sampleYaml(1))));
        QVERIFY(!hasWorkspaceHeader(yaml));
        QVERIFY(!hasWorkspaceHeader(pathIn(dir, "missing.firedrill")));
        const auto foreign = pathIn(dir, "other.db");
        QVERIFY(writeFile(foreign, {}));
        QVERIFY(execOn(foreign, "CREATE TABLE t (x)"));
        QVERIFY(!hasWorkspaceHeader(foreign));
    }

    void removeAbandonedTakesOnlyRegularFilesOfDeadWriters()
    {
        QTemporaryDir dir;
        const std::filesystem::path target = dir.filePath(QStringLiteral("w.firedrill")).toStdString();
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        int status = 0;
        ::waitpid(child, &status, 0); // `child` is now a pid no process has
        const std::string base = target.string() + ".tmp-";
        const std::string dead = base + std::to_string(child);
        const std::string alive = base + std::to_string(::getpid()) + "-live";
        const std::string other = target.string() + ".tmp-x" + std::to_string(child);
        for (const std::string& path : {dead + "-abc", dead + "-abc-journal", dead, alive, other})
            QVERIFY(writeFile(std::filesystem::path(path), "x"));
        QVERIFY(QFile::link(QString::fromStdString(alive), QString::fromStdString(dead + "-link")));

        QCOMPARE(TempFile::removeAbandoned(target), 3);
        QVERIFY(!std::filesystem::exists(dead + "-abc"));
        QVERIFY(!std::filesystem::exists(dead + "-abc-journal"));
        QVERIFY(!std::filesystem::exists(dead));
        QVERIFY(std::filesystem::exists(alive));
        QVERIFY(std::filesystem::exists(other));
        QVERIFY(std::filesystem::is_symlink(dead + "-link"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceFile)
#include "test_workspace_file.moc"
