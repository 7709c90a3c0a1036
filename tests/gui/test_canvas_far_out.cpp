// The canvas zoomed far out: lines rasterised one pixel wide (checked pixel by pixel), and the overview
// layer that keeps them in an image of the view: new lines are added to it, a moved or recoloured line is
// redrawn, an export draws them directly, and at the normal level of detail each line draws itself.
#include "EditorTestWindow.h"
#include "ui/document/Document.h"
#include "ui/editor/CanvasColors.h"
#include "ui/editor/EdgeItem.h"
#include "ui/editor/EdgeOverview.h"
#include "ui/editor/ThinLine.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPainter>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <limits>
#include <set>
#include <utility>
#include <vector>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

using Pixels = std::set<std::pair<int, int>>;

constexpr QRgb kInk = 0xff204080u;

QImage blank(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

/// The (x, y) of every pixel drawn in kInk.
Pixels inked(const QImage& image)
{
    Pixels out;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) == kInk)
                out.insert({x, y});
    return out;
}

/// Whether a pixel of `color` lies within one pixel of `at`.
bool colourNear(const QImage& image, QPoint at, const QColor& color)
{
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (image.rect().contains(p) && image.pixelColor(p).rgb() == color.rgb())
                return true;
        }
    return false;
}

/// Two boxes 4,920 units apart vertically, a hard dependency between them, and an overview of it, shown
/// in a view at 10 %.
struct FarOutCanvas
{
    QGraphicsScene scene;
    QGraphicsView view;
    QGraphicsRectItem* top = new QGraphicsRectItem(0, 0, 200, 80);
    QGraphicsRectItem* bottom = new QGraphicsRectItem(0, 0, 200, 80);
    std::vector<EdgeItem*> edges;
    EdgeOverview* overview = nullptr;

    FarOutCanvas()
    {
        scene.setItemIndexMethod(QGraphicsScene::NoIndex);
        scene.setSceneRect(-3000, -500, 9000, 6000);
        bottom->setPos(0, 5000);
        top->setPen(Qt::NoPen); // the boxes' bounds are then exactly their rectangles
        bottom->setPen(Qt::NoPen);
        scene.addItem(top);
        scene.addItem(bottom);
        overview = new EdgeOverview(edges);
        scene.addItem(overview);
        addEdge(top, bottom);
        view.setScene(&scene);
        view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view.resize(500, 700);
        view.setTransform(QTransform::fromScale(0.1, 0.1));
        view.centerOn(100, 2540);
        view.show();
    }
    EdgeItem* addEdge(QGraphicsItem* from, QGraphicsItem* to)
    {
        auto* edge = new EdgeItem(from, to, EdgeItem::Style::Hard);
        edge->setOverview(overview);
        scene.addItem(edge);
        edges.push_back(edge);
        return edge;
    }
    QImage grab() { return view.viewport()->grab().toImage(); }
    QPoint at(QPointF scenePos) const { return view.mapFromScene(scenePos); }
};

} // namespace

class TestCanvasFarOut : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateTestApplication(); }

    void thinLinesAreBresenhamLines()
    {
        // Coordinates are in pixels: pixel (i, j) covers [i, i + 1) x [j, j + 1), so its centre is
        // (i + .5, j + .5).
        QImage image = blank(8, 6);
        drawThinLine(image, QLineF(0.5, 0.5, 4.5, 0.5), kInk);
        QCOMPARE(inked(image), (Pixels{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}}));
        image = blank(8, 6);
        drawThinLine(image, QLineF(2.5, 4.5, 2.5, 1.5), kInk); // upwards
        QCOMPARE(inked(image), (Pixels{{2, 1}, {2, 2}, {2, 3}, {2, 4}}));
        image = blank(8, 6);
        drawThinLine(image, QLineF(0.5, 0.5, 3.5, 3.5), kInk);
        QCOMPARE(inked(image), (Pixels{{0, 0}, {1, 1}, {2, 2}, {3, 3}}));
        // 6 across, 3 down: one pixel per column, stepping down every other column.
        image = blank(8, 6);
        drawThinLine(image, QLineF(0.5, 0.5, 6.5, 3.5), kInk);
        QCOMPARE(inked(image), (Pixels{{0, 0}, {1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {6, 3}}));
        image = blank(8, 6);
        drawThinLine(image, QLineF(5.2, 2.7, 5.2, 2.7), kInk); // a point
        QCOMPARE(inked(image), (Pixels{{5, 2}}));
    }

    void thinLinesAreClippedToTheImage()
    {
        QImage image = blank(5, 3);
        drawThinLine(image, QLineF(-100.5, 1.5, 200.5, 1.5), kInk);
        QCOMPARE(inked(image), (Pixels{{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}}));
        image = blank(5, 3);
        drawThinLine(image, QLineF(-2.5, -2.5, 2.5, 2.5), kInk); // enters at the top-left corner
        QCOMPARE(inked(image), (Pixels{{0, 0}, {1, 1}, {2, 2}}));
        image = blank(5, 3);
        drawThinLine(image, QLineF(-5, -5, 20, -1), kInk); // above the image
        drawThinLine(image, QLineF(5.5, 0, 5.5, 3), kInk);  // just right of it
        drawThinLine(image, QLineF(-1e9, 1e9, 1e9, -1e9), kInk); // far off, crossing nothing
        QVERIFY(inked(image).empty());
        QImage none;
        drawThinLine(none, QLineF(0, 0, 10, 10), kInk); // an empty image is left alone
        QVERIFY(none.isNull());
    }

    void thinLinesStayOnTheLineAndInTheImage()
    {
        // Random lines, many of them far outside: every pixel drawn lies within a pixel of the segment.
        QRandomGenerator random(20261122);
        const auto coordinate = [&random] {
            const double scales[] = {10, 100, 1e4, 1e9};
            return (random.generateDouble() - 0.3) * scales[random.bounded(4)];
        };
        int drawn = 0;
        for (int i = 0; i < 4000; ++i) {
            const QLineF line(coordinate(), coordinate(), coordinate(), coordinate());
            QImage image = blank(37, 23);
            drawThinLine(image, line, kInk);
            for (const auto& [x, y] : inked(image)) {
                ++drawn;
                const QPointF centre(x + 0.5, y + 0.5);
                const QPointF d = line.p2() - line.p1();
                const double length2 = QPointF::dotProduct(d, d);
                const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(centre - line.p1(), d) / length2, 0.0, 1.0) : 0.0;
                const QPointF nearest = line.p1() + t * d;
                QVERIFY2(QLineF(centre, nearest).length() <= 1.0 + 1e-9 * std::max(1.0, line.length()),
                         qPrintable(QStringLiteral("pixel %1,%2 of line %3,%4 - %5,%6").arg(x).arg(y)
                                        .arg(line.x1()).arg(line.y1()).arg(line.x2()).arg(line.y2())));
            }
        }
        QVERIFY(drawn > 1000); // the lines crossing the image were drawn
        // Not-a-number and infinite ends draw nothing.
        QImage image = blank(10, 10);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        drawThinLine(image, QLineF(nan, 2, 5, 5), kInk);
        drawThinLine(image, QLineF(2, 2, inf, 5), kInk);
        drawThinLine(image, QLineF(-inf, -inf, inf, inf), kInk);
        QVERIFY(inked(image).empty());
    }

    void farOutTheOverviewDrawsTheLines()
    {
        FarOutCanvas canvas;
        const QColor ink = canvasColors().edgeDependency;
        const QLineF line = canvas.edges[0]->line();
        QCOMPARE(line, QLineF(100, 80, 100, 5000)); // bottom of the top box to the top of the bottom one
        const QImage shown = canvas.grab();
        QVERIFY(colourNear(shown, canvas.at(line.center()), ink));
        QVERIFY(colourNear(shown, canvas.at(line.pointAt(0.2)), ink));
        QVERIFY(!colourNear(shown, canvas.at(line.center() + QPointF(600, 0)), ink)); // 60 pixels aside
        // The line itself draws nothing out here: with the overview gone, the view is blank there.
        canvas.overview->setVisible(false);
        QVERIFY(!colourNear(canvas.grab(), canvas.at(line.center()), ink));
    }

    void newLinesAreAddedToTheImage()
    {
        FarOutCanvas canvas;
        const QColor ink = canvasColors().edgeDependency;
        // The layer covers its lines and no more, so it never widens what an export shows.
        QCOMPARE(canvas.overview->boundingRect(), canvas.edges[0]->boundingRect());
        (void)canvas.grab(); // the image now holds the first line
        auto* right = new QGraphicsRectItem(0, 0, 200, 80);
        right->setPos(2000, 5000);
        canvas.scene.addItem(right);
        const EdgeItem* added = canvas.addEdge(canvas.top, right);
        QCOMPARE(canvas.overview->boundingRect(), canvas.edges[0]->boundingRect().united(added->boundingRect()));
        const QImage shown = canvas.grab();
        QVERIFY(colourNear(shown, canvas.at(added->line().center()), ink));
        QVERIFY(colourNear(shown, canvas.at(canvas.edges[0]->line().center()), ink));
    }

    void aMovedOrRecolouredLineIsRedrawn()
    {
        FarOutCanvas canvas;
        const QColor ink = canvasColors().edgeDependency;
        const QPointF before = canvas.edges[0]->line().center();
        QVERIFY(colourNear(canvas.grab(), canvas.at(before), ink));
        canvas.bottom->setPos(2000, 5000);
        canvas.edges[0]->adjust(); // what a card does when it moves
        QVERIFY(canvas.overview->boundingRect().contains(canvas.edges[0]->boundingRect()));
        const QPointF after = canvas.edges[0]->line().center();
        QImage shown = canvas.grab();
        QVERIFY(!colourNear(shown, canvas.at(before), ink));
        QVERIFY(colourNear(shown, canvas.at(after), ink));
        canvas.edges[0]->setReplayFlow(EdgeItem::ReplayFlow{QStringLiteral("120 rps"), 3, QColor(0xd0, 0x20, 0x20)});
        shown = canvas.grab();
        QVERIFY(colourNear(shown, canvas.at(after), QColor(0xd0, 0x20, 0x20)));
        QVERIFY(!colourNear(shown, canvas.at(after), ink));
        // A translucent replay colour is drawn too (by QPainter, blended).
        canvas.edges[0]->setReplayFlow(EdgeItem::ReplayFlow{{}, 2, QColor(0, 0xa0, 0, 128)});
        shown = canvas.grab();
        const QColor blended = shown.pixelColor(canvas.at(canvas.edges[0]->line().pointAt(0.5)));
        QVERIFY2(blended.green() > blended.red() + 40 || colourNear(shown, canvas.at(after), blended),
                 qPrintable(blended.name()));
    }

    void anExportDrawsTheLinesDirectly()
    {
        FarOutCanvas canvas;
        const QColor ink = canvasColors().edgeDependency;
        const QRectF source(-1000, 0, 2400, 5200);
        QImage image(240, 520, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            canvas.scene.render(&painter, QRectF(image.rect()), source);
        }
        // Scene (100, 2540) is image (110, 254) at this 1:10 scale. QPainter draws the 0.22-pixel pen on its
        // own, lighter than the view's one-pixel line, but in the line's hue; nothing is drawn beside it.
        const auto inkedNear = [&image, &ink](QPoint at) {
            for (int dx = -1; dx <= 1; ++dx) {
                const QColor c = image.pixelColor(at + QPoint(dx, 0));
                if (c != QColor(Qt::white) && c.blue() >= c.red() && c.blue() - c.red() <= ink.blue() - ink.red())
                    return true;
            }
            return false;
        };
        QVERIFY(inkedNear(QPoint(110, 254)));
        QVERIFY(inkedNear(QPoint(110, 100)));
        QVERIFY(!inkedNear(QPoint(150, 254)));
    }

    void atTheNormalLevelOfDetailEachLineDrawsItself()
    {
        FarOutCanvas canvas;
        canvas.view.setTransform(QTransform());
        canvas.view.centerOn(100, 2540);
        canvas.overview->setVisible(false); // the lines are the edges' own
        const QImage shown = canvas.grab();
        QVERIFY(colourNear(shown, canvas.at(QPointF(100, 2540)), canvasColors().edgeDependency));
    }

    void theEditorCanvasDrawsItsLinesThroughTheOverview()
    {
        auto window = test::makeTestWindow();
        QVERIFY(window->openFile(QStringLiteral(FIREDRILL_SAMPLES_DIR "/two-region.yaml")));
        auto* scene = static_cast<TopologyScene*>(window->view()->scene());
        scene->ensureCurrent();
        window->view()->setTransform(QTransform::fromScale(0.12, 0.12));
        // A hard dependency line whose middle no card covers: out here it is drawn only by the overview.
        const EdgeItem* chosen = nullptr;
        for (const EdgeItem* e : scene->edges()) {
            if (e->style() != EdgeItem::Style::Hard || e->line().length() < 120)
                continue;
            const auto under = scene->items(e->line().center());
            if (std::none_of(under.begin(), under.end(), [](QGraphicsItem* i) { return i->zValue() >= 2; }))
                chosen = e;
        }
        QVERIFY(chosen);
        window->view()->centerOn(chosen->line().center());
        const QPoint at = window->view()->mapFromScene(chosen->line().center());
        QVERIFY(colourNear(window->view()->viewport()->grab().toImage(), at, canvasColors().edgeDependency));
        for (QGraphicsItem* item : scene->items())
            if (dynamic_cast<EdgeOverview*>(item))
                item->setVisible(false);
        QVERIFY(!colourNear(window->view()->viewport()->grab().toImage(), at, canvasColors().edgeDependency));
    }
};

QTEST_MAIN(TestCanvasFarOut)
#include "test_canvas_far_out.moc"
