// Reads a drill plan from YAML through core/io's tree and field reader (line:column errors).
#include "PlanText.h"
#include "PlanYaml.h"
#include "core/io/YamlFieldReader.h"
#include "core/io/YamlTree.h"

namespace firedrill {

namespace {

/// A converter for the plan's own enums, in the shape yamlvalue's converters have.
template <class E, class Parse> auto planEnum(Parse parse, const char* expected)
{
    return
        [parse, expected](ReadContext& ctx, const YamlNode& n, const std::string& what) -> std::optional<E> {
            auto t = yamlvalue::text(ctx, n, what);
            if (!t)
                return std::nullopt;
            if (auto v = parse(*t))
                return v;
            ctx.error(n, "bad-value", "'" + *t + "' is not a valid " + what + "; expected " + expected);
            return std::nullopt;
        };
}

const auto kRole = planEnum<DrillRole>(roleFromName, "incident-commander, dba, network, application-owner, "
                                                     "communications or observer");
const auto kPhase = planEnum<StepPhase>(plantext::phaseFromName, "start, fault, recovery or verification");
const auto kMode = planEnum<DrillMode>(plantext::modeFromName, "production or isolated-test");
const auto kTiming = planEnum<TimingSource>(plantext::timingFromName, "estimate or replay");

std::vector<RunbookStep> readSteps(ReadContext& ctx, const YamlNode* list, const std::string& key)
{
    std::vector<RunbookStep> out;
    forEachItem(ctx, list, key, [&](const YamlNode& item, std::size_t i) {
        YamlFieldReader r(ctx, item, key + "[#" + std::to_string(i) + "]", "a step");
        if (!r.valid())
            return;
        RunbookStep s;
        r.required("number", s.number, yamlvalue::integer);
        r.value("phase", s.phase, kPhase);
        r.required("title", s.title, yamlvalue::text);
        r.value("detail", s.detail, yamlvalue::text);
        r.value("owner", s.owner, kRole);
        r.value("duration", s.expectedDuration, yamlvalue::duration);
        r.value("elapsed", s.expectedElapsed, yamlvalue::duration);
        r.value("track", s.track, yamlvalue::text);
        r.value("done_when", s.doneSignal, yamlvalue::text);
        r.value("on_failure", s.onFailure, yamlvalue::text);
        r.value("basis", s.basis, yamlvalue::text);
        out.push_back(std::move(s));
    });
    return out;
}

void readPlan(ReadContext& ctx, const YamlNode& root, DrillPlan& p)
{
    YamlFieldReader r(ctx, root, "", "a drill plan");
    if (!r.valid())
        return;
    int version = 0;
    r.required("drill_plan", version, yamlvalue::integer);
    if (version > kPlanFormatVersion)
        ctx.error(root, "newer-format",
                  "this plan was written in format " + std::to_string(version) +
                      "; this version of Firedrill reads up to " + std::to_string(kPlanFormatVersion));
    r.required("id", p.id, yamlvalue::text);
    r.value("title", p.title, yamlvalue::text);
    r.required("workload", p.workload, yamlvalue::text);
    r.required("scenario", p.scenario, yamlvalue::text);
    r.value("strategy", p.strategy, yamlvalue::enumeration<StrategyKind>);
    r.value("timing", p.timing, kTiming);

    if (const YamlNode* n = r.get("objective")) {
        YamlFieldReader o(ctx, *n, "objective", "the objective");
        o.value("disruption", p.objective.disruption, yamlvalue::enumeration<DisruptionClass>);
        o.value("situation", p.objective.situation, yamlvalue::text);
        o.optional("rto_target", p.objective.rtoTarget, yamlvalue::duration);
        o.optional("rpo_target", p.objective.rpoTarget, yamlvalue::duration);
        o.optional("expected_rto", p.objective.expectedRto, yamlvalue::duration);
        o.optional("expected_rpo", p.objective.expectedRpo, yamlvalue::duration);
        o.value("statement", p.objective.statement, yamlvalue::text);
    }
    if (const YamlNode* n = r.get("scope")) {
        YamlFieldReader s(ctx, *n, "scope", "the scope");
        s.value("mode", p.scope.mode, kMode);
        s.list("components", p.scope.components, yamlvalue::text);
        s.list("regions", p.scope.regions, yamlvalue::text);
        s.value("users_rps", p.scope.usersRps, yamlvalue::number);
        s.value("users", p.scope.users, yamlvalue::text);
        s.value("blast_radius", p.scope.blastRadius, yamlvalue::text);
    }
    forEachItem(ctx, r.get("roles"), "roles", [&](const YamlNode& item, std::size_t i) {
        YamlFieldReader f(ctx, item, "roles[#" + std::to_string(i) + "]", "a role");
        RoleAssignment a;
        f.required("role", a.role, kRole);
        f.value("reason", a.reason, yamlvalue::text);
        p.roles.push_back(std::move(a));
    });
    forEachItem(ctx, r.get("pre_checks"), "pre_checks", [&](const YamlNode& item, std::size_t i) {
        YamlFieldReader f(ctx, item, "pre_checks[#" + std::to_string(i) + "]", "a pre-check");
        PreCheck c;
        f.required("title", c.title, yamlvalue::text);
        f.value("detail", c.detail, yamlvalue::text);
        f.value("owner", c.owner, kRole);
        p.preChecks.push_back(std::move(c));
    });
    p.steps = readSteps(ctx, r.get("steps"), "steps");
    forEachItem(ctx, r.get("success_criteria"), "success_criteria", [&](const YamlNode& item, std::size_t i) {
        YamlFieldReader f(ctx, item, "success_criteria[#" + std::to_string(i) + "]", "a success criterion");
        SuccessCriterion c;
        f.required("title", c.title, yamlvalue::text);
        f.value("measure", c.measure, yamlvalue::text);
        f.optional("target", c.target, yamlvalue::duration);
        f.optional("expected", c.expected, yamlvalue::duration);
        p.successCriteria.push_back(std::move(c));
    });
    p.rollback = readSteps(ctx, r.get("rollback"), "rollback");
    forEachItem(ctx, r.get("communication"), "communication", [&](const YamlNode& item, std::size_t i) {
        YamlFieldReader f(ctx, item, "communication[#" + std::to_string(i) + "]", "a message");
        CommunicationItem c;
        f.value("when", c.when, yamlvalue::text);
        f.value("audience", c.audience, yamlvalue::text);
        f.required("message", c.message, yamlvalue::text);
        f.value("owner", c.owner, kRole);
        p.communication.push_back(std::move(c));
    });
    r.list("notes", p.notes, yamlvalue::text);
}

} // namespace

PlanLoadResult readPlanYaml(std::string_view text, const std::string& fileName, const ReadLimits& limits)
{
    PlanLoadResult out;
    YamlDocument doc = parseYaml(text, fileName, limits);
    out.diagnostics = std::move(doc.diagnostics);
    if (!doc.root || hasErrors(out.diagnostics))
        return out;
    ReadContext ctx(fileName);
    DrillPlan plan;
    readPlan(ctx, *doc.root, plan);
    for (auto& d : ctx.diagnostics())
        out.diagnostics.push_back(std::move(d));
    if (!hasErrors(out.diagnostics))
        out.plan = std::move(plan);
    return out;
}

} // namespace firedrill
