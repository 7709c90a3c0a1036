#pragma once

#include "core/model/Result.h"
#include "core/model/Workload.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace firedrill {

/// The RTO / RPO targets of one disruption class in a preset (either may be unset).
struct PolicyTarget
{
    DisruptionClass disruption = DisruptionClass::Region;
    std::optional<Duration> rto;
    std::optional<Duration> rpo;
    bool operator==(const PolicyTarget&) const = default;
};

/// A named set of recovery targets a planner gives a workload in one step ("business-critical").
struct PolicyPreset
{
    std::string id;          ///< "mission-critical"
    std::string name;        ///< "Mission-critical"
    std::string description; ///< who it is for, in one sentence
    std::vector<PolicyTarget> targets;
    bool operator==(const PolicyPreset&) const = default;
};

/// The three built-in presets (docs/analysis.md, "Policy presets"), strictest first:
/// mission-critical, business-critical, non-critical.
const std::vector<PolicyPreset>& builtInPolicyPresets();

/// The policies of `workload` that `preset` sets, one per target, in the preset's order.
std::vector<Policy> policiesFromPreset(const PolicyPreset& preset, const WorkloadId& workload);

/// The targets as one line: "instance: rto 1m, rpo 0s; region: rto 1h, rpo 5m" (canonical units; a class
/// with neither target is left out). parsePolicyTargets() reads it back.
std::string policyTargetsText(const std::vector<PolicyTarget>& targets);

/// Reads targets written by policyTargetsText(); spaces are free, classes may come in any order, each at
/// most once. Errors name the part that is wrong: "zone: 'rto 5 minutes' is not a duration ...".
Result<std::vector<PolicyTarget>> parsePolicyTargets(std::string_view text);

} // namespace firedrill
