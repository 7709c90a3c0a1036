#pragma once

#include "DrillPlan.h"
#include "DrillRecord.h"
#include "RecordComparison.h"

#include <string>

namespace firedrill {

/// The after-action report of a drill as Markdown: verdict against the policy, every step expected
/// against actual, observations, issues found and action items with owners.
std::string afterActionReport(const DrillPlan& plan, const DrillRecord& record,
                              const DrillComparison& comparison);

} // namespace firedrill
