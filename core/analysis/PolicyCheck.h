#pragma once

#include "core/analysis/RecoveryEstimator.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// How one policy fares against the estimates (docs/estimates.md, "Policy check").
struct PolicyVerdict
{
    Policy policy;
    std::optional<bool> rtoMet;     ///< nullopt when the policy sets no RTO target
    std::optional<bool> rpoMet;     ///< nullopt when the policy sets no RPO target (checked against the worst case)
    Duration rtoMargin;             ///< target minus estimate; negative = breached by that much; 0 when unbounded
    Duration rpoMargin;             ///< target minus worst-case estimate; negative = breached; 0 when unbounded
    bool rtoUnbounded = false;      ///< the RTO estimate is unbounded: breached by an unknown amount
    bool rpoUnbounded = false;      ///< the RPO estimate is unbounded: breached by an unknown amount
    std::string rtoDominant;        ///< label of the largest RTO term ("decision"); empty when there is none
    std::string rpoDominant;        ///< label of the largest RPO term ("backup interval"); empty when there is none
    std::string summary;            ///< one sentence, e.g. "RTO breached by 15m (estimate 6h 15m, target 6h): restore (6h) dominates"
    bool operator==(const PolicyVerdict&) const = default;
};

/// Checks one policy against the estimate of its disruption class.
PolicyVerdict checkPolicy(const Policy& policy, const RecoveryEstimate& estimate);

/// Verdicts for every policy of `workload`, in file order. Each uses the estimate of its class from
/// `estimates`, or computes it when `estimates` has none. An unbounded estimate breaches every target.
std::vector<PolicyVerdict> checkPolicies(const Topology& topology, const Workload& workload,
                                         const std::vector<RecoveryEstimate>& estimates);

} // namespace firedrill
