#pragma once

#include <array>
#include <cstdint>

namespace firedrill::montecarlo {

/// Counts of annual downtimes in logarithmic bins (100 per decade, 1 s to 1 year, each about 2.3 %
/// wide), plus exact counts of zero and sub-second years. Integer counts: merging is exact and
/// independent of order, so threads and shards give identical percentiles.
class DowntimeHistogram
{
public:
    static constexpr int kBinsPerDecade = 100;
    static constexpr int kDecades = 8; ///< 1 s .. 10^8 s (over 3 years)
    static constexpr int kBins = kBinsPerDecade * kDecades;

    /// Adds one year's downtime in milliseconds.
    void add(std::int64_t downtimeMs);
    /// Adds another histogram's counts.
    void merge(const DowntimeHistogram& other);
    /// The q-quantile (0..1) in milliseconds: 0 when that share of years had no downtime, else the
    /// geometric centre of the bin it falls in.
    double quantileMs(double q) const;
    std::uint64_t count() const { return m_total; }

    std::uint64_t zeroCount() const { return m_zero; }
    std::uint64_t subSecondCount() const { return m_subSecond; }
    const std::array<std::uint64_t, kBins>& bins() const { return m_bins; }
    /// Restores counts (for reading shard results back).
    void setCounts(std::uint64_t zero, std::uint64_t subSecond, const std::array<std::uint64_t, kBins>& bins);

private:
    std::uint64_t m_zero = 0;
    std::uint64_t m_subSecond = 0;
    std::array<std::uint64_t, kBins> m_bins{};
    std::uint64_t m_total = 0;
};

} // namespace firedrill::montecarlo
