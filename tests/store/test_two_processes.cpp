// Two processes on one workspace: a real second process (workspace_holder) opening a workspace another
// process holds is refused and told who holds it (user, host, process), also through a symlink, a
// relative path and a `..` path; after the holder is killed with SIGKILL its stale lock is taken over.

#include "StoreTestSupport.h"
#include "core/store/FileLock.h"
#include "core/store/Provenance.h"
#include "core/store/WorkspaceFile.h"

#include <QProcess>
#include <QTest>

using namespace firedrill;
using namespace storetest;

namespace {

const QString kHolder = QStringLiteral(FIREDRILL_WORKSPACE_HOLDER);

/// Starts `workspace_holder hold <path>` and waits until it holds the workspace.
bool startHolder(QProcess& holder, const QString& path, const QString& workingDir = {})
{
    if (!workingDir.isEmpty())
        holder.setWorkingDirectory(workingDir);
    holder.start(kHolder, {QStringLiteral("hold"), path});
    if (!holder.waitForStarted())
        return false;
    QByteArray output;
    while (!output.contains("held\n")) {
        if (!holder.waitForReadyRead(20000)) {
            qWarning("holder: %s %s", output.constData(), holder.readAllStandardError().constData());
            return false;
        }
        output += holder.readAllStandardOutput();
    }
    return true;
}

/// Runs `workspace_holder open <path>` to the end; returns its output.
QByteArray openInSecondProcess(const QString& path, const QString& workingDir = {})
{
    QProcess second;
    if (!workingDir.isEmpty())
        second.setWorkingDirectory(workingDir);
    second.start(kHolder, {QStringLiteral("open"), path});
    if (!second.waitForFinished(30000))
        return "did not finish";
    return second.readAllStandardOutput();
}

/// SIGKILLs the holder and waits for it to be gone.
void killHolder(QProcess& holder)
{
    holder.kill(); // SIGKILL on Unix: no destructor, no unlock, the lock file stays
    holder.waitForFinished(20000);
}

} // namespace

class TestTwoProcesses : public QObject
{
    Q_OBJECT

private slots:
    void secondProcessIsToldWhoHoldsIt_data()
    {
        QTest::addColumn<QString>("holderPath");
        QTest::addColumn<QString>("secondPath");
        QTest::addColumn<bool>("relativeToFolder"); // the second process starts in the folder
        QTest::newRow("same path") << "plan.firedrill"
                                   << "plan.firedrill" << false;
        QTest::newRow("symlink to the file") << "plan.firedrill"
                                             << "link.firedrill" << false;
        QTest::newRow("holder through the symlink") << "link.firedrill"
                                                    << "plan.firedrill" << false;
        QTest::newRow("symlinked folder") << "plan.firedrill"
                                          << "linked-folder/plan.firedrill" << false;
        QTest::newRow("relative path") << "plan.firedrill"
                                       << "./plan.firedrill" << true;
        QTest::newRow("dot-dot path") << "plan.firedrill"
                                      << "sub/../plan.firedrill" << false;
    }

    void secondProcessIsToldWhoHoldsIt()
    {
        QFETCH(QString, holderPath);
        QFETCH(QString, secondPath);
        QFETCH(bool, relativeToFolder);
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("plan.firedrill")),
                            dir.filePath(QStringLiteral("link.firedrill"))));
        QVERIFY(QFile::link(dir.path(), dir.filePath(QStringLiteral("linked-folder"))));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        const QByteArray before = fileHash(path);

        QProcess holder;
        QVERIFY(startHolder(holder, dir.filePath(holderPath)));
        const QString second = relativeToFolder ? secondPath : dir.filePath(secondPath);
        const QByteArray output = openInSecondProcess(second, relativeToFolder ? dir.path() : QString());
        QVERIFY2(output.startsWith("refused locked\n"), output.constData());
        QVERIFY2(output.endsWith("opened ro\n"), output.constData()); // a viewer is still welcome
        const QString message = QString::fromUtf8(output.split('\n').value(1));
        QVERIFY2(message.contains(qs(currentUserName())), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("on host ") + qs(currentHostName())), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("(process %1)").arg(holder.processId())),
                 qPrintable(message));

        holder.closeWriteChannel(); // the holder closes normally
        QVERIFY(holder.waitForFinished(20000));
        QCOMPARE(holder.exitCode(), 0);
        QVERIFY(noSidecars(path));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(openInSecondProcess(second, relativeToFolder ? dir.path() : QString()),
                 QByteArray("opened rw\n"));
    }

    void lockIsKeyedOnTheFileNotThePath()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        const auto link = pathIn(dir, "link.firedrill");
        std::filesystem::create_symlink(path, link);
        QCOMPARE(FileLock::lockPathFor(link), FileLock::lockPathFor(path));
        QCOMPARE(FileLock::lockPathFor(pathIn(dir, "sub/../plan.firedrill")), FileLock::lockPathFor(path));

        auto first = FileLock::acquire(link);
        QVERIFY(first.ok());
        auto second = FileLock::acquire(path);
        QVERIFY(!second.ok());
        QCOMPARE(qs(second.error().code), QStringLiteral("locked"));
        QVERIFY(!QFile::exists(QString::fromStdString(link.string() + ".lock")));
    }

    void staleLockOfAKilledHolderIsRecovered()
    {
        QTemporaryDir dir;
        const auto path = pathIn(dir, "plan.firedrill");
        QVERIFY(WorkspaceFile::create(path, sampleYaml(1), "one").ok());
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("plan.firedrill")),
                            dir.filePath(QStringLiteral("link.firedrill"))));
        const auto lockPath = FileLock::lockPathFor(path);
        const QByteArray before = fileHash(path);
        const QStringList names = {QStringLiteral("plan.firedrill"), QStringLiteral("link.firedrill")};
        for (int round = 0; round < 10; ++round) {
            QProcess holder;
            QVERIFY(startHolder(holder, dir.filePath(names[round % 2])));
            const qint64 pid = holder.processId();
            killHolder(holder);
            QCOMPARE(holder.exitStatus(), QProcess::CrashExit);

            // The dead holder's lock file is still there and names it, but nobody holds the flock: stale.
            auto stale = FileLock::parse(readFile(lockPath).toStdString());
            QVERIFY(stale.has_value());
            QCOMPARE(stale->pid, static_cast<long>(pid));
            const QByteArray output = openInSecondProcess(dir.filePath(names[(round + 1) % 2]));
            QCOMPARE(output, QByteArray("opened rw\n"));
            QVERIFY(noSidecars(path));
            QCOMPARE(fileHash(path), before);
        }
    }
};

QTEST_GUILESS_MAIN(TestTwoProcesses)
#include "test_two_processes.moc"
