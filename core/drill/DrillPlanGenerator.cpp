#include "DrillPlanGenerator.h"

#include "DrillRules.h"
#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <algorithm>
#include <set>

namespace firedrill {

namespace {

using namespace drill;

bool defaultIsolated(DisruptionClass c)
{
    return c == DisruptionClass::Region || c == DisruptionClass::Corruption;
}

std::string targetText(const drill::Context& ctx)
{
    std::string text;
    if (ctx.policy && ctx.policy->rto)
        text += "RTO " + readableTime(*ctx.policy->rto);
    if (ctx.policy && ctx.policy->rpo)
        text += std::string(text.empty() ? "" : " and ") + "RPO " + readableTime(*ctx.policy->rpo);
    return text;
}

DrillObjective objectiveFor(const drill::Context& ctx)
{
    DrillObjective o;
    o.disruption = ctx.disruption;
    o.situation = ctx.estimate.situation;
    if (ctx.policy) {
        o.rtoTarget = ctx.policy->rto;
        o.rpoTarget = ctx.policy->rpo;
    }
    if (!ctx.estimate.rto.unbounded)
        o.expectedRto = ctx.estimate.rto.total;
    if (!ctx.estimate.rpo.unbounded)
        o.expectedRpo = ctx.estimate.rpo.total;
    const std::string cls(toName(ctx.disruption));
    const std::string targets = targetText(ctx);
    o.statement = "Prove that " + ctx.workload.name + " (" + ctx.workload.id.str() + ") recovers from " +
                  o.situation + " (" + cls + " disruption)";
    o.statement += targets.empty()
                       ? ": the workload has no policy for this disruption class, so the drill measures "
                         "the recovery to set one."
                       : " within its policy targets, " + targets + ".";
    o.statement += o.expectedRto
                       ? " The design is expected to recover in " + readableTime(*o.expectedRto) + "."
                       : " The design cannot recover by itself: the drill shows what it takes.";
    if (ctx.replay && ctx.replay->rto)
        o.statement += " The replay of the scenario measured " + readableTime(*ctx.replay->rto) + ".";
    return o;
}

/// Components the faults hit and recovery acts on, and the regions involved.
DrillScope scopeFor(const drill::Context& ctx)
{
    DrillScope s;
    s.mode = ctx.mode;
    std::set<std::string> regions;
    std::vector<std::string> ids;
    const auto addId = [&](const std::string& id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    };
    for (const auto& f : ctx.scenario.faults) {
        switch (f.target.scope) {
        case FaultTarget::Scope::Component:
            addId(f.target.id);
            if (const Component* c = ctx.topology.findComponent(ComponentId(f.target.id)))
                for (const auto& r : componentRegions(*c))
                    regions.insert(r.str());
            break;
        case FaultTarget::Scope::Region:
        case FaultTarget::Scope::Zone:
            regions.insert(f.target.id);
            for (const Component* c : ctx.members) {
                const auto where = componentRegions(*c);
                const bool inRegion =
                    std::find(where.begin(), where.end(), RegionId(f.target.id)) != where.end();
                const bool inZone =
                    !f.target.zone || !c->zone || *c->zone == *f.target.zone ||
                    std::find(c->zones.begin(), c->zones.end(), *f.target.zone) != c->zones.end();
                if (inRegion && inZone)
                    addId(c->id.str());
            }
            break;
        case FaultTarget::Scope::Site:
            break;
        }
    }
    if (ctx.disruption == DisruptionClass::Region && ctx.roles.secondary)
        regions.insert(ctx.roles.secondary->str());
    for (const auto& path : ctx.estimate.rto.paths)
        for (const Component* c : ctx.members)
            if (path.find("(" + c->id.str() + ")") != std::string::npos || path.ends_with(" " + c->id.str()))
                addId(c->id.str());
    s.components = ids;
    s.regions.assign(regions.begin(), regions.end());
    s.usersRps = ctx.workload.demandRps;
    s.users =
        "users of " + ctx.workload.name + " (" + formatNumber(ctx.workload.demandRps) + " requests/s" +
        (ctx.workload.writeFraction > 0 ? ", " + formatNumber(ctx.workload.writeFraction * 100) + "% writes"
                                        : "") +
        ")";
    if (s.mode == DrillMode::IsolatedTest) {
        s.blastRadius =
            "Isolated test failover: the drill runs against a copy in an isolated network, so production "
            "users are not affected; replication from production to the copy is paused for the drill.";
    } else {
        s.blastRadius =
            "Production: " + s.users + " may see errors or delays while " + std::to_string(ids.size()) +
            " component(s) are down" +
            (ctx.workload.degradable ? "; the workload may run degraded (reduced functionality)." : ".");
    }
    return s;
}

/// Every role that owns a step or a check takes part, even when the design alone would not call for it
/// (a fault injected into a component outside the workload).
void addOwners(DrillPlan& plan)
{
    const auto need = [&](DrillRole role, const std::string& what) {
        const bool present = std::any_of(plan.roles.begin(), plan.roles.end(),
                                         [&](const RoleAssignment& r) { return r.role == role; });
        if (!present)
            plan.roles.push_back({role, "owns " + what});
    };
    for (const auto& s : plan.steps)
        need(s.owner, "step " + std::to_string(s.number) + ": " + s.title);
    for (const auto& s : plan.rollback)
        need(s.owner, "failback step " + std::to_string(s.number) + ": " + s.title);
    for (const auto& c : plan.preChecks)
        need(c.owner, "the pre-check \"" + c.title + "\"");
    for (const auto& c : plan.communication)
        need(c.owner, "the message " + c.when);
    std::stable_sort(plan.roles.begin(), plan.roles.end(),
                     [](const RoleAssignment& a, const RoleAssignment& b) {
                         return static_cast<int>(a.role) < static_cast<int>(b.role);
                     });
}

void number(std::vector<RunbookStep>& steps)
{
    int n = 1;
    for (auto& s : steps)
        s.number = n++;
}

} // namespace

Result<DrillPlan> generateDrillPlan(const Topology& topology, const WorkloadId& workloadId,
                                    const ScenarioId& scenarioId, const sim::ReplayResult* replay,
                                    const DrillOptions& options)
{
    const Workload* workload = topology.findWorkload(workloadId);
    if (!workload)
        return Error{"unknown-workload", "There is no workload \"" + workloadId.str() +
                                             "\" in the topology; choose one of its workloads."};
    const Scenario* scenario = topology.findScenario(scenarioId);
    if (!scenario)
        return Error{"unknown-scenario", "There is no scenario \"" + scenarioId.str() +
                                             "\" in the topology; choose one of its scenarios."};
    if (scenario->faults.empty())
        return Error{"empty-scenario",
                     "Scenario \"" + scenarioId.str() +
                         "\" has no faults: add the fault the drill injects before planning it."};

    const DisruptionClass disruption = disruptionOf(*scenario);
    drill::Context ctx{
        topology,
        *workload,
        *scenario,
        disruption,
        estimateRecovery(topology, *workload, disruption),
        workloadComponents(topology, *workload),
        regionRoles(topology, *workload),
        workload->strategy ? workload->strategy->kind : StrategyKind::SingleRegion,
        options.mode.value_or(defaultIsolated(disruption) ? DrillMode::IsolatedTest : DrillMode::Production),
        nullptr,
        nullptr};
    for (const auto& p : topology.policies)
        if (p.workload == workload->id && p.disruption == disruption)
            ctx.policy = &p;
    if (replay && replay->scenario == scenario->id)
        for (const auto& w : replay->workloads)
            if (w.id == workload->id)
                ctx.replay = &w;

    DrillPlan plan;
    plan.id = workload->id.str() + "-" + scenario->id.str();
    plan.title =
        "Drill: " + workload->name + " — " + (scenario->name.empty() ? scenario->id.str() : scenario->name);
    plan.workload = workload->id.str();
    plan.scenario = scenario->id.str();
    plan.strategy = ctx.strategy;
    plan.objective = objectiveFor(ctx);
    plan.scope = scopeFor(ctx);
    plan.notes = ctx.estimate.rto.notes;
    const Fault& first = scenario->faults.front();
    if ((disruption == DisruptionClass::Instance || disruption == DisruptionClass::Dependency) &&
        first.target.scope == FaultTarget::Scope::Component && !ctx.estimate.rto.paths.empty() &&
        std::none_of(ctx.estimate.rto.paths.begin(), ctx.estimate.rto.paths.end(),
                     [&](const std::string& path) {
                         return path.find("(" + first.target.id + ")") != std::string::npos ||
                                path.ends_with(" " + first.target.id);
                     }))
        plan.notes.push_back(
            "the recovery steps follow the estimate for this class of disruption, the worst " +
            std::string(toName(disruption)) + " loss of the workload (" + ctx.estimate.situation +
            "), which is not the component the scenario hits (" + first.target.id + ")");

    std::vector<RunbookStep> recovery = recoverySteps(ctx);
    if (replay && !ctx.replay)
        plan.notes.push_back(
            "the replay given is not of this scenario and workload: expected times come from the estimate");
    if (ctx.replay) {
        const Duration faultStart = ctx.scenario.faults.front().at;
        if (ctx.replay->recoveredAt && ctx.replay->disruptedAt) {
            fitToMeasured(recovery, Duration{*ctx.replay->recoveredAt} - faultStart);
            plan.timing = TimingSource::Replay;
        } else if (!ctx.replay->disruptedAt) {
            plan.notes.push_back(
                "the replay never saw the workload disrupted: expected times come from the estimate");
        } else {
            plan.notes.push_back(
                "the replay did not recover by the end of the scenario: expected times come from the "
                "estimate");
        }
    }
    std::vector<RunbookStep> timeline = faultSteps(ctx);
    timeline.insert(timeline.end(), recovery.begin(), recovery.end());
    std::stable_sort(timeline.begin(), timeline.end(), [](const RunbookStep& a, const RunbookStep& b) {
        return a.expectedElapsed < b.expectedElapsed;
    });
    Duration end;
    for (const auto& s : timeline)
        end = std::max(end, s.expectedElapsed);

    plan.steps = startSteps(ctx);
    plan.steps.insert(plan.steps.end(), timeline.begin(), timeline.end());
    for (auto& s : verificationSteps(ctx, end))
        plan.steps.push_back(std::move(s));
    number(plan.steps);

    const bool hasDecision = std::any_of(ctx.estimate.rto.terms.begin(), ctx.estimate.rto.terms.end(),
                                         [](const DurationTerm& t) { return t.label == "decision"; });
    plan.roles = rolesFor(ctx);
    plan.preChecks = preChecksFor(ctx);
    plan.successCriteria = criteriaFor(ctx);
    plan.rollback = rollbackFor(ctx);
    number(plan.rollback);
    plan.communication = communicationFor(ctx, hasDecision);
    addOwners(plan);
    return plan;
}

} // namespace firedrill
