#include "TradeOffChart.h"

#include "BreakdownText.h"
#include "StrategyAnalysis.h"
#include "ui/common/DisplayText.h"
#include "ui/editor/CanvasColors.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace firedrill::ui {

namespace {

/// Where a duration sits on the logarithmic time axis (0 s is drawn at 1 s).
double logSeconds(Duration d)
{
    return std::log10(std::max(1.0, d.toSeconds()));
}

} // namespace

QColor TradeOffChart::strategyColour(StrategyKind kind)
{
    switch (kind) {
    case StrategyKind::RedeployFromBackup: return QColor(0xd9, 0x5f, 0x02);
    case StrategyKind::ActivePassiveDb: return QColor(0x75, 0x70, 0xb3);
    case StrategyKind::ActivePassiveFull: return QColor(0x1b, 0x9e, 0x77);
    case StrategyKind::ActiveActive: return QColor(0x1f, 0x78, 0xb4);
    case StrategyKind::SingleRegion: break;
    }
    return Qt::gray;
}

namespace {

struct Tick
{
    double seconds;
    const char* label;
};
constexpr Tick kTicks[] = {{1, "≤1s"},    {10, "10s"},   {60, "1m"},     {300, "5m"},    {900, "15m"},
                           {3600, "1h"},  {14400, "4h"}, {43200, "12h"}, {86400, "1d"},  {259200, "3d"},
                           {604800, "1w"}};

} // namespace

QString TradeOffChart::shortTitle(StrategyKind kind)
{
    switch (kind) {
    case StrategyKind::RedeployFromBackup: return TradeOffChart::tr("Redeploy");
    case StrategyKind::ActivePassiveDb: return TradeOffChart::tr("AP database");
    case StrategyKind::ActivePassiveFull: return TradeOffChart::tr("AP full");
    case StrategyKind::ActiveActive: return TradeOffChart::tr("Active-active");
    case StrategyKind::SingleRegion: break;
    }
    return {};
}

TradeOffChart::TradeOffChart(Axis axis, QWidget* parent) : QWidget(parent), m_axis(axis)
{
    setObjectName(axis == Axis::Rto ? QStringLiteral("tradeOffRto") : QStringLiteral("tradeOffRpo"));
    m_chart = new QChart();
    m_chart->setTitle(axis == Axis::Rto ? tr("Monthly cost against region RTO")
                                        : tr("Monthly cost against region RPO (worst case)"));
    m_chart->legend()->hide(); // one legend for both charts sits under them (TradeOffView)
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(220, 240);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
}

Duration TradeOffChart::timeOf(const ParetoPoint& p) const
{
    return m_axis == Axis::Rto ? p.worstRegionRto : p.worstRegionRpo;
}

bool TradeOffChart::unboundedOf(const ParetoPoint& p) const
{
    return m_axis == Axis::Rto ? p.unbounded : p.rpoUnbounded;
}

bool TradeOffChart::onFrontOf(const ParetoPoint& p) const
{
    return m_axis == Axis::Rto ? p.onFront : p.onRpoFront;
}

QScatterSeries* TradeOffChart::seriesOf(StrategyKind kind) const
{
    const auto& kinds = comparedStrategies();
    const auto it = std::find(kinds.begin(), kinds.end(), kind);
    return it == kinds.end() || m_strategySeries.empty() ? nullptr
                                                         : m_strategySeries[static_cast<std::size_t>(it - kinds.begin())];
}

QPointF TradeOffChart::position(std::size_t index) const
{
    const ParetoPoint& p = m_plotted.at(index);
    return QPointF(logSeconds(timeOf(p)), p.monthlyCost);
}

void TradeOffChart::setFigures(const StrategyFigures& figures)
{
    m_chart->removeAllSeries();
    m_chart->setTheme(canvasColors().dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_chart->setTitleBrush(palette().color(QPalette::Text));
    // removeAxis() hands the axis back to the caller: without the delete, every refresh leaked two
    // axes with their labels (found by LeakSanitizer).
    for (QAbstractAxis* a : m_chart->axes()) {
        m_chart->removeAxis(a);
        delete a;
    }
    m_plotted.clear();
    m_strategySeries.clear();
    m_current.reset();
    m_frontSize = 0;

    const Topology& t = figures.topology;
    m_focusIndex = 0;
    for (std::size_t i = 0; i < t.workloads.size(); ++i)
        if (qstr(t.workloads[i].id.str()) == figures.workload)
            m_focusIndex = i;
    std::size_t unbounded = 0;
    for (const ParetoPoint& p : figures.pareto.points) {
        if (unboundedOf(p))
            ++unbounded;
        else
            m_plotted.push_back(p);
    }
    // The current design: each workload's own strategy.
    for (std::size_t i = 0; i < m_plotted.size(); ++i) {
        bool same = m_plotted[i].choice.size() == t.workloads.size();
        for (std::size_t w = 0; same && w < t.workloads.size(); ++w)
            same = t.workloads[w].strategy && t.workloads[w].strategy->kind == m_plotted[i].choice[w];
        if (same)
            m_current = i;
    }

    const CanvasColors& colours = canvasColors();
    double minX = 0, maxX = 1, maxY = 1;
    for (std::size_t i = 0; i < m_plotted.size(); ++i) {
        const QPointF at = position(i);
        minX = i == 0 ? at.x() : std::min(minX, at.x());
        maxX = i == 0 ? at.x() : std::max(maxX, at.x());
        maxY = std::max(maxY, at.y());
    }
    const Workload* focus = m_focusIndex < t.workloads.size() ? &t.workloads[m_focusIndex] : nullptr;
    std::optional<Duration> target;
    if (focus)
        for (const Policy& p : t.policies)
            if (p.workload == focus->id && p.disruption == DisruptionClass::Region)
                target = m_axis == Axis::Rto ? p.rto : p.rpo;
    if (target) {
        minX = std::min(minX, logSeconds(*target));
        maxX = std::max(maxX, logSeconds(*target));
    }
    minX = std::max(0.0, minX - 0.3);
    maxX = maxX + 0.3;
    double minY = maxY;
    for (std::size_t i = 0; i < m_plotted.size(); ++i)
        minY = std::min(minY, m_plotted[i].monthlyCost);
    // Costs differ by a fraction of the total: show the band they lie in, not the way down from zero.
    const double pad = std::max(50.0, (maxY - minY) * 0.25);
    minY = std::max(0.0, minY - pad);
    maxY = maxY + pad;

    auto* x = new QCategoryAxis();
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (const Tick& tick : kTicks) {
        const double at = std::log10(tick.seconds);
        if (at >= minX - 1e-9 && at <= maxX + 1e-9)
            x->append(QString::fromUtf8(tick.label), at);
    }
    x->setRange(minX, maxX);
    x->setTitleText(m_axis == Axis::Rto ? tr("Region RTO (log scale)") : tr("Region RPO (log scale)"));
    x->setGridLineVisible(true);
    auto* y = new QValueAxis();
    y->setRange(minY, maxY);
    y->setLabelFormat(QStringLiteral("$%.0f"));
    y->applyNiceNumbers();
    minY = y->min();
    maxY = y->max();
    y->setTitleText(tr("USD / month"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);

    auto attach = [&](QAbstractSeries* s) {
        m_chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    };

    // The Pareto front, left to right.
    std::vector<QPointF> front;
    for (std::size_t i = 0; i < m_plotted.size(); ++i)
        if (onFrontOf(m_plotted[i]))
            front.push_back(position(i));
    std::sort(front.begin(), front.end(), [](QPointF a, QPointF b) { return a.x() < b.x() || (a.x() == b.x() && a.y() > b.y()); });
    front.erase(std::unique(front.begin(), front.end()), front.end());
    m_frontSize = static_cast<int>(front.size());
    if (!front.empty()) {
        auto* line = new QLineSeries();
        line->setName(tr("Front"));
        QPen pen(colours.cardTitle, 2, Qt::DashLine);
        line->setPen(pen);
        for (const QPointF& p : front)
            line->append(p);
        attach(line);
    }
    if (target) {
        auto* line = new QLineSeries();
        line->setName(tr("Target %1").arg(durationText(*target)));
        line->setPen(QPen(colours.danger, 2, Qt::DotLine));
        line->append(logSeconds(*target), minY);
        line->append(logSeconds(*target), maxY);
        attach(line);
    }
    for (const StrategyKind kind : comparedStrategies()) {
        auto* s = new QScatterSeries();
        Strategy strategy;
        strategy.kind = kind;
        s->setName(shortTitle(kind));
        s->setColor(strategyColour(kind));
        s->setBorderColor(colours.cardFill);
        s->setMarkerSize(13);
        for (std::size_t i = 0; i < m_plotted.size(); ++i)
            if (m_focusIndex < m_plotted[i].choice.size() && m_plotted[i].choice[m_focusIndex] == kind)
                s->append(position(i));
        connect(s, &QScatterSeries::clicked, this, &TradeOffChart::onClicked);
        attach(s);
        m_strategySeries.push_back(s);
    }
    if (m_current) {
        auto* s = new QScatterSeries();
        s->setName(tr("Current"));
        s->setMarkerSize(24);
        s->setColor(Qt::transparent);
        s->setBorderColor(colours.selection);
        QPen pen(colours.selection, 3);
        s->setPen(pen);
        s->append(position(*m_current));
        connect(s, &QScatterSeries::clicked, this, &TradeOffChart::onClicked);
        attach(s);
    }

    QStringList notes;
    if (t.workloads.size() > 1 && !figures.pareto.truncated)
        notes << tr("%1 strategy combinations of %2; colour = strategy of %3.")
                     .arg(figures.pareto.points.size())
                     .arg(countText(t.workloads.size(), "%1 workload", "%1 workloads"),
                          focus ? labelWithId(focus->name, focus->id.str()) : QString());
    for (const std::string& n : figures.pareto.notes)
        notes << qstr(n);
    if (unbounded > 0)
        notes << tr("%1 cannot recover from a region loss at all (not plotted).")
                     .arg(countText(unbounded, "%1 combination", "%1 combinations"));
    if (!m_current && !t.workloads.empty())
        notes << tr("The current design is not one of the four strategies for every workload, so it is not ringed.");
    m_note->setText(notes.join(QLatin1Char(' ')));
    m_note->setVisible(!notes.isEmpty());
}

void TradeOffChart::pick(std::size_t index)
{
    if (index < m_plotted.size())
        emit combinationPicked(m_plotted[index].choice);
}

void TradeOffChart::onClicked(const QPointF& point)
{
    // The nearest plotted point, measured in axis units (decades across, cost relative to the range).
    double best = 0;
    std::optional<std::size_t> nearest;
    double span = 1;
    for (std::size_t i = 0; i < m_plotted.size(); ++i)
        span = std::max(span, m_plotted[i].monthlyCost);
    for (std::size_t i = 0; i < m_plotted.size(); ++i) {
        const QPointF at = position(i);
        const double dx = at.x() - point.x();
        const double dy = (at.y() - point.y()) / span;
        const double d = dx * dx + dy * dy;
        if (!nearest || d < best) {
            best = d;
            nearest = i;
        }
    }
    if (nearest)
        pick(*nearest);
}

} // namespace firedrill::ui
