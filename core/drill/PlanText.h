#pragma once

// Internal to the plan exporters: the spelling of the plan's enums in files and for people.

#include "DrillPlan.h"

#include <optional>
#include <string>
#include <string_view>

namespace firedrill::plantext {

std::string_view modeName(DrillMode mode);
std::optional<DrillMode> modeFromName(std::string_view name);
std::string_view timingName(TimingSource timing);
std::optional<TimingSource> timingFromName(std::string_view name);
std::string_view phaseName(StepPhase phase);
std::optional<StepPhase> phaseFromName(std::string_view name);
/// "Isolated test failover" / "Production".
std::string_view modeLabel(DrillMode mode);

} // namespace firedrill::plantext
