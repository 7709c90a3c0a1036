#pragma once

#include "core/montecarlo/AvailabilitySummary.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace firedrill::ui {

/// The figures of one workload's study in large type: mean, P50, P95, P99, availability, nines and the
/// chance of breaching each RTO target, with a baseline column and the change when a baseline is kept;
/// then the largest causes of this design's downtime. Each value label is named
/// "<row>.current", "<row>.baseline" or "<row>.change" (rows: mean, p50, p95, p99, availability,
/// nines, years, breach.<disruption>, cause.<n>) so tests can read them.
class AvailabilityFigures : public QWidget
{
    Q_OBJECT

public:
    /// Empty figures.
    explicit AvailabilityFigures(QWidget* parent = nullptr);

    /// Shows `current`, compared with `baseline` when not null.
    void showSummary(const montecarlo::AvailabilitySummary& current, const montecarlo::AvailabilitySummary* baseline);
    /// Shows nothing.
    void clear();

private:
    void clearGrid();
    void addHeader(int row, bool withBaseline);
    void addRow(int row, const QString& key, const QString& title, const QString& current, const QString& baseline,
                const QString& change, int better);
    void addSection(int row, const QString& title);

    QGridLayout* m_grid = nullptr;
};

} // namespace firedrill::ui
