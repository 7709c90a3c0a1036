#pragma once

#include "ReplayWorld.h"

namespace firedrill::sim::models {

/// Databases and storage accounts: failover (automatic, manual with a decision, failover group with a
/// grace period), asynchronous lag and link cuts, geo-restore from copied backups, geo-redundant storage,
/// corruption detected late and undone by a restore. Records the writes each store loses.
class StoreModel : public Model
{
public:
    enum Kind : std::uint32_t { Step, CorruptionDetected, CorruptionRestored };
    explicit StoreModel(ReplayWorld& world) : Model(world) {}
    /// Reacts to the current state: primaries lost or back, replication links cut or restored.
    void react(Simulator& sim);
    /// Bad data is written to `store` now; someone notices `detectedAfter` later.
    void corrupt(Simulator& sim, int store, Duration detectedAfter);

protected:
    void apply(Simulator& sim, const Event& event) override;

private:
    void plan(Simulator& sim, int store);
    void recordLoss(int store, Duration window, std::int64_t now, const std::string& how);
    void declareRegionLost(std::int64_t now, const RegionId& region);
};

} // namespace firedrill::sim::models
