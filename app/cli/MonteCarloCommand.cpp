#include "AnalysisInput.h"
#include "CliOutput.h"
#include "Commands.h"
#include "OptionChecks.h"
#include "MonteCarloJson.h"
#include "core/io/InputPath.h"

#include "core/montecarlo/MonteCarloRunner.h"

#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace firedrill::cli {

namespace {

std::string text(const nlohmann::json& d)
{
    return d.at("text").get<std::string>();
}

/// printf to std::cout, so the text goes through the terminal filter (TerminalSafeBuf) like all output.
__attribute__((format(printf, 1, 2))) void print(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    va_list measure;
    va_copy(measure, args);
    const int size = std::vsnprintf(nullptr, 0, format, measure);
    va_end(measure);
    std::string out(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
    if (size > 0)
        std::vsnprintf(out.data(), out.size() + 1, format, args);
    va_end(args);
    std::cout << out;
}

void printHuman(const nlohmann::json& j, const Topology& t, double seconds, unsigned threads)
{
    print("Monte Carlo: %llu simulated years of %s (seed %llu", static_cast<unsigned long long>(j["years"].get<std::uint64_t>()),
                t.name.c_str(), static_cast<unsigned long long>(j["seed"].get<std::uint64_t>()));
    if (j["years"].get<std::uint64_t>() == 0)
        print(", none of the study's %llu years", static_cast<unsigned long long>(j["total_years"].get<std::uint64_t>()));
    else if (j["years"].get<std::uint64_t>() != j["total_years"].get<std::uint64_t>())
        print(", years %llu-%llu of %llu", static_cast<unsigned long long>(j["first_year"].get<std::uint64_t>() + 1),
                    static_cast<unsigned long long>(j["first_year"].get<std::uint64_t>() + j["years"].get<std::uint64_t>()),
                    static_cast<unsigned long long>(j["total_years"].get<std::uint64_t>()));
    if (seconds >= 0)
        print(", %u thread%s, %.2f s, %.1f M events", threads, threads == 1 ? "" : "s", seconds,
                    static_cast<double>(j["events"].get<std::uint64_t>()) / 1e6);
    print(")\n");
    for (const auto& w : j["workloads"]) {
        const Workload* wl = t.findWorkload(WorkloadId{w["workload"].get<std::string>()});
        print("\nWorkload %s%s\n", w["workload"].get<std::string>().c_str(),
                    wl && !wl->name.empty() ? (" — " + wl->name).c_str() : "");
        if (w["availability"].is_null()) {
            print("  availability     no data: no simulated years\n");
            continue;
        }
        print("  availability     %.5f%%", w["availability"].get<double>() * 100);
        if (!w["nines"].is_null())
            print(" (%.2f nines)", w["nines"].get<double>());
        print("\n  mean downtime    %s a year (standard error %s)\n", text(w["mean_downtime"]).c_str(),
                    text(w["standard_error"]).c_str());
        const double share = j["years"].get<std::uint64_t>()
                                 ? 100.0 * static_cast<double>(w["years_with_downtime"].get<std::uint64_t>()) /
                                       static_cast<double>(j["years"].get<std::uint64_t>())
                                 : 0.0;
        print("  annual downtime  P50 %s · P95 %s · P99 %s · %.1f%% of years have some\n", text(w["p50_downtime"]).c_str(),
                    text(w["p95_downtime"]).c_str(), text(w["p99_downtime"]).c_str(), share);
        for (const auto& b : w["policy_breaches"])
            print("  policy %-9s RTO %s breached in %.2f%% of years\n", b["disruption"].get<std::string>().c_str(),
                        text(b["rto_target"]).c_str(), b["probability"].get<double>() * 100);
        int shown = 0;
        for (const auto& c : w["contributions"]) {
            if (shown++ == 5)
                break;
            print("  %s %-28s %5.1f%% (%s a year)\n", shown == 1 ? "caused by" : "         ", c["cause"].get<std::string>().c_str(),
                        c["share"].get<double>() * 100, text(c["mean_per_year"]).c_str());
        }
    }
    for (const auto& n : j["notes"])
        print("\nnote: %s\n", n.get<std::string>().c_str());
}

} // namespace

int runMonteCarloCommand(const MonteCarloCommandOptions& options)
{
    AnalysisInput in = loadForAnalysis(options.file, "", options.json);
    if (in.exitCode != 0)
        return in.exitCode;
    montecarlo::MonteCarloOptions o;
    o.years = options.years;
    o.seed = options.seed;
    o.threads = options.threads;
    if (!options.shard.empty() && !parseShard(options.shard, o.shardIndex, o.shardCount)) {
        std::cerr << "firedrill-cli: --shard: '" << options.shard << "' is not i/n with whole numbers 1 <= i <= n <= "
                  << limits::kMaxShards << ", e.g. 3/8\n";
        return ExitCode::UsageError;
    }
    if (!options.json && ::isatty(STDERR_FILENO))
        o.progress = [](std::uint64_t done, std::uint64_t total) {
            std::fprintf(stderr, "\r  %3.0f%%  %llu of %llu years", total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0,
                         static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
            if (done == total)
                std::fprintf(stderr, "\r%60s\r", "");
        };
    const auto start = std::chrono::steady_clock::now();
    auto result = montecarlo::runMonteCarlo(*in.document.topology, o);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result) {
        // A design the run refuses (sizes, events a year) is the input's fault; a shard that does not exist, the call's.
        const bool usage = result.error().code == "bad-shard";
        std::cerr << (usage ? std::string("firedrill-cli") : options.file) << ": " << (usage ? "" : "error: ")
                  << result.error().message << "\n";
        return usage ? ExitCode::UsageError : ExitCode::InvalidInput;
    }
    const nlohmann::json j = toJson(*result, *in.document.topology);
    if (options.json)
        std::cout << j.dump(2) << '\n';
    else
        printHuman(j, *in.document.topology, seconds, o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads);
    return ExitCode::Ok;
}

int runMerge(const MergeOptions& options)
{
    AnalysisInput in = loadForAnalysis(options.file, "", options.json);
    if (in.exitCode != 0)
        return in.exitCode;
    montecarlo::MonteCarloResult merged;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    std::uint64_t total = 0, seed = 0;
    for (const auto& path : options.shards) {
        if (auto regular = checkInputFile(path); !regular) { // before opening: a FIFO would block for ever
            std::cerr << path << ": error: " << regular.error().message << "\n";
            return ExitCode::InvalidInput;
        }
        std::ifstream f(path);
        if (!f) {
            std::cerr << path << ": error: cannot read the file\n";
            return ExitCode::InvalidInput;
        }
        nlohmann::json j;
        try {
            f >> j;
        } catch (const nlohmann::json::exception& e) {
            std::cerr << path << ": error: not JSON: " << e.what() << "\n";
            return ExitCode::InvalidInput;
        }
        auto part = monteCarloFromJson(j);
        if (!part) {
            std::cerr << path << ": error: " << part.error().message << "\n";
            return ExitCode::InvalidInput;
        }
        if (!ranges.empty() && (part->seed != seed || part->totalYears != total || part->processLabels != merged.processLabels)) {
            std::cerr << path << ": error: this shard belongs to a different study (seed, size or topology differ)\n";
            return ExitCode::InvalidInput;
        }
        seed = part->seed;
        total = part->totalYears;
        ranges.emplace_back(part->firstYear, part->firstYear + part->years);
        merged.merge(*part);
    }
    std::sort(ranges.begin(), ranges.end());
    std::uint64_t covered = 0;
    for (const auto& [a, b] : ranges) {
        if (a != covered) {
            std::cerr << "firedrill-cli: the shards " << (a < covered ? "overlap" : "leave a gap") << " at year " << a + 1
                      << ": merge needs every shard of the study exactly once\n";
            return ExitCode::InvalidInput;
        }
        covered = b;
    }
    if (covered != total)
        std::cerr << "firedrill-cli: warning: the shards cover " << covered << " of " << total << " years\n";
    merged.seed = seed;
    merged.totalYears = total;
    merged.firstYear = 0;
    const nlohmann::json j = toJson(merged, *in.document.topology);
    if (options.json)
        std::cout << j.dump(2) << '\n';
    else
        printHuman(j, *in.document.topology, -1, 0);
    return ExitCode::Ok;
}

} // namespace firedrill::cli
