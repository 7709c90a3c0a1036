// firedrill-cli: validate, convert and inspect Firedrill topologies and workspaces without a GUI.
#include "Commands.h"
#include "OptionChecks.h"
#include "PlanCommand.h"
#include "SimulateCommand.h"
#include "TerminalSafeBuf.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <unistd.h>

using namespace firedrill::cli;

int main(int argc, char** argv)
{
    CLI::App app{"Firedrill command line: disaster-recovery topologies and workspaces without the GUI"};
    app.name("firedrill-cli");
    app.set_version_flag("--version", std::string("firedrill-cli ") + FIREDRILL_VERSION);
    app.require_subcommand(1);

    ValidateOptions validate;
    auto* v = app.add_subcommand("validate", "Check topology files or workspaces and report every problem");
    v->add_option("files", validate.files, "YAML topology (.yaml) or workspace (.firedrill) files")->required();
    v->add_flag("--json", validate.json, "Machine-readable output on stdout");
    v->add_flag("--strict", validate.strict, "Treat warnings as failures");

    ConvertOptions convert;
    auto* c = app.add_subcommand("convert", "Convert between YAML and workspace files (by extension)");
    c->add_option("input", convert.input, "File to read (.yaml, .yml or .firedrill)")->required();
    c->add_option("output", convert.output, "File to write (.yaml, .yml or .firedrill)")->required();
    c->add_option("--note", convert.note, "Revision note when writing a workspace");
    c->add_flag("--force", convert.force, "Replace the output file if it exists");
    c->add_flag("--json", convert.json, "Machine-readable output on stdout");

    InfoOptions info;
    auto* i = app.add_subcommand("info", "Describe what a topology file or workspace contains");
    i->add_option("file", info.file, "YAML topology or workspace")->required();
    i->add_flag("--json", info.json, "Machine-readable output on stdout");

    RecoverOptions recover;
    auto* r = app.add_subcommand("recover", "Roll back the unfinished save a crash left in a workspace");
    r->add_option("file", recover.file, "Workspace (.firedrill)")->required();
    r->add_flag("--json", recover.json, "Machine-readable output on stdout");

    AnalyzeOptions analyze;
    auto* a = app.add_subcommand("analyze", "Composite SLA, single points of failure, cost, estimated RTO/RPO, policies");
    a->add_option("file", analyze.file, "YAML topology or workspace")->required();
    a->add_option("--workload", analyze.workload, "Only this workload");
    a->add_option("--prices", analyze.prices, "Price table YAML (default: the built-in table)");
    a->add_option("--failover-hours", analyze.failoverHours, "Hours of running the secondary at full size to price")
        ->check(decimalIn(0, limits::kMaxFailoverHours, "hours"));
    a->add_flag("--pairs", analyze.pairs, "Also list pairs of failures that take a workload down");
    a->add_flag("--json", analyze.json, "Machine-readable output on stdout");

    CompareOptions compare;
    auto* m = app.add_subcommand("compare", "The four DR strategies side by side for one workload");
    m->add_option("file", compare.file, "YAML topology or workspace")->required();
    m->add_option("--workload", compare.workload, "The workload to compare strategies for")->required();
    m->add_option("--prices", compare.prices, "Price table YAML (default: the built-in table)");
    m->add_flag("--pareto", compare.pareto, "Also the cost / RTO Pareto front across all workloads");
    m->add_flag("--json", compare.json, "Machine-readable output on stdout");

    SimulateOptions simulate;
    auto* sm = app.add_subcommand("simulate", "Replay one scenario: availability, measured RTO/RPO, narrated log");
    sm->add_option("file", simulate.file, "YAML topology or workspace")->required();
    sm->add_option("--scenario", simulate.scenario, "Scenario id")->required();
    sm->add_option("--seed", simulate.seed, "Seed (default: the scenario's, else 0)")->check(wholeIn(0, limits::kMaxSeed));
    sm->add_flag("--json", simulate.json, "Full result as JSON on stdout");
    sm->add_option("--csv", simulate.csvDir, "Write one CSV per time series into DIR");
    sm->add_flag("--worst-case-dns", simulate.worstCaseDns, "Clients cached just before a switch: full TTL");

    MonteCarloCommandOptions monte;
    auto* mc = app.add_subcommand("montecarlo", "Many simulated years of random failures: downtime statistics");
    mc->add_option("file", monte.file, "YAML topology or workspace")->required();
    mc->add_option("--years", monte.years, "Simulated years (default 10000)")
        ->check(wholeIn(1, limits::kMaxYears));
    mc->add_option("--seed", monte.seed, "Random seed (default 1)")->check(wholeIn(0, limits::kMaxSeed));
    mc->add_option("--threads", monte.threads, "Worker threads (default: all cores)")
        ->check(wholeIn(0, limits::kMaxThreads));
    mc->add_option("--shard", monte.shard, "Run only slice i of n (i/n) of the years, for batch schedulers");
    mc->add_flag("--json", monte.json, "Machine-readable output on stdout (mergeable with `merge`)");

    MergeOptions mergeOptions;
    auto* mg = app.add_subcommand("merge", "Combine Monte Carlo shard results into one study's statistics");
    mg->add_option("file", mergeOptions.file, "The topology the shards were run on")->required();
    mg->add_option("shards", mergeOptions.shards, "Shard results written by montecarlo --shard i/n --json")->required();
    mg->add_flag("--json", mergeOptions.json, "Machine-readable output on stdout");

    PlanOptions plan;
    auto* pl = app.add_subcommand("plan", "Generate the drill plan of a workload and scenario (Markdown, HTML, YAML, iCalendar)");
    pl->add_option("file", plan.file, "YAML topology or workspace")->required();
    pl->add_option("--workload", plan.workload, "The workload the drill proves")->required();
    pl->add_option("--scenario", plan.scenario, "The scenario the drill injects")->required();
    pl->add_option("--format", plan.format, "md, html, yaml, ics or pdf (pdf is printed by the desktop application firedrill)")
        ->check(CLI::IsMember({"md", "yaml", "ics", "html", "pdf"}));
    pl->add_option("-o,--output", plan.output, "Write to this file (atomically) instead of standard output");
    pl->add_option("--mode", plan.mode, "production or isolated (default: from the disruption)");
    pl->add_flag("--no-replay", plan.noReplay, "Expected times from the estimate instead of a replay of the scenario");
    pl->add_option("--seed", plan.seed, "Replay seed (default: the scenario's, else 0)")
        ->check(wholeIn(0, limits::kMaxSeed));
    pl->add_option("--start", plan.start, "ics: the first drill, UTC (2027-01-05T09:00Z)");
    pl->add_option("--recurrence", plan.recurrence, "ics: once, \"quarterly on the first tuesday\", ...");
    pl->add_option("--length", plan.length, "ics: how long each drill takes (default 4h)");

    // Error messages quote arguments (file names from a glob can hold anything): filtered from the start.
    const TerminalSafeBuf safeErr(std::cerr);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return ExitCode::UsageError;
    }

    // Human-readable output shows control characters from the input as escapes (TerminalSafeBuf); JSON
    // (already escaped by the JSON writer) and a plan document sent to a pipe or file pass unchanged.
    const bool json = (v->parsed() && validate.json) || (c->parsed() && convert.json) || (i->parsed() && info.json) ||
                      (r->parsed() && recover.json) ||
                      (a->parsed() && analyze.json) || (m->parsed() && compare.json) ||
                      (sm->parsed() && simulate.json) || (mc->parsed() && monte.json) ||
                      (mg->parsed() && mergeOptions.json);
    const bool documentToPipe = pl->parsed() && plan.output.empty() && ::isatty(STDOUT_FILENO) == 0;
    std::optional<TerminalSafeBuf> safeOut;
    if (!json && !documentToPipe)
        safeOut.emplace(std::cout);

    try {
        if (v->parsed())
            return runValidate(validate);
        if (c->parsed())
            return runConvert(convert);
        if (i->parsed())
            return runInfo(info);
        if (r->parsed())
            return runRecover(recover);
        if (a->parsed())
            return runAnalyze(analyze);
        if (m->parsed())
            return runCompare(compare);
        if (sm->parsed())
            return runSimulate(simulate);
        if (mc->parsed())
            return runMonteCarloCommand(monte);
        if (mg->parsed())
            return runMerge(mergeOptions);
        if (pl->parsed())
            return runPlan(plan);
    } catch (const std::exception& e) {
        std::cerr << "firedrill-cli: unexpected error: " << e.what() << '\n';
        return ExitCode::InvalidInput;
    }
    return ExitCode::UsageError;
}
