// Opening a large topology without holding the window (offscreen): the file is read on a worker thread
// while the window keeps running its event loop, the canvas is built on a later turn of the loop, the
// summary strip computes on a worker, the strategy preview is computed once, and a hidden page's canvas
// waits until it is shown. Figures are checked against hand-computed values.

#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/editor/ComponentItem.h"
#include "ui/editor/DiagramLayout.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/mainwindow/DocumentActions.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/panels/TopologyTree.h"
#include "ui/panels/SummaryStrip.h"
#include "ui/replay/ReplayView.h"
#include "ui/strategy/StrategyPanel.h"

#include <QApplication>
#include <QComboBox>
#include <algorithm>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

/// Components in the generated file: above kWorkerComponents, so the strip uses its worker.
constexpr int kComponents = 2500;

/// A traffic manager in front of `count` web apps in one region, each costing 10 USD a month, and one
/// workload entering at the traffic manager (no strategy, so the strategy panel previews one), plus a
/// scenario for the replay page.
QByteArray largeTopology(int count)
{
    QByteArray yaml = "firedrill: 1\nname: Large\nregions:\n  - {id: weu, name: West Europe, zones: 3}\n"
                      "  - {id: neu, name: North Europe, zones: 3}\ncomponents:\n"
                      "  - {id: tm, kind: traffic-manager, routing: priority, endpoints: [web-0], cost: 10}\n";
    for (int i = 0; i < count; ++i) {
        yaml += "  - {id: web-" + QByteArray::number(i) + ", kind: app-service, region: weu, zone: " +
                QByteArray::number(i % 3 + 1) + ", instances: 2, cost: 10, sla: 99.95%";
        if (i + 1 < count && i % 50 == 0)
            yaml += ", depends_on: [web-" + QByteArray::number(i + 1) + "]";
        yaml += "}\n";
    }
    yaml += "workloads:\n  - {id: shop, name: Shop, entry: tm, demand_rps: 100}\n"
            "scenarios:\n  - id: zone\n    name: Zone loss\n    duration: 1h\n"
            "    faults:\n      - {at: 5m, target: region/weu, kind: outage, for: 20m}\n";
    return yaml;
}

std::unique_ptr<MainWindow> makeWindow()
{
    auto w = std::make_unique<MainWindow>();
    w->setErrorDialogsEnabled(false);
    w->setUnsavedPolicy(DocumentActions::UnsavedPolicy::Discard);
    w->setRecoveryPolicy(MainWindow::RecoveryPolicy::Ignore);
    w->resize(1400, 900);
    w->show();
    return w;
}

} // namespace

class TestLargeOpen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fileIsReadWhileTheWindowRuns();
    void canvasIsBuiltOnTheNextTurnAndFitted();
    void summaryComesFromTheWorker();
    void strategyPreviewIsComputedOnce();
    void hiddenReplayCanvasWaitsUntilShown();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestLargeOpen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("Firedrill-test"));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("large.yaml"));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(largeTopology(kComponents)) > 0);
}

void TestLargeOpen::fileIsReadWhileTheWindowRuns()
{
    auto w = makeWindow();
    // A timer due at once runs inside the open: only possible while the window's event loop turns.
    bool ranWhileLoading = false;
    QString status;
    bool closed = true;
    QTimer::singleShot(0, w.get(), [&] {
        ranWhileLoading = w->fileActions()->isLoading();
        status = w->statusBar()->currentMessage();
        closed = w->close(); // refused: the window waits for the file
        QVERIFY(!w->fileActions()->open(m_path)); // one file at a time
    });
    QVERIFY(w->openFile(m_path));
    QVERIFY(ranWhileLoading);
    QCOMPARE(status, QStringLiteral("Opening large.yaml…"));
    QVERIFY(!closed);
    QVERIFY(w->isVisible());
    QVERIFY(!w->fileActions()->isLoading());
    QCOMPARE(w->statusBar()->currentMessage(), QString());
    QCOMPARE(static_cast<int>(w->document()->topology().components.size()), kComponents + 1);
    QCOMPARE(w->document()->path(), m_path);
    // A file that cannot be read leaves the open document as it was.
    QVERIFY(!w->openFile(m_dir.filePath(QStringLiteral("missing.yaml"))));
    QCOMPARE(w->document()->path(), m_path);
    QVERIFY(!w->fileActions()->isLoading());
}

void TestLargeOpen::canvasIsBuiltOnTheNextTurnAndFitted()
{
    auto w = makeWindow();
    QSignalSpy rebuilt(w->scene(), &TopologyScene::rebuilt);
    QVERIFY(w->openFile(m_path));
    QVERIFY(!w->topologyTree()->selectId(QStringLiteral("web-2499"))); // not filled yet
    QSignalSpy completed(w->scene(), &TopologyScene::completed);
    QVERIFY(w->scene()->isStale()); // the panels are filled; the canvas follows
    QCOMPARE(rebuilt.count(), 0);
    QTRY_VERIFY(!w->scene()->isStale());
    // Once, although both the document and its strategy preview changed the canvas: the cards on one
    // turn, the lines on the next ones.
    QCOMPARE(rebuilt.count(), 1);
    QCOMPARE(completed.count(), 1);
    QVERIFY(!w->scene()->previewing()); // no strategy this file's regions allow differs from the design
    // Every 50th web app depends on the next (web-0 ... web-2450: 50 lines), and the traffic manager
    // has one endpoint.
    QCOMPARE(static_cast<int>(w->scene()->edges().size()), 51);
    // The large file's tree follows the canvas, on a turn of its own.
    QTRY_VERIFY(w->topologyTree()->selectId(QStringLiteral("web-2499")));
    QVERIFY(w->scene()->card(QStringLiteral("web-2499")) != nullptr);
    // Fitted: the diagram is far wider than the window, so the zoom went below 100 %.
    QVERIFY(w->view()->transform().m11() < 1.0);
    // An accessor never sees stale items: after an edit the new card is there at once.
    const QString added = addComponentOfKind(*w->document(), ComponentKind::AppService, Placement{});
    QVERIFY(w->scene()->card(added) != nullptr); // the cards at once, the lines on the next turns
    QTRY_VERIFY(!w->scene()->isStale());
    QCOMPARE(completed.count(), 2);
}

void TestLargeOpen::summaryComesFromTheWorker()
{
    auto w = makeWindow();
    QVERIFY(w->openFile(m_path));
    SummaryStrip* strip = w->summaryStrip();
    QVERIFY(strip->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!strip->busy(), 30000);
    // 2,501 components at 10 USD a month each.
    QCOMPARE(strip->figures().topologyCost, 25010.0);
    QVERIFY(strip->text().contains(QStringLiteral("$25,010")));
    // An edit recomputes; the newest version wins even when edits come faster than the worker.
    const ComponentId first("web-0");
    Component changed = *w->document()->topology().findComponent(first);
    changed.cost = 110;
    w->document()->replaceComponent(changed);
    changed.cost = 1010;
    w->document()->replaceComponent(changed);
    QVERIFY(strip->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!strip->busy(), 30000);
    QCOMPARE(strip->figures().topologyCost, 26010.0);
    const SummaryFigures direct = SummaryStrip::compute(w->document()->topology(), strip->focus());
    QCOMPARE(strip->figures().spofs, direct.spofs);
    QCOMPARE(strip->figures().availability, direct.availability);
}

void TestLargeOpen::strategyPreviewIsComputedOnce()
{
    auto w = makeWindow();
    StrategyPanel* panel = w->strategyPanel();
    QSignalSpy previews(panel, &StrategyPanel::previewChanged);
    QSignalSpy pending(panel, &StrategyPanel::previewPending);
    QSignalSpy built(w->scene(), &TopologyScene::rebuilt);
    QVERIFY(w->openFile(m_path));
    // The reset reaches the panel as a document change and as a change of the workload in focus: one
    // preview, computed on the worker; the canvas waits for it instead of being built twice.
    QCOMPARE(pending.count(), 1);
    QVERIFY(panel->previewBusy());
    QCOMPARE(previews.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->previewBusy(), 30000);
    QCOMPARE(previews.count(), 1);
    QTRY_VERIFY(!w->scene()->isStale());
    QCOMPARE(built.count(), 1);
    // No strategy yet, so the panel previews redeploy-from-backup: with everything in one region that
    // changes nothing, and the canvas shows the design.
    QVERIFY(!panel->preview().has_value());
    QVERIFY(!w->scene()->previewing());
    QCOMPARE(built.count(), 1);
    QVERIFY(w->scene()->card(QStringLiteral("web-2499")) != nullptr);
    // A real change of input computes again; the same input does not. With North Europe as the secondary
    // region, the full replica previews the workload's counterparts there, laid out on the worker.
    auto* secondary = panel->findChild<QComboBox*>(QStringLiteral("secondaryRegion"));
    QVERIFY(secondary);
    const int neu = secondary->findData(QStringLiteral("neu"));
    QVERIFY(neu > 0);
    secondary->setCurrentIndex(neu);
    emit secondary->activated(neu); // as a click on it does
    QCOMPARE(pending.count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->previewBusy(), 30000);
    QCOMPARE(previews.count(), 2);
    QTRY_VERIFY(!w->scene()->isStale());
    QCOMPARE(w->scene()->previewing(), panel->previewShown());
    panel->choose(StrategyKind::ActivePassiveFull);
    QCOMPARE(pending.count(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->previewBusy(), 30000);
    QCOMPARE(previews.count(), 3);
    panel->choose(StrategyKind::ActivePassiveFull);
    QCOMPARE(pending.count(), 3);
    QCOMPARE(previews.count(), 3);
    QVERIFY(panel->previewShown());
    const std::optional<StrategyPreview>& preview = panel->preview();
    QVERIFY(preview.has_value());
    QCOMPARE(preview->canvas.layout.cards.size(), computeLayout(preview->canvas.topology).cards.size());
    QVERIFY(preview->canvas.layout.cards.size() > w->document()->layout().cards.size()); // the counterparts
    QTRY_VERIFY(!w->scene()->isStale());
    QVERIFY(w->scene()->previewing());
    QCOMPARE(built.count(), 3); // once per preview shown: the file, the secondary region, the full replica
    // Two changes faster than the worker: only the newest is shown, and the canvas follows it.
    panel->choose(StrategyKind::ActivePassiveDb);
    panel->choose(StrategyKind::ActiveActive);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->previewBusy(), 30000);
    QCOMPARE(previews.count(), 4);
    QCOMPARE(panel->choice().kind, StrategyKind::ActiveActive);
    const Result<StrategyPreview> direct = previewStrategy(w->document()->topology(), WorkloadId("shop"), panel->choice());
    QVERIFY(direct.ok());
    QVERIFY(panel->preview().has_value());
    QCOMPARE(panel->preview()->plan.changes.size(), direct->plan.changes.size());
    QTRY_VERIFY(!w->scene()->isStale());
    QVERIFY(w->scene()->previewing());
}

void TestLargeOpen::hiddenReplayCanvasWaitsUntilShown()
{
    auto w = makeWindow();
    QVERIFY(w->openFile(m_path));
    QTRY_VERIFY(!w->scene()->isStale());
    ReplayView* replay = w->replayView();
    QVERIFY(!replay->isVisible());
    QVERIFY(replay->scene()->isStale()); // never built while hidden
    const QList<QGraphicsItem*> built = replay->scene()->items();
    QVERIFY(std::none_of(built.begin(), built.end(), [](QGraphicsItem* i) { return dynamic_cast<ComponentItem*>(i); }));
    w->pages()->setCurrentWidget(replay);
    QTRY_VERIFY(replay->isVisible());
    QTRY_VERIFY(!replay->scene()->isStale());
    QVERIFY(replay->scene()->card(QStringLiteral("web-2499")) != nullptr);
    // Back on the editor, an edit leaves the replay canvas stale again, and the editor's current.
    w->pages()->setCurrentIndex(0);
    QTRY_VERIFY(!replay->isVisible());
    const QString added = addComponentOfKind(*w->document(), ComponentKind::AppService, Placement{});
    QSignalSpy replayBuilt(replay->scene(), &TopologyScene::rebuilt);
    QTRY_VERIFY(!w->scene()->isStale());
    QCOMPARE(replayBuilt.count(), 0);
    QVERIFY(w->scene()->card(added) != nullptr);
    QVERIFY(replay->scene()->isStale());
}

QTEST_MAIN(TestLargeOpen)
#include "test_large_open.moc"
