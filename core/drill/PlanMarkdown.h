#pragma once

#include "DrillPlan.h"

#include <string>

namespace firedrill {

/// The plan as a Markdown document: objective, scope, roles, pre-checks, the runbook table, success
/// criteria, failback and communication (docs/drill.md, "Export formats").
std::string planToMarkdown(const DrillPlan& plan);

} // namespace firedrill
