// Opening workspaces that trap the user, driven through a real main window (offscreen): a workspace a
// killed save left with a hot journal is recovered and the message bar says what is intact; a workspace
// that may not be changed opens read-only (title, message bar, Save off) and Save As keeps every edit;
// a FIFO given to File ▸ Open or the recent files is refused instead of waited on.

#include "store/HotJournal.h"
#include "store/ReadOnlyFolder.h"

#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"
#include "ui/document/Autosave.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/MessageBar.h"

#include <QAction>
#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

Topology sampleTopology()
{
    const auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/two-region.yaml"));
    if (!r.ok())
        qFatal("cannot load the two-region sample");
    return *r.topology;
}

/// A workspace with two revisions; the second one's topology is described "second".
bool makeWorkspace(const QString& path)
{
    Topology topology = sampleTopology();
    auto ws = Workspace::create(path.toStdString(), topology, "first");
    topology.description = "second";
    return ws && ws->save(topology, "second").ok() && ws->close().ok();
}

std::unique_ptr<MainWindow> makeWindow()
{
    auto w = std::make_unique<MainWindow>();
    w->setErrorDialogsEnabled(false);
    w->setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    w->setRecoveryPolicy(MainWindow::RecoveryPolicy::Ignore);
    w->show();
    return w;
}

} // namespace

class TestWorkspaceOpen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("Firedrill-test"));
        QSettings().clear();
    }

    void hotJournalIsRecoveredAndReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crashed.firedrill"));
        QVERIFY(makeWorkspace(path));
        QVERIFY(storetest::killMidSave(path.toStdString()));
        QCOMPARE(Workspace::open(path.toStdString(), OpenMode::ReadOnly).error().code, std::string("needs-recovery"));

        auto w = makeWindow();
        QSignalSpy recovered(w.get(), &MainWindow::workspaceRecovered);
        QSignalSpy failed(w.get(), &MainWindow::loadFailed);
        QVERIFY2(w->openFile(path), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
        QCOMPARE(recovered.count(), 1);
        QVERIFY(!w->document()->isReadOnly());
        QCOMPARE(w->document()->topology().description, std::string("second"));
        QCOMPARE(w->document()->revisions().size(), std::size_t{2}); // the killed save's rows are gone
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
        MessageBar* bar = w->messageBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Information);
        QVERIFY2(bar->text().startsWith(QStringLiteral("This workspace was not closed cleanly; the last unsaved "
                                                       "write was rolled back. Revision 2 (saved ")),
                 qPrintable(bar->text()));
        QVERIFY2(bar->text().endsWith(QStringLiteral("“second”) is intact and is the newest of 2 revisions.")),
                 qPrintable(bar->text()));
        QCOMPARE(recovered.front().front().toString(), bar->text());

        // It is editable and saves as usual; another file clears the notice.
        QVERIFY(w->fileActions()->action(QStringLiteral("actionSave"))->isEnabled());
        addComponentOfKind(*w->document(), ComponentKind::AppService, Placement{});
        QVERIFY(w->fileActions()->save());
        QCOMPARE(Workspace::open(path.toStdString(), OpenMode::ReadOnly)->revisions()->size(), std::size_t{3});
        QVERIFY(w->openFile(QStringLiteral(FIREDRILL_SAMPLES_DIR "/two-region.yaml")));
        QVERIFY(!bar->isVisible());
    }

    void readOnlyWorkspaceSaysSoAndKeepsEdits()
    {
        QTemporaryDir dir;
        QTemporaryDir elsewhere;
        const QString path = dir.filePath(QStringLiteral("locked-down.firedrill"));
        QVERIFY(makeWorkspace(path));
        storetest::ReadOnlyFolder readOnly(dir.path().toStdString());
        if (!readOnly.ok())
            QSKIP(readOnly.how().c_str());

        auto w = makeWindow();
        QSignalSpy readOnlySpy(w.get(), &MainWindow::openedReadOnly);
        QVERIFY(w->openFile(path));
        QCOMPARE(readOnlySpy.count(), 1);
        QVERIFY(w->document()->isReadOnly());
        QCOMPARE(w->document()->readOnlyCause(), ReadOnlyCause::NotWritable);
        QVERIFY2(w->windowTitle().contains(QStringLiteral("locked-down.firedrill [read-only]")),
                 qPrintable(w->windowTitle()));
        MessageBar* bar = w->messageBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
        QCOMPARE(bar->text(), QStringLiteral("Read-only: the file's permissions do not allow changes; use Save As "
                                             "to keep your edits."));
        QVERIFY2(bar->toolTip().contains(QStringLiteral("cannot be changed")), qPrintable(bar->toolTip()));
        QVERIFY(bar->actionButton()->isVisible());
        QCOMPARE(bar->actionButton()->text(), QStringLiteral("Save As…"));
        QVERIFY(!w->fileActions()->action(QStringLiteral("actionSave"))->isEnabled());
        QVERIFY(w->fileActions()->action(QStringLiteral("actionSaveAs"))->isEnabled());
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));

        // Edits are allowed and kept: Save As writes them, with the history, to an editable copy.
        const QString added = addComponentOfKind(*w->document(), ComponentKind::AppService, Placement{});
        QVERIFY(w->document()->isModified());
        // Autosave cannot write beside the file: it writes to the application's data folder instead.
        QVERIFY(w->autosave()->autosaveNow());
        const QString side = Autosave::sidePathInDataFolder(path);
        QCOMPARE(w->autosave()->sidePath(), side);
        QVERIFY(QFile::exists(side));
        QVERIFY(Autosave::findRecovery(path).has_value());
        const QString copy = elsewhere.filePath(QStringLiteral("copy.firedrill"));
        QVERIFY(w->fileActions()->saveAs(copy));
        QVERIFY(!w->document()->isReadOnly());
        QVERIFY(!bar->isVisible());
        QVERIFY(w->fileActions()->action(QStringLiteral("actionSave"))->isEnabled());
        QVERIFY(!w->windowTitle().contains(QStringLiteral("[read-only]")));
        QVERIFY(!QFile::exists(side)); // saved: the autosave is no longer needed
        auto saved = Workspace::open(copy.toStdString(), OpenMode::ReadOnly);
        QVERIFY(saved.ok());
        QCOMPARE(saved->revisions()->size(), std::size_t{3});
        QVERIFY(saved->currentTopology()->findComponent(ComponentId(added.toStdString())) != nullptr);
    }

    void fifoIsRefusedNotWaitedOn()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.yaml"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        auto w = makeWindow();
        QSignalSpy failed(w.get(), &MainWindow::loadFailed);
        QVERIFY(!w->openFile(fifo));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("is a named pipe (FIFO), not a regular file")),
                 qPrintable(failed.front().front().toString()));
        // The same path through Open Recent.
        QSettings().setValue(QStringLiteral("files/recent"), QStringList{fifo});
        QVERIFY(!w->fileActions()->open(fifo));
        QCOMPARE(failed.count(), 2);
        // And File ▸ Import YAML.
        QVERIFY(!w->fileActions()->importYaml(fifo));
        QCOMPARE(failed.count(), 3);
        QVERIFY(failed.back().front().toString().contains(QStringLiteral("is a named pipe (FIFO)")));
    }
};

QTEST_MAIN(TestWorkspaceOpen)
#include "test_workspace_open.moc"
