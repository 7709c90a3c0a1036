#pragma once

#include "core/model/Topology.h"

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
/// and number of single points of failure; recomputed from core/analysis on every change.
class SummaryStrip : public QWidget
{
    Q_OBJECT

public:
    /// A strip summarising `document`.
    explicit SummaryStrip(Document* document, QWidget* parent = nullptr);

    /// Computes the figures for `topology` and the workload `focus` (none: no workload figures).
    static SummaryFigures compute(const Topology& topology, const std::optional<WorkloadId>& focus);
    /// The figures shown.
    const SummaryFigures& figures() const { return m_figures; }
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
    void fillWorkloads();

    Document* m_document;
    QComboBox* m_workloads = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_sla = nullptr;
    QLabel* m_spofs = nullptr;
    SummaryFigures m_figures;
};

} // namespace firedrill::ui
