// Document safety, driven through the main window (offscreen): autosave to a side file and recovery after a
// simulated crash (accepted and declined), and opening corrupted files (a damaged workspace, broken YAML),
// which reports the problem and changes nothing.

#include "core/io/TopologyFile.h"
#include "ui/document/Autosave.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/editor/TopologyScene.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

QString samplePath()
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/two-region.yaml");
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// A window as tests use it: no dialogs, and `policy` for autosaved changes.
std::unique_ptr<MainWindow> makeWindow(MainWindow::RecoveryPolicy policy)
{
    auto w = std::make_unique<MainWindow>();
    w->setErrorDialogsEnabled(false);
    w->setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    w->setRecoveryPolicy(policy);
    w->show();
    return w;
}

QPointF laneCentre(const Document& doc, const QString& region, int zone)
{
    for (const ContainerBox& box : doc.layout().containers)
        if (box.id == region)
            for (const LaneBox& lane : box.lanes)
                if (lane.zone == zone)
                    return lane.rect.center();
    return {};
}

} // namespace

class TestDocuments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void autosaveRestoresAfterCrash();
    void autosaveDeclinedRemovesSideFile();
    void autosaveTimerAndCleanSave();
    void untitledAutosaveIsOffered();
    void corruptedWorkspaceChangesNothing();
    void brokenYamlChangesNothing();

private:
    /// Saves the sample as a workspace in `dir`, edits it, autosaves and "crashes" (destroys the window
    /// without closing). Returns the saved and the edited topology.
    void editAndCrash(const QString& path, Topology& saved, Topology& edited);
};

void TestDocuments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Firedrill"));
    QApplication::setApplicationName(QStringLiteral("Firedrill-test"));
}

void TestDocuments::editAndCrash(const QString& path, Topology& saved, Topology& edited)
{
    auto w = makeWindow(MainWindow::RecoveryPolicy::Ask);
    QVERIFY(w->openFile(samplePath()));
    QVERIFY(w->fileActions()->saveAs(path));
    saved = w->document()->topology();
    const QByteArray bytes = readAll(path);

    QVERIFY(!w->autosave()->autosaveNow()); // clean: nothing to write
    QVERIFY(!QFileInfo::exists(Autosave::sidePathFor(path)));
    const QString added =
        w->scene()->dropKind(ComponentKind::Cache, laneCentre(*w->document(), QStringLiteral("neu"), 1));
    QVERIFY(!added.isEmpty());
    connectComponents(*w->document(), QStringLiteral("web-neu"), added, DependencyKind::Soft);
    edited = w->document()->topology();
    QSignalSpy written(w->autosave(), &Autosave::written);
    QVERIFY(w->autosave()->autosaveNow());
    QCOMPARE(written.count(), 1);
    QCOMPARE(written.first().at(0).toString(), path + QStringLiteral(".autosave.yaml"));
    QVERIFY(readAll(Autosave::sidePathFor(path)).startsWith("# Firedrill autosave"));
    QCOMPARE(readAll(path), bytes); // autosave never touches the user's file

    w.reset(); // the crash: no close event, no prompt, nothing saved
    QVERIFY(QFileInfo::exists(Autosave::sidePathFor(path)));
}

void TestDocuments::autosaveRestoresAfterCrash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.firedrill"));
    Topology saved, edited;
    editAndCrash(path, saved, edited);
    if (QTest::currentTestFailed())
        return;
    const QByteArray bytes = readAll(path);

    auto w = makeWindow(MainWindow::RecoveryPolicy::Restore);
    QVERIFY(w->openFile(path));
    QVERIFY(w->document()->topology() == edited);
    QVERIFY(w->document()->isModified());
    QVERIFY(w->windowTitle().contains(QStringLiteral("crash.firedrill*")));
    QCOMPARE(w->document()->path(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(readAll(path), bytes);

    // Saving keeps the restored changes and removes the side file.
    QVERIFY(w->fileActions()->save());
    QVERIFY(!QFileInfo::exists(Autosave::sidePathFor(path)));
    w.reset();
    auto again = makeWindow(MainWindow::RecoveryPolicy::Restore);
    QVERIFY(again->openFile(path));
    QVERIFY(again->document()->topology() == edited);
    QVERIFY(!again->document()->isModified());
}

void TestDocuments::autosaveDeclinedRemovesSideFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("declined.firedrill"));
    Topology saved, edited;
    editAndCrash(path, saved, edited);
    if (QTest::currentTestFailed())
        return;

    auto w = makeWindow(MainWindow::RecoveryPolicy::Discard);
    QVERIFY(w->openFile(path));
    QVERIFY(!QFileInfo::exists(Autosave::sidePathFor(path)));
    QVERIFY(w->document()->topology() == saved);
    QVERIFY(!w->document()->isModified());
}

void TestDocuments::autosaveTimerAndCleanSave()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timer.firedrill"));
    auto w = makeWindow(MainWindow::RecoveryPolicy::Ask);
    QCOMPARE(w->autosave()->intervalMinutes(), Autosave::kDefaultIntervalMinutes);
    QVERIFY(w->openFile(samplePath()));
    QVERIFY(w->fileActions()->saveAs(path));
    removeComponents(*w->document(), {QStringLiteral("vpn")});
    QVERIFY(w->autosave()->autosaveNow());
    const QString side = Autosave::sidePathFor(path);
    QVERIFY(QFileInfo::exists(side));

    // A clean save removes it; so does closing after discarding the changes.
    QVERIFY(w->fileActions()->save());
    QVERIFY(!QFileInfo::exists(side));
    removeComponents(*w->document(), {QStringLiteral("er-neu")});
    QVERIFY(w->autosave()->autosaveNow());
    QVERIFY(QFileInfo::exists(side));
    QVERIFY(w->closeDocument());
    QVERIFY(!QFileInfo::exists(side));
}

void TestDocuments::untitledAutosaveIsOffered()
{
    const QString side = Autosave::sidePathFor(QString());
    QVERIFY(side.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    Autosave::remove(side);
    Topology edited;
    {
        auto w = makeWindow(MainWindow::RecoveryPolicy::Ask);
        QVERIFY(w->fileActions()->newDocument());
        w->scene()->dropKind(ComponentKind::AppService, QPointF(0, 0));
        QVERIFY(w->document()->isModified());
        edited = w->document()->topology();
        QVERIFY(w->autosave()->autosaveNow());
        QVERIFY(QFileInfo::exists(side));
    }
    auto w = makeWindow(MainWindow::RecoveryPolicy::Restore);
    QVERIFY(w->offerUntitledRecovery());
    QVERIFY(w->document()->topology() == edited);
    QVERIFY(w->document()->path().isEmpty());
    QVERIFY(w->document()->isModified());
    QVERIFY(w->closeDocument());
    QVERIFY(!QFileInfo::exists(side));
}

void TestDocuments::corruptedWorkspaceChangesNothing()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.firedrill"));
    const QString bad = dir.filePath(QStringLiteral("damaged.firedrill"));
    {
        auto w = makeWindow(MainWindow::RecoveryPolicy::Ask);
        QVERIFY(w->openFile(samplePath()));
        QVERIFY(w->fileActions()->saveAs(good));
    }
    // Flip bytes through the middle of the file (past the SQLite header, so it still looks like a workspace).
    QByteArray bytes = readAll(good);
    QVERIFY(bytes.size() > 8192);
    for (qsizetype i = 100; i < bytes.size(); i += 97)
        bytes[i] = static_cast<char>(~bytes[i]);
    QVERIFY(writeAll(bad, bytes));
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);

    auto w = makeWindow(MainWindow::RecoveryPolicy::Ask);
    QVERIFY(w->openFile(samplePath()));
    const Topology before = w->document()->topology();
    const QString title = w->windowTitle();
    QSignalSpy failed(w.get(), &MainWindow::loadFailed);
    QVERIFY(!w->openFile(bad));
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("damaged.firedrill")), qPrintable(message));
    qInfo("corrupted workspace: %s", qPrintable(message));
    QVERIFY(w->document()->topology() == before);
    QCOMPARE(w->windowTitle(), title);
    QCOMPARE(w->document()->path(), QFileInfo(samplePath()).absoluteFilePath());
    QCOMPARE(QCryptographicHash::hash(readAll(bad), QCryptographicHash::Sha256), hash);
    QVERIFY(!QFileInfo::exists(Autosave::sidePathFor(bad)));
}

void TestDocuments::brokenYamlChangesNothing()
{
    QTemporaryDir dir;
    QByteArray text = readAll(samplePath());
    const qsizetype cut = text.indexOf("components:");
    QVERIFY(cut > 0);
    text.insert(cut + 11, "\n  - {id: broken, kind: [app-service\n");
    const QString bad = dir.filePath(QStringLiteral("broken.yaml"));
    QVERIFY(writeAll(bad, text));

    auto w = makeWindow(MainWindow::RecoveryPolicy::Ask);
    QVERIFY(w->openFile(samplePath()));
    w->scene()->dropKind(ComponentKind::Cache, laneCentre(*w->document(), QStringLiteral("neu"), 1));
    const Topology before = w->document()->topology();
    const int undoCount = w->document()->undoStack()->count();
    QSignalSpy failed(w.get(), &MainWindow::loadFailed);
    w->setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    QVERIFY(!w->openFile(bad));
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QRegularExpression(QStringLiteral("broken\\.yaml:\\d+:\\d+: error"))),
             qPrintable(message));
    QVERIFY(w->document()->topology() == before);
    QVERIFY(w->document()->isModified());
    QCOMPARE(w->document()->undoStack()->count(), undoCount);
    QCOMPARE(readAll(bad), text);
}

QTEST_MAIN(TestDocuments)
#include "test_documents.moc"
