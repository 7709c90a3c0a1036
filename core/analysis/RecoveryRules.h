#pragma once

#include <algorithm>

// Internal to the recovery estimator: shared context, term builders and the per-class rules.
// Not part of the public API; see RecoveryEstimator.h and docs/estimates.md.

#include "core/analysis/RecoveryEstimator.h"
#include "core/analysis/WorkloadScope.h"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace firedrill::recovery {

/// What the rules need to know about one workload, worked out once.
struct Context
{
    const Topology& topology;
    const Workload& workload;
    std::vector<const Component*> members; ///< the explicit `components` when listed, else everything reachable
    RegionRoles roles;
    StrategyKind strategy = StrategyKind::SingleRegion; ///< effective strategy (see `notes`)
    std::vector<std::string> notes;                      ///< caveats every estimate of the workload carries
    const Component* router = nullptr;                  ///< the workload's traffic manager or front door
    /// The regional routers (load balancers, gateways) that depend on or send to each component, by id,
    /// in topology order.
    std::unordered_map<std::string, std::vector<const Component*>> routersInFront;
    /// Each member's position in `members`.
    std::unordered_map<const Component*, std::size_t> memberIndex;

    bool isMember(const Component& c) const;
    /// "West Europe (weu)", or the id when the region is unknown.
    std::string regionLabel(const std::optional<RegionId>& id) const;
    const Region* primaryRegion() const;
};

/// Builds the context: members, regions, effective strategy and router.
Context makeContext(const Topology& topology, const Workload& workload);

/// Steps that run one after the other; its time is the sum of its terms.
struct Path
{
    std::string name; ///< "traffic path", "data path (sql)"...
    std::vector<DurationTerm> terms;
    std::vector<std::string> notes;
    bool unbounded = false;

    Duration total() const;
    bool empty() const { return terms.empty() && !unbounded; }
};

/// Data one store loses; `term` carries the worst case (absent when nothing is at risk).
struct Loss
{
    std::optional<DurationTerm> term;
    Duration expected;
    std::vector<std::string> notes;
    bool unbounded = false;

    Duration worst() const { return term ? term->value : Duration{}; }
};

/// Of several stores or dependencies that may fail, the worst: its path becomes the estimate's RTO, the
/// losses of all of them its RPO. Returns the outcome whose path is the longest. `Outcome` has `path` and `loss`.
template <class Outcome>
const Outcome& worstOutcome(RecoveryEstimate& e, const std::vector<Outcome>& outcomes, const std::string& others,
                            const std::vector<std::string>& notes);

/// The longest of alternative or parallel candidates (an unbounded one wins). The others are listed
/// in a note when `others` names them ("other instance losses").
Path longest(std::vector<Path> candidates, const std::string& others = {});
/// An RTO from paths that run in parallel: the longest path counts. All terms are kept; when more
/// than one path has terms, `combination` says which paths ran in parallel and how long each took.
TimeEstimate combineParallel(const std::vector<Path>& paths, const std::vector<std::string>& notes);
/// Sets the RPO of `estimate` from the losses of several stores: the worst store counts.
void applyLosses(RecoveryEstimate& estimate, const std::vector<Loss>& losses);

/// Appends `note` unless it is already there.
void addNote(std::vector<std::string>& notes, const std::string& note);
/// "Orders database (sql)", or "sql" without a name.
std::string nameOf(const Component& c);
/// A value as the file writes it ("90m"), for quoting parameters.
std::string quoted(Duration d);
/// A computed value for people ("1h 30m").
std::string readable(Duration d);

/// The region a component lives in: its `region`, else its primary replica's region.
std::optional<RegionId> homeRegion(const Component& c);
/// True for databases, storage accounts and VMs with data (size or backups).
bool isStore(const Component& c);
/// True for compute and regional routing, which serve requests through instances.
bool servesRequests(const Component& c);
/// Spread over two or more zones, or zone-redundant storage (ZRS, GZRS, RA-GZRS).
bool isZoneRedundant(const Component& c);
/// Components reached from `from` through endpoints and hard dependencies (and, with
/// `softToCompute`, soft dependencies on compute members), `from` included, in topology order.
std::vector<const Component*> closure(const Context& ctx, const std::vector<const Component*>& from,
                                      bool softToCompute);
/// The workload's main path: the closure of its entry with soft dependencies on compute members.
std::vector<const Component*> mainPath(const Context& ctx);
/// Users of the workload served by compute: the demand one region's copy of a tier carries.
double demandShare(const Context& ctx);

/// A detection term from a probe: "label: interval x tolerated + timeout".
DurationTerm probeTerm(const std::string& label, const Probe& probe, const std::string& prober,
                       const std::string& target, bool isDefault);
/// Detection of a lost instance of `c` by the regional load balancer or gateway in front of it.
DurationTerm instanceDetection(const Context& ctx, const Component& c, std::vector<std::string>& notes);
/// Takeover of a leader-elected tier after its leader is lost: a follower takes the lease once it
/// expires, `lease` after the loss (no load balancer probe applies: workers pull their work).
DurationTerm leaseTerm(const Component& c);
/// Restart of a single instance: startup_time, else mttr, else the default.
DurationTerm restartTerm(const Component& c, std::vector<std::string>& notes);
/// Failover of a replicated store to `target`: detection (+ decision or grace period) + promotion.
/// `crossRegion` selects the cross-region mode and the grace period.
Path failoverPath(const Context& ctx, const Component& c, const Replica* target, bool crossRegion);
/// The data lost by failing over to `target` (synchronous: none; asynchronous: its lag).
Loss replicaLoss(const Component& c, const Replica& target);
/// Capacity of the compute `tiers` against `demand`: a scale-out term when one falls short.
std::optional<DurationTerm> scaleOutTerm(const Context& ctx, const std::vector<const Component*>& tiers,
                                         double demand, std::vector<std::string>& notes);

/// What happens to one store when its home region is lost: failover, geo copy, restore, or nothing.
struct StoreOutcome
{
    const Component* store = nullptr;
    Path path; ///< recovery steps for this store
    Loss loss; ///< data lost
};
StoreOutcome storeAfterRegionLoss(const Context& ctx, const Component& store);
/// The stores the surviving (or redeployed) compute needs that live in the primary region.
std::vector<const Component*> storesAtRisk(const Context& ctx);
/// The traffic path of a region loss when compute already runs in the secondary region:
/// router detection + DNS TTL drain + scale-out.
Path trafficPathAfterRegionLoss(const Context& ctx);

RecoveryEstimate estimateInstance(const Context& ctx);
RecoveryEstimate estimateZone(const Context& ctx);
RecoveryEstimate estimateRegion(const Context& ctx);
RecoveryEstimate estimateDependency(const Context& ctx);
RecoveryEstimate estimateCorruption(const Context& ctx);

template <class Outcome>
const Outcome& worstOutcome(RecoveryEstimate& e, const std::vector<Outcome>& outcomes, const std::string& others,
                            const std::vector<std::string>& notes)
{
    std::vector<Path> paths;
    std::vector<Loss> losses;
    for (const auto& o : outcomes) {
        paths.push_back(o.path);
        losses.push_back(o.loss);
    }
    const Path worst = longest(paths, others);
    const auto it = std::find_if(outcomes.begin(), outcomes.end(), [&](const Outcome& o) { return o.path.name == worst.name; });
    e.rto = combineParallel({worst}, notes);
    applyLosses(e, losses);
    return *it;
}

} // namespace firedrill::recovery
