#include "DiskLag.h"

#include "RandomStream.h"

#include <algorithm>
#include <cmath>

namespace firedrill::sim {

Duration diskReplicationLag(std::uint64_t seed, const std::string& store, int disk, Duration geoLag)
{
    RandomStream stream(seed, "disk-lag/" + store + "/" + std::to_string(disk));
    const double u = stream.uniform(); // (0, 1]
    return Duration{static_cast<std::int64_t>(std::llround(u * 2.0 * static_cast<double>(geoLag.ms)))};
}

std::vector<Duration> diskReplicationLags(std::uint64_t seed, const std::string& store, int disks, Duration geoLag)
{
    std::vector<Duration> out;
    out.reserve(static_cast<std::size_t>(std::max(disks, 0)));
    for (int i = 0; i < disks; ++i)
        out.push_back(diskReplicationLag(seed, store, i, geoLag));
    return out;
}

} // namespace firedrill::sim
