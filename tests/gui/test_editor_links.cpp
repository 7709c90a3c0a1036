// A design drawn from File ▸ New with the editor alone: regions paired from one side, a Traffic Manager
// whose endpoints are made with the Connect tool and edited in the inspector, a database given replicas
// in the inspector, and values outside their limits refused at the field. Driven through real widgets.

#include "core/model/Validator.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/document/ReplicaEditing.h"
#include "ui/editor/ComponentItem.h"
#include "ui/editor/EdgeItem.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/panels/InspectorPanel.h"
#include "ui/panels/RegionEditor.h"
#include "ui/panels/UnitField.h"
#include "EditorTestWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

const Component* find(const MainWindow& w, const QString& id)
{
    return w.document()->topology().findComponent(ComponentId(id.toStdString()));
}

QPointF laneCentre(const Document& doc, const char* region, int zone)
{
    for (const ContainerBox& box : doc.layout().containers)
        if (box.id == QLatin1String(region))
            for (const LaneBox& lane : box.lanes)
                if (lane.zone == zone)
                    return lane.rect.center();
    return {};
}

QAction* action(const MainWindow& w, const char* name)
{
    return w.findChild<QAction*>(QLatin1String(name));
}

/// Drags with the Connect tool from one card to another, as a user does.
void connectByMouse(MainWindow& w, const QString& from, const QString& to)
{
    action(w, "actionConnect")->setChecked(true);
    const QPoint a = w.view()->mapFromScene(w.scene()->card(from)->sceneCardRect().center());
    const QPoint b = w.view()->mapFromScene(w.scene()->card(to)->sceneCardRect().center());
    QTest::mousePress(w.view()->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(w.view()->viewport(), b);
    QTest::mouseRelease(w.view()->viewport(), Qt::LeftButton, {}, b);
    action(w, "actionConnect")->setChecked(false);
}

/// Picks the item whose data is `data` in `combo` and reports it as a user's choice.
void choose(QComboBox* combo, const QString& data)
{
    QVERIFY2(combo, "combo box missing");
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

/// The inspector's widget named `name` that is shown (a row being replaced may linger hidden until deleted).
template <class W>
W* field(const MainWindow& w, const QString& name)
{
    QCoreApplication::processEvents(); // a layout shows the widgets added to it from the event loop
    for (W* widget : w.inspector()->findChildren<W*>(name))
        if (!widget->isHidden())
            return widget;
    return nullptr;
}

QString errorsOf(const Topology& t)
{
    QStringList errors;
    for (const Diagnostic& d : validate(t))
        if (d.severity == Severity::Error)
            errors << QString::fromStdString(d.path + ": " + d.message);
    return errors.join(QLatin1Char('\n'));
}

bool hasEdge(const MainWindow& w, const QString& from, const QString& to, EdgeItem::Style style)
{
    const auto edges = w.scene()->edges();
    return std::any_of(edges.begin(), edges.end(), [&](const EdgeItem* e) {
        return e->fromId() == from && e->toId() == to && e->style() == style;
    });
}

} // namespace

class TestEditorLinks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateTestApplication(); }
    void init()
    {
        m_window = test::makeTestWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        action(*m_window, "actionNew")->trigger();
        QVERIFY(m_window->document()->topology().components.empty());
    }
    void cleanup() { m_window.reset(); }

    void twoRegionDesignFromNewIsCompleteAndValid();
    void endpointEditsAreUndoable();
    void replicasAreAddedPromotedAndRemoved();
    void pairingIsSymmetric();
    void valuesOutsideTheirLimitsAreRefusedAtTheField();
    void clickingARegionTitleEditsTheRegion();

private:
    /// Two regions, region-1 paired with region-2 (from region-1's side only).
    void addPairedRegions();

    std::unique_ptr<MainWindow> m_window;
};

void TestEditorLinks::addPairedRegions()
{
    MainWindow& w = *m_window;
    action(w, "actionAddRegion")->trigger();
    action(w, "actionAddRegion")->trigger();
    const auto& regions = w.document()->topology().regions;
    QCOMPARE(regions.size(), std::size_t(2));
    QVERIFY(w.selectId(QStringLiteral("region-1")));
    auto* pair = w.inspector()->regionEditor()->findChild<QComboBox*>(QStringLiteral("region-pair"));
    QVERIFY(pair);
    pair->setCurrentIndex(pair->findData(QStringLiteral("region-2")));
    QVERIFY2(w.inspector()->regionEditor()->errorText().isEmpty(),
             qPrintable(w.inspector()->regionEditor()->errorText()));
}

void TestEditorLinks::twoRegionDesignFromNewIsCompleteAndValid()
{
    MainWindow& w = *m_window;
    Document& doc = *w.document();
    QVERIFY(w.scene()->showsEmptyDesign()); // the canvas says what to do first
    addPairedRegions();
    QVERIFY(!w.scene()->showsEmptyDesign());

    const QString tm = w.scene()->dropKind(ComponentKind::TrafficManager, laneCentre(doc, "region-1", 0));
    const QString web1 = w.scene()->dropKind(ComponentKind::AppService, laneCentre(doc, "region-1", 1));
    const QString web2 = w.scene()->dropKind(ComponentKind::AppService, laneCentre(doc, "region-2", 1));
    const QString db = w.scene()->dropKind(ComponentKind::SqlDatabase, laneCentre(doc, "region-1", 2));
    QVERIFY(!tm.isEmpty() && !web1.isEmpty() && !web2.isEmpty() && !db.isEmpty());

    // Connecting from the router makes endpoints, drawn as such; from a web app, dependencies.
    connectByMouse(w, tm, web1);
    connectByMouse(w, tm, web2);
    connectByMouse(w, web1, db);
    connectByMouse(w, web2, db);
    QCOMPARE(find(w, tm)->endpoints.size(), std::size_t(2));
    QVERIFY(find(w, tm)->dependsOn.empty());
    QCOMPARE(find(w, tm)->endpoints[0].target.str(), web1.toStdString());
    QVERIFY(hasEdge(w, tm, web1, EdgeItem::Style::Endpoint));
    QVERIFY(hasEdge(w, tm, web2, EdgeItem::Style::Endpoint));
    QCOMPARE(find(w, web1)->dependsOn.size(), std::size_t(1));
    QVERIFY(hasEdge(w, web1, db, EdgeItem::Style::Hard));

    // Priority routing: web1 first, web2 second, typed into the inspector's endpoint rows.
    QVERIFY(w.selectId(tm));
    choose(field<QComboBox>(w, QStringLiteral("field-routing")), QStringLiteral("priority"));
    auto* p1 = field<QSpinBox>(w, QStringLiteral("endpoint-priority-%1").arg(web1));
    auto* p2 = field<QSpinBox>(w, QStringLiteral("endpoint-priority-%1").arg(web2));
    QVERIFY(p1 && p2);
    QVERIFY(p1->isEnabled());
    p1->setValue(1);
    p2->setValue(2);
    QCOMPARE(find(w, tm)->endpoints[0].priority, std::optional<int>(1));
    QCOMPARE(find(w, tm)->endpoints[1].priority, std::optional<int>(2));

    // The database gets a primary here and a geo-replica in the paired region from the inspector.
    QVERIFY(w.selectId(db));
    auto* add = field<QPushButton>(w, QStringLiteral("replica-add"));
    QVERIFY(add);
    QCOMPARE(add->text(), QStringLiteral("Add primary replica"));
    add->click();
    add = field<QPushButton>(w, QStringLiteral("replica-add"));
    QCOMPARE(add->text(), QStringLiteral("Add replica"));
    add->click();
    const auto& replicas = find(w, db)->replicas;
    QCOMPARE(replicas.size(), std::size_t(2));
    QCOMPARE(replicas[0].role, ReplicaRole::Primary);
    QCOMPARE(replicas[0].region, RegionId("region-1"));
    QCOMPARE(replicas[1].role, ReplicaRole::Secondary);
    QCOMPARE(replicas[1].region, RegionId("region-2"));
    QCOMPARE(replicas[1].sync, std::optional<ReplicationMode>(ReplicationMode::Asynchronous));
    const QString secondary = QString::fromStdString(replicas[1].id.str());
    auto* lag = field<QLineEdit>(w, QStringLiteral("field-replica-lag-%1").arg(secondary));
    QVERIFY(lag);
    lag->setFocus();
    QTest::keyClicks(lag, QStringLiteral("5s"));
    QTest::keyClick(lag, Qt::Key_Return);
    QCOMPARE(find(w, db)->replicas[1].lag, std::optional<Duration>(Duration::seconds(5)));
    // The database is now placed by its replicas: drawn at the primary, the geo-replica on a card of its
    // own in the paired region, joined by a replication line.
    QVERIFY(!find(w, db)->region);
    QCOMPARE(find(w, db)->replicas[0].zone, std::optional<int>(2));
    QVERIFY(w.scene()->card(secondary));
    QVERIFY(hasEdge(w, db, secondary, EdgeItem::Style::Replication));

    // Complete and valid, and it survives a save and a reopen.
    const QString errors = errorsOf(doc.topology());
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("drawn.firedrill"));
    QVERIFY(w.fileActions()->saveAs(path));
    const Topology saved = doc.topology();
    MainWindow reopened;
    reopened.setErrorDialogsEnabled(false);
    QVERIFY(reopened.openFile(path));
    QVERIFY(reopened.document()->topology() == saved);
}

void TestEditorLinks::endpointEditsAreUndoable()
{
    MainWindow& w = *m_window;
    Document& doc = *w.document();
    addPairedRegions();
    const QString fd = w.scene()->dropKind(ComponentKind::FrontDoor, laneCentre(doc, "region-1", 0));
    const QString a = w.scene()->dropKind(ComponentKind::AppService, laneCentre(doc, "region-1", 1));
    const QString b = w.scene()->dropKind(ComponentKind::AppService, laneCentre(doc, "region-2", 1));
    QVERIFY(w.selectId(fd));
    // Weighted routing first: a new endpoint gets weight 1; the add box offers every other component.
    choose(field<QComboBox>(w, QStringLiteral("field-routing")), QStringLiteral("weighted"));
    choose(field<QComboBox>(w, QStringLiteral("endpoint-add")), a);
    choose(field<QComboBox>(w, QStringLiteral("endpoint-add")), b);
    QCOMPARE(find(w, fd)->endpoints.size(), std::size_t(2));
    QCOMPARE(find(w, fd)->endpoints[1].weight, std::optional<int>(1));
    auto* addBox = field<QComboBox>(w, QStringLiteral("endpoint-add"));
    QCOMPARE(addBox->findData(a), -1);
    QCOMPARE(addBox->findData(fd), -1);
    const Topology both = doc.topology();

    field<QSpinBox>(w, QStringLiteral("endpoint-weight-%1").arg(b))->setValue(3);
    QCOMPARE(find(w, fd)->endpoints[1].weight, std::optional<int>(3));
    field<QToolButton>(w, QStringLiteral("endpoint-remove-%1").arg(a))->click();
    QCOMPARE(find(w, fd)->endpoints.size(), std::size_t(1));
    QCOMPARE(find(w, fd)->endpoints[0].target.str(), b.toStdString());
    // The removed row is gone from the inspector; the other one stays.
    auto* removedRow = field<QSpinBox>(w, QStringLiteral("endpoint-weight-%1").arg(a));
    QVERIFY(!removedRow || removedRow->isHidden());
    auto* keptRow = field<QSpinBox>(w, QStringLiteral("endpoint-weight-%1").arg(b));
    QVERIFY(keptRow && !keptRow->isHidden() && keptRow->isVisibleTo(w.inspector()));

    // Undo the removal, then the weight: back to both endpoints at weight 1.
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(doc.topology() == both);
    QCOMPARE(field<QSpinBox>(w, QStringLiteral("endpoint-weight-%1").arg(b))->value(), 1);
}

void TestEditorLinks::replicasAreAddedPromotedAndRemoved()
{
    MainWindow& w = *m_window;
    Document& doc = *w.document();
    addPairedRegions();
    const QString db = w.scene()->dropKind(ComponentKind::SqlDatabase, laneCentre(doc, "region-1", 1));
    QVERIFY(w.selectId(db));
    field<QPushButton>(w, QStringLiteral("replica-add"))->click();
    field<QPushButton>(w, QStringLiteral("replica-add"))->click();
    field<QPushButton>(w, QStringLiteral("replica-add"))->click();
    const auto replicas = find(w, db)->replicas;
    QCOMPARE(replicas.size(), std::size_t(3));
    // Ids are unique; the third copy goes back to the primary's region, synchronous there.
    QCOMPARE(replicas[0].id.str(), db.toStdString() + "-1");
    QCOMPARE(replicas[2].id.str(), db.toStdString() + "-3");
    QCOMPARE(replicas[2].region, RegionId("region-1"));
    QCOMPARE(replicas[2].sync, std::optional<ReplicationMode>(ReplicationMode::Synchronous));

    // Promote the geo-replica: it becomes the only primary, the old primary an asynchronous secondary.
    const QString geo = QString::fromStdString(replicas[1].id.str());
    field<QPushButton>(w, QStringLiteral("replica-promote-%1").arg(geo))->click();
    auto after = find(w, db)->replicas;
    QCOMPARE(after[1].role, ReplicaRole::Primary);
    QVERIFY(!after[1].sync);
    QCOMPARE(after[0].role, ReplicaRole::Secondary);
    QCOMPARE(after[0].sync, std::optional<ReplicationMode>(ReplicationMode::Asynchronous));
    QCOMPARE(std::count_if(after.begin(), after.end(), [](const Replica& r) { return r.role == ReplicaRole::Primary; }),
             1);

    // Removing the primary hands the role to the first remaining copy; the design stays valid.
    field<QPushButton>(w, QStringLiteral("replica-remove-%1").arg(geo))->click();
    after = find(w, db)->replicas;
    QCOMPARE(after.size(), std::size_t(2));
    QCOMPARE(after[0].role, ReplicaRole::Primary);
    const QString errors = errorsOf(doc.topology());
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(find(w, db)->replicas == replicas);

    // Removing every copy places the database back where the last one was.
    for (const Replica& r : replicas)
        field<QPushButton>(w, QStringLiteral("replica-remove-%1").arg(QString::fromStdString(r.id.str())))->click();
    QVERIFY(find(w, db)->replicas.empty());
    QCOMPARE(find(w, db)->region, std::optional<RegionId>(replicas[2].region));
    const QString stillValid = errorsOf(doc.topology());
    QVERIFY2(stillValid.isEmpty(), qPrintable(stillValid));
}

void TestEditorLinks::pairingIsSymmetric()
{
    MainWindow& w = *m_window;
    Document& doc = *w.document();
    addPairedRegions();
    auto pairOf = [&](const char* id) { return doc.topology().findRegion(RegionId(id))->pair; };
    QCOMPARE(pairOf("region-1"), std::optional<RegionId>(RegionId("region-2")));
    QCOMPARE(pairOf("region-2"), std::optional<RegionId>(RegionId("region-1")));

    // Re-pairing region-3 with region-2 leaves region-1 unpaired, all in one undo step.
    action(w, "actionAddRegion")->trigger();
    const int steps = doc.undoStack()->count();
    QVERIFY(w.selectId(QStringLiteral("region-3")));
    auto* pair = w.inspector()->regionEditor()->findChild<QComboBox*>(QStringLiteral("region-pair"));
    pair->setCurrentIndex(pair->findData(QStringLiteral("region-2")));
    QCOMPARE(pairOf("region-3"), std::optional<RegionId>(RegionId("region-2")));
    QCOMPARE(pairOf("region-2"), std::optional<RegionId>(RegionId("region-3")));
    QVERIFY(!pairOf("region-1"));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    doc.undoStack()->undo();
    QCOMPARE(pairOf("region-1"), std::optional<RegionId>(RegionId("region-2")));
    QCOMPARE(pairOf("region-2"), std::optional<RegionId>(RegionId("region-1")));

    // A paired region can be deleted: its partner is unpaired in the same step.
    doc.undoStack()->undo(); // region-3 gone again
    w.document()->undoStack()->clear();
    QVERIFY(w.selectId(QStringLiteral("region-2")));
    w.inspector()->regionEditor()->findChild<QPushButton*>(QStringLiteral("region-delete"))->click();
    QCOMPARE(doc.topology().regions.size(), std::size_t(1));
    QVERIFY(!pairOf("region-1"));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestEditorLinks::valuesOutsideTheirLimitsAreRefusedAtTheField()
{
    MainWindow& w = *m_window;
    Document& doc = *w.document();
    addPairedRegions();
    const QString web = w.scene()->dropKind(ComponentKind::AppService, laneCentre(doc, "region-1", 1));
    QVERIFY(w.selectId(web));
    const Topology before = doc.topology();
    const struct {
        const char* field;
        const char* text;
        const char* reason;
    } cases[] = {
        {"capacity", "-500", "0 or more"},
        {"cost", "-1", "0 or more"},
        {"mtbf", "0s", "greater than zero"},
        {"sla", "0%", "above 0%"},
    };
    for (const auto& c : cases) {
        UnitField* f = w.inspector()->unitField(QLatin1String(c.field));
        QVERIFY2(f, c.field);
        f->lineEdit()->setFocus();
        f->lineEdit()->selectAll();
        QTest::keyClicks(f->lineEdit(), QLatin1String(c.text));
        QTest::keyClick(f->lineEdit(), Qt::Key_Return);
        QVERIFY2(f->error().contains(QLatin1String(c.reason)), qPrintable(f->error()));
        QVERIFY2(doc.topology() == before, c.field);
    }
    // A value inside the limits goes through.
    UnitField* capacity = w.inspector()->unitField(QStringLiteral("capacity"));
    capacity->lineEdit()->selectAll();
    QTest::keyClicks(capacity->lineEdit(), QStringLiteral("500"));
    QTest::keyClick(capacity->lineEdit(), Qt::Key_Return);
    QCOMPARE(find(w, web)->capacityRps, std::optional<double>(500.0));
}

void TestEditorLinks::clickingARegionTitleEditsTheRegion()
{
    MainWindow& w = *m_window;
    Document& doc = *w.document();
    addPairedRegions();
    const QString web = w.scene()->dropKind(ComponentKind::AppService, laneCentre(doc, "region-2", 1));
    QVERIFY(w.selectId(web));
    QCOMPARE(w.inspector()->componentId(), web);
    // A click on the region's title, above its lanes, opens its editor in the inspector.
    QRectF title;
    for (const ContainerBox& box : doc.layout().containers)
        if (box.id == QLatin1String("region-2"))
            title = QRectF(box.rect.topLeft(), QPointF(box.rect.right(), box.lanes.front().rect.top()));
    QVERIFY(!title.isEmpty());
    const QPoint at = w.view()->mapFromScene(title.center());
    QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(w.inspector()->regionEditor()->isVisible());
    QCOMPARE(w.inspector()->regionEditor()->regionId(), QStringLiteral("region-2"));
    QVERIFY(w.scene()->selectedComponentIds().isEmpty());
    // A click inside a lane still starts a rubber band, not a region edit.
    QVERIFY(w.scene()->containerTitleAt(laneCentre(doc, "region-2", 2)).isEmpty());
}

QTEST_MAIN(TestEditorLinks)
#include "test_editor_links.moc"
