#pragma once

#include "core/model/Topology.h"
#include "core/sim/ReplayResult.h"

#include <QScrollArea>

class QHBoxLayout;
class QLabel;

namespace firedrill::ui {

/// The end of a replay: one card per workload with the measured RTO and RPO against its policy (met,
/// breached by how much, undecided), writes lost, requests failed, what was served degraded, and
/// core/analysis's estimate next to it with the reason when they differ; a compared run's figures under
/// them.
class ResultCards : public QScrollArea
{
    Q_OBJECT

public:
    explicit ResultCards(QWidget* parent = nullptr);

    /// Shows the cards for `result`, a replay of `scenario` on `topology` (and `baseline`'s figures).
    void showResult(const Topology& topology, const Scenario& scenario, const sim::ReplayResult& result,
                    const sim::ReplayResult* baseline);
    /// Shows `message` instead of cards (before the end of a run).
    void showMessage(const QString& message);
    /// Cards shown.
    int cardCount() const;
    /// The text of workload `workload`'s card (tests; what a reader sees, without markup); empty when
    /// it has none.
    QString cardText(const QString& workload) const;
    /// Cards shown before "Show all" with many workloads.
    static constexpr std::size_t kMaxCards = 12;

private:
    void clearCards();
    QWidget* m_inner;
    QHBoxLayout* m_row;
    QLabel* m_message;
    bool m_showAll = false;
};

} // namespace firedrill::ui
