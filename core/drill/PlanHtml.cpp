#include "PlanHtml.h"

#include "PlanText.h"
#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <sstream>

namespace firedrill {

namespace {

constexpr const char* kStyle =
    "body{font-family:sans-serif;margin:2em;max-width:80em}"
    "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.3em "
    ".5em;vertical-align:top}"
    "th{background:#eee;text-align:left}td.time{white-space:nowrap;text-align:right}.detail{color:#444}"
    ".track{font-size:smaller;color:#666}";

std::string time(const std::optional<Duration>& d)
{
    return d ? formatDurationReadable(*d) : std::string("—");
}

void row(std::ostringstream& h, std::initializer_list<std::string> cells)
{
    h << "<tr>";
    for (const auto& c : cells)
        h << "<td>" << escapeHtml(c) << "</td>";
    h << "</tr>\n";
}

void head(std::ostringstream& h, std::initializer_list<const char*> cells)
{
    h << "<table>\n<tr>";
    for (const char* c : cells)
        h << "<th>" << c << "</th>";
    h << "</tr>\n";
}

void steps(std::ostringstream& h, const std::vector<RunbookStep>& list)
{
    head(h, {"#", "Step", "Owner", "Duration", "Elapsed", "Done when", "If it fails"});
    for (const auto& s : list) {
        h << "<tr><td>" << s.number << "</td><td><strong>" << escapeHtml(s.title) << "</strong>";
        if (!s.track.empty())
            h << "<br/><span class=\"track\">track: " << escapeHtml(s.track) << "</span>";
        if (!s.detail.empty())
            h << "<br/><span class=\"detail\">" << escapeHtml(s.detail) << "</span>";
        h << "</td><td>" << roleLabel(s.owner) << "</td><td class=\"time\">"
          << formatDurationReadable(s.expectedDuration) << "</td><td class=\"time\">"
          << formatDurationReadable(s.expectedElapsed) << "</td><td>" << escapeHtml(s.doneSignal)
          << "</td><td>" << escapeHtml(s.onFailure) << "</td></tr>\n";
    }
    h << "</table>\n";
}

} // namespace

std::string escapeHtml(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string planToHtml(const DrillPlan& p)
{
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>"
      << escapeHtml(p.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    h << "<h1>" << escapeHtml(p.title) << "</h1>\n<ul>\n<li>Plan: <code>" << escapeHtml(p.id)
      << "</code></li>\n<li>Workload: <code>" << escapeHtml(p.workload)
      << "</code></li>\n<li>Scenario: <code>" << escapeHtml(p.scenario)
      << "</code></li>\n<li>Strategy: " << toName(p.strategy) << "</li>\n<li>Expected times from: "
      << (p.timing == TimingSource::Replay ? "the simulated replay of the scenario" : "the recovery estimate")
      << "</li>\n</ul>\n";

    h << "<h2>Objective</h2>\n<p>" << escapeHtml(p.objective.statement) << "</p>\n";
    head(h, {"Disruption", "Situation", "RTO target", "RTO expected", "RPO target", "RPO expected"});
    row(h, {std::string(toName(p.objective.disruption)), p.objective.situation, time(p.objective.rtoTarget),
            time(p.objective.expectedRto), time(p.objective.rpoTarget), time(p.objective.expectedRpo)});
    h << "</table>\n";

    std::string components, regions;
    for (const auto& c : p.scope.components)
        components += (components.empty() ? "" : ", ") + c;
    for (const auto& r : p.scope.regions)
        regions += (regions.empty() ? "" : ", ") + r;
    h << "<h2>Scope and blast radius</h2>\n<ul>\n<li>Mode: " << plantext::modeLabel(p.scope.mode)
      << "</li>\n<li>Components: " << escapeHtml(components) << "</li>\n<li>Regions: " << escapeHtml(regions)
      << "</li>\n<li>Users: " << escapeHtml(p.scope.users)
      << "</li>\n<li>Blast radius: " << escapeHtml(p.scope.blastRadius) << "</li>\n</ul>\n";

    h << "<h2>Roles</h2>\n";
    head(h, {"Role", "Duty", "Why this drill needs it"});
    for (const auto& r : p.roles)
        row(h, {std::string(roleLabel(r.role)), std::string(roleDuty(r.role)), r.reason});
    h << "</table>\n";

    h << "<h2>Pre-checks (go / no-go)</h2>\n<ul>\n";
    for (const auto& c : p.preChecks)
        h << "<li>&#9744; <strong>" << escapeHtml(c.title) << "</strong> (" << roleLabel(c.owner)
          << "): " << escapeHtml(c.detail) << "</li>\n";
    h << "</ul>\n";

    h << "<h2>Runbook</h2>\n<p>Elapsed times count from the start of the fault; steps on different tracks "
         "run in "
         "parallel.</p>\n";
    steps(h, p.steps);

    h << "<h2>Success criteria</h2>\n";
    head(h, {"Criterion", "Measure", "Target", "Expected"});
    for (const auto& c : p.successCriteria)
        row(h, {c.title, c.measure, time(c.target), time(c.expected)});
    h << "</table>\n";

    h << "<h2>Rollback and failback</h2>\n<p>Elapsed times count from the start of the failback.</p>\n";
    steps(h, p.rollback);

    h << "<h2>Communication</h2>\n";
    head(h, {"When", "Audience", "Message", "Owner"});
    for (const auto& c : p.communication)
        row(h, {c.when, c.audience, c.message, std::string(roleLabel(c.owner))});
    h << "</table>\n";

    if (!p.notes.empty()) {
        h << "<h2>Assumptions</h2>\n<ul>\n";
        for (const auto& n : p.notes)
            h << "<li>" << escapeHtml(n) << "</li>\n";
        h << "</ul>\n";
    }
    h << "</body>\n</html>\n";
    return h.str();
}

} // namespace firedrill
