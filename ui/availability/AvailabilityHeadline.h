#pragma once

#include "core/montecarlo/AvailabilitySummary.h"

#include <QWidget>

class QLabel;

namespace firedrill::ui {

/// The one sentence a room reads first, in large type: "Expected downtime 4h 12m a year (99.95 %)",
/// a line of detail (nines, standard error, years, seed) and, against a baseline, how much less or
/// more downtime a year. Labels are named "headline", "detail" and "comparison".
class AvailabilityHeadline : public QWidget
{
    Q_OBJECT

public:
    /// A headline inviting a first run.
    explicit AvailabilityHeadline(QWidget* parent = nullptr);

    /// States `current` (a study with `seed`), compared with `baseline` when not null.
    void showSummary(const montecarlo::AvailabilitySummary& current, std::uint64_t seed,
                     const montecarlo::AvailabilitySummary* baseline);
    /// Shows a message instead of figures (no result yet, no workload).
    void showMessage(const QString& headline, const QString& detail);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyFonts();

    QLabel* m_headline = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_comparison = nullptr;
};

} // namespace firedrill::ui
