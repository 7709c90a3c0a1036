// The outage replay page driven through its real widgets (offscreen): playing to the end gives the
// result firedrill-cli simulate prints for the same scenario and seed; step and seek land on the right
// instants and the canvas shows core's frame there; pause points stop the replay with their prompt and
// continue; trainer mode, comparing runs and the exports. With FIREDRILL_REPLAY_PNG set, pictures of
// the page are written there.
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/editor/ComponentItem.h"
#include "ui/editor/DiagramLayout.h"
#include "ui/editor/EdgeItem.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/replay/CanvasReplay.h"
#include "ui/replay/InjectPrompt.h"
#include "ui/replay/ReplayChart.h"
#include "ui/replay/ReplayCharts.h"
#include "ui/replay/ReplayLogList.h"
#include "ui/replay/ReplayView.h"
#include "ui/replay/ResultCards.h"
#include "ui/replay/SeriesPoints.h"
#include "ui/replay/TransportBar.h"

#include "../cli/CliRun.h"

#include "core/io/TopologyFile.h"
#include "core/sim/ReplayCsv.h"
#include "core/sim/ReplayVerdict.h"
#include "core/sim/ScenarioPlayer.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QRegularExpression>
#include <QDir>
#include <QGraphicsSceneContextMenuEvent>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

constexpr int kWaitMs = 60'000;

/// A page on a sample, as the main window builds it.
struct Page
{
    Document document;
    WorkloadFocus focus{&document};
    std::unique_ptr<ReplayView> view;

    explicit Page(const char* sampleName)
    {
        const auto opened = document.open(firedrill::test::sample(sampleName));
        if (!opened)
            qFatal("cannot open the sample");
        view = std::make_unique<ReplayView>(&document, &focus);
        view->resize(1600, 1000);
        view->show();
    }

    /// Waits until the page shows what it last asked for.
    bool settle()
    {
        return QTest::qWaitFor([this] { return !view->engineBusy() && view->run().timeMs == view->requestedTime(); }, kWaitMs) &&
               QTest::qWaitFor([this] { return !view->engineBusy(); }, kWaitMs);
    }

    bool toEnd()
    {
        QSignalSpy finished(view.get(), &ReplayView::runFinished);
        view->seek(view->run().durationMs);
        return finished.count() > 0 || finished.wait(kWaitMs);
    }
};

/// The fingerprint printed by simulate --json, read from the text (a JSON number above 2^53 loses digits
/// as a double).
quint64 fingerprintOf(const QString& json)
{
    const auto m = QRegularExpression(QStringLiteral("\"fingerprint\":\\s*(\\d+)")).match(json);
    return m.hasMatch() ? m.captured(1).toULongLong() : 0;
}

ReplayCardState::Phase phaseOf(TopologyScene* scene, const char* id)
{
    ComponentItem* card = scene->card(QString::fromLatin1(id));
    if (!card || !card->replayState())
        qFatal("no replay state on the card");
    return card->replayState()->phase;
}

} // namespace

class TestReplayView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void playToTheEndEqualsTheCli()
    {
        Page page("dr-reduced-shop.yaml");
        QVERIFY(page.view->setScenario(QStringLiteral("weu-down")));
        page.view->transport()->setSpeed(10'000);
        QCOMPARE(page.view->transport()->speed(), 10'000.0);
        QSignalSpy finished(page.view.get(), &ReplayView::runFinished);
        QTest::mouseClick(page.view->findChild<QToolButton*>(QStringLiteral("replayEnd")), Qt::LeftButton);
        QVERIFY(finished.wait(kWaitMs));
        const ReplayRun& run = page.view->run();
        QVERIFY(run.result.has_value());
        QCOMPARE(run.timeMs, run.durationMs);

        // The same replay through the command line, as a planner would run it.
        const auto cli = firedrill::test::cli({QStringLiteral("simulate"), firedrill::test::sample("dr-reduced-shop.yaml"),
                                               QStringLiteral("--scenario"), QStringLiteral("weu-down"), QStringLiteral("--seed"),
                                               QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(cli.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.out.toUtf8()).object();
        QCOMPARE(fingerprintOf(cli.out), run.result->fingerprint);
        const QJsonArray workloads = json.value(QStringLiteral("workloads")).toArray();
        QCOMPARE(static_cast<std::size_t>(workloads.size()), run.result->workloads.size());
        QCOMPARE(page.view->resultCards()->cardCount(), static_cast<int>(workloads.size()));
        const Scenario& scenario = *page.document.topology().findScenario(ScenarioId("weu-down"));
        const auto verdicts = sim::judgeReplay(page.document.topology(), scenario, *run.result);
        QVERIFY(verdicts.ok());
        for (int i = 0; i < workloads.size(); ++i) {
            const QJsonObject w = workloads[i].toObject();
            const sim::WorkloadReplay& mine = run.result->workloads[static_cast<std::size_t>(i)];
            QCOMPARE(w.value(QStringLiteral("id")).toString(), qstr(mine.id.str()));
            QCOMPARE(w.value(QStringLiteral("failed")).toDouble(), mine.failed);
            QCOMPARE(w.value(QStringLiteral("writes_lost")).toDouble(), mine.writesLost);
            if (mine.rto)
                QCOMPARE(w.value(QStringLiteral("rto_ms")).toVariant().toLongLong(), mine.rto->ms);
            else
                QVERIFY(w.value(QStringLiteral("rto_ms")).isNull());
            // The card says what the CLI's verdict says.
            const QString card = page.view->resultCards()->cardText(qstr(mine.id.str()));
            QVERIFY2(card.contains(qstr(sim::rtoVerdictText((*verdicts)[static_cast<std::size_t>(i)]))), qPrintable(card));
            QVERIFY2(card.contains(qstr(sim::rpoVerdictText((*verdicts)[static_cast<std::size_t>(i)]))), qPrintable(card));
            const QString verdict = w.value(QStringLiteral("rto_verdict")).toString();
            if (verdict == QStringLiteral("breached"))
                QVERIFY(card.contains(QStringLiteral("breached")));
        }
        // The log shows the whole narration, the last line highlighted at the end.
        QCOMPARE(static_cast<std::size_t>(page.view->logList()->count()), run.log.size());
        QVERIFY(page.view->logList()->currentRow() == page.view->logList()->count() - 1);
    }

    void scenarioBuiltByClickingEqualsTheCli()
    {
        Page page("two-region.yaml");
        // New scenario from the bar (it asks a name).
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(), QStringLiteral("Workshop outage"));
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(page.view->findChild<QToolButton*>(QStringLiteral("newScenarioButton")), Qt::LeftButton);
        QCOMPARE(page.view->scenario(), QStringLiteral("workshop-outage"));
        QVERIFY(page.settle());
        // Playhead to 00:10:00, then right-click West Europe on the replay canvas: "Fail West Europe at 00:10".
        page.view->seek(Duration::minutes(10).ms);
        QVERIFY(page.settle());
        QRectF region;
        for (const ContainerBox& box : page.document.layout().containers)
            if (box.kind == ContainerBox::Kind::Region && box.id == QStringLiteral("weu"))
                region = box.rect;
        QVERIFY(!region.isEmpty());
        bool chosen = false;
        QTimer::singleShot(0, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu);
            auto* fail = menu->findChild<QAction*>(QStringLiteral("faultAction-outage"));
            QVERIFY(fail);
            chosen = fail->text().startsWith(QStringLiteral("Fail West Europe at 00:10"));
            fail->trigger();
            menu->close();
        });
        QGraphicsSceneContextMenuEvent event(QEvent::GraphicsSceneContextMenu);
        event.setScenePos(region.topLeft() + QPointF(region.width() / 2, 12));
        event.setScreenPos(QPoint(200, 200));
        QApplication::sendEvent(page.view->scene(), &event);
        QVERIFY(chosen);
        const Scenario* built = page.document.topology().findScenario(ScenarioId("workshop-outage"));
        QVERIFY(built && built->faults.size() == 1);
        QCOMPARE(built->faults[0].at, Duration::minutes(10));
        // Play it to the end and compare with the command line on the saved file, same seed.
        QVERIFY(page.toEnd());
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("workshop.yaml"));
        QVERIFY(page.document.exportYaml(saved).ok());
        const auto cli = firedrill::test::cli({QStringLiteral("simulate"), saved, QStringLiteral("--scenario"),
                                               QStringLiteral("workshop-outage"), QStringLiteral("--json")});
        QCOMPARE(cli.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.out.toUtf8()).object();
        const sim::ReplayResult& mine = *page.view->run().result;
        QCOMPARE(fingerprintOf(cli.out), mine.fingerprint);
        const QJsonArray workloads = json.value(QStringLiteral("workloads")).toArray();
        for (int i = 0; i < workloads.size(); ++i) {
            const QJsonObject w = workloads[i].toObject();
            const auto& r = mine.workloads[static_cast<std::size_t>(i)];
            QCOMPARE(w.value(QStringLiteral("failed")).toDouble(), r.failed);
            QCOMPARE(w.value(QStringLiteral("rto_ms")).toVariant().toLongLong(), r.rto ? r.rto->ms : 0LL);
            const QString card = page.view->resultCards()->cardText(qstr(r.id.str()));
            const QString verdict = w.value(QStringLiteral("rto_verdict")).toString();
            if (!verdict.isEmpty() && verdict != QStringLiteral("no-target"))
                QVERIFY2(card.contains(verdict), qPrintable(card + QStringLiteral(" / ") + verdict));
        }
    }

    void playingRunsOnItsOwnAndStops()
    {
        Page page("two-region.yaml");
        QVERIFY(page.view->setScenario(qstr(page.document.topology().scenarios.front().id.str())));
        QVERIFY(page.settle());
        page.view->transport()->setSpeed(10'000);
        QSignalSpy finished(page.view.get(), &ReplayView::runFinished);
        QSignalSpy frames(page.view.get(), &ReplayView::frameShown);
        QTest::keyClick(page.view->canvas(), Qt::Key_Space); // Space plays and pauses
        QVERIFY(page.view->isPlaying());
        QTest::keyClick(page.view->canvas(), Qt::Key_Space);
        QVERIFY(!page.view->isPlaying());
        QTest::mouseClick(page.view->findChild<QToolButton*>(QStringLiteral("replayPlay")), Qt::LeftButton);
        QVERIFY(page.view->isPlaying());
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(!page.view->isPlaying());
        // Paced: many frames on the way, not one jump to the end.
        QVERIFY2(frames.count() > 5, qPrintable(QString::number(frames.count())));
        QVERIFY(page.view->run().result.has_value());
    }

    void stepAndSeekShowCoresFrame()
    {
        Page page("dr-reduced-shop.yaml");
        QVERIFY(page.view->setScenario(QStringLiteral("weu-down")));
        QVERIFY(page.settle());
        TopologyScene* scene = page.view->scene();
        QCOMPARE(phaseOf(scene, "agw-weu"), ReplayCardState::Phase::Healthy);
        // Step: to just after the first narrated event (weu goes down at 15m).
        QSignalSpy shown(page.view.get(), &ReplayView::frameShown);
        QTest::mouseClick(page.view->findChild<QToolButton*>(QStringLiteral("replayStep")), Qt::LeftButton);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(page.view->run().timeMs, Duration::minutes(15).ms);
        QCOMPARE(phaseOf(scene, "agw-weu"), ReplayCardState::Phase::Down);
        // Seek to 17m 10s: what core's player says there is on the canvas and on the arrows.
        page.view->seek(Duration::minutes(17).ms + 10'000);
        QVERIFY(page.settle());
        auto player = sim::ScenarioPlayer::create(page.document.topology(), ScenarioId("weu-down"), {});
        QVERIFY(player.ok());
        (*player)->runUntil(Duration::minutes(17).ms + 10'000);
        const sim::ReplayFrame expected = (*player)->frame();
        for (const auto& c : expected.components)
            if (ComponentItem* card = scene->card(qstr(c.id)))
                QCOMPARE(static_cast<int>(card->replayState()->phase), static_cast<int>(c.phase));
        int labelled = 0;
        for (EdgeItem* e : scene->edges())
            for (const auto& f : expected.flows)
                if (qstr(f.from) == e->fromId() && qstr(f.to) == e->toId() && e->style() == EdgeItem::Style::Endpoint) {
                    QCOMPARE(e->replayFlow()->label, flowLabel(f));
                    ++labelled;
                }
        QVERIFY(labelled >= 2);
        // The traffic manager's card says who it answers and how many clients still follow stale answers.
        const QString tm = scene->card(QStringLiteral("tm"))->replayState()->detail;
        QVERIFY2(tm.contains(QStringLiteral("answers agw-neu")) && tm.contains(QStringLiteral("stale")), qPrintable(tm));
        // Step back: to the previous narrated event, by replaying from the start.
        const std::int64_t before = page.view->run().timeMs;
        QTest::mouseClick(page.view->findChild<QToolButton*>(QStringLiteral("replayBack")), Qt::LeftButton);
        QVERIFY(page.settle());
        QVERIFY(page.view->run().timeMs < before);
        bool isEvent = false;
        for (const auto& e : page.view->run().log)
            isEvent = isEvent || e.timeMs == page.view->run().timeMs;
        QVERIFY(isEvent);
        // Clicking a log line seeks there.
        ReplayLogList* log = page.view->logList();
        QVERIFY(log->count() > 3);
        QTest::mouseClick(log->viewport(), Qt::LeftButton, {}, log->visualItemRect(log->item(1)).center());
        QVERIFY(page.settle());
        QCOMPARE(page.view->run().timeMs, log->timeAt(1));
    }

    void pausePointsStopAndContinue()
    {
        Page page("two-region.yaml");
        // Add a pause point to the scenario the way the timeline does: through the document.
        Topology t = page.document.topology();
        Scenario& s = t.scenarios.front();
        s.injects = {{Duration::minutes(5), "The primary is unreachable. What do you do now?"}};
        page.document.replaceTopology(t);
        QVERIFY(page.view->setScenario(qstr(s.id.str())));
        QVERIFY(page.settle());
        page.view->transport()->setSpeed(10'000);
        QSignalSpy shown(page.view.get(), &ReplayView::frameShown);
        page.view->play();
        QVERIFY(QTest::qWaitFor([&] { return page.view->waitingInject().has_value(); }, kWaitMs));
        QVERIFY(!page.view->isPlaying());
        QCOMPARE(page.view->run().timeMs, Duration::minutes(5).ms);
        auto* prompt = page.view->findChild<InjectPrompt*>(QStringLiteral("injectPrompt"));
        QVERIFY(prompt->isVisible());
        QCOMPARE(prompt->prompt(), QStringLiteral("The primary is unreachable. What do you do now?"));
        QSignalSpy finished(page.view.get(), &ReplayView::runFinished);
        QTest::mouseClick(prompt->findChild<QPushButton*>(QStringLiteral("injectContinue")), Qt::LeftButton);
        QVERIFY(!prompt->isVisible());
        QVERIFY(page.view->isPlaying());
        QVERIFY(finished.wait(kWaitMs));
        // Seeking back before it arms it again.
        page.view->seek(Duration::minutes(1).ms);
        QVERIFY(page.settle());
        page.view->play();
        QVERIFY(QTest::qWaitFor([&] { return page.view->waitingInject().has_value(); }, kWaitMs));
        QCOMPARE(page.view->run().timeMs, Duration::minutes(5).ms);
    }

    void trainerModeNotesAndCsv()
    {
        Page page("two-region.yaml");
        const QString id = qstr(page.document.topology().scenarios.front().id.str());
        QVERIFY(page.view->setScenario(id));
        QVERIFY(page.settle());
        QTest::mouseClick(page.view->transport()->trainerButton(), Qt::LeftButton);
        QVERIFY(page.view->trainerMode());
        QVERIFY(page.view->charts()->chart(ReplayCharts::Traffic)->isVisible());
        QVERIFY(!page.view->charts()->chart(ReplayCharts::Latency)->isVisible());
        QVERIFY(!page.view->logList()->isVisible());
        auto* notes = page.view->findChild<QPlainTextEdit*>(QStringLiteral("trainerNotes"));
        QVERIFY(notes->isVisible());
        QTest::keyClicks(notes, QStringLiteral("Team declared the disaster after 12 minutes."));
        QVERIFY(page.toEnd());
        QVERIFY(!page.view->findChild<QLabel*>(QStringLiteral("trainerCaption"))->text().isEmpty());
        QCOMPARE(page.view->run().notes, QStringLiteral("Team declared the disaster after 12 minutes."));

        QTemporaryDir dir;
        const auto [files, error] = page.view->exportCsv(dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The CSV files are the ones firedrill-cli simulate --csv writes, byte for byte.
        auto whole = sim::replayScenario(page.document.topology(), ScenarioId(id.toStdString()), {});
        QVERIFY(whole.ok());
        const auto expected = sim::replayCsvFiles(*whole);
        QCOMPARE(static_cast<std::size_t>(files.size()), expected.size() + 1);
        for (const auto& f : expected) {
            QFile file(QDir(dir.path()).filePath(qstr(f.name)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll().toStdString(), f.text);
        }
        QFile notesFile(QDir(dir.path()).filePath(id + QStringLiteral("-notes.txt")));
        QVERIFY(notesFile.open(QIODevice::ReadOnly));
        QVERIFY(notesFile.readAll().contains("Team declared the disaster after 12 minutes."));
        // Escape leaves trainer mode; F11 toggles it.
        QTest::keyClick(page.view->canvas(), Qt::Key_Escape);
        QVERIFY(!page.view->trainerMode());
        QTest::keyClick(page.view->canvas(), Qt::Key_F11);
        QVERIFY(page.view->trainerMode());
        QTest::mouseClick(page.view->transport()->trainerButton(), Qt::LeftButton);
        QVERIFY(!page.view->trainerMode());
        QVERIFY(page.view->charts()->chart(ReplayCharts::Latency)->isVisible());
    }

    void comparingTwoRuns()
    {
        Page page("dr-reduced-shop.yaml");
        QVERIFY(page.view->setScenario(QStringLiteral("weu-down")));
        QVERIFY(page.toEnd());
        const int lines = page.view->charts()->chart(ReplayCharts::Availability)->lineCount();
        QTest::mouseClick(page.view->findChild<QToolButton*>(QStringLiteral("replayBaseline")), Qt::LeftButton);
        QVERIFY(page.view->baseline() != nullptr);
        // The second run: worst-case DNS caching.
        page.view->findChild<QCheckBox*>(QStringLiteral("replayWorstDns"))->setChecked(true);
        QVERIFY(page.toEnd());
        QVERIFY(page.view->run().worstCaseDns);
        QCOMPARE(page.view->charts()->chart(ReplayCharts::Availability)->lineCount(), lines + 1);
        const QString first = qstr(page.document.topology().workloads.front().id.str());
        QVERIFY(page.view->resultCards()->cardText(first).contains(QStringLiteral("Compared run")));
        // Worst-case caching loses at least as many requests as the uniform model.
        QVERIFY(page.view->run().result->workloads[0].failed >= page.view->baseline()->result->workloads[0].failed);
    }

    void exportFramesWritesOneImagePerStep()
    {
        Page page("two-region.yaml");
        QVERIFY(page.view->setScenario(qstr(page.document.topology().scenarios.front().id.str())));
        QVERIFY(page.settle());
        QTemporaryDir dir;
        const std::int64_t duration = page.view->run().durationMs;
        const std::int64_t step = duration / 4;
        const auto [files, error] = page.view->exportFrames(dir.path(), step, QSize(960, 540));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(files.size(), static_cast<qsizetype>(duration / step + 1));
        QImage last(files.back());
        QCOMPARE(last.size(), QSize(960, 540));
        // The live state is back afterwards.
        QVERIFY(page.settle());
        QCOMPARE(page.view->run().timeMs, 0);
    }

    void manyWorkloadsShowTheBreachedFirst()
    {
        // Fourteen workloads: twelve cards, breached ones first, then "Show all".
        auto loaded = loadTopologyYamlFile(firedrill::test::sample("two-region.yaml").toStdString());
        QVERIFY(loaded.topology);
        Topology t = *loaded.topology;
        const Workload base = t.workloads.front();
        for (int i = 1; i < 14; ++i) {
            Workload w = base;
            w.id = WorkloadId("copy-" + std::to_string(i));
            t.workloads.push_back(w);
        }
        // Only the last copy has a target it breaches: RTO 1s for the region scenario.
        const Scenario& scenario = t.scenarios.front();
        Policy strict;
        strict.workload = t.workloads.back().id;
        strict.disruption = disruptionOf(scenario);
        strict.rto = Duration::seconds(1);
        t.policies.push_back(strict);
        auto result = sim::replayScenario(t, scenario.id, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        ResultCards cards;
        cards.showResult(t, scenario, *result, nullptr);
        QCOMPARE(cards.cardCount(), static_cast<int>(ResultCards::kMaxCards));
        QVERIFY(cards.cardText(QStringLiteral("copy-13")).contains(QStringLiteral("breached")));
        QVERIFY(cards.cardText(QStringLiteral("copy-12")).isEmpty());
        auto* more = cards.findChild<QPushButton*>(QStringLiteral("showAllResults"));
        QVERIFY(more);
        QCOMPARE(more->text(), QStringLiteral("Show all 14 workloads"));
        QTest::mouseClick(more, Qt::LeftButton);
        QCOMPARE(cards.cardCount(), 14);
        QVERIFY(!cards.cardText(QStringLiteral("copy-12")).isEmpty());
    }

    void seriesPointsKeepSpikes()
    {
        // 10 samples, at most 4 points: one bucket of 10 -> first, min, max, last in time order.
        const std::vector<double> v{5, 5, 5, 0, 5, 5, 9, 5, 5, 5};
        const auto points = seriesPoints(v, 0.5, 2.0, 4);
        QCOMPARE(points.size(), 4);
        QCOMPARE(points[0], QPointF(0.0, 10.0));
        QCOMPARE(points[1], QPointF(1.5, 0.0));
        QCOMPARE(points[2], QPointF(3.0, 18.0));
        QCOMPARE(points[3], QPointF(4.5, 10.0));
        // Few samples: all of them.
        QCOMPARE(seriesPoints({1, 2, 3}, 1.0).size(), 3);
    }

    void screenshots()
    {
        const QString out = qEnvironmentVariable("FIREDRILL_REPLAY_PNG");
        if (out.isEmpty())
            QSKIP("set FIREDRILL_REPLAY_PNG to write pictures of the replay page");
        Page page("dr-reduced-shop.yaml");
        page.view->resize(1600, 1000);
        QVERIFY(page.view->setScenario(QStringLiteral("weu-down")));
        page.view->seek(Duration::minutes(16).ms + 50'000);
        QVERIFY(page.settle());
        QTest::qWait(200);
        QVERIFY(page.view->grab().save(out + QStringLiteral("/replay-failover.png")));
        QVERIFY(page.toEnd());
        QTest::qWait(200); // the cards are laid out by the event loop
        QVERIFY(page.view->grab().save(out + QStringLiteral("/replay-end.png")));
        // Trainer mode, stopped at the sample's first pause point with its prompt.
        page.view->seek(0);
        QVERIFY(page.settle());
        page.view->setTrainerMode(true);
        page.view->findChild<QPlainTextEdit*>(QStringLiteral("trainerNotes"))
            ->setPlainText(QStringLiteral("16:40 — the team asks who may declare the disaster; the on-call manager decides."));
        page.view->transport()->setSpeed(10'000);
        page.view->play();
        QVERIFY(QTest::qWaitFor([&] { return page.view->waitingInject().has_value(); }, kWaitMs));
        QVERIFY(page.settle());
        QTest::qWait(200);
        QVERIFY(page.view->grab().save(out + QStringLiteral("/replay-trainer.png")));
    }
};

QTEST_MAIN(TestReplayView)
#include "test_replay_view.moc"
