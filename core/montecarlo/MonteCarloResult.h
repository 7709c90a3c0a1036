#pragma once

#include "DowntimeHistogram.h"

#include "core/model/Topology.h"

#include <cstdint>
#include <string>
#include <vector>

namespace firedrill::montecarlo {

/// Accumulated statistics of one workload over many simulated years. Every field is an integer sum,
/// so partial results from threads or shards merge exactly, in any order.
struct WorkloadStats
{
    WorkloadId workload;
    std::int64_t downtimeMs = 0;          ///< summed over years (downtime weighted by the share lost)
    unsigned __int128 downtimeSquares = 0; ///< sum of squared annual downtimes (ms^2), for the standard error
    std::uint64_t yearsWithDowntime = 0;
    std::array<std::uint64_t, 5> breachYears{}; ///< per DisruptionClass: years with an RTO breach
    std::vector<std::int64_t> attributedMs;     ///< per failure process: downtime it caused
    DowntimeHistogram histogram;
};

/// The summary of a Monte Carlo study (or of a shard of one).
struct MonteCarloResult
{
    std::uint64_t seed = 0;
    std::uint64_t years = 0;               ///< years simulated here
    std::uint64_t firstYear = 0;           ///< global index of the first year (shards)
    std::uint64_t totalYears = 0;          ///< the study's size
    std::uint64_t events = 0;
    std::vector<std::string> processLabels;
    std::vector<std::string> processOwners;
    std::vector<std::int64_t> processDownMs; ///< per process: time down, summed over years
    std::vector<WorkloadStats> workloads;
    std::vector<std::string> notes;

    /// Adds another partial result of the same study (same seed, topology and size).
    void merge(const MonteCarloResult& other);

    /// Mean annual downtime of workload `w`, ms.
    double meanDowntimeMs(std::size_t w) const;
    /// Standard error of that mean, ms.
    double standardErrorMs(std::size_t w) const;
    /// Availability implied by the mean downtime over a 365-day year; NaN when no year was simulated
    /// (an empty shard, a run cancelled at once): there is no figure, not a perfect one.
    double availability(std::size_t w) const;
};

} // namespace firedrill::montecarlo
