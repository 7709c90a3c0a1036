#include "ReplayCharts.h"

#include "ReplayChart.h"
#include "ReplayRun.h"
#include "SeriesPoints.h"

#include "core/sim/models/ReplayWorld.h"
#include "ui/common/DisplayText.h"

#include <QGridLayout>
#include <algorithm>

namespace firedrill::ui {

namespace {

const QColor kRegionColors[] = {QColor(0x1f, 0x77, 0xd4), QColor(0xe0, 0x6c, 0x00), QColor(0x2e, 0x9e, 0x4f),
                                QColor(0x8e, 0x44, 0xc8), QColor(0xc0, 0x39, 0x2b)};
const QColor kBaseline(0x88, 0x88, 0x88);

} // namespace

double ReplayCharts::unitMs(std::int64_t durationMs)
{
    return durationMs <= 3 * 3'600'000 ? 60'000.0 : 3'600'000.0;
}

ReplayCharts::ReplayCharts(QWidget* parent) : QWidget(parent)
{
    m_charts[Traffic] = new ReplayChart(tr("Served vs demanded"), tr("req/s"), 0, this);
    m_charts[Availability] = new ReplayChart(tr("Availability"), QStringLiteral("%"), 100, this);
    m_charts[Latency] = new ReplayChart(tr("Added latency"), tr("ms"), 0, this);
    m_charts[Lag] = new ReplayChart(tr("Replication lag"), tr("s"), 0, this);
    m_charts[WritesLost] = new ReplayChart(tr("Writes lost (cumulative)"), tr("writes"), 0, this);
    m_charts[Backlog] = new ReplayChart(tr("Outbox backlog"), tr("messages"), 0, this);
    const char* names[] = {"chartTraffic", "chartAvailability", "chartLatency", "chartLag", "chartWritesLost", "chartBacklog"};
    for (int i = 0; i < Count; ++i) {
        m_charts[static_cast<std::size_t>(i)]->setObjectName(QString::fromLatin1(names[i]));
        m_charts[static_cast<std::size_t>(i)]->setEventText([this](double x) {
            if (!m_run)
                return QString();
            const auto t = static_cast<std::int64_t>(x * m_unitMs);
            const sim::ReplayLogEntry* last = nullptr;
            for (const auto& e : m_run->log)
                if (e.timeMs <= t)
                    last = &e;
            return last ? qstr(sim::models::clock(last->timeMs) + "  " + last->text) : QString();
        });
    }
    new QGridLayout(this);
    layoutCharts();
}

void ReplayCharts::layoutCharts()
{
    auto* grid = static_cast<QGridLayout*>(layout());
    for (ReplayChart* c : m_charts)
        grid->removeWidget(c);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    if (m_simplified) {
        grid->addWidget(m_charts[Traffic], 0, 0);
        grid->addWidget(m_charts[Availability], 1, 0);
        for (int i = Latency; i < Count; ++i)
            m_charts[static_cast<std::size_t>(i)]->hide();
    } else {
        for (int i = 0; i < Count; ++i) {
            grid->addWidget(m_charts[static_cast<std::size_t>(i)], i / 2, i % 2);
            m_charts[static_cast<std::size_t>(i)]->show();
        }
    }
    for (ReplayChart* c : m_charts)
        c->setFontScale(m_simplified ? 1.5 : 1.0);
}

void ReplayCharts::setSimplified(bool on)
{
    if (m_simplified == on)
        return;
    m_simplified = on;
    layoutCharts();
}

void ReplayCharts::showRuns(const ReplayRun* run, const ReplayRun* baseline, int workload)
{
    m_run = run;
    const auto w = static_cast<std::size_t>(std::max(0, workload));
    if (!run || w >= run->series.size()) {
        for (ReplayChart* c : m_charts)
            c->setLines({}, 1, QString());
        return;
    }
    m_unitMs = unitMs(run->durationMs);
    const double step = static_cast<double>(run->sampleMs) / m_unitMs;
    const double xMax = static_cast<double>(run->durationMs) / m_unitMs;
    const QString xTitle = m_unitMs < 3'600'000 ? tr("min") : tr("h");
    const sim::WorkloadSeries& s = run->series[w];
    const sim::WorkloadSeries* b = baseline && w < baseline->series.size() ? &baseline->series[w] : nullptr;
    const QString compared = baseline ? tr(" (%1)").arg(baseline->label()) : QString();

    std::vector<ReplayChart::Line> traffic;
    traffic.push_back({tr("demand"), seriesPoints(s.demand, step), QColor(0x70, 0x70, 0x70), true});
    for (std::size_t r = 0; r < s.servedByRegion.size(); ++r)
        traffic.push_back({s.regions[r].empty() ? tr("redeployed") : tr("served %1").arg(qstr(s.regions[r])),
                           seriesPoints(s.servedByRegion[r], step), kRegionColors[r % std::size(kRegionColors)], false});
    if (b) {
        std::vector<double> total(b->demand.size(), 0.0);
        for (const auto& col : b->servedByRegion)
            for (std::size_t i = 0; i < col.size() && i < total.size(); ++i)
                total[i] += col[i];
        traffic.push_back({tr("served") + compared, seriesPoints(total, step), kBaseline, true});
    }
    m_charts[Traffic]->setLines(traffic, xMax, xTitle);

    const auto single = [&](Kind kind, const std::vector<double>& now, const std::vector<double>* before, double scale,
                            const QString& name, const QColor& color) {
        std::vector<ReplayChart::Line> lines{{name, seriesPoints(now, step, scale), color, false}};
        if (before)
            lines.push_back({name + compared, seriesPoints(*before, step, scale), kBaseline, true});
        m_charts[kind]->setLines(lines, xMax, xTitle);
    };
    single(Availability, s.availability, b ? &b->availability : nullptr, 100.0, tr("availability"), QColor(0x2e, 0x9e, 0x4f));
    single(Latency, s.latencyMs, b ? &b->latencyMs : nullptr, 1.0, tr("latency"), QColor(0x8e, 0x44, 0xc8));
    single(Lag, s.replicationLagS, b ? &b->replicationLagS : nullptr, 1.0, tr("lag"), QColor(0xe0, 0x6c, 0x00));
    single(WritesLost, s.writesLost, b ? &b->writesLost : nullptr, 1.0, tr("writes lost"), QColor(0xc0, 0x39, 0x2b));
    single(Backlog, s.backlog, b ? &b->backlog : nullptr, 1.0, tr("backlog"), QColor(0x1f, 0x77, 0xd4));
    setPlayhead(run->timeMs);
}

void ReplayCharts::setPlayhead(std::int64_t timeMs)
{
    for (ReplayChart* c : m_charts)
        c->setPlayhead(static_cast<double>(timeMs) / m_unitMs);
}

} // namespace firedrill::ui
