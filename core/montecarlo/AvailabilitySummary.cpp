#include "AvailabilitySummary.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace firedrill::montecarlo {

std::optional<double> ninesOf(double availability)
{
    if (!(availability < 1.0))
        return std::nullopt;
    return -std::log10(1.0 - availability);
}

AvailabilitySummary summarizeWorkload(const MonteCarloResult& r, std::size_t w, const Topology& topology)
{
    const WorkloadStats& s = r.workloads[w];
    AvailabilitySummary out;
    out.workload = s.workload;
    out.years = r.years;
    out.hasData = r.years > 0;
    out.availability = r.availability(w);
    out.nines = ninesOf(out.availability);
    out.meanDowntimeMs = r.meanDowntimeMs(w);
    out.standardErrorMs = r.standardErrorMs(w);
    out.p50DowntimeMs = s.histogram.quantileMs(0.50);
    out.p95DowntimeMs = s.histogram.quantileMs(0.95);
    out.p99DowntimeMs = s.histogram.quantileMs(0.99);
    out.yearsWithDowntime = s.yearsWithDowntime;
    out.shareOfYearsWithDowntime = r.years ? static_cast<double>(s.yearsWithDowntime) / static_cast<double>(r.years) : 0.0;
    out.yearsWithoutDowntime = s.histogram.zeroCount();
    out.yearsUnderASecond = s.histogram.subSecondCount();
    const double years = static_cast<double>(std::max<std::uint64_t>(1, r.years));
    out.shareOfYearsWithoutDowntime = static_cast<double>(out.yearsWithoutDowntime) / years;
    out.shareOfYearsUnderASecond = static_cast<double>(out.yearsUnderASecond) / years;

    for (const auto& p : topology.policies) {
        if (p.workload != s.workload || !p.rto)
            continue;
        const auto k = static_cast<std::size_t>(p.disruption);
        const std::uint64_t breached = k < s.breachYears.size() ? s.breachYears[k] : 0;
        out.breaches.push_back({p.disruption, *p.rto, breached,
                                r.years ? static_cast<double>(breached) / static_cast<double>(r.years) : 0.0});
    }

    std::map<std::string, std::int64_t> byOwner;
    for (std::size_t p = 0; p < s.attributedMs.size() && p < r.processOwners.size(); ++p)
        byOwner[r.processOwners[p]] += s.attributedMs[p];
    for (const auto& [owner, ms] : byOwner)
        if (ms > 0)
            out.contributions.push_back(
                {owner, static_cast<double>(ms) / static_cast<double>(std::max<std::uint64_t>(1, r.years)),
                 s.downtimeMs ? static_cast<double>(ms) / static_cast<double>(s.downtimeMs) : 0.0});
    std::sort(out.contributions.begin(), out.contributions.end(),
              [](const DowntimeContribution& x, const DowntimeContribution& y) { return x.share > y.share; });
    return out;
}

std::vector<DowntimeBar> regroupHistogram(const DowntimeHistogram& histogram, int binsPerDecade)
{
    constexpr int kFine = DowntimeHistogram::kBinsPerDecade;
    if (binsPerDecade <= 0 || binsPerDecade > kFine || kFine % binsPerDecade != 0)
        binsPerDecade = 10;
    const int width = kFine / binsPerDecade;
    const int coarseCount = DowntimeHistogram::kBins / width;
    std::vector<std::uint64_t> counts(static_cast<std::size_t>(coarseCount), 0);
    for (std::size_t i = 0; i < histogram.bins().size(); ++i)
        counts[i / static_cast<std::size_t>(width)] += histogram.bins()[i];

    const auto first = std::find_if(counts.begin(), counts.end(), [](std::uint64_t c) { return c > 0; });
    if (first == counts.end())
        return {};
    const auto last = std::find_if(counts.rbegin(), counts.rend(), [](std::uint64_t c) { return c > 0; }).base();
    const double total = static_cast<double>(std::max<std::uint64_t>(1, histogram.count()));
    std::vector<DowntimeBar> bars;
    for (auto it = first; it != last; ++it) {
        const auto j = static_cast<double>(it - counts.begin());
        bars.push_back({1000.0 * std::pow(10.0, j / binsPerDecade), 1000.0 * std::pow(10.0, (j + 1) / binsPerDecade), *it,
                        static_cast<double>(*it) / total});
    }
    return bars;
}

} // namespace firedrill::montecarlo
