#pragma once

#include "core/analysis/StrategyComparison.h"

#include <QAbstractTableModel>
#include <optional>

namespace firedrill::ui {

/// The four strategies side by side, one column each: monthly cost, its secondary-region share, composite
/// SLA, RTO and RPO per disruption class, the policy verdict and the changes. Every figure is core's:
/// ValueRole holds it unformatted (USD, availability fraction, milliseconds) for checks; ToolTipRole
/// and DetailRole explain it (the RTO / RPO breakdown).
class StrategyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Extra data roles.
    enum Role { ValueRole = Qt::UserRole + 1, DetailRole, MetRole };
    /// What a row shows.
    enum class RowKind { Cost, SecondaryCost, Availability, Rto, Rpo, Verdict, Changes };
    struct Row
    {
        RowKind kind;
        DisruptionClass disruption = DisruptionClass::Region;
    };

    explicit StrategyTableModel(QObject* parent = nullptr);

    /// Shows `comparison` (none: an empty table).
    void setComparison(const std::optional<StrategyComparison>& comparison);
    const std::optional<StrategyComparison>& comparison() const { return m_comparison; }
    /// The rows, in display order.
    static const std::vector<Row>& rows();
    /// The row showing `kind` (for RTO / RPO: of `disruption`).
    static int rowOf(RowKind kind, DisruptionClass disruption = DisruptionClass::Region);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const StrategyOption& option, const Row& row) const;
    QVariant value(const StrategyOption& option, const Row& row) const;
    QString detail(const StrategyOption& option, const Row& row) const;
    std::optional<bool> met(const StrategyOption& option, const Row& row) const;
    const Policy* policyFor(DisruptionClass disruption) const;

    std::optional<StrategyComparison> m_comparison;
};

} // namespace firedrill::ui
