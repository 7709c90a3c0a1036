#pragma once

#include "core/sim/ReplayResult.h"

#include <string>
#include <vector>

namespace firedrill::sim {

/// One CSV file of a replay: the file name to use in the chosen folder and its whole text.
struct CsvFile
{
    std::string name; ///< "<workload>-<series>.csv", e.g. "sites-availability.csv"
    std::string text; ///< header line, then one line per sample, each ending with '\n'
};

/// The time series of a replay as CSV files, six per workload in workload order: served (one column per
/// region, "-" for no region), availability, latency, replication-lag, writes-lost and backlog. Each
/// starts with a `time_s` column (sample index x sample interval). Numbers are written as a C++ stream
/// writes a double by default (six significant digits). Writing them to disk is the caller's job.
std::vector<CsvFile> replayCsvFiles(const ReplayResult& result);

} // namespace firedrill::sim
