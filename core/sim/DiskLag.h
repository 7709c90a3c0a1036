#pragma once

#include "core/model/Quantity.h"

#include <cstdint>
#include <string>
#include <vector>

namespace firedrill::sim {

/// How far behind its primary the geo-replica of disk `disk` (0-based) of the storage account `store`
/// is when the account fails over: geo-redundant storage replicates each blob, so each VM disk, on its
/// own. Drawn uniformly in (0, 2 x geoLag] (mean `geoLag`, the file's typical lag), rounded to the
/// millisecond, from the stream `RandomStream(seed, "disk-lag/<store>/<disk>")`: each disk has its own
/// stream, so adding a disk never changes the other disks' lags.
Duration diskReplicationLag(std::uint64_t seed, const std::string& store, int disk, Duration geoLag);

/// The lags of disks 0 .. disks - 1 (docs/engine.md, "Databases and storage").
std::vector<Duration> diskReplicationLags(std::uint64_t seed, const std::string& store, int disks, Duration geoLag);

} // namespace firedrill::sim
