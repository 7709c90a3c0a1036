#pragma once

#include "core/model/Result.h"
#include "core/model/Topology.h"
#include "core/sim/ReplayResult.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace firedrill::sim {

/// How a measured figure compares with its policy target.
enum class VerdictState {
    NoTarget,  ///< no policy of the scenario's disruption class sets this target
    Met,       ///< measured within the target (or never disrupted)
    Breached,  ///< measured beyond the target (or not recovered by the end, after the target passed)
    Undecided, ///< RTO only: not recovered by the end, but the scenario ends before the target passes
};

/// "no-target", "met", "breached", "undecided".
std::string_view verdictName(VerdictState state);

/// The verdict on one target (RTO or RPO) of one workload.
struct TargetVerdict
{
    VerdictState state = VerdictState::NoTarget;
    std::optional<Duration> target; ///< the policy's target; absent with NoTarget
    /// Breached: measured - target. For an RTO not recovered by the end it is a lower bound,
    /// duration - disruptedAt - target (`overAtLeast`); absent for an unbounded RPO.
    std::optional<Duration> over;
    bool overAtLeast = false; ///< `over` is a lower bound: the workload was still down at the end
    bool operator==(const TargetVerdict&) const = default;
};

/// One workload of a replay judged against core/analysis's estimate and its policy targets, for the
/// scenario's disruption class (`disruptionOf`).
struct WorkloadVerdict
{
    WorkloadId id;
    bool disrupted = false;              ///< served fell below the RTO threshold at some point
    std::optional<Duration> measuredRto; ///< absent when never disrupted or not recovered by the end
    bool recovered = true;               ///< false when still disrupted at the end of the scenario
    Duration measuredRpo;                ///< longest window of writes lost by one store
    bool rpoUnbounded = false;
    double writesLost = 0;
    Duration estimateRto; ///< core/analysis's estimate; meaningless when unbounded
    bool estimateRtoUnbounded = false;
    Duration estimateRpo;
    bool estimateRpoUnbounded = false;
    TargetVerdict rto;
    TargetVerdict rpo;
    std::string reason; ///< why the measured RTO differs from the estimate (the replay's own words)
    bool operator==(const WorkloadVerdict&) const = default;
};

/// Judges every workload of `result`, a replay of `scenario` on `topology`. Rules (docs/engine.md,
/// "Verdicts"): RTO met when recovered within the target or never disrupted; undecided when not
/// recovered but the scenario ends before the target passes; breached otherwise. RPO met when the
/// window is bounded and within the target. Fails when a workload of the result is no longer in the
/// topology (a replay older than an edit).
Result<std::vector<WorkloadVerdict>> judgeReplay(const Topology& topology, const Scenario& scenario,
                                                 const ReplayResult& result);

/// One line for people: "RTO 16m 40s — breached by 1m 40s (target 15m)",
/// "RTO not recovered by the end — undecided (target 4h; the scenario ends first)".
std::string rtoVerdictText(const WorkloadVerdict& verdict);

/// One line for people: "RPO 5s, 250 writes lost — met (target 1m)", "RPO unbounded — breached (target 1h)".
std::string rpoVerdictText(const WorkloadVerdict& verdict);

} // namespace firedrill::sim
