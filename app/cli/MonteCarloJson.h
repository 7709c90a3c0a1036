#pragma once

#include "core/model/Result.h"
#include "core/model/Topology.h"
#include "core/montecarlo/MonteCarloResult.h"

#include <nlohmann/json.hpp>

namespace firedrill::cli {

/// The full result, with its integer accumulators, so shards can be merged exactly; plus the derived
/// statistics (mean, percentiles, nines, breach probabilities, contributions) for people and scripts.
nlohmann::json toJson(const montecarlo::MonteCarloResult& result, const Topology& topology);

/// Reads back the accumulators written by toJson (for `merge`).
Result<montecarlo::MonteCarloResult> monteCarloFromJson(const nlohmann::json& j);

} // namespace firedrill::cli
