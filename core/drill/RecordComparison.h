#pragma once

#include "DrillPlan.h"
#include "DrillRecord.h"
#include "core/model/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// One plan step, expected against what the record says happened.
struct StepComparison
{
    int step = 0;
    std::string title;
    DrillRole owner = DrillRole::IncidentCommander;
    StepPhase phase = StepPhase::Recovery;
    Duration expectedElapsed;
    Duration expectedDuration;
    std::optional<Duration> actualElapsed;  ///< when it finished, since the fault started
    std::optional<Duration> actualDuration; ///< finished - started, when both are recorded
    std::optional<Duration> late;           ///< actual - expected elapsed (negative: early)
    std::optional<StepOutcome> outcome;     ///< absent: not recorded
};

/// Whether a measured figure meets its policy target.
enum class TargetVerdict { Met, Breached, NoTarget, NotMeasured };

/// A drill record held against its plan and the policy: the base of the after-action report.
struct DrillComparison
{
    std::vector<StepComparison> steps;
    std::optional<Duration> rtoTarget, expectedRto, measuredRto; ///< measured as the policy counts it
    std::optional<Duration> rpoTarget, expectedRpo, measuredRpo;
    TargetVerdict rto = TargetVerdict::NotMeasured;
    TargetVerdict rpo = TargetVerdict::NotMeasured;
    int failed = 0;     ///< steps recorded as failed
    int skipped = 0;    ///< steps recorded as skipped
    int unrecorded = 0; ///< plan steps with no record
    /// No target breached and no step failed.
    bool passed() const;
};

/// Compares a record with its plan. The measured RTO is the record's own, else the latest finish of
/// a recorded recovery step; for a corruption drill, whose policy counts from the moment the
/// corruption is noticed, that is counted from the finish of the plan's first recovery step (noticing).
/// Errors ("record-mismatch", "record-bad-step", "record-bad-time") when the record is of another plan, names
/// a step the plan does not have (or one twice), or finishes a step before it started.
Result<DrillComparison> compareRecord(const DrillPlan& plan, const DrillRecord& record);

/// "met", "breached", "no target", "not measured".
std::string_view verdictText(TargetVerdict verdict);
/// "done", "failed", "skipped".
std::string_view outcomeName(StepOutcome outcome);

} // namespace firedrill
