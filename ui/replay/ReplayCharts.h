#pragma once

#include <QWidget>
#include <array>

namespace firedrill::ui {

class ReplayChart;
struct ReplayRun;

/// The replay page's live charts for the workload in focus, sharing one time axis: served vs demanded
/// traffic per region, availability, added latency, replication lag, writes lost (cumulative) and the
/// outbox backlog; a compared run is drawn dashed over them.
class ReplayCharts : public QWidget
{
    Q_OBJECT

public:
    /// The charts, in the grid's order.
    enum Kind { Traffic, Availability, Latency, Lag, WritesLost, Backlog, Count };

    explicit ReplayCharts(QWidget* parent = nullptr);

    /// Redraws from `run` (and `baseline`, when given) for workload `workload` (index in topology order).
    void showRuns(const ReplayRun* run, const ReplayRun* baseline, int workload);
    /// Moves every chart's playhead.
    void setPlayhead(std::int64_t timeMs);
    /// Trainer mode: only traffic and availability, larger text.
    void setSimplified(bool on);
    /// One chart.
    ReplayChart* chart(Kind kind) const { return m_charts[kind]; }
    /// Minutes or hours per x unit for a run of `durationMs` (≤ 3 h: minutes).
    static double unitMs(std::int64_t durationMs);

private:
    void layoutCharts();

    std::array<ReplayChart*, Count> m_charts{};
    const ReplayRun* m_run = nullptr;
    double m_unitMs = 60'000;
    bool m_simplified = false;
};

} // namespace firedrill::ui
