#pragma once

#include "core/montecarlo/AvailabilitySummary.h"

#include <QChartView>
#include <optional>
#include <vector>

class QAreaSeries;
class QCategoryAxis;
class QValueAxis;

namespace firedrill::ui {

/// The histogram of annual downtime: bars on a logarithmic time axis labelled "1m", "1h", "1d", height
/// the share of years, a dashed line at the mean (not in the legend); an optional baseline run drawn
/// over it as a dashed outline in another colour.
class AvailabilityChart : public QChartView
{
    Q_OBJECT

public:
    /// One run as the chart draws it.
    struct Histogram
    {
        std::vector<montecarlo::DowntimeBar> bars;
        QString name;      ///< in the legend
        double meanMs = 0; ///< marked with a vertical line
    };

    /// An empty chart with its titles.
    explicit AvailabilityChart(QWidget* parent = nullptr);

    /// Shows `current` (and `baseline` when given) under `title`.
    void setHistograms(const QString& title, const Histogram& current, const std::optional<Histogram>& baseline);
    /// Removes every series.
    void clearBars();
    /// The number of histograms drawn (0, 1 or 2).
    int histogramCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void addHistogram(const Histogram& histogram, bool baseline);
    void fitAxes(double minMs, double maxMs, double maxShare);
    void applyPalette();

    QCategoryAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
};

} // namespace firedrill::ui
