// Arranging the diagram: cards placed by hand keep their spot (stored with the topology, saved and
// reopened), the automatic layout fills around them, Tidy hands cards back to it, Align and Distribute
// line cards up; every step is one undo step. Layout figures are checked against hand-computed values.

#include "core/io/TopologyFile.h"
#include "ui/document/Document.h"
#include "ui/editor/CardArrangement.h"
#include "ui/editor/ComponentItem.h"
#include "ui/editor/DiagramLayout.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/mainwindow/DocumentActions.h"
#include "ui/mainwindow/MainWindow.h"
#include "EditorTestWindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
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

Topology sample()
{
    auto loaded = loadTopologyYamlFile(samplePath().toStdString());
    if (!loaded.topology)
        qFatal("cannot read the sample");
    return *loaded.topology;
}

Component& component(Topology& t, const char* id)
{
    for (Component& c : t.components)
        if (c.id.str() == id)
            return c;
    qFatal("no component %s", id);
}

const LaneBox& lane(const DiagramLayout& layout, const QString& region, int zone)
{
    for (const ContainerBox& box : layout.containers)
        if (box.id == region)
            for (const LaneBox& l : box.lanes)
                if (l.zone == zone)
                    return l;
    qFatal("no lane");
}

/// One region without zones holding three app services placed at the given x offsets and y offsets.
Topology threeInALane(const int xs[3], const int ys[3])
{
    Topology t;
    t.name = "Arrange";
    Region r;
    r.id = RegionId("r");
    r.name = "Region";
    t.regions.push_back(r);
    const char* ids[] = {"a", "b", "c"};
    for (int i = 0; i < 3; ++i) {
        Component c;
        c.id = ComponentId(ids[i]);
        c.kind = ComponentKind::AppService;
        c.region = r.id;
        c.position = CardPosition{xs[i], ys[i]};
        t.components.push_back(c);
    }
    return t;
}

std::optional<CardPosition> positionAfter(const std::vector<Component>& changed, const char* id)
{
    for (const Component& c : changed)
        if (c.id.str() == id)
            return c.position;
    return std::nullopt;
}

QAction* action(const MainWindow& w, const char* name)
{
    return w.findChild<QAction*>(QLatin1String(name));
}

} // namespace

class TestArrange : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateTestApplication(); }
    void positionedCardSitsWhereItWasPut();
    void automaticCardsFillAroundPositionedOnes();
    void alignAndDistributeHandComputed();
    void tidyForgetsPositions();
    void dragWithTheMouseKeepsTheSpotAndSaves();
    void arrangeMenuAlignsTheSelection();
};

void TestArrange::positionedCardSitsWhereItWasPut()
{
    Topology t = sample();
    const DiagramLayout before = computeLayout(t);
    const LaneBox& lane0 = lane(before, QStringLiteral("weu"), 0);
    QCOMPARE(before.areaOrigin.at(QStringLiteral("web-weu")), lane0.origin);
    // The origin of a lane's cards: right of the 80-unit label column, 8 units below the lane's top.
    QCOMPARE(lane0.origin, lane0.rect.topLeft() + QPointF(80, 8));

    component(t, "web-weu").position = CardPosition{248, 120};
    const DiagramLayout after = computeLayout(t);
    const LaneBox& grown = lane(after, QStringLiteral("weu"), 0);
    QCOMPARE(after.cards.at(QStringLiteral("web-weu")).topLeft(), grown.origin + QPointF(248, 120));
    // The lane grows to hold it: 8 + 120 + 96 (card) + 8.
    QCOMPARE(grown.rect.height(), 232.0);
    // The replica card in zone 2 keeps its own position, relative to its own lane.
    component(t, "sql-ag").replicas[1].position = CardPosition{0, 16};
    const DiagramLayout withReplica = computeLayout(t);
    QCOMPARE(withReplica.cards.at(QStringLiteral("sql-weu-2")).topLeft(),
             lane(withReplica, QStringLiteral("weu"), 2).origin + QPointF(0, 16));
}

void TestArrange::automaticCardsFillAroundPositionedOnes()
{
    Topology t = sample();
    // agw-weu (routing) comes before web-weu (compute) in lane 0: slots 0 and 1.
    const DiagramLayout before = computeLayout(t);
    const QPointF origin = lane(before, QStringLiteral("weu"), 0).origin;
    QCOMPARE(before.cards.at(QStringLiteral("agw-weu")).topLeft(), origin);
    QCOMPARE(before.cards.at(QStringLiteral("web-weu")).topLeft(), origin + QPointF(248, 0));
    // web-weu put in slot 0: agw-weu skips it and takes the next free slot (232 + 16 units to the right).
    component(t, "web-weu").position = CardPosition{0, 0};
    const DiagramLayout after = computeLayout(t);
    const QPointF o = lane(after, QStringLiteral("weu"), 0).origin;
    QCOMPARE(after.cards.at(QStringLiteral("web-weu")).topLeft(), o);
    QCOMPARE(after.cards.at(QStringLiteral("agw-weu")).topLeft(), o + QPointF(248, 0));
    // A global card placed by hand: the band's area starts under its title, 12 units in.
    component(t, "tm").position = CardPosition{40, 0};
    const DiagramLayout band = computeLayout(t);
    const ContainerBox& global = band.containers.front();
    QCOMPARE(global.kind, ContainerBox::Kind::Global);
    QCOMPARE(global.origin, global.rect.topLeft() + QPointF(12, 38));
    QCOMPARE(band.cards.at(QStringLiteral("tm")).topLeft(), global.origin + QPointF(40, 0));
}

void TestArrange::alignAndDistributeHandComputed()
{
    const int xs[] = {0, 300, 900};
    const int ys[] = {0, 40, 80};
    const Topology t = threeInALane(xs, ys);
    const DiagramLayout layout = computeLayout(t);
    const QStringList all = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};

    // Distribute across: a at 0 and c at 900 stay, b goes half way: 450.
    auto changed = alignCards(t, layout, all, AlignMode::DistributeHorizontally);
    QCOMPARE(changed.size(), std::size_t(1));
    QCOMPARE(positionAfter(changed, "b"), std::optional<CardPosition>(CardPosition{450, 40}));
    // Align tops: everyone at the highest top, 0.
    changed = alignCards(t, layout, all, AlignMode::Top);
    QCOMPARE(positionAfter(changed, "b")->y, 0);
    QCOMPARE(positionAfter(changed, "c")->y, 0);
    // Align bottoms: at the lowest bottom (80 + 96), so every top at 80.
    changed = alignCards(t, layout, all, AlignMode::Bottom);
    QCOMPARE(positionAfter(changed, "a")->y, 80);
    QCOMPARE(positionAfter(changed, "b")->y, 80);
    // Centres on one horizontal line: the group spans 0..176, its middle 88, so every top at 88 - 48 = 40.
    changed = alignCards(t, layout, all, AlignMode::VerticalCentre);
    QCOMPARE(positionAfter(changed, "a")->y, 40);
    QVERIFY(!positionAfter(changed, "b")); // already there: unchanged
    QCOMPARE(positionAfter(changed, "c")->y, 40);
    // Centres on one vertical line: the group spans 0..1132, its middle 566, every left at 566 - 116 = 450.
    changed = alignCards(t, layout, all, AlignMode::HorizontalCentre);
    QCOMPARE(positionAfter(changed, "a")->x, 450);
    QCOMPARE(positionAfter(changed, "c")->x, 450);
    // Right edges: at 900 + 232; every left at 900.
    changed = alignCards(t, layout, {QStringLiteral("a"), QStringLiteral("b")}, AlignMode::Right);
    QCOMPARE(positionAfter(changed, "a")->x, 300);
    // Fewer than two cards (three to distribute): nothing to do.
    QVERIFY(alignCards(t, layout, {QStringLiteral("a")}, AlignMode::Left).empty());
    QVERIFY(alignCards(t, layout, {QStringLiteral("a"), QStringLiteral("b")}, AlignMode::DistributeVertically).empty());
}

void TestArrange::tidyForgetsPositions()
{
    const int xs[] = {0, 300, 900};
    const int ys[] = {0, 40, 80};
    const Topology t = threeInALane(xs, ys);
    auto changed = tidyCards(t, {QStringLiteral("b")});
    QCOMPARE(changed.size(), std::size_t(1));
    QVERIFY(!changed.front().position);
    changed = tidyCards(t, {});
    QCOMPARE(changed.size(), std::size_t(3));
    // The automatic layout again: one row, 248 units apart.
    Topology tidy = t;
    tidy.components = changed;
    const DiagramLayout layout = computeLayout(tidy);
    const QPointF o = layout.areaOrigin.at(QStringLiteral("a"));
    QCOMPARE(layout.cards.at(QStringLiteral("b")).topLeft(), o + QPointF(248, 0));
    QVERIFY(tidyCards(tidy, {}).empty());
}

void TestArrange::dragWithTheMouseKeepsTheSpotAndSaves()
{
    auto window = test::makeTestWindow();
    MainWindow& w = *window;
    QVERIFY(w.openFile(samplePath()));
    const Topology original = w.document()->topology();
    ComponentItem* card = w.scene()->card(QStringLiteral("web-weu"));
    QVERIFY(card);
    const QPointF origin = w.document()->layout().areaOrigin.at(QStringLiteral("web-weu"));
    const QPointF topLeft = card->sceneCardRect().topLeft();

    // Drag it 40 units down (still inside its lane) with the mouse.
    const QPoint from = w.view()->mapFromScene(card->sceneCardRect().center());
    const QPoint to = w.view()->mapFromScene(card->sceneCardRect().center() + QPointF(0, 40));
    QTest::mousePress(w.view()->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(w.view()->viewport(), (from + to) / 2);
    QTest::mouseMove(w.view()->viewport(), to);
    QTest::mouseRelease(w.view()->viewport(), Qt::LeftButton, {}, to);
    const Component* moved = w.document()->topology().findComponent(ComponentId("web-weu"));
    QVERIFY(moved->position);
    QCOMPARE(moved->region, std::optional<RegionId>(RegionId("weu"))); // still in its lane
    // The view maps whole pixels back to scene units; the grid (8) absorbs the rounding.
    const QPointF expected = topLeft - origin + QPointF(0, 40);
    QCOMPARE(moved->position->x, static_cast<int>(std::round(expected.x() / 8) * 8));
    QCOMPARE(moved->position->y, static_cast<int>(std::round(expected.y() / 8) * 8));
    QCOMPARE(w.document()->undoStack()->count(), 1);
    QVERIFY(w.document()->undoStack()->text(0).contains(QStringLiteral("web-weu")));
    const CardPosition placed = *moved->position;
    ComponentItem* after = w.scene()->card(QStringLiteral("web-weu"));
    QCOMPARE(after->sceneCardRect().topLeft(),
             w.document()->layout().areaOrigin.at(QStringLiteral("web-weu")) + QPointF(placed.x, placed.y));

    w.document()->undoStack()->undo();
    QVERIFY(w.document()->topology() == original);
    w.document()->undoStack()->redo();

    // Saved to a workspace and reopened: the card is where it was put.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("arranged.firedrill"));
    QVERIFY(w.fileActions()->saveAs(path));
    auto reopened = test::makeTestWindow();
    window.reset();
    QVERIFY(reopened->openFile(path));
    const Component* back = reopened->document()->topology().findComponent(ComponentId("web-weu"));
    QCOMPARE(back->position, std::optional<CardPosition>(placed));

    // A duplicate takes a free place instead of covering its original.
    reopened->scene()->selectIds({QStringLiteral("web-weu")});
    reopened->findChild<QAction*>(QStringLiteral("actionDuplicate"))->trigger();
    const QStringList copies = reopened->scene()->selectedComponentIds();
    QCOMPARE(copies.size(), 1);
    QVERIFY(!reopened->document()->topology().findComponent(ComponentId(copies.front().toStdString()))->position);
    QVERIFY(!reopened->scene()->card(copies.front())->sceneCardRect().intersects(
        reopened->scene()->card(QStringLiteral("web-weu"))->sceneCardRect()));
}

void TestArrange::arrangeMenuAlignsTheSelection()
{
    auto window = test::makeTestWindow();
    MainWindow& w = *window;
    QVERIFY(w.openFile(samplePath()));
    QAction* left = action(w, "actionAlignLeft");
    QAction* across = action(w, "actionDistributeHorizontally");
    QAction* tidy = action(w, "actionTidy");
    QVERIFY(left && across && tidy);
    QCOMPARE(left->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Left));
    QCOMPARE(tidy->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QVERIFY(!left->isEnabled()); // nothing selected

    // web-weu (lane 0, second slot) and the SQL card in zone 1 (first slot): align their left edges.
    w.scene()->selectIds({QStringLiteral("web-weu"), QStringLiteral("sql-ag")});
    QVERIFY(left->isEnabled());
    QVERIFY(!across->isEnabled()); // distributing takes three
    const double sqlLeft = w.scene()->card(QStringLiteral("sql-ag"))->sceneCardRect().left();
    QVERIFY(w.scene()->card(QStringLiteral("web-weu"))->sceneCardRect().left() > sqlLeft);
    left->trigger();
    QCOMPARE(w.scene()->card(QStringLiteral("web-weu"))->sceneCardRect().left(),
             w.scene()->card(QStringLiteral("sql-ag"))->sceneCardRect().left());
    QCOMPARE(w.document()->undoStack()->count(), 1);
    QCOMPARE(w.scene()->selectedCardIds().size(), 2); // the selection survives the redraw

    // Tidy with nothing selected hands every card back to the automatic layout; undo brings them back.
    w.scene()->selectIds({});
    tidy->trigger();
    QVERIFY(!w.document()->topology().findComponent(ComponentId("web-weu"))->position);
    QVERIFY(!w.document()->topology().findComponent(ComponentId("sql-ag"))->position);
    QCOMPARE(w.document()->undoStack()->count(), 2);
    w.document()->undoStack()->undo();
    QVERIFY(w.document()->topology().findComponent(ComponentId("web-weu"))->position);

    // The actions sit in Edit ▸ Arrange.
    bool found = false;
    for (QAction* menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction* sub : menu->menu()->actions())
                if (sub->menu() && sub->menu()->actions().contains(left))
                    found = true;
    QVERIFY(found);
}

QTEST_MAIN(TestArrange)
#include "test_arrange.moc"
