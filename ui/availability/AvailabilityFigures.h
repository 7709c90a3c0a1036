#pragma once

#include "core/montecarlo/AvailabilitySummary.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace firedrill::ui {

/// The figures of one workload's study in large type: a headline ("Expected downtime 4h 12m a year
/// (99.95 %)"), then mean, P50, P95, P99, availability, nines and the chance of breaching each RTO
/// target, with a baseline column and the change when a baseline is kept. Each value label is named
/// "<row>.current", "<row>.baseline" or "<row>.change" (rows: mean, p50, p95, p99, availability,
/// nines, years, breach.<disruption>) so tests can read them.
class AvailabilityFigures : public QWidget
{
    Q_OBJECT

public:
    /// Empty figures showing a hint to run.
    explicit AvailabilityFigures(QWidget* parent = nullptr);

    /// Shows `current` (from `years` years with `seed`), compared with `baseline` when not null.
    void showSummary(const montecarlo::AvailabilitySummary& current, std::uint64_t seed,
                     const montecarlo::AvailabilitySummary* baseline);
    /// Shows only a message in the headline place (no result yet, cancelled, failed).
    void showMessage(const QString& headline, const QString& detail);

protected:
    void changeEvent(QEvent* event) override;

private:
    void clearGrid();
    void addHeader(int row, bool withBaseline);
    void addRow(int row, const QString& key, const QString& title, const QString& current, const QString& baseline,
                const QString& change, int better);
    void addSection(int row, const QString& title);
    void applyFonts();

    QLabel* m_headline = nullptr;
    QLabel* m_detail = nullptr;
    QGridLayout* m_grid = nullptr;
};

} // namespace firedrill::ui
