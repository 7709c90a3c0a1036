#include "RecordComparison.h"

#include <algorithm>

namespace firedrill {

namespace {
TargetVerdict verdict(const std::optional<Duration>& target, const std::optional<Duration>& measured)
{
    if (!measured)
        return TargetVerdict::NotMeasured;
    if (!target)
        return TargetVerdict::NoTarget;
    return *measured <= *target ? TargetVerdict::Met : TargetVerdict::Breached;
}
} // namespace

bool DrillComparison::passed() const
{
    return rto != TargetVerdict::Breached && rpo != TargetVerdict::Breached && failed == 0;
}

std::string_view verdictText(TargetVerdict v)
{
    switch (v) {
    case TargetVerdict::Met:
        return "met";
    case TargetVerdict::Breached:
        return "breached";
    case TargetVerdict::NoTarget:
        return "no target";
    case TargetVerdict::NotMeasured:
        return "not measured";
    }
    return "not measured";
}

std::string_view outcomeName(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Done:
        return "done";
    case StepOutcome::Failed:
        return "failed";
    case StepOutcome::Skipped:
        return "skipped";
    }
    return "done";
}

Result<DrillComparison> compareRecord(const DrillPlan& plan, const DrillRecord& record)
{
    if (record.planId != plan.id)
        return Error{"record-mismatch", "The drill record is of plan \"" + record.planId + "\", not of \"" +
                                            plan.id + "\"; compare it with the plan it was taken for."};
    std::vector<const StepRecord*> byStep(plan.steps.size() + 1, nullptr);
    for (const auto& r : record.steps) {
        if (r.step < 1 || static_cast<std::size_t>(r.step) > plan.steps.size())
            return Error{"record-bad-step", "The drill record has step " + std::to_string(r.step) +
                                                ", but plan \"" + plan.id + "\" has steps 1 to " +
                                                std::to_string(plan.steps.size()) + "."};
        auto& slot = byStep[static_cast<std::size_t>(r.step)];
        if (slot)
            return Error{"record-bad-step", "The drill record has step " + std::to_string(r.step) +
                                                " twice; keep one entry per step."};
        if (r.started && r.finished && *r.finished < *r.started)
            return Error{"record-bad-time",
                         "Step " + std::to_string(r.step) +
                             " of the drill record finishes before it starts; check its times."};
        slot = &r;
    }
    DrillComparison c;
    c.rtoTarget = plan.objective.rtoTarget;
    c.rpoTarget = plan.objective.rpoTarget;
    c.expectedRpo = plan.objective.expectedRpo;
    std::optional<Duration> lastRecovery;
    std::optional<Duration> expectedEnd;
    for (const auto& s : plan.steps) {
        StepComparison sc{s.number,           s.title,      s.owner,      s.phase,      s.expectedElapsed,
                          s.expectedDuration, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
        if (s.phase == StepPhase::Recovery)
            expectedEnd = std::max(expectedEnd.value_or(Duration{}), s.expectedElapsed);
        if (const StepRecord* r = byStep[static_cast<std::size_t>(s.number)]) {
            sc.outcome = r->outcome;
            sc.actualElapsed = r->finished;
            if (r->started && r->finished)
                sc.actualDuration = *r->finished - *r->started;
            if (r->finished)
                sc.late = *r->finished - s.expectedElapsed;
            if (r->outcome == StepOutcome::Failed)
                ++c.failed;
            if (r->outcome == StepOutcome::Skipped)
                ++c.skipped;
            if (s.phase == StepPhase::Recovery && r->finished && r->outcome != StepOutcome::Skipped)
                lastRecovery = std::max(lastRecovery.value_or(Duration{}), *r->finished);
        } else {
            ++c.unrecorded;
        }
        c.steps.push_back(std::move(sc));
    }
    c.expectedRto = expectedEnd ? expectedEnd : plan.objective.expectedRto;
    c.measuredRto = record.measuredRto ? record.measuredRto : lastRecovery;
    if (plan.objective.disruption == DisruptionClass::Corruption) {
        // The policy counts a corruption's RTO from the moment it is noticed: the plan's first recovery step.
        const auto notice = std::find_if(c.steps.begin(), c.steps.end(), [](const StepComparison& s) {
            return s.phase == StepPhase::Recovery;
        });
        if (notice != c.steps.end()) {
            const Duration expectedStart = notice->expectedElapsed;
            const Duration actualStart = notice->actualElapsed.value_or(expectedStart);
            if (c.expectedRto)
                c.expectedRto = *c.expectedRto - expectedStart;
            if (c.measuredRto && !record.measuredRto)
                c.measuredRto = *c.measuredRto - actualStart;
        }
    }
    c.measuredRpo = record.measuredRpo;
    c.rto = verdict(c.rtoTarget, c.measuredRto);
    c.rpo = verdict(c.rpoTarget, c.measuredRpo);
    return c;
}

} // namespace firedrill
