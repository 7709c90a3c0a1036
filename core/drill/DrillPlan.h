#pragma once

#include "DrillRole.h"
#include "core/model/Id.h"
#include "core/model/Quantity.h"
#include "core/model/Workload.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// Where the drill's failover happens: in production, or in an isolated copy (a test failover).
enum class DrillMode { Production, IsolatedTest };

/// Where a plan's expected times come from.
enum class TimingSource { Estimate, Replay };

/// Which policy target a drill proves, and what the design is expected to achieve.
struct DrillObjective
{
    DisruptionClass disruption = DisruptionClass::Region;
    std::string situation;             ///< "loss of region West Europe (weu)"
    std::optional<Duration> rtoTarget; ///< from the workload's policy for `disruption`
    std::optional<Duration> rpoTarget;
    std::optional<Duration> expectedRto; ///< absent when recovery needs outside help (unbounded)
    std::optional<Duration> expectedRpo; ///< absent when all data is at risk (unbounded)
    std::string statement;               ///< the objective in one or two sentences
    bool operator==(const DrillObjective&) const = default;
};

/// What the drill touches: its blast radius.
struct DrillScope
{
    DrillMode mode = DrillMode::IsolatedTest;
    std::vector<std::string> components; ///< component ids the faults take down or recovery acts on
    std::vector<std::string> regions;    ///< region ids involved (lost and taking over)
    double usersRps = 0;                 ///< requests per second of the workload's users who are affected
    std::string users;                   ///< who the users are, in words
    std::string blastRadius;             ///< what may go wrong for whom, in words
    bool operator==(const DrillScope&) const = default;
};

/// A role the drill needs, with why the design needs it.
struct RoleAssignment
{
    DrillRole role = DrillRole::IncidentCommander;
    std::string reason; ///< "sql fails over by hand" ...
    bool operator==(const RoleAssignment&) const = default;
};

/// A condition checked before the drill starts (go / no-go).
struct PreCheck
{
    std::string title;
    std::string detail;
    DrillRole owner = DrillRole::IncidentCommander;
    bool operator==(const PreCheck&) const = default;
};

/// The part of the drill a runbook step belongs to.
enum class StepPhase { Start, Fault, Recovery, Verification };

/// One numbered runbook step.
struct RunbookStep
{
    int number = 0;
    StepPhase phase = StepPhase::Recovery;
    std::string title;
    std::string detail;
    DrillRole owner = DrillRole::IncidentCommander;
    Duration expectedDuration;
    Duration expectedElapsed; ///< time from the start of the fault until the step is done
    std::string track;        ///< steps of different tracks run in parallel; empty for the main line
    std::string doneSignal;   ///< what shows the step is done
    std::string onFailure;    ///< what to do when it fails
    std::string basis;        ///< where the expected time comes from
    bool operator==(const RunbookStep&) const = default;
};

/// A measurable condition the drill must meet to pass.
struct SuccessCriterion
{
    std::string title;                ///< "RTO", "RPO", "Data check: sql"
    std::string measure;              ///< how it is measured
    std::optional<Duration> target;   ///< the policy's target, when it is a time
    std::optional<Duration> expected; ///< what the design is expected to achieve
    bool operator==(const SuccessCriterion&) const = default;
};

/// One message of the communication plan.
struct CommunicationItem
{
    std::string when;     ///< "7 days before", "at fault start", "when service is restored" ...
    std::string audience; ///< "business stakeholders", "users of Order submission" ...
    std::string message;
    DrillRole owner = DrillRole::Communications;
    bool operator==(const CommunicationItem&) const = default;
};

/// A drill plan: what managers approve and teams execute (docs/drill.md).
struct DrillPlan
{
    std::string id;
    std::string title;
    std::string workload; ///< workload id
    std::string scenario; ///< scenario id
    StrategyKind strategy = StrategyKind::SingleRegion;
    TimingSource timing = TimingSource::Estimate;
    DrillObjective objective;
    DrillScope scope;
    std::vector<RoleAssignment> roles;
    std::vector<PreCheck> preChecks;
    std::vector<RunbookStep> steps; ///< numbered from 1, in order of expected completion
    std::vector<SuccessCriterion> successCriteria;
    std::vector<RunbookStep>
        rollback; ///< failback steps, numbered from 1; elapsed from the start of failback
    std::vector<CommunicationItem> communication;
    std::vector<std::string> notes; ///< assumptions behind the expected times
    bool operator==(const DrillPlan&) const = default;
};

} // namespace firedrill
