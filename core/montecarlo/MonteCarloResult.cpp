#include "MonteCarloResult.h"

#include <cmath>
#include <limits>

namespace firedrill::montecarlo {

namespace {
constexpr double kYearMs = 365.0 * 24 * 3600 * 1000;
}

void MonteCarloResult::merge(const MonteCarloResult& other)
{
    if (years == 0) {
        firstYear = other.firstYear;
    } else if (other.years > 0) {
        firstYear = std::min(firstYear, other.firstYear);
    }
    years += other.years;
    events += other.events;
    if (processDownMs.size() < other.processDownMs.size())
        processDownMs.resize(other.processDownMs.size(), 0);
    for (std::size_t i = 0; i < other.processDownMs.size(); ++i)
        processDownMs[i] += other.processDownMs[i];
    if (processLabels.empty()) {
        processLabels = other.processLabels;
        processOwners = other.processOwners;
    }
    if (workloads.empty()) {
        workloads = other.workloads;
        for (auto& w : workloads) { // keep only the identity: the sums come from merging below
            w.downtimeMs = 0;
            w.downtimeSquares = 0;
            w.yearsWithDowntime = 0;
            w.breachYears = {};
            std::fill(w.attributedMs.begin(), w.attributedMs.end(), 0);
            w.histogram = DowntimeHistogram{};
        }
    }
    for (std::size_t i = 0; i < workloads.size() && i < other.workloads.size(); ++i) {
        auto& a = workloads[i];
        const auto& b = other.workloads[i];
        a.downtimeMs += b.downtimeMs;
        a.downtimeSquares += b.downtimeSquares;
        a.yearsWithDowntime += b.yearsWithDowntime;
        for (std::size_t k = 0; k < a.breachYears.size(); ++k)
            a.breachYears[k] += b.breachYears[k];
        if (a.attributedMs.size() < b.attributedMs.size())
            a.attributedMs.resize(b.attributedMs.size(), 0);
        for (std::size_t k = 0; k < b.attributedMs.size(); ++k)
            a.attributedMs[k] += b.attributedMs[k];
        a.histogram.merge(b.histogram);
    }
}

double MonteCarloResult::meanDowntimeMs(std::size_t w) const
{
    return years == 0 ? 0.0 : static_cast<double>(workloads[w].downtimeMs) / static_cast<double>(years);
}

double MonteCarloResult::standardErrorMs(std::size_t w) const
{
    if (years < 2)
        return 0.0;
    const double n = static_cast<double>(years);
    const double mean = meanDowntimeMs(w);
    const double meanSquare = static_cast<double>(workloads[w].downtimeSquares) / n;
    const double variance = std::max(0.0, (meanSquare - mean * mean) * n / (n - 1));
    return std::sqrt(variance / n);
}

double MonteCarloResult::availability(std::size_t w) const
{
    if (years == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return 1.0 - meanDowntimeMs(w) / kYearMs;
}

} // namespace firedrill::montecarlo
