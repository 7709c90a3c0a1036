// Checks of what data components hold: replicas, failover, backups, outboxes and storage properties.
#include "ComponentKind.h"
#include "ValidationChecks.h"

#include <algorithm>

namespace firedrill::validation {

void checkData(ValidationContext& ctx, const Component& c, const std::string& path)
{
    if (c.size && !(c.size->gigabytes >= 0.0))
        ctx.error(path + ".size", "out-of-range", "size must not be negative");
    ctx.nonNegative(path + ".write_rate", c.writeRate, "write_rate");
    ctx.nonNegative(path + ".geo_lag", c.geoLag, "geo_lag");
    if (!c.replicas.empty()) {
        const auto primaries = std::count_if(c.replicas.begin(), c.replicas.end(),
                                             [](const Replica& r) { return r.role == ReplicaRole::Primary; });
        if (primaries != 1)
            ctx.error(path + ".replicas", "primary-count",
                      "a replicated component needs exactly one primary replica (found " +
                          std::to_string(primaries) + ")");
    }
    for (const auto& r : c.replicas) {
        const auto rp = path + itemOf(".replicas", r.id.str());
        if (!ctx.region(r.region))
            ctx.error(rp + ".region", "unknown-reference",
                      "replica " + quoted(r.id.str()) + " is in region " + quoted(r.region.str()) +
                          ", which does not exist");
        else if (r.zone)
            checkZone(ctx, rp + ".zone", r.region, *r.zone);
        ctx.nonNegative(rp + ".lag", r.lag, "lag");
        if (r.role == ReplicaRole::Primary && r.sync)
            ctx.warning(rp + ".sync", "ignored-property", "sync applies to secondary replicas only");
        if (r.lag && r.sync == ReplicationMode::Synchronous)
            ctx.warning(rp + ".lag", "ignored-property", "a synchronous replica has no lag");
    }
    if (c.failover) {
        const auto& f = *c.failover;
        const auto fp = path + ".failover";
        ctx.nonNegative(fp + ".detection", f.detection, "detection");
        ctx.nonNegative(fp + ".promotion", f.promotion, "promotion");
        ctx.nonNegative(fp + ".decision", f.decision, "decision");
        ctx.nonNegative(fp + ".grace_period", f.gracePeriod, "grace_period");
        const bool manual = f.mode == FailoverMode::Manual || f.crossRegion == FailoverMode::Manual;
        if (manual && !f.decision)
            ctx.warning(fp + ".decision", "missing-decision",
                        "a manual failover needs a decision time; 0s is assumed");
    }
    if (c.backup) {
        const auto& b = *c.backup;
        const auto bp = path + ".backup";
        ctx.positive(bp + ".full", b.full, "full backup interval");
        ctx.positive(bp + ".differential", b.differential, "differential backup interval");
        ctx.positive(bp + ".log", b.log, "log backup interval");
        ctx.positive(bp + ".retention", b.retention, "retention");
        if (b.restoreRate && !(b.restoreRate->gigabytesPerHour > 0.0))
            ctx.error(bp + ".restore_rate", "out-of-range", "restore_rate must be greater than zero");
        if (b.copyTo && !ctx.region(*b.copyTo))
            ctx.error(bp + ".copy_to", "unknown-reference",
                      "region " + quoted(b.copyTo->str()) + " does not exist");
        if (!b.full && !b.log && !b.differential)
            ctx.warning(bp, "empty-backup", "a backup without any interval takes no backups");
    }
    if (c.outbox) {
        if (c.outbox->capacity && *c.outbox->capacity < 0)
            ctx.error(path + ".outbox.capacity", "out-of-range", "outbox capacity must be 0 or more");
        ctx.nonNegative(path + ".outbox.drain_rate", c.outbox->drainRate, "outbox drain_rate");
    }
    if (c.redundancy && c.kind != ComponentKind::StorageAccount)
        ctx.warning(path + ".redundancy", "ignored-property", "redundancy applies to storage accounts only");
    if (c.disks && *c.disks < 1)
        ctx.error(path + ".disks", "out-of-range", "disks must be 1 or more");
    else if (c.disks && c.kind != ComponentKind::StorageAccount)
        ctx.warning(
            path + ".disks", "ignored-property",
            "disks applies to the storage account that holds the VM disks (each disk is a page blob there)");
}

} // namespace firedrill::validation
