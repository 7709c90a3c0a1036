#pragma once

#include "MonteCarloResult.h"

#include "core/model/Result.h"
#include "core/model/Topology.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace firedrill::montecarlo {

/// What to run.
struct MonteCarloOptions
{
    std::uint64_t years = 10'000;
    std::uint64_t seed = 1;
    unsigned threads = 1;          ///< 0: one per hardware thread
    std::uint64_t shardIndex = 0;  ///< run the shardIndex-th of shardCount disjoint slices of the years
    std::uint64_t shardCount = 1;
    /// Called now and then from the calling thread with (years done, years in this run).
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    const std::atomic<bool>* cancel = nullptr; ///< set to stop early (the result then says cancelled)
    /// Events one simulated year may take (each failure and repair is one). A topology whose failure
    /// rates make more on average is refused before the run ("too-many-events"); a year that still
    /// reaches it stops the run with the same error, so no run takes unbounded time.
    std::uint64_t maxEventsPerYear = kDefaultMaxEventsPerYear;

    /// Ten million events a year: 100,000 components failing monthly make about 2.4 million.
    static constexpr std::uint64_t kDefaultMaxEventsPerYear = 10'000'000;
};

/// Runs many simulated years of random failures. Year y always uses the same random streams (derived
/// from the seed and y), so the result for a seed is identical whatever the thread count, and shards
/// merged with MonteCarloResult::merge give exactly the statistics of one run. Errors: "bad-shard",
/// "over-limit" (a size beyond core/model/SizeLimits), "too-many-events" (see maxEventsPerYear).
Result<MonteCarloResult> runMonteCarlo(const Topology& topology, const MonteCarloOptions& options);

} // namespace firedrill::montecarlo
