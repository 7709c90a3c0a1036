#pragma once

#include "ReplayRun.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>
#include <set>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;

namespace firedrill::ui {

class Document;
class InjectPrompt;
class ReplayCharts;
class ReplayEngine;
class ReplayLogList;
class ResultCards;
class ScenarioBar;
class ScenarioTimeline;
class TopologyScene;
class TopologyView;
class TransportBar;
class WorkloadFocus;
struct ChangeEvent;

/// "Outage replay": pick a scenario, press play and watch the system fail and recover. A read-only
/// canvas coloured by state with traffic on the arrows, the scenario's timeline with its faults and
/// injects, live charts for the workload in focus, the narrated log in step with the playhead, and at
/// the end a result card per workload next to core/analysis's estimate. The engine runs on a worker
/// thread; the page asks for the next instant at a steady pace and never waits for it. Trainer mode turns
/// it into a presenter view: large canvas, captions, two charts, pause points with prompts, notes.
class ReplayView : public QWidget
{
    Q_OBJECT

public:
    ReplayView(Document* document, WorkloadFocus* focus, QWidget* parent = nullptr);
    ~ReplayView() override;

    /// Replays scenario `id` from its start (paused); false when the topology has no such scenario.
    bool setScenario(const QString& id);
    /// The scenario replayed (empty when none).
    QString scenario() const { return m_run.scenario; }
    /// Plays from the playhead at the transport's speed / pauses.
    void play();
    void pause();
    bool isPlaying() const { return m_playing; }
    /// Moves the playhead to `timeMs` (the engine catches up; going back replays from the start).
    void seek(std::int64_t timeMs);
    /// Steps to just after the next narrated event / back to the previous one.
    void stepForward();
    void stepBack();
    /// The run shown and the one kept for comparison (null when none).
    const ReplayRun& run() const { return m_run; }
    const ReplayRun* baseline() const { return m_baseline ? &*m_baseline : nullptr; }
    /// Keeps the current run to compare with the next ones; clears it when one is kept.
    void toggleBaseline();
    /// True while the engine works on a request (tests wait for it).
    bool engineBusy() const;
    /// The instant the page last asked the engine for.
    std::int64_t requestedTime() const { return m_requested; }
    /// Trainer mode on or off.
    void setTrainerMode(bool on);
    bool trainerMode() const { return m_trainer; }
    /// The inject waiting for the trainer to continue (index into the scenario's injects), if any.
    std::optional<std::size_t> waitingInject() const { return m_waitingInject; }
    /// Continues after an inject.
    void continueAfterInject();

    TopologyScene* scene() const { return m_scene; }
    TopologyView* canvas() const { return m_view; }
    ReplayCharts* charts() const { return m_charts; }
    ReplayLogList* logList() const { return m_log; }
    ResultCards* resultCards() const { return m_cards; }
    TransportBar* transport() const { return m_transport; }
    ScenarioTimeline* timeline() const { return m_timeline; }
    ScenarioBar* scenarioBar() const { return m_bar; }

    /// Writes one PNG per frame (canvas and charts side by side) into `directory`, every `stepMs` of
    /// simulated time from the start to the end of the run; returns the files written or an error.
    std::pair<QStringList, QString> exportFrames(const QString& directory, std::int64_t stepMs, QSize size);
    /// Writes the run's time series as CSV files into `directory` (the files firedrill-cli simulate
    /// --csv writes) plus the trainer's notes; the run must have ended.
    std::pair<QStringList, QString> exportCsv(const QString& directory);

signals:
    /// Trainer mode was switched (the main window hides its docks and goes full screen).
    void trainerModeChanged(bool on);
    /// The whole narration of a new run is known: its event times (the timeline marks them).
    void eventMarksChanged(const std::vector<std::int64_t>& timesMs);
    /// The playhead moved (the timeline follows).
    void playheadMoved(std::int64_t timeMs);
    /// A batch was shown (tests wait for it).
    void frameShown(std::int64_t timeMs);
    /// The run reached its end and the result cards are shown.
    void runFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void restart(std::int64_t at = 0);
    void tick();
    void request(std::int64_t timeMs);
    void showBatch(const std::shared_ptr<const ReplayBatch>& batch);
    void refreshCharts(bool force);
    void onDocumentChanged(const ChangeEvent& event);
    int focusIndex() const;
    std::vector<std::int64_t> injectTimes() const;
    void showInject(std::size_t index);
    void exportFramesInteractive();
    void exportCsvInteractive();
    QWidget* buildTrainerStrip();

    Document* m_document;
    WorkloadFocus* m_focus;
    ReplayEngine* m_engine;
    TopologyScene* m_scene;
    TopologyView* m_view;
    ReplayCharts* m_charts;
    ReplayLogList* m_log;
    ResultCards* m_cards;
    TransportBar* m_transport;
    ScenarioBar* m_bar = nullptr;
    ScenarioTimeline* m_timeline = nullptr;
    InjectPrompt* m_prompt;
    QLabel* m_caption;
    QPlainTextEdit* m_notes;
    QWidget* m_trainerStrip;
    QSplitter* m_top;
    QSplitter* m_bottom;
    QLabel* m_empty;
    QStackedWidget* m_stack;

    ReplayRun m_run;
    std::optional<ReplayRun> m_baseline;
    std::vector<sim::ReplayLogEntry> m_planned; ///< the whole narration of the run
    bool m_playing = false;
    bool m_trainer = false;
    bool m_stale = false; ///< the design changed while the page was hidden: replay again when shown
    std::int64_t m_requested = 0;
    std::int64_t m_anchorSim = 0;
    QElapsedTimer m_wall;
    QElapsedTimer m_chartClock;
    QTimer m_tick;
    std::set<std::size_t> m_injectsDone;
    std::optional<std::size_t> m_pendingInject;
    std::optional<std::size_t> m_waitingInject;
};

} // namespace firedrill::ui
