#include "PlanEditing.h"

#include <algorithm>

namespace firedrill::planedit {

namespace {

Error outOfRange(const DrillPlan& plan, int number, std::size_t last)
{
    return Error{"plan-edit-range", "Plan \"" + plan.id + "\" has no step position " +
                                        std::to_string(number) + "; use 1 to " + std::to_string(last) + "."};
}

Result<void> checkStep(const RunbookStep& step)
{
    if (step.title.empty())
        return Error{"plan-edit-empty", "A runbook step needs a title that says what to do."};
    return {};
}

void renumber(DrillPlan& plan)
{
    int n = 1;
    for (auto& s : plan.steps)
        s.number = n++;
}

void ensureOwner(DrillPlan& plan, const RunbookStep& step)
{
    const bool present = std::any_of(plan.roles.begin(), plan.roles.end(),
                                     [&](const RoleAssignment& r) { return r.role == step.owner; });
    if (!present)
        plan.roles.push_back({step.owner, "owns the step \"" + step.title + "\""});
}

bool valid(const DrillPlan& plan, int number)
{
    return number >= 1 && static_cast<std::size_t>(number) <= plan.steps.size();
}

auto at(DrillPlan& plan, int number)
{
    return plan.steps.begin() + (number - 1);
}

} // namespace

Result<void> insertStep(DrillPlan& plan, int number, RunbookStep step)
{
    if (number < 1 || static_cast<std::size_t>(number) > plan.steps.size() + 1)
        return outOfRange(plan, number, plan.steps.size() + 1);
    if (auto ok = checkStep(step); !ok)
        return ok;
    ensureOwner(plan, step);
    plan.steps.insert(at(plan, number), std::move(step));
    renumber(plan);
    return {};
}

Result<void> removeStep(DrillPlan& plan, int number)
{
    if (!valid(plan, number))
        return outOfRange(plan, number, plan.steps.size());
    plan.steps.erase(at(plan, number));
    renumber(plan);
    return {};
}

Result<void> moveStep(DrillPlan& plan, int from, int to)
{
    if (!valid(plan, from))
        return outOfRange(plan, from, plan.steps.size());
    if (!valid(plan, to))
        return outOfRange(plan, to, plan.steps.size());
    if (from < to)
        std::rotate(at(plan, from), at(plan, from) + 1, at(plan, to) + 1);
    else if (from > to)
        std::rotate(at(plan, to), at(plan, from), at(plan, from) + 1);
    renumber(plan);
    return {};
}

Result<void> replaceStep(DrillPlan& plan, int number, RunbookStep step)
{
    if (!valid(plan, number))
        return outOfRange(plan, number, plan.steps.size());
    if (auto ok = checkStep(step); !ok)
        return ok;
    ensureOwner(plan, step);
    step.number = number;
    *at(plan, number) = std::move(step);
    return {};
}

} // namespace firedrill::planedit
