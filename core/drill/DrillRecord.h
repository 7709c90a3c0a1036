#pragma once

#include "DrillRole.h"
#include "core/model/Quantity.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// How a runbook step went in a real drill.
enum class StepOutcome { Done, Failed, Skipped };

/// What happened to one runbook step, as the observer wrote it down.
struct StepRecord
{
    int step = 0;                    ///< the plan's step number
    std::optional<Duration> started; ///< since the fault started
    std::optional<Duration> finished;
    StepOutcome outcome = StepOutcome::Done;
    std::string note;
    bool operator==(const StepRecord&) const = default;
};

/// Something to fix after the drill, with who does it and by when.
struct ActionItem
{
    std::string title;
    std::string owner;
    std::optional<std::chrono::year_month_day> due;
    bool done = false;
    bool operator==(const ActionItem&) const = default;
};

/// The record of one real drill of a plan revision: actual times per step and what was learned.
struct DrillRecord
{
    std::string planId;
    int planRevision = 1;
    std::chrono::sys_seconds faultStart{}; ///< when the fault was injected (UTC)
    std::vector<StepRecord> steps;
    std::optional<Duration> measuredRto; ///< fault to service restored; absent: from the recovery steps
    std::optional<Duration> measuredRpo; ///< window of data lost that the data checks found
    std::vector<std::string> observations;
    std::vector<std::string> issues;
    std::vector<ActionItem> actionItems;
    bool operator==(const DrillRecord&) const = default;
};

} // namespace firedrill
