#include "ReplayView.h"

#include "CanvasReplay.h"
#include "InjectPrompt.h"
#include "ReplayCharts.h"
#include "ReplayEngine.h"
#include "ReplayLogList.h"
#include "ResultCards.h"
#include "FaultMenu.h"
#include "ScenarioBar.h"
#include "ScenarioTimeline.h"
#include "TransportBar.h"

#include "core/sim/models/ReplayWorld.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"

#include <QApplication>
#include <QShortcut>
#include <QMenu>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace firedrill::ui {

namespace {
constexpr int kTickMs = 33;          ///< the page asks for a new instant about 30 times a second
constexpr qint64 kChartPaceMs = 200; ///< charts are redrawn at most 5 times a second while playing
} // namespace

ReplayView::ReplayView(Document* document, WorkloadFocus* focus, QWidget* parent)
    : QWidget(parent), m_document(document), m_focus(focus), m_engine(new ReplayEngine(this))
{
    setObjectName(QStringLiteral("replayView"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    m_timeline = new ScenarioTimeline(document, this);
    m_bar = new ScenarioBar(document, m_timeline, this);
    m_bar->setFocusWorkload(m_focus->id());
    outer->addWidget(m_bar);
    m_transport = new TransportBar(this);
    outer->addWidget(m_transport);

    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(tr("This topology has no scenario to replay yet.\nCreate one with New, or start from a "
                            "template (a region outage, a VPN cut, a bad deploy...) with From template above."),
                         m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto* main = new QSplitter(Qt::Vertical, m_stack);
    main->setObjectName(QStringLiteral("replaySplitter"));
    m_top = new QSplitter(Qt::Horizontal, main);
    auto* canvasBox = new QWidget(m_top);
    auto* canvasLayout = new QVBoxLayout(canvasBox);
    canvasLayout->setContentsMargins(0, 0, 0, 0);
    canvasLayout->setSpacing(0);
    m_scene = new TopologyScene(document, this);
    m_scene->setReadOnly(true);
    m_scene->setRebuildWhileHidden(false); // rebuilt when the page is shown, not on every edit elsewhere
    m_view = new TopologyView(m_scene, canvasBox);
    m_view->setObjectName(QStringLiteral("replayCanvas"));
    canvasLayout->addWidget(m_view, 1);
    m_trainerStrip = buildTrainerStrip();
    canvasLayout->addWidget(m_trainerStrip);
    m_prompt = new InjectPrompt(m_view);
    m_charts = new ReplayCharts(m_top);
    m_top->addWidget(canvasBox);
    m_top->addWidget(m_charts);
    m_top->setStretchFactor(0, 3);
    m_top->setStretchFactor(1, 2);
    m_top->setSizes({900, 600});

    m_timeline->setParent(main);
    m_timeline->setMinimumHeight(90);
    main->addWidget(m_timeline);
    m_bottom = new QSplitter(Qt::Horizontal, main);
    m_log = new ReplayLogList(m_bottom);
    m_cards = new ResultCards(m_bottom);
    m_cards->showMessage(tr("Play the scenario to the end to see each workload's measured RTO and RPO against its targets."));
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 3);
    main->insertWidget(0, m_top);
    main->addWidget(m_bottom);
    main->setStretchFactor(0, 4);
    main->setStretchFactor(1, 0);
    main->setStretchFactor(2, 1);
    main->setSizes({560, 150, 200});
    m_log->setMinimumHeight(100);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(main);
    outer->addWidget(m_stack, 1);

    connect(m_engine, &ReplayEngine::batchReady, this, &ReplayView::showBatch);
    connect(m_engine, &ReplayEngine::failed, this, [this](const QString& message) {
        pause();
        showReplayFrame(*m_scene, nullptr);
        m_cards->showMessage(message);
        m_caption->setText(message);
    });
    connect(m_transport, &TransportBar::playToggled, this, [this] { m_playing ? pause() : play(); });
    connect(m_transport, &TransportBar::startRequested, this, [this] { seek(0); });
    connect(m_transport, &TransportBar::endRequested, this, [this] { seek(m_run.durationMs); });
    connect(m_transport, &TransportBar::stepRequested, this, &ReplayView::stepForward);
    connect(m_transport, &TransportBar::backRequested, this, &ReplayView::stepBack);
    connect(m_transport, &TransportBar::optionsChanged, this, [this] { restart(m_run.timeMs); });
    connect(m_transport, &TransportBar::baselineRequested, this, &ReplayView::toggleBaseline);
    connect(m_transport, &TransportBar::trainerToggled, this, &ReplayView::setTrainerMode);
    connect(m_log, &ReplayLogList::seekRequested, this, &ReplayView::seek);
    connect(m_timeline, &ScenarioTimeline::seekRequested, this, [this](qint64 ms) { seek(ms); });
    connect(this, &ReplayView::playheadMoved, m_timeline, [this](std::int64_t ms) { m_timeline->setPlayhead(ms); });
    connect(this, &ReplayView::eventMarksChanged, m_timeline,
            [this](const std::vector<std::int64_t>& marks) { m_timeline->setEventMarks({marks.begin(), marks.end()}); });
    connect(m_bar, &ScenarioBar::scenarioChanged, this, [this](const QString& id) {
        if (id != m_run.scenario)
            setScenario(id);
    });
    connect(m_scene, &TopologyScene::selectionIdsChanged, m_bar, &ScenarioBar::setSelectedIds);
    // Right-click a card, zone, region or site on the canvas: fail it at the playhead.
    m_scene->setFaultMenuEnabled(true);
    connect(m_scene, &TopologyScene::faultTargetMenuRequested, this,
            [this](const FaultTarget& target, const QString& label, const QPoint& screenPos) {
                if (m_run.scenario.isEmpty())
                    return;
                QMenu menu(this);
                FaultMenu::fill(&menu, m_document, m_run.scenario, target, label, m_run.timeMs, this);
                menu.exec(screenPos);
            });
    connect(m_prompt, &InjectPrompt::continueRequested, this, &ReplayView::continueAfterInject);
    m_transport->exportMenu()->addAction(tr("Frames as PNG images…"), this, &ReplayView::exportFramesInteractive);
    m_transport->exportMenu()->addAction(tr("Time series as CSV…"), this, &ReplayView::exportCsvInteractive);
    connect(m_document, &Document::changed, this, &ReplayView::onDocumentChanged);
    connect(m_focus, &WorkloadFocus::changed, this, [this](const QString& id) {
        m_bar->setFocusWorkload(id);
        refreshCharts(true);
    });
    // Keys for the transport anywhere on the page (a text field keeps its own keys: Qt asks it first).
    const auto key = [this](QKeySequence sequence, auto slot) {
        auto* shortcut = new QShortcut(sequence, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    key(QKeySequence(Qt::Key_Space), [this] { m_playing ? pause() : play(); });
    key(QKeySequence(Qt::Key_Home), [this] { seek(0); });
    key(QKeySequence(Qt::Key_End), [this] { seek(m_run.durationMs); });
    key(QKeySequence(Qt::Key_Right), [this] { stepForward(); });
    key(QKeySequence(Qt::Key_Left), [this] { stepBack(); });
    key(QKeySequence(Qt::Key_F11), [this] { setTrainerMode(!m_trainer); });
    key(QKeySequence(Qt::Key_Escape), [this] {
        if (m_trainer)
            setTrainerMode(false);
    });
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &ReplayView::tick);

    setTrainerMode(false);
    if (!m_document->topology().scenarios.empty())
        setScenario(qstr(m_document->topology().scenarios.front().id.str()));
    else
        m_stack->setCurrentWidget(m_empty);
}

ReplayView::~ReplayView() = default;

QWidget* ReplayView::buildTrainerStrip()
{
    auto* strip = new QWidget(this);
    strip->setObjectName(QStringLiteral("trainerStrip"));
    auto* layout = new QVBoxLayout(strip);
    layout->setContentsMargins(10, 6, 10, 6);
    m_caption = new QLabel(strip);
    m_caption->setObjectName(QStringLiteral("trainerCaption"));
    m_caption->setWordWrap(true);
    QFont big = m_caption->font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setBold(true);
    m_caption->setFont(big);
    m_caption->setMinimumHeight(QFontMetrics(big).lineSpacing() * 2 + 8);
    m_notes = new QPlainTextEdit(strip);
    m_notes->setObjectName(QStringLiteral("trainerNotes"));
    m_notes->setPlaceholderText(tr("Notes for this session: decisions, answers, follow-ups (kept with the run and exported with it)"));
    m_notes->setMaximumHeight(90);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { m_run.notes = m_notes->toPlainText(); });
    layout->addWidget(m_caption);
    layout->addWidget(m_notes);
    return strip;
}

bool ReplayView::setScenario(const QString& id)
{
    const Scenario* s = m_document->topology().findScenario(ScenarioId(id.toStdString()));
    if (!s) {
        m_stack->setCurrentWidget(m_empty);
        return false;
    }
    m_stack->setCurrentIndex(1);
    m_run = ReplayRun{};
    m_run.scenario = id;
    if (m_bar->currentScenario() != id)
        m_bar->setCurrentScenario(id);
    m_timeline->setScenario(id);
    m_transport->setSeed(s->seed.value_or(0));
    m_injectsDone.clear();
    if (!isVisible()) {
        m_stale = true;
        return true;
    }
    restart(0);
    return true;
}

void ReplayView::restart(std::int64_t at)
{
    const Scenario* s = m_document->topology().findScenario(ScenarioId(m_run.scenario.toStdString()));
    if (!s)
        return;
    m_stale = false;
    const QString notes = m_run.notes;
    m_run = ReplayRun{};
    m_run.scenario = qstr(s->id.str());
    m_run.name = qstr(s->name);
    m_run.durationMs = s->duration.ms;
    m_run.seed = m_transport->seed();
    m_run.worstCaseDns = m_transport->worstCaseDns();
    m_run.started = QDateTime::currentDateTime();
    m_run.notes = notes;
    sim::ReplayOptions options;
    options.seed = m_run.seed;
    options.worstCaseDns = m_run.worstCaseDns;
    m_run.sampleMs = options.sampleInterval.ms;
    m_waitingInject.reset();
    m_pendingInject.reset();
    m_prompt->hide();
    m_cards->showMessage(tr("Play the scenario to the end to see each workload's measured RTO and RPO against its targets."));
    m_engine->start(m_document->topology(), s->id, options);
    m_requested = std::clamp<std::int64_t>(at, 0, m_run.durationMs);
    if (m_requested > 0)
        m_engine->seek(m_requested);
    m_anchorSim = m_requested;
    m_wall.restart();
}

void ReplayView::play()
{
    if (m_run.scenario.isEmpty())
        return;
    if (m_run.timeMs >= m_run.durationMs && m_run.durationMs > 0)
        seek(0);
    m_playing = true;
    m_waitingInject.reset();
    m_prompt->hide();
    m_anchorSim = m_requested;
    m_wall.restart();
    m_tick.start();
    m_transport->setPlaying(true);
}

void ReplayView::pause()
{
    m_playing = false;
    m_tick.stop();
    m_transport->setPlaying(false);
    refreshCharts(true);
}

void ReplayView::request(std::int64_t timeMs)
{
    m_requested = std::clamp<std::int64_t>(timeMs, 0, m_run.durationMs);
    m_engine->seek(m_requested);
}

void ReplayView::seek(std::int64_t timeMs)
{
    timeMs = std::clamp<std::int64_t>(timeMs, 0, m_run.durationMs);
    // Pause points before the new time count as passed; those after it wait again.
    const auto times = injectTimes();
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (times[i] < timeMs)
            m_injectsDone.insert(i);
        else
            m_injectsDone.erase(i);
    }
    m_pendingInject.reset();
    m_waitingInject.reset();
    m_prompt->hide();
    m_anchorSim = timeMs;
    m_wall.restart();
    request(timeMs);
}

void ReplayView::stepForward()
{
    pause();
    m_engine->stepToNextEvent();
}

void ReplayView::stepBack()
{
    pause();
    std::int64_t target = 0;
    for (const auto& e : m_planned)
        if (e.timeMs < m_run.timeMs)
            target = e.timeMs;
    seek(target);
}

void ReplayView::tick()
{
    if (!m_playing)
        return;
    auto target = m_anchorSim + static_cast<std::int64_t>(static_cast<double>(m_wall.elapsed()) * m_transport->speed());
    target = std::min(target, m_run.durationMs);
    // Stop at the next pause point on the way.
    const auto times = injectTimes();
    for (std::size_t i = 0; i < times.size(); ++i)
        if (!m_injectsDone.count(i) && times[i] >= m_requested && times[i] <= target) {
            target = times[i];
            m_pendingInject = i;
            break;
        }
    if (m_engine->busy() || target == m_requested)
        return; // one request at a time: the page never queues work up
    request(target);
}

void ReplayView::showBatch(const std::shared_ptr<const ReplayBatch>& batch)
{
    if (batch->plannedLog) {
        m_planned = *batch->plannedLog;
        m_log->setLog(m_planned);
        std::vector<std::int64_t> marks;
        for (const auto& e : m_planned)
            marks.push_back(e.timeMs);
        emit eventMarksChanged(marks);
    }
    m_run.apply(*batch);
    if (!m_scene->isStale() || isVisible()) // a hidden, outdated canvas is painted when shown
        showReplayFrame(*m_scene, &m_run.frame);
    m_log->setPlayhead(m_run.timeMs);
    m_transport->setClock(m_run.timeMs, m_run.durationMs);
    emit playheadMoved(m_run.timeMs);
    const sim::ReplayLogEntry* last = nullptr;
    for (const auto& e : m_run.log)
        last = &e;
    m_caption->setText(last ? qstr(sim::models::clock(last->timeMs) + "  " + last->text)
                            : tr("%1 — all systems healthy").arg(qstr(sim::models::clock(m_run.timeMs))));
    refreshCharts(!m_playing);

    if (m_pendingInject && m_run.timeMs >= injectTimes()[*m_pendingInject]) {
        const std::size_t i = *m_pendingInject;
        m_pendingInject.reset();
        m_injectsDone.insert(i);
        pause();
        showInject(i);
    }
    if (m_trainer)
        m_bottom->setVisible(m_run.timeMs >= m_run.durationMs); // no spoilers before the end
    if (batch->finished) {
        if (m_run.result) {
            const Scenario* s = m_document->topology().findScenario(ScenarioId(m_run.scenario.toStdString()));
            if (s)
                m_cards->showResult(m_document->topology(), *s, *m_run.result,
                                    m_baseline && m_baseline->result ? &*m_baseline->result : nullptr);
        }
        if (m_playing)
            pause();
        emit runFinished();
    }
    emit frameShown(m_run.timeMs);
}

void ReplayView::refreshCharts(bool force)
{
    if (!force && m_chartClock.isValid() && m_chartClock.elapsed() < kChartPaceMs) {
        m_charts->setPlayhead(m_run.timeMs);
        return;
    }
    m_chartClock.restart();
    m_charts->showRuns(&m_run, m_baseline ? &*m_baseline : nullptr, focusIndex());
}

int ReplayView::focusIndex() const
{
    const auto& ws = m_document->topology().workloads;
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (qstr(ws[i].id.str()) == m_focus->id())
            return static_cast<int>(i);
    return 0;
}

std::vector<std::int64_t> ReplayView::injectTimes() const
{
    std::vector<std::int64_t> times;
    if (const Scenario* s = m_document->topology().findScenario(ScenarioId(m_run.scenario.toStdString())))
        for (const Inject& i : s->injects)
            times.push_back(i.at.ms);
    return times;
}

void ReplayView::showInject(std::size_t index)
{
    const Scenario* s = m_document->topology().findScenario(ScenarioId(m_run.scenario.toStdString()));
    if (!s || index >= s->injects.size())
        return;
    m_waitingInject = index;
    m_prompt->showPrompt(qstr(sim::models::clock(s->injects[index].at.ms)), qstr(s->injects[index].prompt));
}

void ReplayView::continueAfterInject()
{
    m_waitingInject.reset();
    m_prompt->hide();
    play();
}

void ReplayView::toggleBaseline()
{
    if (m_baseline) {
        m_baseline.reset();
    } else if (m_run.result) {
        m_baseline = m_run;
    }
    m_transport->setHasBaseline(m_baseline.has_value());
    refreshCharts(true);
    if (m_run.result)
        if (const Scenario* s = m_document->topology().findScenario(ScenarioId(m_run.scenario.toStdString())))
            m_cards->showResult(m_document->topology(), *s, *m_run.result, m_baseline ? &*m_baseline->result : nullptr);
}

bool ReplayView::engineBusy() const
{
    return m_engine->busy();
}

void ReplayView::setTrainerMode(bool on)
{
    m_trainer = on;
    m_trainerStrip->setVisible(on);
    m_charts->setSimplified(on);
    m_log->setVisible(!on);
    m_bar->setVisible(!on); // a presenter view: the scenario is not edited in front of the room
    m_bottom->setVisible(!on || m_run.timeMs >= m_run.durationMs);
    const int width = std::max(800, m_top->width());
    m_top->setSizes(on ? QList<int>{width * 7 / 10, width * 3 / 10} : QList<int>{width * 3 / 5, width * 2 / 5});
    QFont f = font();
    f.setPointSizeF(QApplication::font().pointSizeF() * (on ? 1.25 : 1.0));
    m_cards->setFont(f);
    if (m_transport->trainerButton()->isChecked() != on) {
        const QSignalBlocker block(m_transport->trainerButton());
        m_transport->trainerButton()->setChecked(on);
    }
    QTimer::singleShot(0, m_view, [this] { m_view->fitToWindow(); }); // once the splitters have moved
    emit trainerModeChanged(on);
}

void ReplayView::onDocumentChanged(const ChangeEvent& event)
{
    Q_UNUSED(event);
    // The scene rebuilt its items: paint the frame again; the design changed, so replay it again.
    if (m_run.scenario.isEmpty() || !m_document->topology().findScenario(ScenarioId(m_run.scenario.toStdString()))) {
        const auto& all = m_document->topology().scenarios;
        if (all.empty()) {
            m_run = ReplayRun{};
            m_stack->setCurrentWidget(m_empty);
            return;
        }
        setScenario(qstr(all.front().id.str()));
        return;
    }
    // Replaying costs a run of the whole scenario, and the canvas a rebuild: while the page is hidden
    // both wait until it is shown.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    showReplayFrame(*m_scene, &m_run.frame);
    restart(m_run.timeMs);
}

void ReplayView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_scene->isStale()) {
        m_scene->ensureCurrent();
        showReplayFrame(*m_scene, &m_run.frame);
    }
    QTimer::singleShot(0, m_view, [this] { m_view->fitToWindow(); });
    if (m_stale && !m_run.scenario.isEmpty())
        restart(m_run.timeMs);
}


} // namespace firedrill::ui
