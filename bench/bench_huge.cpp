// Huge inputs: a generated topology of 100,000 components and 500,000 dependencies (by default) is
// validated, analysed as the app does on open, written and read back as YAML, and saved to and opened
// from a .firedrill workspace. Each step runs in its own process, so its peak resident memory
// (getrusage ru_maxrss) is its own; the round trips check the topology read back equals the original.
// Prints a Markdown table and exits non-zero when a step fails. bench/run.sh runs it.
// Then the shapes that once made validation or the single-point-of-failure analysis quadratic (many
// regions, an unknown pair on each, a long hard-dependency chain, a long explicit member list, a chain of
// routers), each of [shape size] items (default: a fifth of the components).
//   bench_huge [components] [dependencies] [only the steps whose name holds this text] [shape size]
#include "TopologyGenerator.h"

#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/CostModel.h"
#include "core/analysis/PolicyCheck.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/analysis/SpofAnalysis.h"
#include "core/io/PriceTableReader.h"
#include "core/io/TopologyFile.h"
#include "core/model/Validator.h"
#include "core/store/Workspace.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace firedrill;
namespace fs = std::filesystem;

namespace {

struct Setup
{
    std::size_t components = 100'000;
    std::size_t dependencies = 500'000;
    std::size_t shapeSize = 20'000;
    fs::path scratch;
    fs::path yaml() const { return scratch / "huge.yaml"; }
    fs::path workspace() const { return scratch / "huge.firedrill"; }
    Topology generate() const { return bench::generateTopologyWithDependencies(components, dependencies); }
};

double peakMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

/// Runs `work` and returns its wall time in milliseconds.
double timeMs(const std::function<void()>& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// What a step reports: wall time of the measured part, peak memory right after it, and a note.
struct Outcome
{
    double ms = 0;
    double peak = 0;
    std::string note;
    bool ok = true;
};

Outcome fail(const std::string& why)
{
    return {0, 0, why, false};
}

Outcome generateStep(const Setup& s)
{
    Outcome o;
    std::size_t deps = 0;
    o.ms = timeMs([&] {
        const Topology t = s.generate();
        for (const auto& c : t.components)
            deps += c.dependsOn.size();
        o.peak = peakMiB();
    });
    o.note = std::to_string(deps) + " dependencies (peak = the topology in memory)";
    return o;
}

Outcome validateStep(const Setup& s)
{
    const Topology t = s.generate();
    std::vector<Diagnostic> found;
    Outcome o;
    o.ms = timeMs([&] { found = validate(t); });
    o.peak = peakMiB();
    if (hasErrors(found))
        return fail("the generated topology has errors: " + found.front().message);
    o.note = std::to_string(found.size()) + " diagnostics, no errors";
    return o;
}

/// What the summary strip computes on open: costs, availability and single points of failure of the
/// workload in focus.
Outcome summaryStep(const Setup& s)
{
    const Topology t = s.generate();
    const PriceTable& prices = builtInPriceTable();
    const Workload& w = t.workloads.front();
    std::size_t spofs = 0;
    double availability = 0;
    Outcome o;
    o.ms = timeMs([&] {
        (void)topologyCost(t, prices);
        (void)workloadCost(t, w, prices);
        availability = workloadAvailability(t, w).availability;
        SpofOptions options;
        options.workload = w.id;
        spofs = findSinglePointsOfFailure(t, options).singles.size();
    });
    o.peak = peakMiB();
    char buf[128];
    std::snprintf(buf, sizeof buf, "availability %.6f, %zu single points of failure", availability, spofs);
    o.note = buf;
    return o;
}

/// The rest of `firedrill-cli analyze`: recovery estimates, policy verdicts, failover cost.
Outcome recoveryStep(const Setup& s)
{
    const Topology t = s.generate();
    const PriceTable& prices = builtInPriceTable();
    std::size_t estimates = 0;
    Outcome o;
    o.ms = timeMs([&] {
        for (const auto& w : t.workloads) {
            const auto e = estimateRecovery(t, w);
            (void)checkPolicies(t, w, e);
            (void)failoverCost(t, w, prices, Duration::hours(1));
            estimates += e.size();
        }
    });
    o.peak = peakMiB();
    o.note = std::to_string(estimates) + " recovery estimates";
    return o;
}

Outcome writeYamlStep(const Setup& s)
{
    const Topology t = s.generate();
    std::size_t bytes = 0;
    Outcome o;
    o.ms = timeMs([&] {
        const std::string text = writeTopologyYaml(t);
        std::ofstream out(s.yaml(), std::ios::binary);
        out << text;
        bytes = text.size();
    });
    o.peak = peakMiB();
    if (!fs::exists(s.yaml()) || fs::file_size(s.yaml()) != bytes)
        return fail("the YAML file was not written");
    o.note = std::to_string(bytes / 1024) + " KiB";
    return o;
}

/// Reading with the app's default limits (the file must fit under them) and validating.
Outcome readYamlStep(const Setup& s)
{
    LoadResult loaded;
    Outcome o;
    o.ms = timeMs([&] { loaded = loadTopologyYamlFile(s.yaml()); });
    o.peak = peakMiB();
    if (!loaded.ok())
        return fail("the YAML file did not load: " +
                    (loaded.diagnostics.empty() ? std::string("no topology") : loaded.diagnostics.front().message));
    if (*loaded.topology != s.generate())
        return fail("the topology read back differs from the one written");
    o.note = "equal to the original";
    return o;
}

Outcome createWorkspaceStep(const Setup& s)
{
    const Topology t = s.generate();
    fs::remove(s.workspace());
    Outcome o;
    std::string error;
    o.ms = timeMs([&] {
        auto w = Workspace::create(s.workspace(), t, "huge");
        if (!w)
            error = w.error().message;
    });
    o.peak = peakMiB();
    if (!error.empty())
        return fail("create failed: " + error);
    o.note = std::to_string(fs::file_size(s.workspace()) / 1024) + " KiB";
    return o;
}

Outcome saveRevisionStep(const Setup& s)
{
    Topology t = s.generate();
    t.name += " (second revision)";
    auto w = Workspace::open(s.workspace(), OpenMode::ReadWrite);
    if (!w)
        return fail("open failed: " + w.error().message);
    Outcome o;
    std::string error;
    o.ms = timeMs([&] {
        auto saved = w->save(t, "second");
        if (!saved)
            error = saved.error().message;
    });
    o.peak = peakMiB();
    if (!error.empty())
        return fail("save failed: " + error);
    o.note = std::to_string(fs::file_size(s.workspace()) / 1024) + " KiB with two revisions";
    return o;
}

Outcome openWorkspaceStep(const Setup& s)
{
    std::optional<Topology> read;
    std::string error;
    Outcome o;
    o.ms = timeMs([&] {
        auto w = Workspace::open(s.workspace(), OpenMode::ReadOnly);
        auto topology = w ? w->currentTopology() : Result<Topology>(w.error());
        if (topology)
            read = std::move(*topology);
        else
            error = topology.error().message;
    });
    o.peak = peakMiB();
    if (!read)
        return fail("the workspace did not read back: " + error);
    Topology expected = s.generate();
    expected.name += " (second revision)";
    if (*read != expected)
        return fail("the topology read back differs from the one saved");
    if (hasErrors(validate(*read)))
        return fail("the topology read back has errors");
    o.note = "equal to the one saved";
    return o;
}

/// Validates a generated shape and, when it is valid, looks for single points of failure in it.
Outcome shapeStep(bench::Shape shape, std::size_t n, bool expectErrors)
{
    const Topology t = bench::generateShape(shape, n);
    std::vector<Diagnostic> found;
    SpofReport spof;
    Outcome o;
    double validateMs = 0;
    o.ms = timeMs([&] {
        validateMs = timeMs([&] { found = validate(t); });
        if (!hasErrors(found))
            spof = findSinglePointsOfFailure(t);
    });
    o.peak = peakMiB();
    const std::size_t errors = countSeverity(found, Severity::Error);
    if (expectErrors != (errors > 0))
        return fail(expectErrors ? "the shape was expected to have errors" : "the shape has errors: " + found.front().message);
    char buf[160];
    if (expectErrors)
        std::snprintf(buf, sizeof buf, "validate only: %zu errors", errors);
    else
        std::snprintf(buf, sizeof buf, "validate %.0f ms, then %zu single points of failure in %.0f ms", validateMs,
                      spof.singles.size(), o.ms - validateMs);
    o.note = buf;
    return o;
}

Outcome regionsStep(const Setup& s) { return shapeStep(bench::Shape::Regions, s.shapeSize, false); }
Outcome unknownPairsStep(const Setup& s) { return shapeStep(bench::Shape::RegionsUnknownPair, s.shapeSize, true); }
Outcome chainStep(const Setup& s) { return shapeStep(bench::Shape::Chain, s.shapeSize, false); }
Outcome listedMembersStep(const Setup& s) { return shapeStep(bench::Shape::ListedMembers, s.shapeSize, false); }
Outcome routersStep(const Setup& s) { return shapeStep(bench::Shape::Routers, s.shapeSize, false); }

struct Step
{
    const char* name;
    Outcome (*run)(const Setup&);
};

const std::vector<Step>& steps()
{
    static const std::vector<Step> all{
        {"generate", generateStep},
        {"validate", validateStep},
        {"analyse: summary (costs, availability, single points of failure)", summaryStep},
        {"analyse: recovery estimates, policies, failover cost", recoveryStep},
        {"write YAML file", writeYamlStep},
        {"read + validate YAML file", readYamlStep},
        {"create workspace", createWorkspaceStep},
        {"save a second revision", saveRevisionStep},
        {"open workspace + read topology", openWorkspaceStep},
        {"shape: regions paired with each other", regionsStep},
        {"shape: regions with an unknown pair", unknownPairsStep},
        {"shape: hard-dependency chain of 1-instance components", chainStep},
        {"shape: workload listing its members", listedMembersStep},
        {"shape: chain of traffic managers", routersStep},
    };
    return all;
}

} // namespace

int main(int argc, char** argv)
{
    Setup s;
    if (argc > 1)
        s.components = std::stoul(argv[1]);
    if (argc > 2)
        s.dependencies = std::stoul(argv[2]);
    const std::string only = argc > 3 ? argv[3] : "";
    s.shapeSize = argc > 4 ? std::stoul(argv[4]) : std::max<std::size_t>(1, s.components / 5);
    s.scratch = fs::temp_directory_path() / ("firedrill-bench-huge-" + std::to_string(getpid()));
    fs::create_directories(s.scratch);

    std::printf("%zu components, %zu dependencies requested, shapes of %zu; each step in its own process\n\n",
                s.components, s.dependencies, s.shapeSize);
    std::printf("| step | ms | peak MiB | |\n|---|---|---|---|\n");
    std::fflush(stdout);
    int failures = 0;
    for (const Step& step : steps()) {
        if (std::string(step.name).find(only) == std::string::npos)
            continue;
        int pipeFds[2];
        if (pipe(pipeFds) != 0) {
            std::perror("pipe");
            return 2;
        }
        const pid_t child = fork();
        if (child == 0) {
            close(pipeFds[0]);
            const Outcome o = step.run(s);
            char line[512];
            const int n = std::snprintf(line, sizeof line, "| %s | %.0f | %.0f | %s |\n", step.name, o.ms, o.peak,
                                        o.note.c_str());
            if (n > 0)
                (void)!write(pipeFds[1], line, static_cast<std::size_t>(std::min(n, static_cast<int>(sizeof line) - 1)));
            _exit(o.ok ? 0 : 1);
        }
        close(pipeFds[1]);
        std::string line;
        char buf[512];
        for (ssize_t n; (n = read(pipeFds[0], buf, sizeof buf)) > 0;)
            line.append(buf, static_cast<std::size_t>(n));
        close(pipeFds[0]);
        int status = 0;
        waitpid(child, &status, 0);
        const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (line.empty())
            line = std::string("| ") + step.name + " | | | died (status " + std::to_string(status) + ") |\n";
        std::fputs(line.c_str(), stdout);
        if (!ok) {
            std::fprintf(stderr, "bench_huge: step '%s' failed\n", step.name);
            ++failures;
        }
        std::fflush(stdout);
    }
    fs::remove_all(s.scratch);
    return failures == 0 ? 0 : 1;
}
