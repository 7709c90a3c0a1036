#include "StrategyTableModel.h"

#include "BreakdownText.h"
#include "ui/common/DisplayText.h"
#include "ui/editor/CanvasColors.h"

#include "core/analysis/AvailabilityReport.h"
#include "core/io/Units.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace firedrill::ui {

namespace {

const RecoveryEstimate* estimateOf(const StrategyOption& option, DisruptionClass disruption)
{
    for (const auto& e : option.estimates)
        if (e.disruption == disruption)
            return &e;
    return nullptr;
}

const PolicyVerdict* verdictOf(const StrategyOption& option, DisruptionClass disruption)
{
    for (const auto& v : option.verdicts)
        if (v.policy.disruption == disruption)
            return &v;
    return nullptr;
}

int breaches(const StrategyOption& option)
{
    int n = 0;
    for (const auto& v : option.verdicts)
        n += (v.rtoMet == false ? 1 : 0) + (v.rpoMet == false ? 1 : 0);
    return n;
}

QColor tint(const QColor& colour)
{
    QColor c = colour;
    c.setAlphaF(0.22f);
    return c;
}

} // namespace

StrategyTableModel::StrategyTableModel(QObject* parent) : QAbstractTableModel(parent) {}

const std::vector<StrategyTableModel::Row>& StrategyTableModel::rows()
{
    static const std::vector<Row> all = [] {
        std::vector<Row> r{{RowKind::Cost}, {RowKind::SecondaryCost}, {RowKind::Availability}, {RowKind::Verdict}};
        for (DisruptionClass d : {DisruptionClass::Region, DisruptionClass::Zone, DisruptionClass::Instance,
                                  DisruptionClass::Dependency, DisruptionClass::Corruption}) {
            r.push_back({RowKind::Rto, d});
            r.push_back({RowKind::Rpo, d});
        }
        r.push_back({RowKind::Changes});
        return r;
    }();
    return all;
}

int StrategyTableModel::rowOf(RowKind kind, DisruptionClass disruption)
{
    const auto& all = rows();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].kind == kind &&
            ((kind != RowKind::Rto && kind != RowKind::Rpo) || all[i].disruption == disruption))
            return static_cast<int>(i);
    return -1;
}

void StrategyTableModel::setComparison(const std::optional<StrategyComparison>& comparison)
{
    beginResetModel();
    m_comparison = comparison;
    endResetModel();
}

int StrategyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_comparison ? 0 : static_cast<int>(rows().size());
}

int StrategyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_comparison ? 0 : static_cast<int>(m_comparison->options.size());
}

const Policy* StrategyTableModel::policyFor(DisruptionClass disruption) const
{
    if (!m_comparison)
        return nullptr;
    for (const auto& option : m_comparison->options)
        if (const PolicyVerdict* v = verdictOf(option, disruption))
            return &v->policy;
    return nullptr;
}

QVariant StrategyTableModel::display(const StrategyOption& option, const Row& row) const
{
    if (option.unavailable)
        return row.kind == RowKind::Verdict ? tr("not possible") : QStringLiteral("—");
    switch (row.kind) {
    case RowKind::Cost: return tr("%1 /mo").arg(moneyText(option.monthlyCost));
    case RowKind::SecondaryCost: return moneyText(option.secondaryCost);
    case RowKind::Availability:
        return tr("%1 %").arg(QLocale(QLocale::English).toString(option.availability * 100, 'f', 3));
    case RowKind::Rto:
    case RowKind::Rpo: {
        const RecoveryEstimate* e = estimateOf(option, row.disruption);
        if (!e)
            return {};
        const bool rto = row.kind == RowKind::Rto;
        QString text = estimateText(rto ? e->rto : e->rpo);
        // A breach says by how much, so the table reads without hovering.
        if (const PolicyVerdict* v = verdictOf(option, row.disruption))
            if ((rto ? v->rtoMet : v->rpoMet) == false && !(rto ? v->rtoUnbounded : v->rpoUnbounded))
                text += tr("  (+%1)").arg(qstr(formatDurationApprox(Duration{-(rto ? v->rtoMargin : v->rpoMargin).ms})));
        return text;
    }
    case RowKind::Verdict: {
        if (option.verdicts.empty())
            return tr("no targets");
        const int n = breaches(option);
        return n == 0 ? tr("✔ meets all targets") : tr("✘ %1 breached").arg(countText(std::size_t(n), "%1 target", "%1 targets"));
    }
    case RowKind::Changes:
        return option.changes.empty() ? tr("none (current design)")
                                      : countText(option.changes.size(), "%1 change", "%1 changes");
    }
    return {};
}

QVariant StrategyTableModel::value(const StrategyOption& option, const Row& row) const
{
    if (option.unavailable)
        return {};
    switch (row.kind) {
    case RowKind::Cost: return option.monthlyCost;
    case RowKind::SecondaryCost: return option.secondaryCost;
    case RowKind::Availability: return option.availability;
    case RowKind::Rto:
    case RowKind::Rpo: {
        const RecoveryEstimate* e = estimateOf(option, row.disruption);
        if (!e)
            return {};
        const TimeEstimate& t = row.kind == RowKind::Rto ? e->rto : e->rpo;
        return t.unbounded ? QVariant() : QVariant::fromValue<qlonglong>(t.total.ms);
    }
    case RowKind::Verdict: return breaches(option);
    case RowKind::Changes: return static_cast<int>(option.changes.size());
    }
    return {};
}

std::optional<bool> StrategyTableModel::met(const StrategyOption& option, const Row& row) const
{
    if (option.unavailable)
        return std::nullopt;
    if (row.kind == RowKind::Verdict)
        return option.verdicts.empty() ? std::nullopt : std::optional(option.compliant);
    if (row.kind != RowKind::Rto && row.kind != RowKind::Rpo)
        return std::nullopt;
    const PolicyVerdict* v = verdictOf(option, row.disruption);
    if (!v)
        return std::nullopt;
    return row.kind == RowKind::Rto ? v->rtoMet : v->rpoMet;
}

QString StrategyTableModel::detail(const StrategyOption& option, const Row& row) const
{
    if (option.unavailable)
        return QStringLiteral("<p>%1</p>").arg(qstr(option.unavailable->message).toHtmlEscaped());
    switch (row.kind) {
    case RowKind::Rto:
    case RowKind::Rpo:
        if (const RecoveryEstimate* e = estimateOf(option, row.disruption))
            return breakdownHtml(*e, row.kind == RowKind::Rto, verdictOf(option, row.disruption));
        return {};
    case RowKind::Verdict: {
        QString html;
        for (const auto& v : option.verdicts)
            html += QStringLiteral("<p><b>%1:</b> %2</p>")
                        .arg(disruptionText(v.policy.disruption), qstr(v.summary).toHtmlEscaped());
        return html;
    }
    case RowKind::Changes: {
        QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Applying %1 changes:").arg(strategyTitle(option.strategy)));
        for (const auto& c : option.changes)
            html += QStringLiteral("<li>%1</li>").arg(qstr(c.description).toHtmlEscaped());
        return html + QStringLiteral("</ul>");
    }
    case RowKind::Availability:
        return tr("<p>Composite availability of the workload's serving path: %1 % (about %2 of downtime a year "
                  "from component SLAs alone).</p>")
            .arg(QLocale(QLocale::English).toString(option.availability * 100, 'f', 4),
                 durationText(expectedDowntime(option.availability, Duration::hours(24 * 365))));
    case RowKind::Cost:
    case RowKind::SecondaryCost:
        return tr("<p>Monthly cost of the workload's components under this strategy: %1, of which %2 in the "
                  "secondary region.</p>")
            .arg(moneyText(option.monthlyCost), moneyText(option.secondaryCost));
    }
    return {};
}

QVariant StrategyTableModel::data(const QModelIndex& index, int role) const
{
    if (!m_comparison || !index.isValid() || index.row() >= static_cast<int>(rows().size()) ||
        index.column() >= static_cast<int>(m_comparison->options.size()))
        return {};
    const StrategyOption& option = m_comparison->options[static_cast<std::size_t>(index.column())];
    const Row& row = rows()[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return display(option, row);
    case ValueRole: return value(option, row);
    case Qt::ToolTipRole:
    case DetailRole: return detail(option, row);
    case MetRole: {
        const auto m = met(option, row);
        return m ? QVariant(*m) : QVariant();
    }
    case Qt::BackgroundRole: {
        const auto m = met(option, row);
        if (m)
            return QBrush(tint(*m ? canvasColors().success : canvasColors().danger));
        return {};
    }
    case Qt::FontRole:
        if (option.cheapestCompliant || row.kind == RowKind::Cost || row.kind == RowKind::Verdict) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    default: return {};
    }
}

QVariant StrategyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_comparison)
        return {};
    if (orientation == Qt::Horizontal && section < static_cast<int>(m_comparison->options.size())) {
        const StrategyOption& option = m_comparison->options[static_cast<std::size_t>(section)];
        if (role == Qt::DisplayRole) {
            QString text = strategyTitle(option.strategy);
            if (option.cheapestCompliant)
                text += QStringLiteral("\n★ ") + tr("cheapest compliant");
            else if (option.current)
                text += QStringLiteral("\n") + tr("(current)");
            if (option.cheapestCompliant && option.current)
                text += QStringLiteral(" · ") + tr("current");
            return text;
        }
        if (role == Qt::FontRole && (option.cheapestCompliant || option.current)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == Qt::ToolTipRole && option.unavailable)
            return qstr(option.unavailable->message);
        return {};
    }
    if (orientation == Qt::Vertical && section < static_cast<int>(rows().size())) {
        const Row& row = rows()[static_cast<std::size_t>(section)];
        if (role != Qt::DisplayRole)
            return {};
        switch (row.kind) {
        case RowKind::Cost: return tr("Monthly cost");
        case RowKind::SecondaryCost: return tr("  in secondary region");
        case RowKind::Availability: return tr("Composite SLA");
        case RowKind::Rto:
        case RowKind::Rpo: {
            const bool rto = row.kind == RowKind::Rto;
            QString label = QStringLiteral("%1 · %2").arg(rto ? tr("RTO") : tr("RPO"), disruptionText(row.disruption));
            if (const Policy* p = policyFor(row.disruption))
                if (const auto& target = rto ? p->rto : p->rpo)
                    label += tr("  (target %1)").arg(durationText(*target));
            return label;
        }
        case RowKind::Verdict: return tr("Policy verdict");
        case RowKind::Changes: return tr("Changes to the design");
        }
    }
    return {};
}

} // namespace firedrill::ui
