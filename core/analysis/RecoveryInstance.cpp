// Instance disruption: one server, VM, role instance or database node fails; the worst one counts.
#include "RecoveryRules.h"

#include "core/io/Units.h"

#include <algorithm>

namespace firedrill::recovery {

namespace {
struct Candidate
{
    const Component* component = nullptr;
    Path path;
    Loss loss;
};

std::optional<Candidate> computeInstance(const Context& ctx, const Component& c)
{
    Candidate k{&c, {}, {}};
    k.path.name = "instance of " + c.id.str();
    if (!c.instances && kindFamily(c.kind) != KindFamily::Compute)
        return std::nullopt; // a load balancer or gateway without instances is managed by the platform
    const int n = c.instances.value_or(1);
    if (!c.instances)
        addNote(k.path.notes, c.id.str() + " has no instances: counted as one");
    if (n == 0)
        return std::nullopt;
    if (n >= 2 && c.leaderElection) {
        // A drill crashes the leader: the tier works again when a follower takes the expired lease.
        k.path.terms.push_back(leaseTerm(c));
        addNote(k.path.notes, c.id.str() + " elects a leader: one of its " + std::to_string(n) +
                                  " instances works, the others wait to take the lease");
    } else if (n >= 2) {
        k.path.terms.push_back(instanceDetection(ctx, c, k.path.notes));
        const double share = demandShare(ctx);
        if (c.capacityRps && share > 0.0) {
            const double left = (n - 1) * *c.capacityRps;
            addNote(k.path.notes, c.id.str() + " without one instance: " + std::to_string(n - 1) + " x " +
                                      formatNumber(*c.capacityRps) + " = " + formatNumber(left) + " rps for " +
                                      formatNumber(share) + " rps" +
                                      (left < share ? ": degraded until the platform replaces the instance"
                                                    : ", enough"));
        }
    } else {
        k.path.terms.push_back(restartTerm(c, k.path.notes));
        addNote(k.path.notes, c.id.str() + " runs a single instance: a single point of failure");
    }
    if (isStore(c))
        addNote(k.loss.notes, c.id.str() + " keeps its data on persistent disks: a failed instance loses none");
    return k;
}

std::optional<Candidate> storeInstance(const Context& ctx, const Component& c)
{
    if (c.kind == ComponentKind::StorageAccount)
        return std::nullopt; // synchronous copies inside the region absorb a node loss
    if (c.kind == ComponentKind::VirtualMachine)
        return computeInstance(ctx, c);
    Candidate k{&c, {}, {}};
    const Replica* primary = nullptr;
    for (const auto& r : c.replicas)
        if (r.role == ReplicaRole::Primary)
            primary = &r;
    const Replica* best = nullptr;
    for (const auto& r : c.replicas) {
        if (r.role != ReplicaRole::Secondary || (primary && r.region != primary->region))
            continue;
        if (!best || (r.sync == ReplicationMode::Synchronous && best->sync != ReplicationMode::Synchronous))
            best = &r;
    }
    const bool platform = c.kind == ComponentKind::SqlDatabase; // PaaS: the platform keeps node replicas
    const FailoverMode mode = c.failover ? c.failover->mode : FailoverMode::Automatic;
    if ((best || platform) && mode != FailoverMode::None) {
        k.path = failoverPath(ctx, c, best, false);
        k.path.name = "node of " + c.id.str();
        if (c.quorumCommit)
            k.loss.term = DurationTerm{"quorum commit", Duration{},
                                       c.id.str() + " commits each write on the primary and at least one secondary: "
                                                    "losing a node loses nothing"};
        else if (best)
            k.loss = replicaLoss(c, *best);
        else
            addNote(k.loss.notes, c.id.str() + " is a managed database: committed writes are assumed to survive a "
                                               "node loss");
        return k;
    }
    k.path.name = "node of " + c.id.str();
    k.path.terms.push_back(restartTerm(c, k.path.notes));
    addNote(k.path.notes, c.id.str() + (mode == FailoverMode::None ? " does not fail over within the region"
                                                                   : " has no secondary in its region") +
                              ": a single point of failure");
    addNote(k.loss.notes, c.id.str() + " keeps its data on persistent disks: a failed node loses none");
    return k;
}

bool inScope(const Context& ctx, const Component& c)
{
    const auto f = kindFamily(c.kind);
    if (f == KindFamily::GlobalRouting || f == KindFamily::Link || f == KindFamily::Clients ||
        f == KindFamily::Messaging || c.kind == ComponentKind::Cache)
        return false; // global and managed services absorb an instance loss themselves
    const auto home = homeRegion(c);
    if (!home || !ctx.roles.primary)
        return true;
    if (*home == *ctx.roles.primary)
        return true;
    return ctx.strategy == StrategyKind::ActiveActive && home == ctx.roles.secondary;
}
} // namespace

RecoveryEstimate estimateInstance(const Context& ctx)
{
    RecoveryEstimate e;
    e.disruption = DisruptionClass::Instance;
    std::vector<Candidate> candidates;
    for (const Component* c : mainPath(ctx)) {
        if (!inScope(ctx, *c))
            continue;
        auto k = isStore(*c) ? storeInstance(ctx, *c) : servesRequests(*c) ? computeInstance(ctx, *c) : std::nullopt;
        if (k)
            candidates.push_back(std::move(*k));
    }
    if (candidates.empty()) {
        e.situation = "loss of one instance";
        e.rto.notes.push_back("no component on the workload's path runs its own instances: managed services "
                              "absorb an instance loss");
        return e;
    }
    std::vector<Path> paths;
    std::vector<Loss> losses;
    for (const auto& k : candidates) {
        paths.push_back(k.path);
        losses.push_back(k.loss);
    }
    const Path worstPath = longest(paths, "other instance losses");
    const auto worst = std::find_if(candidates.begin(), candidates.end(),
                                    [&](const Candidate& k) { return k.path.name == worstPath.name; });
    e.situation = "loss of one instance of " + nameOf(*worst->component);
    e.rto = combineParallel({worstPath}, {});
    applyLosses(e, losses);
    return e;
}

} // namespace firedrill::recovery
