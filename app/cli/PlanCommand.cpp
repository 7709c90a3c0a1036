#include "PlanCommand.h"

#include "CliOutput.h"
#include "DesktopRenderer.h"
#include "Commands.h"
#include "InputDocument.h"
#include "OutputFile.h"
#include "core/drill/DrillPlanGenerator.h"
#include "core/drill/ICalendarWriter.h"
#include "core/drill/PlanHtml.h"
#include "core/drill/PlanMarkdown.h"
#include "core/drill/PlanYaml.h"
#include "core/drill/UtcTime.h"
#include "core/io/Units.h"
#include "core/sim/ScenarioPlayer.h"

#include <chrono>
#include <filesystem>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace firedrill::cli {

namespace {

int fail(const std::string& message, int code)
{
    std::cerr << "firedrill-cli: " << message << '\n';
    return code;
}

/// The calendar entry of a plan: the drill's objective and where its runbook is.
Result<std::string> calendarOf(const DrillPlan& plan, const PlanOptions& o)
{
    if (o.start.empty())
        return Error{"usage", "--format ics needs --start, the first drill's date and time in UTC "
                              "(for example --start 2027-01-05T09:00Z)"};
    const auto start = parseUtc(o.start);
    if (!start)
        return Error{"usage", "--start: " + start.error().message};
    const auto recurrence = parseRecurrence(o.recurrence);
    if (!recurrence)
        return Error{"usage", "--recurrence: " + recurrence.error().message};
    const auto length = parseDuration(o.length);
    if (!length || length->ms <= 0 || *length > Duration::days(31))
        return Error{"usage", "--length: \"" + o.length + "\" is not a duration from 1ms to 31d such as 4h or 90m"};
    // iCalendar writes four-digit years, and a drill outside them is a typing error: refused, not written.
    using namespace std::chrono;
    const sys_seconds earliest = sys_days{year{1970} / January / 1};
    const sys_seconds latest = sys_days{year{9999} / December / 31} + hours{23} + minutes{59} + seconds{59};
    const sys_seconds end = *start + duration_cast<seconds>(milliseconds{length->ms});
    if (*start < earliest || end > latest)
        return Error{"usage", "--start " + o.start + " with --length " + o.length + ": the drill would " +
                                  (*start < earliest ? "start on " + formatUtc(*start) : "end after the year 9999") +
                                  "; a calendar entry must lie from 1970-01-01 to 9999-12-31 (UTC). Give a "
                                  "start such as 2027-01-05T09:00Z."};
    DrillSchedule s;
    s.id = plan.id;
    s.planId = plan.id;
    s.title = plan.title;
    s.description = plan.objective.statement + "\nRunbook: " + std::to_string(plan.steps.size()) +
                    " steps, plan " + plan.id + ".";
    s.start = *start;
    s.length = *length;
    s.recurrence = *recurrence;
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto ics = schedulesToICalendar(std::vector<DrillSchedule>{s}, now);
    if (!ics)
        return Error{"usage", ics.error().message};
    return *ics;
}

/// Hands the plan to the desktop application, which prints it (with the topology's diagram) to o.output.
int writePdf(const DrillPlan& plan, const std::filesystem::path& renderer, const PlanOptions& o)
{
    // An exclusive, unpredictable name in the temporary folder (mkstemps: O_EXCL, no symbolic link followed).
    std::error_code ec;
    std::string name = (std::filesystem::temp_directory_path(ec) / "firedrill-plan-XXXXXX.yaml").string();
    const int fd = ::mkstemps(name.data(), 5);
    if (fd < 0)
        return fail(std::string("cannot create a temporary file for printing: ") + std::strerror(errno),
                    ExitCode::InvalidInput);
    ::close(fd);
    const std::filesystem::path yaml = name;
    if (auto written = writeOutputFile(yaml, planToYaml(plan)); !written) {
        std::filesystem::remove(yaml, ec);
        return fail(yaml.string() + ": cannot write the plan for printing: " + written.error().message,
                    ExitCode::InvalidInput);
    }
    const auto printed = DesktopRenderer::run(renderer, {"--plan-pdf", yaml.string(), "--output", o.output, o.file});
    std::filesystem::remove(yaml, ec);
    if (!printed)
        return fail(printed.error().message, ExitCode::InvalidInput);
    std::cout << "plan " << plan.id << ": " << plan.steps.size() << " steps -> " << o.output << " (PDF)\n";
    return ExitCode::Ok;
}

} // namespace

int runPlan(const PlanOptions& o)
{
    std::optional<std::filesystem::path> renderer;
    if (o.format == "pdf") {
        if (o.output.empty())
            return fail("--format pdf needs -o FILE.pdf", ExitCode::UsageError);
        // The desktop application writes the PDF itself: only to a new or regular file, checked here.
        const auto target = inspectOutputTarget(o.output);
        if (!target)
            return fail(target.error().message, ExitCode::UsageError);
        if (*target == OutputTarget::Stream)
            return fail("refusing to write to " + o.output + ": a PDF is written as a regular file, not into a FIFO or device",
                        ExitCode::UsageError);
        renderer = DesktopRenderer::locate();
        if (!renderer)
            return fail("--format pdf is printed by the desktop application firedrill, which is not installed "
                        "beside firedrill-cli (set FIREDRILL_GUI to its path); md, html, yaml and ics need nothing",
                        ExitCode::UsageError);
    }
    DrillOptions options;
    if (o.mode == "production")
        options.mode = DrillMode::Production;
    else if (o.mode == "isolated")
        options.mode = DrillMode::IsolatedTest;
    else if (!o.mode.empty())
        return fail("--mode must be production or isolated, not \"" + o.mode + "\"", ExitCode::UsageError);

    const InputDocument doc = loadInput(o.file);
    if (!doc.ok()) {
        printDiagnostics(std::cerr, doc.diagnostics);
        return fail(o.file + ": cannot plan a drill on an invalid topology (" + countText(doc.diagnostics) +
                        ")",
                    ExitCode::InvalidInput);
    }
    const Topology& t = *doc.topology;
    const Scenario* scenario = t.findScenario(ScenarioId(o.scenario));
    std::optional<sim::ReplayResult> replay;
    if (scenario && !o.noReplay && !scenario->faults.empty() && t.findWorkload(WorkloadId(o.workload))) {
        sim::ReplayOptions ro;
        ro.seed = o.seed.value_or(scenario->seed.value_or(0));
        auto r = sim::replayScenario(t, scenario->id, ro);
        if (!r)
            return fail(o.file + ": " + r.error().message, ExitCode::InvalidInput);
        replay = std::move(*r);
    }
    auto plan = generateDrillPlan(t, WorkloadId(o.workload), ScenarioId(o.scenario),
                                  replay ? &*replay : nullptr, options);
    if (!plan)
        return fail(o.file + ": " + plan.error().message, ExitCode::InvalidInput);

    if (renderer)
        return writePdf(*plan, *renderer, o);
    std::string text;
    if (o.format == "md") {
        text = planToMarkdown(*plan);
    } else if (o.format == "html") {
        text = planToHtml(*plan);
    } else if (o.format == "yaml") {
        text = planToYaml(*plan);
    } else {
        auto ics = calendarOf(*plan, o);
        if (!ics)
            return fail(ics.error().message, ExitCode::UsageError);
        text = std::move(*ics);
    }
    if (o.output.empty()) {
        std::cout << text;
        return ExitCode::Ok;
    }
    if (auto written = writeOutputFile(o.output, text); !written)
        return fail(written.error().message,
                    written.error().code == "refused" ? ExitCode::UsageError : ExitCode::InvalidInput);
    std::cout << "plan " << plan->id << ": " << plan->steps.size() << " steps, the last done "
              << formatDurationReadable(plan->steps.back().expectedElapsed)
              << " after the fault (times from the "
              << (plan->timing == TimingSource::Replay ? "replay" : "estimate") << ") -> " << o.output
              << '\n';
    return ExitCode::Ok;
}

} // namespace firedrill::cli
