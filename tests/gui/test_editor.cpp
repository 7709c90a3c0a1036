// The topology editor, driven through its real widgets (offscreen): palette drops, the inspector's
// editors, delete, moves between zones, connections, undo/redo of each, saving to a workspace and
// reopening, the summary strip's figures against core/analysis, and diagram export.

#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/CostModel.h"
#include "core/analysis/SpofAnalysis.h"
#include "core/io/PriceTableReader.h"
#include "core/io/TopologyFile.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/editor/ComponentItem.h"
#include "ui/editor/EdgeItem.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/mainwindow/MainWindow.h"
#include "EditorTestWindow.h"
#include "ui/document/RegionEditing.h"
#include "ui/panels/InspectorPanel.h"
#include "ui/panels/RegionEditor.h"
#include "ui/panels/SummaryStrip.h"
#include "ui/panels/UnitField.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
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

const Component* find(const MainWindow& w, const char* id)
{
    return w.document()->topology().findComponent(ComponentId(id));
}

/// The centre of a region's lane (zone 0: region-wide) in scene coordinates.
QPointF laneCentre(const Document& doc, const QString& region, int zone)
{
    for (const ContainerBox& box : doc.layout().containers)
        if (box.id == region)
            for (const LaneBox& lane : box.lanes)
                if (lane.zone == zone)
                    return lane.rect.center();
    return {};
}

QAction* action(const MainWindow& w, const char* name)
{
    return w.findChild<QAction*>(QLatin1String(name));
}

} // namespace

class TestEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dropFromPaletteAddsComponentUndoably();
    void inspectorEditsAreUndoable();
    void engineFieldsAreEditableAndUndoable();
    void spinBoxEditsMerge();
    void invalidDurationIsRefusedWithReason();
    void deleteCleansReferencesAndUndoRestores();
    void dragBetweenZonesMovesAndUndoes();
    void connectingDrawsAnArrow();
    void duplicateAddsACopy();
    void dirtyMarkInTitle();
    void saveToWorkspaceAndReopen();
    void summaryMatchesCoreAnalysis();
    void overlaysMarkSpofs();
    void exportsDiagram();
    void closingWithUnsavedChangesAsks();
    void regionCreateFillConnectSaveReopen();

private:
    std::unique_ptr<MainWindow> m_window;
    Topology m_original;
};

void TestEditor::initTestCase()
{
    test::isolateTestApplication();
}

void TestEditor::init()
{
    m_window = test::makeTestWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->openFile(samplePath()));
    m_original = m_window->document()->topology();
}

void TestEditor::cleanup()
{
    m_window.reset();
}

void TestEditor::dropFromPaletteAddsComponentUndoably()
{
    MainWindow& w = *m_window;
    const QString id =
        w.scene()->dropKind(ComponentKind::AppService, laneCentre(*w.document(), QStringLiteral("weu"), 2));
    QCOMPARE(id, QStringLiteral("app-service-1"));
    const Component* added = find(w, "app-service-1");
    QVERIFY(added);
    QCOMPARE(added->region, std::optional<RegionId>(RegionId("weu")));
    QCOMPARE(added->zone, std::optional<int>(2));
    QVERIFY(w.scene()->card(id));
    QCOMPARE(w.scene()->selectedComponentIds(), QStringList{id});
    QCOMPARE(w.inspector()->componentId(), id);

    // A second one gets the next free id; undo removes them exactly.
    QCOMPARE(w.scene()->dropKind(ComponentKind::AppService, laneCentre(*w.document(), QStringLiteral("neu"), 0)),
             QStringLiteral("app-service-2"));
    w.document()->undoStack()->undo();
    w.document()->undoStack()->undo();
    QVERIFY(w.document()->topology() == m_original);
    QVERIFY(!w.scene()->card(id));
    w.document()->undoStack()->redo();
    QVERIFY(find(w, "app-service-1"));
}

void TestEditor::inspectorEditsAreUndoable()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectId(QStringLiteral("web-weu")));
    QCOMPARE(w.inspector()->componentId(), QStringLiteral("web-weu"));
    UnitField* sla = w.inspector()->unitField(QStringLiteral("sla"));
    QVERIFY(sla);
    QCOMPARE(sla->text(), QStringLiteral("99.95%"));
    sla->lineEdit()->setFocus();
    sla->lineEdit()->selectAll();
    QTest::keyClicks(sla->lineEdit(), QStringLiteral("99.9%"));
    QTest::keyClick(sla->lineEdit(), Qt::Key_Return);
    QCOMPARE(find(w, "web-weu")->sla, std::optional<Percent>(Percent{99.9}));

    auto* name = w.inspector()->findChild<QLineEdit*>(QStringLiteral("field-name"));
    QVERIFY(name);
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("Web front, West"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(find(w, "web-weu")->name, std::string("Web front, West"));
    const Topology edited = w.document()->topology();

    action(w, "actionUndo")->trigger();
    action(w, "actionUndo")->trigger();
    QVERIFY(w.document()->topology() == m_original);
    QCOMPARE(w.inspector()->unitField(QStringLiteral("sla"))->text(), QStringLiteral("99.95%"));
    action(w, "actionRedo")->trigger();
    action(w, "actionRedo")->trigger();
    QVERIFY(w.document()->topology() == edited);
}

void TestEditor::engineFieldsAreEditableAndUndoable()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectId(QStringLiteral("web-weu")));
    auto type = [](UnitField* field, const QString& text) {
        field->lineEdit()->setFocus();
        field->lineEdit()->selectAll();
        QTest::keyClicks(field->lineEdit(), text);
        QTest::keyClick(field->lineEdit(), Qt::Key_Return);
    };
    UnitField* lease = w.inspector()->unitField(QStringLiteral("lease"));
    UnitField* backoff = w.inspector()->unitField(QStringLiteral("retryBackoff"));
    UnitField* errorRate = w.inspector()->unitField(QStringLiteral("breakerErrorRate"));
    QVERIFY(lease && backoff && errorRate);
    QVERIFY(lease->text().isEmpty() && backoff->text().isEmpty() && errorRate->text().isEmpty());
    const int before = w.document()->undoStack()->count();

    // Out-of-range values are refused with their reason beside the field; nothing is committed.
    type(lease, QStringLiteral("0s"));
    QVERIFY(lease->error().contains(QStringLiteral("longer than 0")));
    type(backoff, QStringLiteral("0.5"));
    QVERIFY(backoff->error().contains(QStringLiteral("1 or more")));
    type(errorRate, QStringLiteral("150%"));
    QVERIFY(errorRate->error().contains(QStringLiteral("at most 100%")));
    auto* reason = errorRate->findChild<QLabel*>(QStringLiteral("error-breakerErrorRate"));
    QVERIFY(reason && reason->isVisible());
    QVERIFY(w.document()->topology() == m_original);
    QCOMPARE(w.document()->undoStack()->count(), before);

    // Valid values: one undoable command each.
    type(lease, QStringLiteral("45s"));
    QVERIFY(lease->error().isEmpty());
    QCOMPARE(find(w, "web-weu")->leaderElection, std::optional<LeaderElection>(LeaderElection{Duration::seconds(45)}));
    type(backoff, QStringLiteral("2"));
    QVERIFY(backoff->error().isEmpty());
    type(errorRate, QStringLiteral("30%"));
    QVERIFY(errorRate->error().isEmpty());
    const Component* web = find(w, "web-weu");
    QVERIFY(web->resilience);
    QCOMPARE(web->resilience->retryBackoff, std::optional<double>(2.0));
    QCOMPARE(web->resilience->breakerErrorRate, std::optional<double>(0.3));
    QVERIFY(!web->resilience->retries);
    QCOMPARE(w.document()->undoStack()->count(), before + 3);
    QCOMPARE(errorRate->text(), QStringLiteral("30%"));
    const Topology edited = w.document()->topology();

    action(w, "actionUndo")->trigger();
    QVERIFY(find(w, "web-weu")->resilience && !find(w, "web-weu")->resilience->breakerErrorRate);
    QVERIFY(w.inspector()->unitField(QStringLiteral("breakerErrorRate"))->text().isEmpty());
    action(w, "actionUndo")->trigger();
    QVERIFY(!find(w, "web-weu")->resilience); // the emptied settings block is removed again
    action(w, "actionUndo")->trigger();
    QVERIFY(w.document()->topology() == m_original);
    QVERIFY(w.inspector()->unitField(QStringLiteral("lease"))->text().isEmpty());
    action(w, "actionRedo")->trigger();
    action(w, "actionRedo")->trigger();
    action(w, "actionRedo")->trigger();
    QVERIFY(w.document()->topology() == edited);
    QCOMPARE(w.inspector()->unitField(QStringLiteral("lease"))->text(), QStringLiteral("45s"));
    QCOMPARE(w.inspector()->unitField(QStringLiteral("retryBackoff"))->text(), QStringLiteral("2"));

    // Clearing the lease turns leader election off (every instance works again).
    UnitField* leaseAgain = w.inspector()->unitField(QStringLiteral("lease"));
    leaseAgain->lineEdit()->setFocus();
    leaseAgain->lineEdit()->selectAll();
    QTest::keyClick(leaseAgain->lineEdit(), Qt::Key_Backspace);
    QTest::keyClick(leaseAgain->lineEdit(), Qt::Key_Return);
    QVERIFY(!find(w, "web-weu")->leaderElection);
}

void TestEditor::spinBoxEditsMerge()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectId(QStringLiteral("web-neu")));
    auto* instances = w.inspector()->findChild<QSpinBox*>(QStringLiteral("field-instances"));
    QVERIFY(instances);
    QCOMPARE(instances->value(), 3);
    const int before = w.document()->undoStack()->count();
    instances->setFocus();
    QTest::keyClick(instances, Qt::Key_Up);
    QTest::keyClick(instances, Qt::Key_Up);
    QCOMPARE(find(w, "web-neu")->instances, std::optional<int>(5));
    QCOMPARE(w.document()->undoStack()->count(), before + 1);
    w.document()->undoStack()->undo();
    QVERIFY(w.document()->topology() == m_original);
}

void TestEditor::invalidDurationIsRefusedWithReason()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectId(QStringLiteral("web-weu")));
    UnitField* mtbf = w.inspector()->unitField(QStringLiteral("mtbf"));
    QVERIFY(mtbf);
    const int before = w.document()->undoStack()->count();
    mtbf->lineEdit()->setFocus();
    mtbf->lineEdit()->selectAll();
    QTest::keyClicks(mtbf->lineEdit(), QStringLiteral("ten minutes"));
    QTest::keyClick(mtbf->lineEdit(), Qt::Key_Return);
    QVERIFY(!mtbf->error().isEmpty());
    auto* reason = mtbf->findChild<QLabel*>(QStringLiteral("error-mtbf"));
    QVERIFY(reason && reason->isVisible());
    QCOMPARE(reason->text(), mtbf->error());
    QVERIFY(w.document()->topology() == m_original);
    QCOMPARE(w.document()->undoStack()->count(), before);

    // A valid value clears the reason and is applied.
    mtbf->lineEdit()->selectAll();
    QTest::keyClicks(mtbf->lineEdit(), QStringLiteral("1500h"));
    QTest::keyClick(mtbf->lineEdit(), Qt::Key_Return);
    QVERIFY(mtbf->error().isEmpty());
    QCOMPARE(find(w, "web-weu")->mtbf, std::optional<Duration>(Duration::hours(1500)));
}

void TestEditor::deleteCleansReferencesAndUndoRestores()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectId(QStringLiteral("sql-ag")));
    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Delete);
    QVERIFY(!find(w, "sql-ag"));
    QVERIFY(find(w, "web-weu")->dependsOn.empty());
    QVERIFY(!w.scene()->card(QStringLiteral("sql-neu-1")));
    action(w, "actionUndo")->trigger();
    QVERIFY(w.document()->topology() == m_original);
    QVERIFY(w.scene()->card(QStringLiteral("sql-ag")));
}

void TestEditor::dragBetweenZonesMovesAndUndoes()
{
    MainWindow& w = *m_window;
    ComponentItem* card = w.scene()->card(QStringLiteral("web-weu"));
    QVERIFY(card);
    // Drag the card with the mouse into zone 3 of the same region.
    const QPoint from = w.view()->mapFromScene(card->sceneCardRect().center());
    const QPoint to = w.view()->mapFromScene(laneCentre(*w.document(), QStringLiteral("weu"), 3));
    QTest::mousePress(w.view()->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(w.view()->viewport(), (from + to) / 2);
    QTest::mouseMove(w.view()->viewport(), to);
    QTest::mouseRelease(w.view()->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(find(w, "web-weu")->zone, std::optional<int>(3));
    QCOMPARE(find(w, "web-weu")->region, std::optional<RegionId>(RegionId("weu")));

    // To another region, through the same code path the drag uses.
    w.scene()->commitDrag({{QStringLiteral("web-weu"), laneCentre(*w.document(), QStringLiteral("neu"), 0)}});
    QCOMPARE(find(w, "web-weu")->region, std::optional<RegionId>(RegionId("neu")));
    QCOMPARE(find(w, "web-weu")->zone, std::optional<int>());
    w.document()->undoStack()->undo();
    w.document()->undoStack()->undo();
    QVERIFY(w.document()->topology() == m_original);
}

void TestEditor::connectingDrawsAnArrow()
{
    MainWindow& w = *m_window;
    action(w, "actionConnect")->setChecked(true);
    const QPoint from = w.view()->mapFromScene(w.scene()->card(QStringLiteral("agw-weu"))->sceneCardRect().center());
    const QPoint to = w.view()->mapFromScene(w.scene()->card(QStringLiteral("sql-ag"))->sceneCardRect().center());
    QTest::mousePress(w.view()->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(w.view()->viewport(), to);
    QTest::mouseRelease(w.view()->viewport(), Qt::LeftButton, {}, to);
    const auto& deps = find(w, "agw-weu")->dependsOn;
    QCOMPARE(deps.size(), std::size_t(2));
    QCOMPARE(deps.back().target, ComponentId("sql-ag"));
    const auto edges = w.scene()->edges();
    QVERIFY(std::any_of(edges.begin(), edges.end(), [](const EdgeItem* e) {
        return e->fromId() == QStringLiteral("agw-weu") && e->toId() == QStringLiteral("sql-ag") &&
               e->style() == EdgeItem::Style::Hard;
    }));
    action(w, "actionUndo")->trigger();
    QVERIFY(w.document()->topology() == m_original);
}

void TestEditor::duplicateAddsACopy()
{
    MainWindow& w = *m_window;
    QVERIFY(w.selectId(QStringLiteral("agw-neu")));
    action(w, "actionDuplicate")->trigger();
    const Component* copy = find(w, "agw-neu-1");
    QVERIFY(copy);
    QCOMPARE(copy->region, find(w, "agw-neu")->region);
    QCOMPARE(w.scene()->selectedComponentIds(), QStringList{QStringLiteral("agw-neu-1")});
    action(w, "actionUndo")->trigger();
    QVERIFY(w.document()->topology() == m_original);
}

void TestEditor::dirtyMarkInTitle()
{
    MainWindow& w = *m_window;
    QVERIFY(!w.windowTitle().contains(QLatin1Char('*')));
    connectComponents(*w.document(), QStringLiteral("web-weu"), QStringLiteral("web-neu"), DependencyKind::Soft);
    QVERIFY(w.windowTitle().contains(QStringLiteral("two-region.yaml*")));
    w.document()->undoStack()->undo();
    QVERIFY(!w.windowTitle().contains(QLatin1Char('*')));
}

void TestEditor::saveToWorkspaceAndReopen()
{
    MainWindow& w = *m_window;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("edited.firedrill"));
    w.scene()->dropKind(ComponentKind::Cache, laneCentre(*w.document(), QStringLiteral("neu"), 1));
    QVERIFY(w.windowTitle().contains(QLatin1Char('*')));
    QSignalSpy failed(w.fileActions(), &DocumentActions::failed);
    const bool savedAs = w.fileActions()->saveAs(path);
    QVERIFY2(savedAs, failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QVERIFY(!w.windowTitle().contains(QLatin1Char('*')));
    QVERIFY(w.windowTitle().contains(QStringLiteral("edited.firedrill")));
    QCOMPARE(w.document()->format(), Document::Format::Workspace);

    // Ctrl+S adds a revision whose note says what changed.
    QVERIFY(w.selectId(QStringLiteral("cache-1")));
    removeComponents(*w.document(), {QStringLiteral("cache-1")});
    QTest::keySequence(&w, QKeySequence::Save);
    QVERIFY(!w.document()->isModified());
    QCOMPARE(w.document()->revisions().size(), std::size_t(2));
    QVERIFY(w.document()->revisions().front().note.contains(QStringLiteral("cache-1")));
    const Topology saved = w.document()->topology();
    QVERIFY(saved == m_original);
    m_window.reset(); // releases the workspace lock

    MainWindow reopened;
    reopened.setErrorDialogsEnabled(false);
    QVERIFY(reopened.openFile(path));
    QVERIFY(reopened.document()->topology() == saved);
    QVERIFY(!reopened.document()->isReadOnly());
}

void TestEditor::summaryMatchesCoreAnalysis()
{
    MainWindow& w = *m_window;
    const Topology& t = w.document()->topology();
    const Workload& sites = t.workloads.front();
    const SummaryFigures f = w.summaryStrip()->figures();
    QCOMPARE(f.topologyCost, topologyCost(t, builtInPriceTable()).total);
    QCOMPARE(*f.workloadCost, workloadCost(t, sites, builtInPriceTable()).total);
    QCOMPARE(*f.availability, workloadAvailability(t, sites).availability);
    SpofOptions options;
    options.workload = sites.id;
    QCOMPARE(*f.spofs, findSinglePointsOfFailure(t, options).singles.size());

    // Updated on every change: removing the gateway of one region adds nothing here, cost goes down.
    removeComponents(*w.document(), {QStringLiteral("agw-neu")});
    const Topology& after = w.document()->topology();
    QCOMPARE(w.summaryStrip()->figures().topologyCost, topologyCost(after, builtInPriceTable()).total);
    QCOMPARE(*w.summaryStrip()->figures().availability,
             workloadAvailability(after, after.workloads.front()).availability);
    QVERIFY(w.summaryStrip()->figures().topologyCost < f.topologyCost || f.topologyCost == 0);
    QVERIFY(w.summaryStrip()->text().contains(QStringLiteral("Composite SLA")));
}

void TestEditor::overlaysMarkSpofs()
{
    MainWindow& w = *m_window;
    // A single-instance gateway in front of everything is a single point of failure.
    removeComponents(*w.document(), {QStringLiteral("tm"), QStringLiteral("agw-neu")});
    Workload sites = w.document()->topology().workloads.front();
    QVERIFY(!w.scene()->card(QStringLiteral("agw-weu"))->info().spof);
    w.setAllOverlays(true);
    QVERIFY(w.scene()->overlays().spofs && w.scene()->overlays().cost);
    QVERIFY(!w.scene()->card(QStringLiteral("web-weu"))->info().overlay.isEmpty());
    QVERIFY(w.scene()->card(QStringLiteral("web-weu"))->info().overlay.contains(QStringLiteral("$")));
}

void TestEditor::exportsDiagram()
{
    MainWindow& w = *m_window;
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("diagram.png"));
    const QString svg = dir.filePath(QStringLiteral("diagram.svg"));
    QVERIFY(w.fileActions()->exportPng(png));
    QVERIFY(w.fileActions()->exportSvg(svg));
    QVERIFY(QFileInfo(png).size() > 1000);
    QVERIFY(QFileInfo(svg).size() > 1000);
    QImage image(png);
    QVERIFY(image.width() > 1000);
}

void TestEditor::closingWithUnsavedChangesAsks()
{
    MainWindow& w = *m_window;
    removeComponents(*w.document(), {QStringLiteral("vpn")});
    w.setUnsavedPolicy(DocumentActions::UnsavedPolicy::Cancel);
    QVERIFY(!w.close());
    QVERIFY(w.isVisible());
    QVERIFY(!find(w, "vpn"));
    w.setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    QVERIFY(w.close());
}

void TestEditor::regionCreateFillConnectSaveReopen()
{
    MainWindow& w = *m_window;
    Document& doc = *w.document();
    QUndoStack& undo = *doc.undoStack();
    std::vector<Topology> states{doc.topology()};
    auto step = [&] { states.push_back(doc.topology()); };

    // Create a region (Edit ▸ Add Region): it is selected in the inspector's region editor.
    action(w, "actionAddRegion")->trigger();
    QCOMPARE(doc.topology().regions.size(), std::size_t(3));
    const Region& added = doc.topology().regions.back();
    QCOMPARE(added.id, RegionId("region-3"));
    QCOMPARE(added.zones, 3);
    RegionEditor* editor = w.inspector()->regionEditor();
    QVERIFY(editor->isVisible());
    QCOMPARE(editor->regionId(), QStringLiteral("region-3"));
    step();

    // Drop two components into it, and connect them.
    const QString web = w.scene()->dropKind(ComponentKind::AppService, laneCentre(doc, QStringLiteral("region-3"), 1));
    QCOMPARE(find(w, qPrintable(web))->region, std::optional<RegionId>(RegionId("region-3")));
    step();
    const QString db = w.scene()->dropKind(ComponentKind::SqlDatabase, laneCentre(doc, QStringLiteral("region-3"), 2));
    QCOMPARE(find(w, qPrintable(db))->zone, std::optional<int>(2));
    step();
    QVERIFY(connectComponents(doc, web, db));
    step();

    // Edit the region's name, zones and pair through the inspector's widgets.
    QVERIFY(w.selectId(QStringLiteral("region-3")));
    QVERIFY(editor->isVisible());
    auto* name = editor->findChild<QLineEdit*>(QStringLiteral("region-name"));
    name->setText(QStringLiteral("Sweden Central"));
    emit name->editingFinished();
    QCOMPARE(doc.topology().regions.back().name, std::string("Sweden Central"));
    step();
    auto* pair = editor->findChild<QComboBox*>(QStringLiteral("region-pair"));
    pair->setCurrentIndex(pair->findData(QStringLiteral("neu")));
    QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
    QCOMPARE(doc.topology().regions.back().pair, std::optional<RegionId>(RegionId("neu")));
    step();
    // Fewer zones than its components use is refused with the reason; removing a region in use too.
    auto* zones = editor->findChild<QSpinBox*>(QStringLiteral("region-zones"));
    zones->setValue(1);
    QCOMPARE(doc.topology().regions.back().zones, 3);
    QVERIFY2(editor->errorText().contains(db), qPrintable(editor->errorText()));
    QCOMPARE(zones->value(), 3);
    editor->findChild<QPushButton*>(QStringLiteral("region-delete"))->click();
    QVERIFY2(editor->errorText().contains(QStringLiteral("still holds")), qPrintable(editor->errorText()));
    QCOMPARE(doc.topology().regions.size(), std::size_t(3));
    QVERIFY(removeRegion(doc, QStringLiteral("weu")).contains(QStringLiteral("agw-weu")));
    QCOMPARE(undo.count(), static_cast<int>(states.size()) - 1);

    // Undo and redo each step.
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        action(w, "actionUndo")->trigger();
        QVERIFY2(doc.topology() == states[i - 1], qPrintable(QString::number(i)));
    }
    for (std::size_t i = 1; i < states.size(); ++i) {
        action(w, "actionRedo")->trigger();
        QVERIFY2(doc.topology() == states[i], qPrintable(QString::number(i)));
    }

    // Save, reopen and compare.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("regions.firedrill"));
    QVERIFY(w.fileActions()->saveAs(path));
    const Topology saved = doc.topology();
    m_window.reset();
    MainWindow reopened;
    reopened.setErrorDialogsEnabled(false);
    QVERIFY(reopened.openFile(path));
    QVERIFY(reopened.document()->topology() == saved);

    // An empty region can be removed, undoably.
    Document& again = *reopened.document();
    removeComponents(again, {web, db});
    QVERIFY(removeRegion(again, QStringLiteral("region-3")).isEmpty());
    QCOMPARE(again.topology().regions.size(), std::size_t(2));
    again.undoStack()->undo();
    QCOMPARE(again.topology().regions.size(), std::size_t(3));
}

QTEST_MAIN(TestEditor)
#include "test_editor.moc"
