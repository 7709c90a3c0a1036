#include "StoreModel.h"

#include "core/analysis/RecoveryEstimator.h"
#include "core/sim/DiskLag.h"
#include "core/io/Units.h"

#include <algorithm>
#include <cmath>

namespace firedrill::sim::models {

namespace {
std::string dur(Duration d) { return formatDurationReadable(d); }
bool geoRedundant(const Component& c)
{
    const auto r = c.redundancy.value_or(StorageRedundancy::Lrs);
    return r == StorageRedundancy::Grs || r == StorageRedundancy::RaGrs || r == StorageRedundancy::Gzrs ||
           r == StorageRedundancy::RaGzrs;
}
bool readAccess(const Component& c)
{
    const auto r = c.redundancy.value_or(StorageRedundancy::Lrs);
    return r == StorageRedundancy::RaGrs || r == StorageRedundancy::RaGzrs;
}
} // namespace

void StoreModel::recordLoss(int store, Duration window, std::int64_t now, const std::string& how)
{
    auto& s = m_world.comps[static_cast<std::size_t>(store)];
    const double writes = window.toSeconds() * s.writeRate;
    s.writesLost += writes;
    s.rpoWindow = std::max(s.rpoWindow, window);
    m_world.narrate(now, how + "; " + (window.ms == 0 ? std::string("no writes lost")
                                                      : dur(window) + " of writes lost (" + formatNumber(std::round(writes)) + " writes)"));
}

void StoreModel::declareRegionLost(std::int64_t now, const RegionId& region)
{
    for (std::size_t i = 0; i < m_world.comps.size(); ++i) {
        auto& s = m_world.comps[i];
        if (!s.store || !geoRedundant(*s.c) || s.movedTo || s.c->region != region ||
            (s.phase != StorePhase::Unavailable && !s.readOnly))
            continue;
        const Region* r = m_world.topology().findRegion(region);
        if (!r || !r->pair)
            continue;
        s.movedTo = r->pair;
        s.phase = StorePhase::Serving;
        s.readOnly = false;
        ++s.gen;
        const std::string how = "Region " + region.str() + " is declared lost: " + m_world.label(static_cast<int>(i)) +
                                " fails over to its secondary in " + r->pair->str();
        if (!s.c->disks) {
            recordLoss(static_cast<int>(i), s.c->geoLag.value_or(Duration{}), now, how);
            continue;
        }
        // Each disk (page blob) replicated on its own: the data set is consistent only up to the
        // oldest disk's point, so the worst disk's lag is the window lost.
        const auto lags = sim::diskReplicationLags(m_world.options().seed, s.c->id.str(), *s.c->disks,
                                                   s.c->geoLag.value_or(Duration{}));
        const auto [oldest, newest] = std::minmax_element(lags.begin(), lags.end(),
                                                          [](Duration a, Duration b) { return a > b; });
        recordLoss(static_cast<int>(i), *oldest, now, how);
        if (lags.size() >= 2) {
            std::string each;
            for (std::size_t d = 0; d < lags.size(); ++d)
                each += (d ? ", " : "") + std::string("disk ") + std::to_string(d) + " " + dur(lags[d]);
            m_world.narrate(now, "The " + std::to_string(lags.size()) + " disks of " +
                                     m_world.label(static_cast<int>(i)) +
                                     " were recovered to different points in time (" + each + " behind; spread " +
                                     formatNumber((*oldest - *newest).toSeconds()) +
                                     " s): a VM with several of them may come up inconsistent");
        }
    }
}

void StoreModel::react(Simulator& sim)
{
    const std::int64_t now = sim.now();
    for (std::size_t i = 0; i < m_world.comps.size(); ++i) {
        auto& s = m_world.comps[i];
        if (!s.store)
            continue;
        const int idx = static_cast<int>(i);
        // Replication to other regions stops while every link between the regions is down.
        const auto home = m_world.storeRegion(idx);
        bool cut = false;
        for (const auto& r : s.c->replicas)
            if (home && r.region != *home && !m_world.linkUp(*home, r.region))
                cut = true;
        if (cut && s.cutSince < 0) {
            s.cutSince = now;
            m_world.narrate(now, "Replication of " + m_world.label(idx) + " to the other region stops: its lag now grows");
        } else if (!cut && s.cutSince >= 0) {
            s.cutSince = -1;
            m_world.narrate(now, "Replication of " + m_world.label(idx) + " resumes and catches up");
        }
        const bool lost = m_world.primaryLost(idx);
        const bool noQuorum = !lost && m_world.quorumLost(idx);
        if (noQuorum != s.quorumLost) {
            s.quorumLost = noQuorum;
            m_world.narrate(now, m_world.label(idx) + (noQuorum ? ": no secondary acknowledges, quorum commit stops writes (reads go on)"
                                                               : ": a secondary acknowledges again, writes resume"));
        }
        if (lost && s.phase == StorePhase::Serving && !s.readOnly)
            plan(sim, idx);
        else if (!lost && (s.phase == StorePhase::FailingOver || s.phase == StorePhase::Unavailable || s.readOnly)) {
            ++s.gen;
            m_world.narrate(now, m_world.label(idx) + (s.phase == StorePhase::FailingOver
                                                           ? " has its primary back: the pending failover is called off"
                                                           : " is fully available again"));
            s.phase = StorePhase::Serving;
            s.readOnly = false;
        }
    }
}

void StoreModel::plan(Simulator& sim, int store)
{
    auto& s = m_world.comps[static_cast<std::size_t>(store)];
    const Component& c = *s.c;
    const std::int64_t now = sim.now();
    const std::string name = m_world.label(store);
    const Failover f = c.failover.value_or(Failover{});
    const Duration detection = f.detection.value_or(kDefaultFailoverDetection);
    const Duration promotion = f.promotion.value_or(kDefaultPromotion);
    const Duration decision = f.decision.value_or(Duration{});
    const auto home = m_world.storeRegion(store);

    // 1. a surviving replica: in the same region first, then in another one.
    int local = -1, remote = -1;
    for (std::size_t r = 0; r < c.replicas.size(); ++r) {
        const auto& rep = c.replicas[r];
        const int ri = static_cast<int>(r);
        if (ri == s.primary || s.downReplicas.count(ri) || !m_world.placeAlive(rep.region, rep.zone))
            continue;
        if (home && rep.region == *home) {
            if (local < 0)
                local = ri;
        } else if (remote < 0 || (rep.sync == ReplicationMode::Synchronous &&
                                  c.replicas[static_cast<std::size_t>(remote)].sync != ReplicationMode::Synchronous)) {
            remote = ri;
        }
    }
    const FailoverMode cross = f.crossRegion.value_or(FailoverMode::Manual);
    int target = -1;
    Duration delay;
    std::string steps;
    if (local >= 0 && f.mode != FailoverMode::None) {
        target = local;
        delay = detection + (f.mode == FailoverMode::Manual ? decision : Duration{}) + promotion;
        steps = f.mode == FailoverMode::Manual ? "manual: detection " + dur(detection) + " + decision " + dur(decision)
                                               : "automatic: detection " + dur(detection);
    } else if (remote >= 0 && cross != FailoverMode::None) {
        target = remote;
        const Duration wait = cross == FailoverMode::Manual ? decision : f.gracePeriod.value_or(Duration{});
        delay = detection + wait + promotion;
        steps = cross == FailoverMode::Manual ? "manual: detection " + dur(detection) + " + decision " + dur(decision)
                : f.gracePeriod ? "automatic after the grace period: detection " + dur(detection) + " + grace period " + dur(wait)
                                : "automatic: detection " + dur(detection);
    }
    if (target >= 0) {
        const auto& rep = c.replicas[static_cast<std::size_t>(target)];
        const bool sync = rep.sync == ReplicationMode::Synchronous || (c.quorumCommit && home && rep.region == *home);
        Duration window = sync ? Duration{} : rep.lag.value_or(c.geoLag.value_or(Duration{}));
        if (!sync && s.cutSince >= 0 && home && rep.region != *home)
            window = window + Duration{now - s.cutSince};
        s.phase = StorePhase::FailingOver;
        s.pendingTarget = target;
        s.pendingWindow = window;
        ++s.gen;
        sim.scheduleIn(delay.ms, m_target, Step, pack(s.gen, static_cast<std::size_t>(store)));
        m_world.narrate(now, name + " loses its primary; failover to " + rep.id.str() + " in " + rep.region.str() + " (" +
                                 steps + " + promotion " + dur(promotion) + " = " + dur(delay) + ")");
        return;
    }
    // 2. backups copied to another region: restore there.
    const auto& b = c.backup;
    if (b && b->copyTo && (!home || *b->copyTo != *home) && m_world.placeAlive(*b->copyTo, std::nullopt) && c.size &&
        b->restoreRate && backupLoss(*b)) {
        const Duration restore = restoreTime(*c.size, *b->restoreRate);
        delay = detection + decision + restore;
        s.phase = StorePhase::FailingOver;
        s.pendingTarget = -1;
        s.pendingWindow = dataLostSinceBackup(backupLoss(*b)->worst, Duration{now});
        ++s.gen;
        sim.scheduleIn(delay.ms, m_target, Step, pack(s.gen, static_cast<std::size_t>(store)));
        m_world.narrate(now, name + " is lost; restore from the backups copied to " + b->copyTo->str() + " (detection " +
                                 dur(detection) + " + decision " + dur(decision) + " + restore " + formatNumber(c.size->gigabytes) +
                                 " GB at " + formatNumber(b->restoreRate->gigabytesPerHour) + " GB/h " + dur(restore) + ")");
        return;
    }
    // 3. geo-redundant storage: readable (RA-*) or not until the region is declared lost.
    if (geoRedundant(c) && home && m_world.regionLost(*home)) {
        if (readAccess(c)) {
            s.readOnly = true;
            m_world.narrate(now, name + " serves reads only from its secondary until the region is declared lost");
        } else {
            s.phase = StorePhase::Unavailable;
            m_world.narrate(now, name + " is unavailable: its GRS secondary is unreadable until the region is declared lost");
        }
        return;
    }
    s.phase = StorePhase::Unavailable;
    m_world.narrate(now, name + " is unavailable until its primary returns (no failover target)");
}

void StoreModel::corrupt(Simulator& sim, int store, Duration detectedAfter)
{
    auto& s = m_world.comps[static_cast<std::size_t>(store)];
    s.corrupted = true;
    s.corruptAt = sim.now();
    sim.scheduleIn(detectedAfter.ms, m_target, CorruptionDetected, static_cast<std::uint64_t>(store));
    m_world.narrate(sim.now(), "Bad data is written to " + m_world.label(store) + " and replicates to every copy");
}

void StoreModel::apply(Simulator& sim, const Event& e)
{
    const std::int64_t now = sim.now();
    switch (e.kind) {
    case Step: {
        const int store = static_cast<int>(unpackIndex(e.payload));
        auto& s = m_world.comps[static_cast<std::size_t>(store)];
        if (unpackGen(e.payload) != s.gen || s.phase != StorePhase::FailingOver)
            return;
        const auto oldHome = m_world.storeRegion(store);
        std::string how;
        if (s.pendingTarget >= 0) {
            s.primary = s.pendingTarget;
            how = m_world.label(store) + ": " + s.c->replicas[static_cast<std::size_t>(s.primary)].id.str() + " is promoted to primary";
        } else {
            s.movedTo = s.c->backup->copyTo;
            how = m_world.label(store) + " is restored in " + s.movedTo->str();
        }
        s.phase = StorePhase::Serving;
        recordLoss(store, s.pendingWindow, now, how);
        const auto newHome = m_world.storeRegion(store);
        if (oldHome && newHome && *oldHome != *newHome)
            declareRegionLost(now, *oldHome);
        return;
    }
    case CorruptionDetected: {
        const int store = static_cast<int>(e.payload);
        auto& s = m_world.comps[static_cast<std::size_t>(store)];
        const auto& b = s.c->backup;
        if (!b || !s.c->size || !b->restoreRate || !backupLoss(*b)) {
            s.unbounded = true;
            m_world.narrate(now, "The corruption of " + m_world.label(store) + " is noticed; without backups it cannot be undone");
            return;
        }
        const Duration decision = s.c->failover ? s.c->failover->decision.value_or(Duration{}) : Duration{};
        const Duration restore = restoreTime(*s.c->size, *b->restoreRate);
        const std::int64_t point = b->pointInTime ? s.corruptAt
                                                  : s.corruptAt - dataLostSinceBackup(backupLoss(*b)->worst, Duration{s.corruptAt}).ms;
        s.phase = StorePhase::Restoring;
        s.pendingWindow = Duration{now - point};
        ++s.gen;
        sim.scheduleIn((decision + restore).ms, m_target, CorruptionRestored, pack(s.gen, static_cast<std::size_t>(store)));
        m_world.narrate(now, "The corruption of " + m_world.label(store) + " is noticed; it is taken offline and restored to " +
                                 clock(point) + (b->pointInTime ? " (point in time)" : " (last backup)") + ": decision " +
                                 formatDurationReadable(decision) + " + restore " + formatDurationReadable(restore));
        return;
    }
    case CorruptionRestored: {
        const int store = static_cast<int>(unpackIndex(e.payload));
        auto& s = m_world.comps[static_cast<std::size_t>(store)];
        if (unpackGen(e.payload) != s.gen)
            return;
        s.phase = StorePhase::Serving;
        s.corrupted = false;
        recordLoss(store, s.pendingWindow, now, m_world.label(store) + " is restored and serves again");
        return;
    }
    default: return;
    }
}

} // namespace firedrill::sim::models
