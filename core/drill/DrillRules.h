#pragma once

// Internal to the drill plan generator: the shared context and the builders of each plan section.
// Not part of the public API; see DrillPlanGenerator.h and docs/drill.md.

#include "DrillPlan.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/analysis/WorkloadScope.h"
#include "core/model/Topology.h"
#include "core/sim/ReplayResult.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill::drill {

/// What every section of a plan needs to know, worked out once.
struct Context
{
    const Topology& topology;
    const Workload& workload;
    const Scenario& scenario;
    DisruptionClass disruption = DisruptionClass::Region;
    RecoveryEstimate estimate;
    std::vector<const Component*> members;
    RegionRoles roles;
    StrategyKind strategy = StrategyKind::SingleRegion;
    DrillMode mode = DrillMode::IsolatedTest;
    const Policy* policy = nullptr;              ///< the workload's policy for `disruption`
    const sim::WorkloadReplay* replay = nullptr; ///< the workload's replay, when one was given

    /// "West Europe (weu)", or the id when the region is unknown.
    std::string regionLabel(const std::optional<RegionId>& id) const;
    /// "Orders database (sql)", or the id without a name.
    std::string nameOf(const Component& c) const;
    /// The workload's traffic manager or front door, or nullptr.
    const Component* router() const;
    /// Members that hold data (databases, storage, VMs with data).
    std::vector<const Component*> stores() const;
    /// True when the workload has a member of `kind`.
    bool hasKind(ComponentKind kind) const;
    /// The time the disruption is noticed after the first fault: a corruption's detected_after, else 0.
    Duration noticeDelay() const;
};

/// A readable duration for people ("1h 30m").
std::string readableTime(Duration d);

/// Steps that start the drill: go / no-go and recording.
std::vector<RunbookStep> startSteps(const Context& ctx);
/// One step per fault of the scenario, at its offset from the first fault.
std::vector<RunbookStep> faultSteps(const Context& ctx);
/// The recovery, one step per term of the estimate's RTO (tracks run in parallel) plus the steps the
/// design needs whose time the estimate does not count; elapsed times are cumulative per track.
std::vector<RunbookStep> recoverySteps(const Context& ctx);
/// Checks once the workload is back: service, data, and each kind of component in scope.
std::vector<RunbookStep> verificationSteps(const Context& ctx, Duration recoveredAt);
/// Stretches the timed recovery steps so the last one ends at `measured` (a replay's recovery).
void fitToMeasured(std::vector<RunbookStep>& recovery, Duration measured);

/// The roles the design needs, with the reason.
std::vector<RoleAssignment> rolesFor(const Context& ctx);
/// Go / no-go checks derived from the design.
std::vector<PreCheck> preChecksFor(const Context& ctx);
/// Success criteria from the policy and the data the workload holds.
std::vector<SuccessCriterion> criteriaFor(const Context& ctx);
/// Failback steps, numbered from 1.
std::vector<RunbookStep> rollbackFor(const Context& ctx);
/// Who is told what, and when.
std::vector<CommunicationItem> communicationFor(const Context& ctx, bool hasDecision);
/// The verification specific to one kind of component, for the workload's members of that kind.
RunbookStep kindCheck(const Context& ctx, ComponentKind kind, const std::vector<const Component*>& members);

} // namespace firedrill::drill
