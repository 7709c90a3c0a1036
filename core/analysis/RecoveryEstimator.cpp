#include "RecoveryEstimator.h"

#include "RecoveryRules.h"
#include "core/io/Units.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace firedrill {

Duration probeDetection(const Probe& probe)
{
    const std::int64_t failures = std::max(1, probe.toleratedFailures);
    return Duration{probe.interval.ms * failures + probe.timeout.ms};
}

Duration restoreTime(DataSize size, DataRate rate)
{
    if (!(size.gigabytes > 0.0) || !(rate.gigabytesPerHour > 0.0))
        return Duration{};
    // Multiply before dividing: 500 GB * 3,600,000 ms / 150 GB/h is exact where 500 / 150 is not.
    const double ms = size.gigabytes * 3'600'000.0 / rate.gigabytesPerHour;
    // NOLINTNEXTLINE(bugprone-integer-division): the cap is a whole number of milliseconds on purpose
    constexpr double kCap = static_cast<double>(std::numeric_limits<std::int64_t>::max() / 4);
    if (!(ms < kCap))
        return Duration{std::numeric_limits<std::int64_t>::max() / 4};
    const double nearest = std::round(ms);
    const double noise = std::max(1e-6, ms * 1e-12);
    const double whole = std::fabs(ms - nearest) <= noise ? nearest : std::ceil(ms);
    return Duration{static_cast<std::int64_t>(whole)};
}

Duration dataLostSinceBackup(Duration interval, Duration timeSinceLastBackup)
{
    if (timeSinceLastBackup.ms <= 0)
        return Duration{};
    if (interval.ms <= 0)
        return timeSinceLastBackup;
    return Duration{timeSinceLastBackup.ms % interval.ms};
}

std::optional<BackupLoss> backupLoss(const Backup& backup)
{
    struct Schedule
    {
        const std::optional<Duration>& interval;
        const char* kind;
    };
    const Schedule schedules[] = {{backup.log, "log"}, {backup.differential, "differential"}, {backup.full, "full"}};
    std::optional<BackupLoss> best;
    for (const auto& s : schedules) {
        if (!s.interval || s.interval->ms <= 0)
            continue;
        if (best && best->worst <= *s.interval)
            continue;
        best = BackupLoss{*s.interval, Duration{s.interval->ms / 2},
                          std::string(s.kind) + " backups every " + formatDuration(*s.interval)};
    }
    if (best && backup.pointInTime)
        best->basis += " (point-in-time restore)";
    return best;
}

namespace {
RecoveryEstimate estimateWith(const recovery::Context& ctx, DisruptionClass disruption)
{
    RecoveryEstimate e;
    switch (disruption) {
    case DisruptionClass::Instance: e = recovery::estimateInstance(ctx); break;
    case DisruptionClass::Zone: e = recovery::estimateZone(ctx); break;
    case DisruptionClass::Region: e = recovery::estimateRegion(ctx); break;
    case DisruptionClass::Dependency: e = recovery::estimateDependency(ctx); break;
    case DisruptionClass::Corruption: e = recovery::estimateCorruption(ctx); break;
    }
    e.disruption = disruption;
    for (const auto& n : ctx.notes)
        recovery::addNote(e.rto.notes, n);
    return e;
}
} // namespace

RecoveryEstimate estimateRecovery(const Topology& topology, const Workload& workload, DisruptionClass disruption)
{
    const auto ctx = recovery::makeContext(topology, workload);
    return estimateWith(ctx, disruption);
}

std::vector<RecoveryEstimate> estimateRecovery(const Topology& topology, const Workload& workload)
{
    const auto ctx = recovery::makeContext(topology, workload);
    std::vector<RecoveryEstimate> out;
    for (const auto d : {DisruptionClass::Instance, DisruptionClass::Zone, DisruptionClass::Region,
                         DisruptionClass::Dependency, DisruptionClass::Corruption})
        out.push_back(estimateWith(ctx, d));
    return out;
}

} // namespace firedrill
