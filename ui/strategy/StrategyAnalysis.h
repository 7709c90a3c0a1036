#pragma once

#include "core/analysis/StrategyComparison.h"
#include "ui/common/LatestWorker.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>

namespace firedrill::ui {

class Document;
class WorkloadFocus;

/// What the strategy views show: core/analysis's comparison of the four strategies for the workload in
/// focus and the cost / RTO / RPO Pareto points of the whole topology, for one version of the topology.
struct StrategyFigures
{
    QString workload;                            ///< the workload compared; empty when there is none
    std::optional<StrategyComparison> comparison; ///< absent when there is no workload
    ParetoResult pareto;
    Topology topology;                           ///< the topology the figures are for
    std::uint64_t generation = 0;                ///< increases with every recomputation
};

/// Keeps StrategyFigures current: after each change of the document or of the workload in focus it
/// recomputes them on a worker thread (the Pareto front of five workloads is 1,024 strategy combinations)
/// and publishes the result on the GUI thread. Only the newest request is kept; the window never waits.
class StrategyAnalysis : public QObject
{
    Q_OBJECT

public:
    StrategyAnalysis(Document* document, WorkloadFocus* focus, QObject* parent = nullptr);
    ~StrategyAnalysis() override;

    /// The newest figures published (empty before the first computation finishes).
    const StrategyFigures& figures() const { return *m_figures; }
    /// True while a computation runs or waits to run.
    bool busy() const { return m_worker.busy() || m_timer.isActive(); }
    /// Computes for `topology` and `workload` on the calling thread (what the worker runs).
    static StrategyFigures compute(const Topology& topology, const QString& workload);

signals:
    /// A recomputation started (the figures shown are about to be replaced).
    void started();
    /// New figures were published.
    void updated();

private:
    void schedule();
    void start();

    Document* m_document;
    WorkloadFocus* m_focus;
    QTimer m_timer;
    std::shared_ptr<const StrategyFigures> m_figures;
    std::uint64_t m_generation = 0; ///< of the figures published last
    LatestWorker m_worker; ///< last, so its thread is joined before the rest goes
};

} // namespace firedrill::ui
