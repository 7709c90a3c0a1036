#pragma once

#include "DrillPlan.h"
#include "core/model/Result.h"

#include <cstddef>

namespace firedrill {

/// Edits of a plan's runbook that keep it consistent: steps stay numbered 1..n in order, every step
/// has a title, and the owner of a new or changed step is among the plan's roles (added when missing).
/// A refused edit ("plan-edit-range", "plan-edit-empty") leaves the plan unchanged. Record each edit on
/// the plan's PlanApproval: editing an approved plan starts a new revision.
namespace planedit {

/// Inserts `step` so that it gets number `number` (1 .. size + 1; size + 1 appends).
Result<void> insertStep(DrillPlan& plan, int number, RunbookStep step);
/// Removes step `number`.
Result<void> removeStep(DrillPlan& plan, int number);
/// Moves step `from` so that it becomes step `to`; the steps between shift by one.
Result<void> moveStep(DrillPlan& plan, int from, int to);
/// Replaces the content of step `number` (its number is kept).
Result<void> replaceStep(DrillPlan& plan, int number, RunbookStep step);

} // namespace planedit

} // namespace firedrill
