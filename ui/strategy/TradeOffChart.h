#pragma once

#include "core/analysis/StrategyComparison.h"

#include <QColor>
#include <QWidget>
#include <optional>
#include <vector>

class QLabel;
class QScatterSeries;

class QChart;
class QChartView;

namespace firedrill::ui {

struct StrategyFigures;

/// Monthly cost against region RTO (or worst-case RPO) for every strategy combination of the topology,
/// coloured by the strategy of the workload in focus, with the Pareto front, the workload's policy target
/// as a vertical line and the current design ringed. Time runs on a logarithmic axis (seconds to days).
/// Clicking a point picks that combination.
class TradeOffChart : public QWidget
{
    Q_OBJECT

public:
    /// What the horizontal axis shows.
    enum class Axis { Rto, Rpo };

    explicit TradeOffChart(Axis axis, QWidget* parent = nullptr);

    /// Shows the Pareto points of `figures`; `focus` is the workload whose strategy colours the points.
    void setFigures(const StrategyFigures& figures);
    /// The points plotted (bounded ones), in ParetoResult order.
    const std::vector<ParetoPoint>& plotted() const { return m_plotted; }
    /// The points on the drawn front, in plotting order (left to right).
    int frontSize() const { return m_frontSize; }
    /// Index in plotted() of the current design, if it is among them.
    std::optional<std::size_t> currentIndex() const { return m_current; }
    /// The scatter series of strategy `kind` of the workload in focus (tests click through it).
    QScatterSeries* seriesOf(StrategyKind kind) const;
    /// The chart (for tests and image export).
    QChart* chart() const { return m_chart; }
    /// The colour of strategy `kind`'s points (the same in both charts and the shared legend).
    static QColor strategyColour(StrategyKind kind);
    /// A short name of strategy `kind` for legends: "AP full".
    static QString shortTitle(StrategyKind kind);
    /// Picks plotted point `index` as if it were clicked.
    void pick(std::size_t index);
    /// Where plotted point `index` is drawn: (log10 of seconds, USD per month).
    QPointF position(std::size_t index) const;

signals:
    /// A point was clicked: the strategy of every workload in that combination (topology order).
    void combinationPicked(const std::vector<StrategyKind>& choice);

private:
    void onClicked(const QPointF& point);
    Duration timeOf(const ParetoPoint& p) const;
    bool unboundedOf(const ParetoPoint& p) const;
    bool onFrontOf(const ParetoPoint& p) const;

    Axis m_axis;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLabel* m_note = nullptr;
    std::vector<ParetoPoint> m_plotted;
    std::vector<QScatterSeries*> m_strategySeries;
    std::optional<std::size_t> m_current;
    std::size_t m_focusIndex = 0;
    int m_frontSize = 0;
};

} // namespace firedrill::ui
