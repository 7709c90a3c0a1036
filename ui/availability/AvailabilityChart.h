#pragma once

#include "core/montecarlo/AvailabilitySummary.h"

#include <QChartView>
#include <vector>

class QAreaSeries;
class QCategoryAxis;
class QValueAxis;

namespace firedrill::ui {

/// The histogram of annual downtime: bars on a logarithmic time axis labelled "1m", "1h", "1d", height
/// the share of years; an optional baseline run drawn over it as an outline in another colour.
class AvailabilityChart : public QChartView
{
    Q_OBJECT

public:
    /// An empty chart with its titles.
    explicit AvailabilityChart(QWidget* parent = nullptr);

    /// Shows `current` bars (and `baseline` bars when not empty) named in the legend.
    void setBars(const std::vector<montecarlo::DowntimeBar>& current, const QString& currentName,
                 const std::vector<montecarlo::DowntimeBar>& baseline, const QString& baselineName);
    /// Removes every series.
    void clearBars();
    /// The number of histograms drawn (0, 1 or 2).
    int histogramCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QAreaSeries* addHistogram(const std::vector<montecarlo::DowntimeBar>& bars, const QString& name, bool baseline);
    void fitAxes(double minMs, double maxMs, double maxShare);
    void applyPalette();

    QCategoryAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
};

} // namespace firedrill::ui
