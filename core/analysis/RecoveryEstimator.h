#pragma once

#include "core/analysis/Breakdown.h"
#include "core/model/Topology.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// The estimated recovery of one workload from one class of disruption (docs/estimates.md).
struct RecoveryEstimate
{
    DisruptionClass disruption = DisruptionClass::Region;
    std::string situation; ///< the disruption estimated, e.g. "loss of region West Europe (weu)"
    TimeEstimate rto;      ///< time until the workload serves again, with its breakdown
    TimeEstimate rpo;      ///< worst-case window of writes lost, with its breakdown
    Duration rpoExpected;  ///< average window of writes lost; 0 when `rpo.unbounded`
    bool operator==(const RecoveryEstimate&) const = default;
};

/// Estimates RTO and RPO of `workload` for one disruption class. Never throws; missing parameters
/// become notes (or documented defaults), never crashes.
RecoveryEstimate estimateRecovery(const Topology& topology, const Workload& workload, DisruptionClass disruption);

/// Estimates all five classes, in the order instance, zone, region, dependency, corruption.
std::vector<RecoveryEstimate> estimateRecovery(const Topology& topology, const Workload& workload);

/// Probe settings used for a regional load balancer or gateway that has no `probe` (and for the
/// platform's own load balancer in front of compute instances): 5 s x 2 + 5 s = 15 s.
inline constexpr Probe kDefaultRegionalProbe{Duration::seconds(5), Duration::seconds(5), 2};
/// Probe settings used for a traffic manager or front door without `probe` (the format's defaults):
/// 30 s x 3 + 10 s = 1 m 40 s.
inline constexpr Probe kDefaultGlobalProbe{Duration::seconds(30), Duration::seconds(10), 3};
/// Restart time of a single instance that has neither `startup_time` nor `mttr`.
inline constexpr Duration kDefaultRestartTime = Duration::minutes(10);
/// Failover detection of a database whose `failover` has no `detection`.
inline constexpr Duration kDefaultFailoverDetection = Duration::seconds(30);
/// Promotion of a secondary whose `failover` has no `promotion`.
inline constexpr Duration kDefaultPromotion = Duration::seconds(30);

/// Worst-case time for a health probe to mark a target down: interval x tolerated_failures + timeout.
/// The target fails just after a successful probe; the next `tolerated_failures` probes are sent one
/// interval apart and all fail, and the last one is only counted as failed when its timeout expires.
/// At least one failed probe is needed, so a `toleratedFailures` of 0 counts as 1.
/// Example: Traffic Manager {30 s, 10 s, 3} -> 3 x 30 s + 10 s = 1 m 40 s.
Duration probeDetection(const Probe& probe);

/// Time to restore `size` at `rate`: size (GB) / rate (GB/h), in decimal units (1 TB = 1,000 GB),
/// rounded up to the millisecond (values within floating-point noise of a whole millisecond are
/// exact). 3 TB at 500 GB/h is exactly 6 h. Returns 0 when the size or the rate is not positive.
Duration restoreTime(DataSize size, DataRate rate);

/// Writes lost when disaster strikes `timeSinceLastBackup` after a backup of a schedule that runs
/// every `interval`: everything written since the last completed backup. The offset is taken modulo
/// the interval (a backup was taken on schedule at every multiple). Hourly backups and a disaster two
/// minutes before the hour (58 m after the last backup) lose 58 minutes. Without a positive interval,
/// everything since `timeSinceLastBackup` is lost.
Duration dataLostSinceBackup(Duration interval, Duration timeSinceLastBackup);

/// The data a backup schedule can lose.
struct BackupLoss
{
    Duration worst;    ///< interval of the most frequent restorable backup (log, else differential, else full)
    Duration expected; ///< half of `worst` (a disaster strikes uniformly within the interval), rounded down
    std::string basis; ///< e.g. "log backups every 15m"
    bool operator==(const BackupLoss&) const = default;
};

/// Worst and expected data loss of a backup schedule; nullopt when it takes no backups.
/// Hourly full backups: worst 60 m, expected 30 m.
std::optional<BackupLoss> backupLoss(const Backup& backup);

} // namespace firedrill
