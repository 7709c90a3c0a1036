#include "ReplayVerdict.h"

#include "core/analysis/RecoveryEstimator.h"
#include "core/io/Units.h"

#include <cmath>

namespace firedrill::sim {

namespace {

const Policy* policyFor(const Topology& t, const WorkloadId& id, DisruptionClass cls)
{
    const Policy* found = nullptr;
    for (const auto& p : t.policies)
        if (p.workload == id && p.disruption == cls)
            found = &p;
    return found;
}

TargetVerdict judgeRto(const WorkloadReplay& w, Duration scenarioLength,
                       const std::optional<Duration>& target)
{
    TargetVerdict v;
    if (!target)
        return v;
    v.target = target;
    if (!w.disruptedAt) {
        v.state = VerdictState::Met;
    } else if (w.rto) {
        v.state = *w.rto <= *target ? VerdictState::Met : VerdictState::Breached;
        if (v.state == VerdictState::Breached)
            v.over = *w.rto - *target;
    } else {
        // Not recovered by the end: decided only once the target has passed within the scenario.
        const Duration downUntilEnd = scenarioLength - Duration{*w.disruptedAt};
        v.state = downUntilEnd <= *target ? VerdictState::Undecided : VerdictState::Breached;
        if (v.state == VerdictState::Breached) {
            v.over = downUntilEnd - *target;
            v.overAtLeast = true;
        }
    }
    return v;
}

TargetVerdict judgeRpo(const WorkloadReplay& w, const std::optional<Duration>& target)
{
    TargetVerdict v;
    if (!target)
        return v;
    v.target = target;
    v.state = !w.rpoUnbounded && w.rpoWindow <= *target ? VerdictState::Met : VerdictState::Breached;
    if (v.state == VerdictState::Breached && !w.rpoUnbounded)
        v.over = w.rpoWindow - *target;
    return v;
}

std::string verdictSuffix(const TargetVerdict& v)
{
    if (v.state == VerdictState::NoTarget)
        return "no target";
    const std::string target = formatDurationReadable(*v.target);
    switch (v.state) {
    case VerdictState::Met:
        return "met (target " + target + ")";
    case VerdictState::Undecided:
        return "undecided (target " + target + "; the scenario ends first)";
    case VerdictState::Breached:
        if (!v.over)
            return "breached (target " + target + ")";
        return std::string("breached by ") + (v.overAtLeast ? "at least " : "") +
               formatDurationReadable(*v.over) + " (target " + target + ")";
    case VerdictState::NoTarget:
        break;
    }
    return {};
}

std::string writesText(double writes)
{
    const auto n = static_cast<long long>(std::llround(writes));
    return std::to_string(n) + (n == 1 ? " write lost" : " writes lost");
}

} // namespace

std::string_view verdictName(VerdictState state)
{
    switch (state) {
    case VerdictState::NoTarget:
        return "no-target";
    case VerdictState::Met:
        return "met";
    case VerdictState::Breached:
        return "breached";
    case VerdictState::Undecided:
        return "undecided";
    }
    return "no-target";
}

Result<std::vector<WorkloadVerdict>> judgeReplay(const Topology& topology, const Scenario& scenario,
                                                 const ReplayResult& result)
{
    const DisruptionClass cls = disruptionOf(scenario);
    std::vector<WorkloadVerdict> out;
    out.reserve(result.workloads.size());
    for (const auto& w : result.workloads) {
        const Workload* workload = topology.findWorkload(w.id);
        if (!workload)
            return Error{"stale-replay", "workload '" + w.id.str() + "' of the replay of '" +
                                             result.scenario.str() +
                                             "' is no longer in the topology; replay the scenario again"};
        const RecoveryEstimate est = estimateRecovery(topology, *workload, cls);
        const Policy* policy = policyFor(topology, w.id, cls);
        WorkloadVerdict v;
        v.id = w.id;
        v.disrupted = w.disruptedAt.has_value();
        v.measuredRto = w.rto;
        v.recovered = w.recovered;
        v.measuredRpo = w.rpoWindow;
        v.rpoUnbounded = w.rpoUnbounded;
        v.writesLost = w.writesLost;
        v.estimateRto = est.rto.total;
        v.estimateRtoUnbounded = est.rto.unbounded;
        v.estimateRpo = est.rpo.total;
        v.estimateRpoUnbounded = est.rpo.unbounded;
        v.rto = judgeRto(w, result.duration, policy ? policy->rto : std::nullopt);
        v.rpo = judgeRpo(w, policy ? policy->rpo : std::nullopt);
        v.reason = w.reason;
        out.push_back(std::move(v));
    }
    return out;
}

std::string rtoVerdictText(const WorkloadVerdict& v)
{
    std::string measured;
    if (!v.disrupted)
        measured = "none (never disrupted)";
    else if (!v.measuredRto)
        measured = "not recovered by the end";
    else
        measured = formatDurationReadable(*v.measuredRto);
    return "RTO " + measured + " — " + verdictSuffix(v.rto);
}

std::string rpoVerdictText(const WorkloadVerdict& v)
{
    const std::string measured =
        v.rpoUnbounded ? std::string("unbounded") : formatDurationReadable(v.measuredRpo);
    return "RPO " + measured + ", " + writesText(v.writesLost) + " — " + verdictSuffix(v.rpo);
}

} // namespace firedrill::sim
