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
};

/// Runs many simulated years of random failures. Year y always uses the same random streams (derived
/// from the seed and y), so the result for a seed is identical whatever the thread count, and shards
/// merged with MonteCarloResult::merge give exactly the statistics of one run.
Result<MonteCarloResult> runMonteCarlo(const Topology& topology, const MonteCarloOptions& options);

} // namespace firedrill::montecarlo
