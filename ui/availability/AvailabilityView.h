#pragma once

#include "AvailabilityRun.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace firedrill::ui {

class AvailabilityChart;
class AvailabilityFigures;
class AvailabilityHeadline;
class AvailabilityRunner;
class Document;
struct ChangeEvent;

/// "Availability over a year": runs Monte Carlo for the document's current design on a worker thread
/// (Run / Cancel, years and seed, progress), then shows per workload the histogram of annual downtime,
/// mean / P50 / P95 / P99, availability and nines, and the chance of breaching each RTO target. A run
/// can be kept as a baseline and compared with the next one on the same chart. A result is marked
/// stale when the design changes after it. Destroying the view cancels a run and waits for it.
class AvailabilityView : public QWidget
{
    Q_OBJECT

public:
    /// A view of `document`'s availability; nothing runs until run() or the Run button.
    explicit AvailabilityView(Document* document, QWidget* parent = nullptr);
    ~AvailabilityView() override;

    /// Years to simulate (default 10,000).
    quint64 years() const;
    /// Sets the years to simulate (as the spin box would).
    void setYears(quint64 years);
    /// The seed of the random streams (default 1).
    quint64 seed() const;
    /// Sets the seed (as the spin box would).
    void setSeed(quint64 seed);

    /// True while a run is in progress.
    bool isRunning() const;
    /// The last complete run shown, or null; a cancelled run never becomes the result.
    std::shared_ptr<const AvailabilityRun> currentRun() const { return m_current; }
    /// The run kept as a baseline, or null.
    std::shared_ptr<const AvailabilityRun> baselineRun() const { return m_baseline; }
    /// True when the design changed after the run shown.
    bool isStale() const;
    /// The id of the workload shown (empty before a result).
    QString selectedWorkload() const;
    /// Shows workload `id` when the result has it.
    void selectWorkload(const QString& id);

public slots:
    /// Starts a run of the current design (what the Run button does); ignored while one is running.
    void run();
    /// Asks the run in progress to stop (the Cancel button); runFinished(true) follows.
    void cancel();
    /// Keeps the current result as the baseline the next runs are compared with.
    void keepAsBaseline();
    /// Forgets the baseline.
    void clearBaseline();

signals:
    /// A run started.
    void runStarted();
    /// A run ended; `cancelled` when it was stopped before the end (or refused), so it is not a result.
    void runFinished(bool cancelled);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onDocumentChanged(const ChangeEvent& event);
    void onProgress(quint64 done, quint64 total);
    void onFinished();
    void rebuildWorkloads();
    void refresh();
    void updateControls();
    void applyFonts();

    QPointer<Document> m_document;
    AvailabilityRunner* m_runner = nullptr;
    std::shared_ptr<const AvailabilityRun> m_current;
    std::shared_ptr<const AvailabilityRun> m_baseline;
    std::uint64_t m_revision = 0;
    QElapsedTimer m_clock; ///< since the run started

    QLabel* m_title = nullptr;
    QLabel* m_workloadLabel = nullptr;
    QComboBox* m_workload = nullptr;
    QString m_preferred; ///< the workload asked for before any result lists it
    QSpinBox* m_years = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_keep = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_stale = nullptr;
    AvailabilityHeadline* m_headline = nullptr;
    AvailabilityFigures* m_figures = nullptr;
    AvailabilityChart* m_chart = nullptr;
    QLabel* m_chartNote = nullptr;
};

} // namespace firedrill::ui
