#pragma once

#include "core/model/Topology.h"
#include "ui/common/LatestWorker.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;

namespace firedrill::ui {

class Document;

/// The figures the summary strip shows, exactly as core/analysis computed them.
struct SummaryFigures
{
    double topologyCost = 0.0;               ///< USD per month, whole topology (topologyCost)
    std::optional<double> workloadCost;      ///< USD per month of the workload in focus (workloadCost)
    std::optional<double> availability;      ///< composite availability fraction (workloadAvailability)
    std::optional<std::size_t> spofs;        ///< single points of failure of the workload in focus
};

/// The strip above the canvas: total monthly cost, and for the workload in focus its cost, composite SLA
/// and number of single points of failure; recomputed from core/analysis on every change. A topology of
/// kWorkerComponents components or more is summarised on a worker thread (the figures shown are greyed meanwhile),
/// so a large file never holds the window.
class SummaryStrip : public QWidget
{
    Q_OBJECT

public:
    /// A strip summarising `document`.
    explicit SummaryStrip(Document* document, QWidget* parent = nullptr);
    ~SummaryStrip() override;


    /// Computes the figures for `topology` and the workload `focus` (none: no workload figures).
    static SummaryFigures compute(const Topology& topology, const std::optional<WorkloadId>& focus);
    /// The figures shown.
    const SummaryFigures& figures() const { return m_figures; }
    /// True while the figures for the current topology are being computed on the worker thread.
    bool busy() const { return m_worker.busy(); }
    /// The workload in focus, if any.
    std::optional<WorkloadId> focus() const;
    /// Puts the workload `id` in focus (the Workloads panel's selection); unknown ids are ignored.
    void setFocusWorkload(const QString& id);
    /// The text shown, for tests.
    QString text() const;

signals:
    /// The planner picked another workload in the strip's list.
    void focusWorkloadChanged(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void showFigures(const SummaryFigures& figures);
    void fillWorkloads();

    Document* m_document;
    QComboBox* m_workloads = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_sla = nullptr;
    QLabel* m_spofs = nullptr;
    SummaryFigures m_figures;
    LatestWorker m_worker; ///< last, so its thread is joined before the rest goes
};

} // namespace firedrill::ui
