// Workspaces that cannot be changed, and workspaces a crash left half-saved: opening for editing is
// refused up front (not at the first save) when the file or its folder may not be written, a read-only
// workspace can still be copied with Save As, and a hot journal is rolled back and reported.

#include "HotJournal.h"
#include "ReadOnlyFolder.h"
#include "StoreTestSupport.h"
#include "core/store/WorkspaceFile.h"

#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace firedrill;
using namespace storetest;

namespace {

template <class T>
const char* messageOf(const Result<T>& r)
{
    return r.ok() ? "" : r.error().message.c_str();
}

/// What opening `path` for editing does, as a user without root's privileges (a child that drops to
/// "nobody" when the test runs as root): 0 refused as read-only, 1 opened, 2 another error.
int openForEditingAsUser(const std::filesystem::path& path)
{
    const pid_t child = ::fork();
    if (child == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(3);
        auto ws = WorkspaceFile::open(path);
        ::_exit(ws ? 1 : ws.error().code == "read-only" && ws.error().message.find("permissions") != std::string::npos ? 0 : 2);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Runs WorkspaceFile::create(path, a 300 kB text) in a child whose files may not grow beyond 64 kB
/// (RLIMIT_FSIZE, SIGXFSZ ignored: a write beyond fails with EFBIG, as on a full disk). Returns the
/// child's error code and message ("" when it succeeded).
std::pair<std::string, std::string> createWithFileSizeLimit(const std::filesystem::path& path)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {"pipe", ""};
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{64 * 1024, 64 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto ws = WorkspaceFile::create(path, std::string(300'000, 'x'), "too big");
        const std::string report = ws ? std::string("\n") : ws.error().code + "\n" + ws.error().message;
        if (::write(fds[1], report.data(), report.size()) < 0)
            ::_exit(2);
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string text;
    char buffer[512];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    ::waitpid(child, nullptr, 0);
    const auto newline = text.find('\n');
    if (newline == std::string::npos)
        return {"no-report", text};
    return {text.substr(0, newline), text.substr(newline + 1)};
}

} // namespace

class TestWorkspaceAccess : public QObject
{
    Q_OBJECT

private slots:
    void readOnlyFolderIsRefusedForEditingUpFront()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const QByteArray before = fileHash(path);
        ReadOnlyFolder readOnly(dir.path().toStdString());
        if (!readOnly.ok())
            QSKIP(readOnly.how().c_str());

        auto ws = WorkspaceFile::open(path);
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, std::string("read-only"));
        QVERIFY2(ws.error().message.find("cannot be changed") != std::string::npos, messageOf(ws));
        QVERIFY2(ws.error().message.find("Save As") != std::string::npos, messageOf(ws));
        // Read-only still works, and nothing was written: no lock file, no journal.
        auto inspect = WorkspaceFile::open(path, OpenMode::ReadOnly);
        QVERIFY2(inspect.ok(), messageOf(inspect));
        QCOMPARE(*inspect->revisionText(1), sampleYaml(1));
        QCOMPARE(folderEntries(dir), QStringList{QStringLiteral("plan.firedrill")});
        QCOMPARE(fileHash(path), before);
    }

    void fileWithoutWritePermissionIsRefusedForEditing()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        QVERIFY(::chmod(dir.path().toLocal8Bit().constData(), 0777) == 0); // "nobody" may create files here
        QVERIFY(::chmod(path.c_str(), 0444) == 0);
        // Root may write a 0444 file (the permissions do not stop it), so it is tried as a user they stop.
        QCOMPARE(openForEditingAsUser(path), 0);
        QVERIFY(!sidecarExists(path, ".lock"));
        QVERIFY(::chmod(path.c_str(), 0666) == 0);
        QCOMPARE(openForEditingAsUser(path), 1);
    }

    void readOnlyWorkspaceIsCopiedBySaveAs()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        const auto copy = pathIn(dir, "copy.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const QByteArray before = fileHash(path);
        auto ws = WorkspaceFile::open(path, OpenMode::ReadOnly);
        QVERIFY(ws.ok());
        QVERIFY2(ws->saveAs(copy).ok(), "Save As of a read-only workspace");
        QCOMPARE(ws->mode(), OpenMode::ReadWrite);
        QVERIFY(ws->appendRevision(sampleYaml(2), "two").ok());
        QVERIFY(ws->close().ok());
        QCOMPARE(fileHash(path), before);
        auto reread = WorkspaceFile::open(copy, OpenMode::ReadOnly);
        QCOMPARE(reread->revisions()->size(), std::size_t{2});
        QCOMPARE(*reread->revisionText(2), sampleYaml(2));
    }

    void fullDiskNamesTheTargetAndChangesNothing()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(writeFile(path, "the previous file"));
        const auto [code, message] = createWithFileSizeLimit(path);
        QVERIFY2(code == "disk-full", (code + ": " + message).c_str());
        QCOMPARE(qs(message), QStringLiteral("Not enough disk space to write %1; nothing was changed. Free some "
                                             "space, or save it on another disk.")
                                  .arg(qs(path.string())));
        QCOMPARE(readFile(path), QByteArray("the previous file"));
        QCOMPARE(folderEntries(dir), QStringList{QStringLiteral("plan.firedrill")}); // no temporary file left
    }

    void hotJournalIsRolledBackAndReported()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        {
            auto ws = WorkspaceFile::create(path, sampleYaml(1), "one");
            QVERIFY(ws.ok() && ws->appendRevision(sampleYaml(2), "two").ok());
            QVERIFY(!ws->recoveredInterruptedSave());
        }
        QVERIFY(killMidSave(path));
        QCOMPARE(WorkspaceFile::open(path, OpenMode::ReadOnly).error().code, std::string("needs-recovery"));
        {
            auto ws = WorkspaceFile::open(path);
            QVERIFY2(ws.ok(), messageOf(ws));
            QVERIFY(ws->recoveredInterruptedSave());
            QCOMPARE(ws->revisions()->size(), std::size_t{2}); // the killed save's 200 rows are gone
            QCOMPARE(*ws->revisionText(2), sampleYaml(2));
        }
        QVERIFY(noSidecars(path));
        auto again = WorkspaceFile::open(path);
        QVERIFY(again.ok());
        QVERIFY(!again->recoveredInterruptedSave());
    }

    void hotJournalInReadOnlyFolderIsLeftAlone()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        QVERIFY(killMidSave(path));
        const QByteArray journal = readFile(path.string() + "-journal");
        ReadOnlyFolder readOnly(dir.path().toStdString());
        if (!readOnly.ok())
            QSKIP(readOnly.how().c_str());
        QCOMPARE(WorkspaceFile::open(path).error().code, std::string("read-only"));
        QCOMPARE(WorkspaceFile::open(path, OpenMode::ReadOnly).error().code, std::string("needs-recovery"));
        QCOMPARE(readFile(path.string() + "-journal"), journal); // kept for a later recovery
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceAccess)
#include "test_workspace_access.moc"
