#pragma once

#include "DrillPlan.h"
#include "core/io/ReadLimits.h"
#include "core/model/Diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace firedrill {

/// The plan file format version this build reads and writes.
inline constexpr int kPlanFormatVersion = 1;

/// The plan as YAML (docs/drill.md, "Export formats"); readPlanYaml reads it back to an equal plan.
std::string planToYaml(const DrillPlan& plan);

/// A plan read from YAML, with every problem found (errors name file:line:column).
struct PlanLoadResult
{
    std::optional<DrillPlan> plan;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return plan.has_value() && !hasErrors(diagnostics); }
};

/// Reads a plan written by planToYaml (or by hand). Unknown keys are warned about and ignored.
PlanLoadResult readPlanYaml(std::string_view text, const std::string& fileName,
                            const ReadLimits& limits = {});

} // namespace firedrill
