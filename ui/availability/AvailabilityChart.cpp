#include "AvailabilityChart.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace firedrill::ui {

namespace {

/// Where the time axis may carry a label, in seconds, with its text.
struct Tick
{
    double seconds;
    const char* text;
};
constexpr std::array<Tick, 12> kTicks{{{1, "1s"},
                                       {10, "10s"},
                                       {60, "1m"},
                                       {600, "10m"},
                                       {3600, "1h"},
                                       {6 * 3600, "6h"},
                                       {86400, "1d"},
                                       {3 * 86400, "3d"},
                                       {7 * 86400, "1w"},
                                       {30 * 86400, "30d"},
                                       {365 * 86400, "1y"},
                                       {1e8, "3y"}}};

double logSeconds(double ms)
{
    return std::log10(ms / 1000.0);
}

const QColor kBaselineColor(0xE0, 0x8A, 0x1E); // an orange that reads on light and dark backgrounds

} // namespace

AvailabilityChart::AvailabilityChart(QWidget* parent)
    : QChartView(parent)
{
    // The view's own chart: replacing it with setChart() leaks the scene's items in Qt 6.4.
    QChart* chart = this->chart();
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(6, 6, 6, 6));
    m_x = new QCategoryAxis;
    m_x->setTitleText(tr("Downtime in a year (logarithmic scale)"));
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_y = new QValueAxis;
    m_y->setTitleText(tr("Share of simulated years (%)"));
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(420, 300);
    fitAxes(1000, 3'600'000, 0.1);
    clearBars();
    applyPalette();
}

void AvailabilityChart::setHistograms(const QString& title, const Histogram& current, const std::optional<Histogram>& baseline)
{
    clearBars();
    chart()->setTitle(title);
    m_x->setVisible(true);
    m_y->setVisible(true);
    double minMs = 1e300, maxMs = 0, maxShare = 0;
    for (const Histogram* h : {&current, baseline ? &*baseline : nullptr}) {
        if (!h)
            continue;
        for (const auto& b : h->bars) {
            minMs = std::min(minMs, b.fromMs);
            maxMs = std::max(maxMs, b.toMs);
            maxShare = std::max(maxShare, b.share);
        }
        if (h->meanMs >= 1000) {
            minMs = std::min(minMs, h->meanMs);
            maxMs = std::max(maxMs, h->meanMs);
        }
    }
    if (maxMs == 0) {
        minMs = 1000;
        maxMs = 3'600'000;
    }
    fitAxes(minMs, maxMs, maxShare);
    addHistogram(current, false);
    if (baseline)
        addHistogram(*baseline, true);
    applyPalette();
}

void AvailabilityChart::clearBars()
{
    chart()->removeAllSeries();
    chart()->setTitle(tr("The spread of downtime over the simulated years appears here after a run."));
    m_x->setVisible(false);
    m_y->setVisible(false);
}

int AvailabilityChart::histogramCount() const
{
    int n = 0;
    for (QAbstractSeries* s : chart()->series())
        n += qobject_cast<QAreaSeries*>(s) ? 1 : 0;
    return n;
}

void AvailabilityChart::addHistogram(const Histogram& histogram, bool baseline)
{
    // One outline going up and down each bar; the area under it is the histogram. Current bars leave a
    // small gap between them; baseline bars are full width so the outline stays readable on top.
    auto* upper = new QLineSeries;
    const double gapShare = baseline ? 0.0 : 0.12;
    for (const auto& b : histogram.bars) {
        if (b.years == 0)
            continue;
        const double from = logSeconds(b.fromMs), to = logSeconds(b.toMs);
        const double gap = (to - from) * gapShare / 2;
        const double h = b.share * 100.0;
        upper->append(from + gap, 0);
        upper->append(from + gap, h);
        upper->append(to - gap, h);
        upper->append(to - gap, 0);
    }
    auto* area = new QAreaSeries(upper);
    upper->setParent(area); // an area series does not own its outline
    area->setName(histogram.name);
    area->setObjectName(baseline ? QStringLiteral("baselineHistogram") : QStringLiteral("currentHistogram"));
    chart()->addSeries(area);
    area->attachAxis(m_x);
    area->attachAxis(m_y);

    if (histogram.meanMs >= 1000) {
        auto* mean = new QLineSeries;
        mean->setName(baseline ? tr("Baseline mean") : tr("Mean"));
        mean->setObjectName(baseline ? QStringLiteral("baselineMean") : QStringLiteral("currentMean"));
        mean->append(logSeconds(histogram.meanMs), 0);
        mean->append(logSeconds(histogram.meanMs), m_y->max());
        chart()->addSeries(mean);
        mean->attachAxis(m_x);
        mean->attachAxis(m_y);
        // Explained under the chart, so the legend keeps to the two runs and fits a narrow view.
        for (QLegendMarker* marker : chart()->legend()->markers(mean))
            marker->setVisible(false);
    }
}

void AvailabilityChart::fitAxes(double minMs, double maxMs, double maxShare)
{
    // Widen the range to the nearest labelled ticks so both ends carry a label.
    double low = kTicks.front().seconds, high = kTicks.back().seconds;
    for (const auto& t : kTicks)
        if (t.seconds * 1000.0 <= minMs * 1.0001)
            low = t.seconds;
    for (auto it = kTicks.rbegin(); it != kTicks.rend(); ++it)
        if (it->seconds * 1000.0 >= maxMs * 0.9999)
            high = it->seconds;
    const double lowLog = std::log10(low), highLog = std::log10(high);
    for (const QString& label : m_x->categoriesLabels())
        m_x->remove(label);
    m_x->setStartValue(lowLog);
    for (const auto& t : kTicks) {
        const double v = std::log10(t.seconds);
        if (v >= lowLog - 1e-9 && v <= highLog + 1e-9)
            m_x->append(QString::fromLatin1(t.text), v);
    }
    m_x->setRange(lowLog, highLog);

    // About five gridlines at a round step (1, 2 or 5 times a power of ten) above the tallest bar.
    const double tallest = std::max(0.5, maxShare * 100.0 * 1.08);
    const double rough = tallest / 5;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= rough) {
            step = m * power;
            break;
        }
    const int steps = static_cast<int>(std::ceil(tallest / step));
    m_y->setRange(0, step * steps);
    m_y->setTickCount(steps + 1);
    m_y->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
}

void AvailabilityChart::applyPalette()
{
    const QPalette& p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    QChart* c = chart();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setBackgroundRoundness(0);
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(p.color(QPalette::Text));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->legend()->setLabelColor(p.color(QPalette::Text));
    c->legend()->setFont(font());
    const QColor grid = dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 30);
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_x), static_cast<QAbstractAxis*>(m_y)}) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setTitleBrush(p.color(QPalette::Text));
        axis->setLabelsFont(font());
        QFont f = font();
        f.setBold(true);
        axis->setTitleFont(f);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
    for (QAbstractSeries* s : c->series()) {
        if (auto* line = qobject_cast<QLineSeries*>(s)) {
            const bool baseline = line->objectName() == QStringLiteral("baselineMean");
            QPen pen(baseline ? kBaselineColor : p.color(QPalette::Text), 2.0);
            pen.setStyle(baseline ? Qt::DotLine : Qt::DashLine);
            line->setPen(pen);
            continue;
        }
        auto* area = qobject_cast<QAreaSeries*>(s);
        if (!area)
            continue;
        const bool baseline = area->objectName() == QStringLiteral("baselineHistogram");
        QColor line = baseline ? kBaselineColor : p.color(QPalette::Highlight);
        QColor fill = line;
        fill.setAlpha(baseline ? 25 : 200);
        area->setBrush(fill);
        QPen pen(line, baseline ? 2.5 : 1.0);
        if (baseline)
            pen.setStyle(Qt::DashLine);
        area->setPen(pen);
    }
}

void AvailabilityChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

} // namespace firedrill::ui
