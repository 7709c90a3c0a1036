#include "ReplayRun.h"

#include <algorithm>

namespace firedrill::ui {

namespace {
void append(std::vector<double>& to, const std::vector<double>& from)
{
    to.insert(to.end(), from.begin(), from.end());
}
} // namespace

void ReplayRun::apply(const ReplayBatch& batch)
{
    if (batch.restarted) {
        series.clear();
        log.clear();
        result.reset();
    }
    if (series.empty() || batch.seriesFrom == 0) {
        series = batch.series;
        // Room for the whole run at once: growing 110 workloads' series by doubling stalled the page.
        const auto samples = static_cast<std::size_t>(durationMs / std::max<std::int64_t>(1, sampleMs) + 2);
        for (auto& s : series) {
            for (auto& col : s.servedByRegion)
                col.reserve(samples);
            for (auto* v : {&s.demand, &s.availability, &s.latencyMs, &s.replicationLagS, &s.writesLost, &s.backlog,
                            &s.capacityRps})
                v->reserve(samples);
        }
    } else {
        for (std::size_t w = 0; w < series.size() && w < batch.series.size(); ++w) {
            auto& to = series[w];
            const auto& from = batch.series[w];
            for (std::size_t c = 0; c < to.servedByRegion.size() && c < from.servedByRegion.size(); ++c)
                append(to.servedByRegion[c], from.servedByRegion[c]);
            append(to.demand, from.demand);
            append(to.availability, from.availability);
            append(to.latencyMs, from.latencyMs);
            append(to.replicationLagS, from.replicationLagS);
            append(to.writesLost, from.writesLost);
            append(to.backlog, from.backlog);
            append(to.capacityRps, from.capacityRps);
        }
    }
    if (batch.logFrom <= log.size()) {
        log.resize(batch.logFrom);
        log.insert(log.end(), batch.log.begin(), batch.log.end());
    }
    frame = batch.frame;
    timeMs = batch.timeMs;
    if (batch.result)
        result = batch.result;
}

QString ReplayRun::label() const
{
    QString text = QStringLiteral("%1 · seed %2").arg(scenario).arg(seed);
    if (worstCaseDns)
        text += QObject::tr(" · worst-case DNS");
    return text;
}

} // namespace firedrill::ui
