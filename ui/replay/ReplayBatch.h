#pragma once

#include "core/sim/ReplayFrame.h"
#include "core/sim/ReplayResult.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace firedrill::ui {

/// What the replay worker hands the GUI after each request: the state at `timeMs`, the samples and log
/// lines added since the previous batch, and the result once the scenario has ended.
struct ReplayBatch
{
    std::uint64_t run = 0;            ///< the run it belongs to (ReplayEngine::start() increments it)
    std::uint64_t request = 0;        ///< the request it answers
    bool restarted = false;           ///< the engine started over: drop the samples and log received so far
    std::int64_t timeMs = 0;
    sim::ReplayFrame frame;
    std::size_t seriesFrom = 0;       ///< index of the first sample in `series`
    std::vector<sim::WorkloadSeries> series; ///< per workload, samples from `seriesFrom` on
    std::size_t logFrom = 0;          ///< index of the first line in `log`
    std::vector<sim::ReplayLogEntry> log;
    /// The first batch of a run: the whole narration to come (the run played to its end once), for the
    /// log list and the timeline's event marks.
    std::optional<std::vector<sim::ReplayLogEntry>> plannedLog;
    bool finished = false;
    std::optional<sim::ReplayResult> result; ///< when finished; its series are left empty (the batches carried them)
};

} // namespace firedrill::ui
