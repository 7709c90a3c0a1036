// Autosave across kill cycles: autosave_writer, a real main window in its own process, opens a workspace
// (restoring what the last one autosaved), edits and autosaves in a loop, and is killed with SIGKILL at a
// random moment, 20 times over (FIREDRILL_AUTOSAVE_CYCLES). After each kill the side file must hold the
// last acknowledged autosave or the one in flight, the workspace's bytes must be those it was saved with,
// and every other time recovery is declined, which must delete the side file. FIREDRILL_AUTOSAVE_SEED
// replays a run (the seed is printed).

#include "ui/document/Autosave.h"
#include "ui/document/Document.h"
#include "ui/mainwindow/DocumentActions.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <random>
#include <thread>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

std::unique_ptr<MainWindow> makeWindow(MainWindow::RecoveryPolicy policy)
{
    auto w = std::make_unique<MainWindow>();
    w->setErrorDialogsEnabled(false);
    w->setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    w->setRecoveryPolicy(policy);
    w->show();
    return w;
}

/// What the writer printed before it died.
struct Reported
{
    QByteArray opened; ///< "rw <name>" or "ro <name>"
    int first = 0;     ///< the first "begin N"
    int begun = 0;
    int acked = 0;
};

Reported parseReport(const QByteArray& output)
{
    Reported r;
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith("opened "))
            r.opened = line.mid(7);
        else if (line.startsWith("begin ")) {
            r.begun = line.mid(6).toInt();
            if (r.first == 0)
                r.first = r.begun;
        } else if (line.startsWith("ack "))
            r.acked = line.mid(4).toInt();
    }
    return r;
}

} // namespace

class TestAutosaveKills : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void autosaveSurvivesKillCycles();
    void holderClearsAKilledAutosavesTemporary();
};

void TestAutosaveKills::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Firedrill"));
    QApplication::setApplicationName(QStringLiteral("Firedrill-test"));
}

void TestAutosaveKills::autosaveSurvivesKillCycles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cycles.firedrill"));
    const QString side = Autosave::sidePathFor(path);
    Topology saved;
    {
        auto w = makeWindow(MainWindow::RecoveryPolicy::Ignore);
        QVERIFY(w->openFile(QStringLiteral(FIREDRILL_SAMPLES_DIR "/two-region.yaml")));
        QVERIFY(w->fileActions()->saveAs(path));
        saved = w->document()->topology();
    }
    const QByteArray hash = fileHash(path);
    QVERIFY(!hash.isEmpty());

    const QByteArray seedText = qgetenv("FIREDRILL_AUTOSAVE_SEED");
    const unsigned seed = seedText.isEmpty() ? std::random_device{}() : seedText.toUInt();
    qInfo("FIREDRILL_AUTOSAVE_SEED=%u", seed);
    std::mt19937 random(seed);
    const int cycles = qEnvironmentVariableIsSet("FIREDRILL_AUTOSAVE_CYCLES")
                           ? qEnvironmentVariableIntValue("FIREDRILL_AUTOSAVE_CYCLES")
                           : 20;

    qint64 windowUs = -1; // measured in the first cycle: the time of two autosaves
    int expectedFirst = 1;
    int inFlight = 0, declined = 0, staleLocks = 0, killedMidWrite = 0;
    QStringList leftovers; // temporaries the previous kill left
    for (int cycle = 0; cycle < cycles; ++cycle) {
        QProcess writer;
        writer.start(QStringLiteral(FIREDRILL_AUTOSAVE_WRITER), {path});
        QVERIFY(writer.waitForStarted());
        QByteArray output;
        QElapsedTimer clock;
        while (parseReport(output).acked < (windowUs < 0 ? expectedFirst + 2 : expectedFirst)) {
            QVERIFY2(writer.waitForReadyRead(30000), (output + writer.readAllStandardError()).constData());
            output += writer.readAllStandardOutput();
            if (!clock.isValid() && parseReport(output).acked >= expectedFirst)
                clock.start();
        }
        if (windowUs < 0)
            windowUs = std::max<qint64>(clock.nsecsElapsed() / 1000, 1000);
        else
            std::this_thread::sleep_for(
                std::chrono::microseconds(std::uniform_int_distribution<qint64>(0, windowUs)(random)));
        writer.kill();
        QVERIFY(writer.waitForFinished(30000));
        const Reported r = parseReport(output + writer.readAllStandardOutput());

        // The killed window had the workspace for editing: the lock its predecessor left was stale.
        QVERIFY2(r.opened.startsWith("rw "), r.opened.constData());
        QCOMPARE(r.first,
                 expectedFirst); // it started from what the side file held (or the file, after a decline)
        staleLocks += QFile::exists(path + QStringLiteral(".lock")) ? 1 : 0;

        // The next start finds the last autosave: nothing older than one autosave lost.
        const auto recovery = Autosave::findRecovery(path);
        QVERIFY2(recovery.has_value(), qPrintable(QStringLiteral("cycle %1: no side file").arg(cycle)));
        const QString name = QString::fromStdString(recovery->topology.name);
        const bool last = name == QStringLiteral("Autosave %1").arg(r.acked);
        const bool flight = r.begun > r.acked && name == QStringLiteral("Autosave %1").arg(r.begun);
        QVERIFY2(last || flight,
                 qPrintable(QStringLiteral("cycle %1: the side file holds '%2', acknowledged %3, "
                                           "begun %4")
                                .arg(cycle)
                                .arg(name)
                                .arg(r.acked)
                                .arg(r.begun)));
        inFlight += flight ? 1 : 0;
        QCOMPARE(fileHash(path), hash); // autosave never writes the user's file
        // A kill during an autosave may leave its temporary (nothing can remove it then); the next window
        // that holds the workspace clears it, so none survives a later start.
        const QRegularExpression temporary(QStringLiteral("^cycles\\.firedrill\\.autosave\\.yaml\\.[A-Za-z0-9]{6}$"));
        const QStringList entries = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        QStringList temporaries;
        for (const QString& entry : entries) {
            QVERIFY2(!leftovers.contains(entry), qPrintable(QStringLiteral("%1 survived a restart").arg(entry)));
            if (temporary.match(entry).hasMatch()) {
                temporaries << entry;
                continue;
            }
            QVERIFY2(entry == QStringLiteral("cycles.firedrill") ||
                         entry == QStringLiteral("cycles.firedrill.lock") ||
                         entry == QStringLiteral("cycles.firedrill.autosave.yaml"),
                     qPrintable(entry));
        }
        leftovers = temporaries;
        killedMidWrite += temporaries.isEmpty() ? 0 : 1;

        if (cycle % 2 == 1) { // the user declines: the side file goes, the file is as saved
            auto w = makeWindow(MainWindow::RecoveryPolicy::Discard);
            QVERIFY(w->openFile(path));
            QVERIFY(!w->document()->isReadOnly());
            QVERIFY(!QFile::exists(side));
            QVERIFY(w->document()->topology() == saved);
            QVERIFY(!w->document()->isModified());
            w.reset();
            QVERIFY(!Autosave::findRecovery(path).has_value());
            for (const QString& left : std::as_const(leftovers))
                QVERIFY2(!QFile::exists(dir.filePath(left)), qPrintable(left));
            leftovers.clear();
            expectedFirst = 1;
            ++declined;
        } else {
            expectedFirst = (last ? r.acked : r.begun) + 1;
        }
    }
    QCOMPARE(fileHash(path), hash);
    qInfo(
        "%d kills within %lld us of the first autosave: the side file held the autosave in flight %d times, "
        "recovery declined %d times, stale locks taken over %d, temporaries left by a kill mid-write %d",
        cycles, windowUs, inFlight, declined, staleLocks, killedMidWrite);
}

void TestAutosaveKills::holderClearsAKilledAutosavesTemporary()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("left.firedrill"));
    {
        auto w = makeWindow(MainWindow::RecoveryPolicy::Ignore);
        QVERIFY(w->openFile(QStringLiteral(FIREDRILL_SAMPLES_DIR "/two-region.yaml")));
        QVERIFY(w->fileActions()->saveAs(path));
    }
    // What a window killed inside QSaveFile leaves: the side file's temporary, half written.
    const QString temporary = Autosave::sidePathFor(path) + QStringLiteral(".Ab12Cd");
    const QString unrelated = Autosave::sidePathFor(path) + QStringLiteral(".notes");
    for (const QString& name : {temporary, unrelated}) {
        QFile file(name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# Firedrill autosave — half");
    }

    auto holder = makeWindow(MainWindow::RecoveryPolicy::Ask);
    QVERIFY(holder->openFile(path));
    QVERIFY(!holder->document()->isReadOnly());
    QVERIFY(!QFile::exists(temporary));
    QVERIFY(QFile::exists(unrelated)); // only the temporaries' own pattern

    // A second window, read-only while the first holds the workspace, leaves the holder's files alone.
    QFile again(temporary);
    QVERIFY(again.open(QIODevice::WriteOnly));
    again.close();
    auto reader = makeWindow(MainWindow::RecoveryPolicy::Ask);
    QVERIFY(reader->openFile(path));
    QVERIFY(reader->document()->isReadOnly());
    QVERIFY(QFile::exists(temporary));
}

QTEST_MAIN(TestAutosaveKills)
#include "test_autosave_kills.moc"
