#include "PolicyCheck.h"

#include "core/io/Units.h"

#include <algorithm>

namespace firedrill {

namespace {
struct Check
{
    std::optional<bool> met;
    Duration margin;
    bool unbounded = false;
    std::string dominant;
    std::string sentence;
};

Check check(const char* what, const std::optional<Duration>& target, const TimeEstimate& estimate)
{
    Check c;
    if (const DurationTerm* d = estimate.dominant(); d && !estimate.unbounded)
        c.dominant = d->label;
    if (!target)
        return c;
    const std::string name(what);
    if (estimate.unbounded) {
        c.met = false;
        c.unbounded = true;
        c.sentence = name + " breached (target " + formatDurationReadable(*target) + "): " +
                     (name == "RTO" ? "no recovery without outside help" : "some data has no copy that survives");
        if (!estimate.notes.empty())
            c.sentence += " (" + estimate.notes.front() + ")";
        return c;
    }
    c.margin = *target - estimate.total;
    c.met = c.margin.ms >= 0;
    const std::string numbers = " (estimate " + formatDurationReadable(estimate.total) + ", target " +
                                formatDurationReadable(*target) + ")";
    if (c.margin.ms == 0)
        c.sentence = name + " met exactly" + numbers;
    else if (*c.met)
        c.sentence = name + " met with " + formatDurationReadable(c.margin) + " to spare" + numbers;
    else
        c.sentence = name + " breached by " + formatDurationReadable(Duration{-c.margin.ms}) + numbers;
    if (const DurationTerm* d = estimate.dominant(); d && d->value.ms > 0)
        c.sentence += ": " + d->label + " (" + formatDurationReadable(d->value) + ") dominates";
    return c;
}
} // namespace

PolicyVerdict checkPolicy(const Policy& policy, const RecoveryEstimate& estimate)
{
    PolicyVerdict v;
    v.policy = policy;
    const Check rto = check("RTO", policy.rto, estimate.rto);
    const Check rpo = check("RPO", policy.rpo, estimate.rpo);
    v.rtoMet = rto.met;
    v.rpoMet = rpo.met;
    v.rtoMargin = rto.margin;
    v.rpoMargin = rpo.margin;
    v.rtoUnbounded = rto.unbounded;
    v.rpoUnbounded = rpo.unbounded;
    v.rtoDominant = rto.dominant;
    v.rpoDominant = rpo.dominant;
    if (rto.sentence.empty() && rpo.sentence.empty())
        v.summary = "no target set";
    else if (rpo.sentence.empty())
        v.summary = rto.sentence;
    else if (rto.sentence.empty())
        v.summary = rpo.sentence;
    else
        v.summary = rto.sentence + "; " + rpo.sentence;
    return v;
}

std::vector<PolicyVerdict> checkPolicies(const Topology& topology, const Workload& workload,
                                         const std::vector<RecoveryEstimate>& estimates)
{
    std::vector<PolicyVerdict> out;
    for (const auto& p : topology.policies) {
        if (p.workload != workload.id)
            continue;
        const auto it = std::find_if(estimates.begin(), estimates.end(),
                                     [&](const RecoveryEstimate& e) { return e.disruption == p.disruption; });
        out.push_back(it != estimates.end() ? checkPolicy(p, *it)
                                            : checkPolicy(p, estimateRecovery(topology, workload, p.disruption)));
    }
    return out;
}

} // namespace firedrill
