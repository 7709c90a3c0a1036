#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace firedrill::cli {

/// Options of `firedrill-cli simulate`.
struct SimulateOptions
{
    std::string file;
    std::string scenario;
    std::string csvDir;                 ///< write one CSV per time series here when not empty
    std::optional<std::uint64_t> seed;  ///< default: the scenario's seed, else 0
    bool json = false;
    bool worstCaseDns = false;
};

/// Replays one scenario and prints the summary and the narrated log (or JSON). Exit 0 / 1 / 2.
int runSimulate(const SimulateOptions& options);

} // namespace firedrill::cli
