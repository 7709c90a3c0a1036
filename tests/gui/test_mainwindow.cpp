// The main window, driven directly and offscreen: loading the samples (YAML and a workspace built through
// core/store), the outline's grouping, the details pane, error reporting and closing.

#include "core/io/TopologyFile.h"
#include "core/store/Workspace.h"
#include "ui/document/Autosave.h"
#include "ui/document/Document.h"
#include "ui/mainwindow/Appearance.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/panels/DetailsPanel.h"
#include "ui/panels/ProblemsPanel.h"
#include "ui/panels/RevisionsPanel.h"
#include "ui/panels/TopologyTree.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using firedrill::ui::MainWindow;
using firedrill::ui::NodeRef;
using firedrill::ui::TopologyTree;

namespace {

const QString kTopologyName = QStringLiteral("Two-region web platform with SQL Server Always On");

QString samplePath()
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/two-region.yaml");
}

/// The first outline item whose name is exactly `name`, anywhere in the tree.
QTreeWidgetItem* itemNamed(const TopologyTree* tree, const QString& name)
{
    const QList<QTreeWidgetItem*> items =
        tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, TopologyTree::NameColumn);
    return items.isEmpty() ? nullptr : items.first();
}

/// The names of an item's ancestors, nearest first.
QStringList ancestors(const QTreeWidgetItem* item)
{
    QStringList names;
    for (const QTreeWidgetItem* p = item ? item->parent() : nullptr; p; p = p->parent())
        names << p->text(TopologyTree::NameColumn);
    return names;
}

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startsEmptyWithHint();
    void loadsYamlSample();
    void groupsTheOutline();
    void selectingAComponentShowsItsProperties();
    void selectingOtherItemsShowsTheirDetails();
    void brokenYamlReportsErrorAndKeepsWindowUsable();
    void warningsAppearInProblems();
    void missingFileReportsError();
    void errorDialogDoesNotBlockForever();
    void loadsWorkspaceWithRevisions();
    void closesCleanly();
    void preferencesApplyAndPersist();
};

void TestMainWindow::initTestCase()
{
    // Keep QSettings (window geometry) away from the user's real configuration.
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Firedrill"));
    QApplication::setApplicationName(QStringLiteral("Firedrill-test"));
    QVERIFY(QFile::exists(samplePath()));
}

void TestMainWindow::startsEmptyWithHint()
{
    MainWindow w;
    w.show();
    QCOMPARE(w.windowTitle(), QStringLiteral("Firedrill"));
    QVERIFY(!w.hasDocument());
    QCOMPARE(w.topologyTree()->topLevelItemCount(), 0);
    QVERIFY(w.detailsPanel()->hint().contains(QStringLiteral("Ctrl+O")));
    QCOMPARE(w.problemsPanel()->count(), 0);
}

void TestMainWindow::loadsYamlSample()
{
    MainWindow w;
    QSignalSpy loaded(&w, &MainWindow::documentLoaded);
    QVERIFY(w.openFile(samplePath()));
    QCOMPARE(loaded.count(), 1);
    QVERIFY(w.windowTitle().contains(kTopologyName));
    QVERIFY(w.windowTitle().contains(QStringLiteral("two-region.yaml")));
    QVERIFY(w.windowTitle().endsWith(QStringLiteral("Firedrill")));
    QCOMPARE(w.statusSummary(), QStringLiteral("2 regions · 9 components · 1 workload · 4 scenarios"));

    const TopologyTree* tree = w.topologyTree();
    for (const char* name :
         {"West Europe (weu)", "North Europe (neu)", "Head office (onprem)", "tm", "agw-weu", "agw-neu",
          "web-weu", "web-neu", "sql-ag", "vpn", "er-weu", "er-neu", "Customer web sites (sites)",
          "West Europe region outage during business hours (weu-down)"})
        QVERIFY2(itemNamed(tree, QString::fromUtf8(name)), name);

    // Problems match what core reported while loading; YAML files have no revisions.
    const auto expected = firedrill::loadTopologyYamlFile(samplePath().toStdString());
    QCOMPARE(static_cast<std::size_t>(w.problemsPanel()->count()), expected.diagnostics.size());
    QCOMPARE(w.revisionsPanel()->count(), 0);
    QVERIFY(w.revisionsPanel()->placeholder().contains(QStringLiteral("YAML")));

    // Nothing selected: the details pane gives the overview.
    QCOMPARE(w.detailsPanel()->title(), kTopologyName);
    QCOMPARE(w.detailsPanel()->valueOf(QStringLiteral("Components")), QStringLiteral("9"));
}

void TestMainWindow::groupsTheOutline()
{
    MainWindow w;
    QVERIFY(w.openFile(samplePath()));
    const TopologyTree* tree = w.topologyTree();
    QCOMPARE(ancestors(itemNamed(tree, QStringLiteral("web-weu"))),
             QStringList({QStringLiteral("West Europe (weu)"), QStringLiteral("Regions")}));
    QCOMPARE(ancestors(itemNamed(tree, QStringLiteral("sql-weu-2"))),
             QStringList(
                 {QStringLiteral("Zone 2"), QStringLiteral("West Europe (weu)"), QStringLiteral("Regions")}));
    QCOMPARE(ancestors(itemNamed(tree, QStringLiteral("sql-neu-1"))),
             QStringList({QStringLiteral("Zone 1"), QStringLiteral("North Europe (neu)"),
                          QStringLiteral("Regions")}));
    QCOMPARE(ancestors(itemNamed(tree, QStringLiteral("tm"))),
             QStringList({QStringLiteral("Global components")}));
    QCOMPARE(ancestors(itemNamed(tree, QStringLiteral("er-weu"))), QStringList({QStringLiteral("Links")}));
    QCOMPARE(ancestors(itemNamed(tree, QStringLiteral("sql-ag"))),
             QStringList({QStringLiteral("Multi-region components")}));
    QCOMPARE(ancestors(itemNamed(tree, QStringLiteral("region disruption"))),
             QStringList({QStringLiteral("Customer web sites (sites)"), QStringLiteral("Policies")}));
    QVERIFY(itemNamed(tree, QStringLiteral("region disruption"))->text(TopologyTree::SummaryColumn) ==
            QStringLiteral("RTO 15m · RPO 1m"));
    const QTreeWidgetItem* workload = itemNamed(tree, QStringLiteral("Customer web sites (sites)"));
    QCOMPARE(workload->text(TopologyTree::SummaryColumn), QStringLiteral("active-active · 1500/s"));
    QCOMPARE(itemNamed(tree, QStringLiteral("at 10m"))->text(TopologyTree::SummaryColumn),
             QStringLiteral("outage of region weu for 2h"));
}

void TestMainWindow::selectingAComponentShowsItsProperties()
{
    MainWindow w;
    QVERIFY(w.openFile(samplePath()));
    QVERIFY(w.selectId(QStringLiteral("sql-ag")));
    const auto* details = w.detailsPanel();
    QCOMPARE(details->title(), QStringLiteral("sql-ag"));
    QCOMPARE(details->valueOf(QStringLiteral("SLA")), QStringLiteral("99.95%"));
    QCOMPARE(details->valueOf(QStringLiteral("Size")), QStringLiteral("3TB"));
    QCOMPARE(details->valueOf(QStringLiteral("Write rate")), QStringLiteral("50/s"));
    QCOMPARE(details->valueOf(QStringLiteral("Restore rate")), QStringLiteral("500GB/h"));
    QCOMPARE(details->valueOf(QStringLiteral("Copied to")), QStringLiteral("North Europe (neu)"));
    QVERIFY(details->valueOf(QStringLiteral("sql-neu-1")).contains(QStringLiteral("asynchronous")));

    // Clicking through the tree works the same way as selecting by id.
    TopologyTree* tree = w.topologyTree();
    tree->setCurrentItem(itemNamed(tree, QStringLiteral("web-weu")));
    QCOMPARE(details->title(), QStringLiteral("web-weu"));
    QCOMPARE(details->valueOf(QStringLiteral("Capacity per instance")), QStringLiteral("400/s"));
    QCOMPARE(details->valueOf(QStringLiteral("MTBF")), QStringLiteral("2000h"));
    QCOMPARE(details->valueOf(QStringLiteral("Region")), QStringLiteral("West Europe (weu)"));

    // Clearing the selection brings back the overview.
    tree->clearSelection();
    QCOMPARE(details->title(), kTopologyName);
}

void TestMainWindow::selectingOtherItemsShowsTheirDetails()
{
    MainWindow w;
    QVERIFY(w.openFile(samplePath()));
    TopologyTree* tree = w.topologyTree();
    const auto* details = w.detailsPanel();

    QVERIFY(w.selectId(QStringLiteral("weu")));
    QCOMPARE(details->valueOf(QStringLiteral("Paired with")), QStringLiteral("North Europe (neu)"));
    QCOMPARE(details->valueOf(QStringLiteral("Region outages")),
             QStringLiteral("about every 730d, lasting 6h"));

    QVERIFY(w.selectId(QStringLiteral("sites")));
    QCOMPARE(details->valueOf(QStringLiteral("Demand")), QStringLiteral("1500/s"));
    QCOMPARE(details->valueOf(QStringLiteral("Writes")), QStringLiteral("5% of requests"));
    QCOMPARE(details->valueOf(QStringLiteral("corruption disruption")), QStringLiteral("RTO 8h · RPO 15m"));

    QVERIFY(w.selectId(QStringLiteral("sql-weu-1")));
    QCOMPARE(details->valueOf(QStringLiteral("Role")), QStringLiteral("primary"));

    tree->setCurrentItem(tree->findNode(NodeRef{NodeRef::Kind::Group, QStringLiteral("Links"), -1}));
    QCOMPARE(details->title(), QStringLiteral("Links"));
    QVERIFY(details->valueOf(QStringLiteral("vpn")).contains(QStringLiteral("weu ↔ neu")));

    tree->setCurrentItem(itemNamed(tree, QStringLiteral("at 30m")));
    QCOMPARE(details->valueOf(QStringLiteral("Detected after")), QStringLiteral("45m"));
    QCOMPARE(details->valueOf(QStringLiteral("Lasts")), QStringLiteral("until the end of the scenario"));
}

void TestMainWindow::brokenYamlReportsErrorAndKeepsWindowUsable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString broken = dir.filePath(QStringLiteral("broken.yaml"));
    QVERIFY(writeFile(broken, "firedrill: 1\nname: Broken\nregions:\n  - {id: weu, name: West Europe\n"));

    MainWindow w;
    w.setErrorDialogsEnabled(false);
    w.show();
    QSignalSpy failed(&w, &MainWindow::loadFailed);

    // From the empty window: the error is reported and the window stays empty.
    QVERIFY(!w.openFile(broken));
    QCOMPARE(failed.count(), 1);
    const QString message = failed.takeFirst().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("broken.yaml:")), qPrintable(message));
    QVERIFY2(message.contains(QRegularExpression(QStringLiteral("broken\\.yaml:\\d+:\\d+: error"))),
             qPrintable(message));
    QVERIFY(!w.hasDocument());
    QVERIFY(w.detailsPanel()->hint().contains(QStringLiteral("Ctrl+O")));

    // With a document open, a failed open leaves it shown and usable.
    QVERIFY(w.openFile(samplePath()));
    QVERIFY(!w.openFile(broken));
    QCOMPARE(failed.count(), 1);
    QVERIFY(w.windowTitle().contains(kTopologyName));
    QVERIFY(w.selectId(QStringLiteral("sql-ag")));
    QCOMPARE(w.detailsPanel()->valueOf(QStringLiteral("SLA")), QStringLiteral("99.95%"));
    QVERIFY(w.openFile(samplePath()));
    QVERIFY(w.close());
}

void TestMainWindow::warningsAppearInProblems()
{
    QFile sample(samplePath());
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QByteArray text = sample.readAll();
    text.replace("\nname: ", "\ncolour: red\nname: ");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("warned.yaml"));
    QVERIFY(writeFile(path, text));

    MainWindow w;
    w.setErrorDialogsEnabled(false);
    QVERIFY(w.openFile(path));
    using firedrill::ui::ProblemsPanel;
    const ProblemsPanel* problems = w.problemsPanel();
    QCOMPARE(problems->count(), 1);
    QCOMPARE(problems->text(0, ProblemsPanel::SeverityColumn), QStringLiteral("Warning"));
    QVERIFY(problems->text(0, ProblemsPanel::MessageColumn).contains(QStringLiteral("colour")));
    QVERIFY(problems->text(0, ProblemsPanel::LocationColumn)
                .contains(QRegularExpression(QStringLiteral("^warned\\.yaml:\\d+:\\d+$"))));
    QCOMPARE(w.detailsPanel()->valueOf(QStringLiteral("Warnings")), QStringLiteral("1"));
}

void TestMainWindow::missingFileReportsError()
{
    MainWindow w;
    w.setErrorDialogsEnabled(false);
    QSignalSpy failed(&w, &MainWindow::loadFailed);
    QVERIFY(!w.openFile(QStringLiteral("/nonexistent/nowhere.firedrill")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("does not exist")));
    QVERIFY(!w.hasDocument());
}

void TestMainWindow::errorDialogDoesNotBlockForever()
{
    // With dialogs on (the default), the error shows in a modal box; close it as soon as it appears.
    MainWindow w;
    w.show();
    QString boxText;
    QTimer closer;
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, &w, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            boxText = box->text() + QLatin1Char('\n') + box->informativeText();
            box->accept();
        }
    });
    closer.start();
    QVERIFY(!w.openFile(QStringLiteral("/nonexistent/nowhere.yaml")));
    closer.stop();
    QVERIFY2(boxText.contains(QStringLiteral("nowhere.yaml")), qPrintable(boxText));
}

void TestMainWindow::loadsWorkspaceWithRevisions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("two-region.firedrill"));
    auto loaded = firedrill::loadTopologyYamlFile(samplePath().toStdString());
    QVERIFY(loaded.ok());
    {
        auto created =
            firedrill::Workspace::create(path.toStdString(), *loaded.topology, "Imported from YAML");
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        firedrill::Topology changed = *loaded.topology;
        changed.description = "Second revision";
        auto saved = created->save(changed, "Tightened the RPO");
        QVERIFY(saved.ok());
        QVERIFY(created->close().ok());
    }

    MainWindow w;
    w.setErrorDialogsEnabled(false);
    QVERIFY(w.openFile(path));
    QVERIFY(w.document()->format() == firedrill::ui::Document::Format::Workspace);
    QVERIFY(w.windowTitle().contains(kTopologyName));
    QVERIFY(w.windowTitle().contains(QStringLiteral("two-region.firedrill")));
    QVERIFY(itemNamed(w.topologyTree(), QStringLiteral("sql-ag")));
    QCOMPARE(w.detailsPanel()->valueOf(QStringLiteral("Description")), QStringLiteral("Second revision"));

    // Newest first, with time and note.
    using firedrill::ui::RevisionsPanel;
    const RevisionsPanel* revisions = w.revisionsPanel();
    QCOMPARE(revisions->count(), 2);
    QCOMPARE(revisions->text(0, RevisionsPanel::NoteColumn), QStringLiteral("Tightened the RPO"));
    QCOMPARE(revisions->text(1, RevisionsPanel::NoteColumn), QStringLiteral("Imported from YAML"));
    QVERIFY(revisions->text(0, RevisionsPanel::SavedColumn)
                .contains(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$"))));
    QVERIFY(revisions->text(0, RevisionsPanel::IdColumn).toLongLong() >
            revisions->text(1, RevisionsPanel::IdColumn).toLongLong());
    QVERIFY(w.selectId(QStringLiteral("sql-ag")));
    QCOMPARE(w.detailsPanel()->valueOf(QStringLiteral("SLA")), QStringLiteral("99.95%"));
}

void TestMainWindow::closesCleanly()
{
    auto* w = new MainWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<MainWindow> guard(w);
    w->show();
    QVERIFY(w->openFile(samplePath()));
    QVERIFY(w->selectId(QStringLiteral("sql-ag")));
    QVERIFY(w->close());
    QTRY_VERIFY(guard.isNull());
}

void TestMainWindow::preferencesApplyAndPersist()
{
    // Edit ▸ Preferences, clicked through: dark theme and a 7-minute autosave apply at once and are
    // remembered by the next window; Cancel changes nothing.
    auto answer = [](int themeIndex, int minutes, bool accept) {
        QTimer::singleShot(50, [=] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("settingsDialog"));
            dialog->findChild<QComboBox*>(QStringLiteral("themeCombo"))->setCurrentIndex(themeIndex);
            auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("autosaveMinutes"));
            spin->selectAll();
            QTest::keyClicks(spin, QString::number(minutes));
            auto* buttons = dialog->findChild<QDialogButtonBox*>();
            QTest::mouseClick(buttons->button(accept ? QDialogButtonBox::Ok : QDialogButtonBox::Cancel),
                              Qt::LeftButton);
        });
    };
    {
        MainWindow w;
        w.setErrorDialogsEnabled(false);
        w.show();
        QAction* preferences = w.findChild<QAction*>(QStringLiteral("actionPreferences"));
        QVERIFY(preferences);
        QCOMPARE(preferences->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        answer(2, 7, true); // Dark
        preferences->trigger();
        QCOMPARE(w.autosave()->intervalMinutes(), 7);
        QCOMPARE(firedrill::ui::savedTheme(), firedrill::ui::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        answer(1, 30, false); // Light, 30 minutes, but Cancel
        preferences->trigger();
        QCOMPARE(w.autosave()->intervalMinutes(), 7);
        QCOMPARE(firedrill::ui::savedTheme(), firedrill::ui::Theme::Dark);
    }
    {
        MainWindow again;
        QCOMPARE(again.autosave()->intervalMinutes(), 7);
        answer(1, 0, true); // Light, autosave off
        again.findChild<QAction*>(QStringLiteral("actionPreferences"))->trigger();
        QCOMPARE(again.autosave()->intervalMinutes(), 0);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
    }
    MainWindow third;
    QCOMPARE(third.autosave()->intervalMinutes(), 0);
    QCOMPARE(firedrill::ui::savedTheme(), firedrill::ui::Theme::Light);
    firedrill::ui::saveTheme(firedrill::ui::Theme::System); // leave the test settings as found
    QSettings().remove(QStringLiteral("editor/autosaveMinutes"));
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
