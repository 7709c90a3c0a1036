// Writes a drill plan as YAML with yaml-cpp's emitter; free text is always double-quoted.
#include "PlanText.h"
#include "PlanYaml.h"
#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

namespace firedrill {

namespace {

void text(YAML::Emitter& out, const char* key, const std::string& value)
{
    if (!value.empty())
        out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

void plain(YAML::Emitter& out, const char* key, std::string_view value)
{
    out << YAML::Key << key << YAML::Value << std::string(value);
}

void time(YAML::Emitter& out, const char* key, const std::optional<Duration>& d)
{
    if (d)
        plain(out, key, formatDuration(*d));
}

void ids(YAML::Emitter& out, const char* key, const std::vector<std::string>& values)
{
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& v : values)
        out << YAML::DoubleQuoted << v;
    out << YAML::EndSeq;
}

void steps(YAML::Emitter& out, const char* key, const std::vector<RunbookStep>& list)
{
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& s : list) {
        out << YAML::BeginMap;
        plain(out, "number", std::to_string(s.number));
        plain(out, "phase", plantext::phaseName(s.phase));
        text(out, "title", s.title);
        text(out, "detail", s.detail);
        plain(out, "owner", roleName(s.owner));
        plain(out, "duration", formatDuration(s.expectedDuration));
        plain(out, "elapsed", formatDuration(s.expectedElapsed));
        text(out, "track", s.track);
        text(out, "done_when", s.doneSignal);
        text(out, "on_failure", s.onFailure);
        text(out, "basis", s.basis);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

} // namespace

std::string planToYaml(const DrillPlan& p)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    plain(out, "drill_plan", std::to_string(kPlanFormatVersion));
    text(out, "id", p.id);
    text(out, "title", p.title);
    text(out, "workload", p.workload);
    text(out, "scenario", p.scenario);
    plain(out, "strategy", toName(p.strategy));
    plain(out, "timing", plantext::timingName(p.timing));

    out << YAML::Key << "objective" << YAML::Value << YAML::BeginMap;
    plain(out, "disruption", toName(p.objective.disruption));
    text(out, "situation", p.objective.situation);
    time(out, "rto_target", p.objective.rtoTarget);
    time(out, "rpo_target", p.objective.rpoTarget);
    time(out, "expected_rto", p.objective.expectedRto);
    time(out, "expected_rpo", p.objective.expectedRpo);
    text(out, "statement", p.objective.statement);
    out << YAML::EndMap;

    out << YAML::Key << "scope" << YAML::Value << YAML::BeginMap;
    plain(out, "mode", plantext::modeName(p.scope.mode));
    ids(out, "components", p.scope.components);
    ids(out, "regions", p.scope.regions);
    plain(out, "users_rps", formatNumber(p.scope.usersRps));
    text(out, "users", p.scope.users);
    text(out, "blast_radius", p.scope.blastRadius);
    out << YAML::EndMap;

    out << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
    for (const auto& r : p.roles) {
        out << YAML::BeginMap;
        plain(out, "role", roleName(r.role));
        text(out, "reason", r.reason);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;

    out << YAML::Key << "pre_checks" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : p.preChecks) {
        out << YAML::BeginMap;
        text(out, "title", c.title);
        text(out, "detail", c.detail);
        plain(out, "owner", roleName(c.owner));
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;

    steps(out, "steps", p.steps);

    out << YAML::Key << "success_criteria" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : p.successCriteria) {
        out << YAML::BeginMap;
        text(out, "title", c.title);
        text(out, "measure", c.measure);
        time(out, "target", c.target);
        time(out, "expected", c.expected);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;

    steps(out, "rollback", p.rollback);

    out << YAML::Key << "communication" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : p.communication) {
        out << YAML::BeginMap;
        text(out, "when", c.when);
        text(out, "audience", c.audience);
        text(out, "message", c.message);
        plain(out, "owner", roleName(c.owner));
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;

    out << YAML::Key << "notes" << YAML::Value << YAML::BeginSeq;
    for (const auto& n : p.notes)
        out << YAML::DoubleQuoted << n;
    out << YAML::EndSeq;
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace firedrill
