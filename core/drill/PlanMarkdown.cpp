#include "PlanMarkdown.h"

#include "PlanText.h"
#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <sstream>

namespace firedrill {

namespace {

/// Table cells cannot hold pipes or line breaks.
std::string cell(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string time(const std::optional<Duration>& d)
{
    return d ? formatDurationReadable(*d) : std::string("—");
}

void stepsTable(std::ostringstream& md, const std::vector<RunbookStep>& steps, const char* elapsedHeader)
{
    md << "| # | Step | Owner | Duration | " << elapsedHeader << " | Done when | If it fails |\n";
    md << "|---|---|---|---|---|---|---|\n";
    for (const auto& s : steps)
        md << "| " << s.number << " | **" << cell(s.title) << "**"
           << (s.track.empty() ? "" : "<br>track: " + cell(s.track))
           << (s.detail.empty() ? "" : "<br>" + cell(s.detail)) << " | " << roleLabel(s.owner) << " | "
           << formatDurationReadable(s.expectedDuration) << " | " << formatDurationReadable(s.expectedElapsed)
           << " | " << cell(s.doneSignal) << " | " << cell(s.onFailure) << " |\n";
}

} // namespace

std::string planToMarkdown(const DrillPlan& p)
{
    std::ostringstream md;
    md << "# " << p.title << "\n\n";
    md << "- Plan: `" << p.id << "`\n- Workload: `" << p.workload << "`\n- Scenario: `" << p.scenario << "`\n"
       << "- Strategy: " << toName(p.strategy) << "\n- Expected times from: "
       << (p.timing == TimingSource::Replay ? "the simulated replay of the scenario"
                                            : "the recovery estimate")
       << "\n\n";

    md << "## Objective\n\n" << p.objective.statement << "\n\n";
    md << "| Disruption | Situation | RTO target | RTO expected | RPO target | RPO expected |\n"
       << "|---|---|---|---|---|---|\n";
    md << "| " << toName(p.objective.disruption) << " | " << cell(p.objective.situation) << " | "
       << time(p.objective.rtoTarget) << " | " << time(p.objective.expectedRto) << " | "
       << time(p.objective.rpoTarget) << " | " << time(p.objective.expectedRpo) << " |\n\n";

    md << "## Scope and blast radius\n\n";
    md << "- Mode: " << plantext::modeLabel(p.scope.mode) << "\n";
    md << "- Components: ";
    for (std::size_t i = 0; i < p.scope.components.size(); ++i)
        md << (i ? ", " : "") << '`' << p.scope.components[i] << '`';
    md << "\n- Regions: ";
    for (std::size_t i = 0; i < p.scope.regions.size(); ++i)
        md << (i ? ", " : "") << '`' << p.scope.regions[i] << '`';
    md << "\n- Users: " << p.scope.users << "\n- Blast radius: " << p.scope.blastRadius << "\n\n";

    md << "## Roles\n\n| Role | Duty | Why this drill needs it |\n|---|---|---|\n";
    for (const auto& r : p.roles)
        md << "| " << roleLabel(r.role) << " | " << roleDuty(r.role) << " | " << cell(r.reason) << " |\n";

    md << "\n## Pre-checks (go / no-go)\n\n";
    for (const auto& c : p.preChecks)
        md << "- [ ] **" << c.title << "** (" << roleLabel(c.owner) << "): " << c.detail << "\n";

    md << "\n## Runbook\n\nElapsed times count from the start of the fault; steps on different tracks run in "
          "parallel.\n\n";
    stepsTable(md, p.steps, "Elapsed");

    md << "\n## Success criteria\n\n| Criterion | Measure | Target | Expected |\n|---|---|---|---|\n";
    for (const auto& c : p.successCriteria)
        md << "| " << cell(c.title) << " | " << cell(c.measure) << " | " << time(c.target) << " | "
           << time(c.expected) << " |\n";

    md << "\n## Rollback and failback\n\nElapsed times count from the start of the failback.\n\n";
    stepsTable(md, p.rollback, "Elapsed");

    md << "\n## Communication\n\n| When | Audience | Message | Owner |\n|---|---|---|---|\n";
    for (const auto& c : p.communication)
        md << "| " << cell(c.when) << " | " << cell(c.audience) << " | " << cell(c.message) << " | "
           << roleLabel(c.owner) << " |\n";

    if (!p.notes.empty()) {
        md << "\n## Assumptions\n\n";
        for (const auto& n : p.notes)
            md << "- " << n << "\n";
    }
    return md.str();
}

} // namespace firedrill
