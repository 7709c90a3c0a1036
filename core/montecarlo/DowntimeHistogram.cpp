#include "DowntimeHistogram.h"

#include <algorithm>
#include <cmath>

namespace firedrill::montecarlo {

void DowntimeHistogram::add(std::int64_t ms)
{
    ++m_total;
    if (ms <= 0) {
        ++m_zero;
        return;
    }
    if (ms < 1000) {
        ++m_subSecond;
        return;
    }
    const double decades = std::log10(static_cast<double>(ms) / 1000.0);
    const int bin = std::clamp(static_cast<int>(decades * kBinsPerDecade), 0, kBins - 1);
    ++m_bins[static_cast<std::size_t>(bin)];
}

void DowntimeHistogram::merge(const DowntimeHistogram& other)
{
    m_zero += other.m_zero;
    m_subSecond += other.m_subSecond;
    for (std::size_t i = 0; i < m_bins.size(); ++i)
        m_bins[i] += other.m_bins[i];
    m_total += other.m_total;
}

double DowntimeHistogram::quantileMs(double q) const
{
    if (m_total == 0)
        return 0;
    // The rank of the quantile among the sorted years, 1-based (nearest-rank method).
    const auto rank = static_cast<std::uint64_t>(std::max(1.0, std::ceil(q * static_cast<double>(m_total))));
    std::uint64_t seen = m_zero;
    if (rank <= seen)
        return 0;
    seen += m_subSecond;
    if (rank <= seen)
        return 500; // somewhere below a second
    for (std::size_t i = 0; i < m_bins.size(); ++i) {
        seen += m_bins[i];
        if (rank <= seen)
            return 1000.0 * std::pow(10.0, (static_cast<double>(i) + 0.5) / kBinsPerDecade);
    }
    return 1000.0 * std::pow(10.0, kDecades);
}

void DowntimeHistogram::setCounts(std::uint64_t zero, std::uint64_t subSecond, const std::array<std::uint64_t, kBins>& bins)
{
    m_zero = zero;
    m_subSecond = subSecond;
    m_bins = bins;
    m_total = zero + subSecond;
    for (const auto b : bins)
        m_total += b;
}

} // namespace firedrill::montecarlo
