#include "TradeOffView.h"

#include "BreakdownText.h"
#include "StrategyAnalysis.h"
#include "StrategyTableModel.h"
#include "TradeOffChart.h"
#include "ui/common/DisplayText.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/editor/CanvasColors.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace firedrill::ui {

TradeOffView::TradeOffView(StrategyAnalysis* analysis, WorkloadFocus* focus, QWidget* parent)
    : QWidget(parent), m_analysis(analysis), m_focus(focus)
{
    setObjectName(QStringLiteral("tradeOffView"));
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("tradeOffHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() + 3);
    m_headline->setFont(big);
    m_busy = new QLabel(tr("Updating…"), this);
    m_busy->setForegroundRole(QPalette::PlaceholderText);

    m_model = new StrategyTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("strategyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumHeight(48);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 5);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &TradeOffView::showDetail);
    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("strategyBreakdown"));
    m_detail->setPlaceholderText(tr("Click a figure to see how it is made up."));
    m_detail->setMinimumWidth(250);
    m_table->setMinimumWidth(300);

    m_rtoChart = new TradeOffChart(TradeOffChart::Axis::Rto, this);
    m_rpoChart = new TradeOffChart(TradeOffChart::Axis::Rpo, this);

    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("tradeOffLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    auto* charts = new QWidget(this);
    auto* chartsLayout = new QGridLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_rtoChart, 0, 0);
    chartsLayout->addWidget(m_rpoChart, 0, 1);
    chartsLayout->addWidget(m_legend, 1, 0, 1, 2);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(charts);
    bottom->addWidget(m_detail);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* head = new QHBoxLayout;
    head->addWidget(m_headline, 1);
    head->addWidget(m_busy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(head);
    layout->addWidget(split, 1);

    connect(analysis, &StrategyAnalysis::updated, this, &TradeOffView::refresh);
    connect(analysis, &StrategyAnalysis::started, m_busy, &QWidget::show);
    refresh();
}

void TradeOffView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_legend)
        refresh(); // the charts and the legend follow the theme
}

QString TradeOffView::headline() const
{
    return m_headline->text();
}

QString TradeOffView::breakdown() const
{
    return m_detail->toPlainText();
}

void TradeOffView::refresh()
{
    const StrategyFigures& f = m_analysis->figures();
    m_busy->setVisible(m_analysis->busy());
    const QModelIndex current = m_table->currentIndex();
    m_model->setComparison(f.comparison);
    m_rtoChart->setFigures(f);
    m_rpoChart->setFigures(f);
    if (current.isValid()) {
        m_table->setCurrentIndex(m_model->index(current.row(), current.column()));
    } else if (f.comparison) {
        // Start with the region RTO of the current strategy explained.
        for (std::size_t i = 0; i < f.comparison->options.size(); ++i)
            if (f.comparison->options[i].current)
                m_table->setCurrentIndex(m_model->index(StrategyTableModel::rowOf(StrategyTableModel::RowKind::Rto),
                                                        static_cast<int>(i)));
    }
    showDetail();
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    const CanvasColors& colours = canvasColors();
    QStringList legend;
    for (const StrategyKind kind : comparedStrategies())
        legend << QStringLiteral("<span style='color:%1'>●</span> %2")
                      .arg(TradeOffChart::strategyColour(kind).name(), TradeOffChart::shortTitle(kind));
    legend << tr("<b>- -</b> Pareto front (nothing both cheaper and faster)")
           << tr("<span style='color:%1'>┆</span> region target").arg(colours.danger.name())
           << tr("<span style='color:%1'>◯</span> current design").arg(colours.selection.name());
    m_legend->setText(legend.join(QStringLiteral(" &nbsp; ")));

    const Workload* w = f.topology.findWorkload(WorkloadId(f.workload.toStdString()));
    if (!w || !f.comparison) {
        m_headline->setText(tr("Add a workload to compare strategies."));
        return;
    }
    const StrategyComparison& c = *f.comparison;
    const QString name = labelWithId(w->name, w->id.str()).toHtmlEscaped();
    if (c.cheapestCompliant) {
        const StrategyOption& o = c.options[*c.cheapestCompliant];
        m_headline->setText(tr("<b>%1</b>: <span style='color:%2'>★ %3</span> meets every target for <b>%4/mo</b>.")
                                .arg(name, colours.success.name(), strategyTitle(o.strategy), moneyText(o.monthlyCost)));
        return;
    }
    bool anyPolicy = false;
    for (const auto& o : c.options)
        anyPolicy = anyPolicy || !o.verdicts.empty();
    if (!anyPolicy) {
        m_headline->setText(tr("<b>%1</b> has no recovery targets yet: set them in Policies to get a verdict.").arg(name));
        return;
    }
    // No strategy complies: name the one with the fewest breaches (the cheaper on a tie).
    const StrategyOption* closest = nullptr;
    int fewest = 0;
    for (const auto& o : c.options) {
        if (o.unavailable)
            continue;
        int n = 0;
        for (const auto& v : o.verdicts)
            n += (v.rtoMet == false ? 1 : 0) + (v.rpoMet == false ? 1 : 0);
        if (!closest || n < fewest || (n == fewest && o.monthlyCost < closest->monthlyCost)) {
            closest = &o;
            fewest = n;
        }
    }
    m_headline->setText(
        closest ? tr("<b>%1</b>: <span style='color:%2'>no strategy meets every target.</span> Closest: %3 "
                     "(%4/mo, %5 breached) — click a red cell to see why.")
                      .arg(name, colours.danger.name(), strategyTitle(closest->strategy), moneyText(closest->monthlyCost),
                           countText(std::size_t(fewest), "%1 target", "%1 targets"))
                : tr("<b>%1</b>: no strategy can be applied.").arg(name));
}

void TradeOffView::showDetail()
{
    const QModelIndex index = m_table->currentIndex();
    m_detail->setHtml(index.isValid() ? m_model->data(index, StrategyTableModel::DetailRole).toString() : QString());
}

} // namespace firedrill::ui
