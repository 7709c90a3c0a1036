#include "SimulateCommand.h"

#include "CliOutput.h"
#include "Commands.h"
#include "InputDocument.h"
#include "OutputFile.h"

#include "core/io/Units.h"
#include "core/sim/ReplayCsv.h"
#include "core/sim/ReplayVerdict.h"
#include "core/sim/ScenarioPlayer.h"
#include "core/sim/models/ReplayWorld.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace firedrill::cli {

namespace {

std::string pct(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f%%", v * 100.0);
    return buf;
}

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

nlohmann::json durationOrNull(const std::optional<Duration>& d)
{
    return d ? nlohmann::json(d->ms) : nlohmann::json();
}

nlohmann::json verdictOrNull(const sim::TargetVerdict& v)
{
    return v.state == sim::VerdictState::NoTarget ? nlohmann::json() : nlohmann::json(sim::verdictName(v.state));
}

nlohmann::json toJson(const sim::ReplayResult& r, const std::vector<sim::WorkloadVerdict>& verdicts)
{
    nlohmann::json j{{"scenario", r.scenario.str()},     {"name", r.name},
                     {"duration_ms", r.duration.ms},     {"seed", r.seed},
                     {"worst_case_dns", r.worstCaseDns}, {"sample_interval_ms", r.sampleInterval.ms},
                     {"fingerprint", r.fingerprint},     {"events", r.events}};
    j["workloads"] = nlohmann::json::array();
    for (std::size_t k = 0; k < r.workloads.size(); ++k) {
        const auto& w = r.workloads[k];
        const auto& v = verdicts[k];
        nlohmann::json jw{{"id", w.id.str()},
                          {"name", w.name},
                          {"demanded", w.demanded},
                          {"served", w.served},
                          {"failed", w.failed},
                          {"degraded", w.degraded},
                          {"availability", w.availability},
                          {"recovered", w.recovered},
                          {"rpo_window_ms", w.rpoWindow.ms},
                          {"reason", w.reason},
                          {"writes_lost", w.writesLost},
                          {"rpo_unbounded", w.rpoUnbounded}};
        jw["disrupted_at_ms"] = w.disruptedAt ? nlohmann::json(*w.disruptedAt) : nlohmann::json();
        jw["recovered_at_ms"] = w.recoveredAt ? nlohmann::json(*w.recoveredAt) : nlohmann::json();
        jw["rto_ms"] = w.rto ? nlohmann::json(w.rto->ms) : nlohmann::json();
        jw["estimate_rto_ms"] = v.estimateRtoUnbounded ? nlohmann::json() : nlohmann::json(v.estimateRto.ms);
        jw["estimate_rpo_ms"] = v.estimateRpoUnbounded ? nlohmann::json() : nlohmann::json(v.estimateRpo.ms);
        jw["rto_target_ms"] = durationOrNull(v.rto.target);
        jw["rto_verdict"] = verdictOrNull(v.rto);
        jw["rto_over_ms"] = durationOrNull(v.rto.over);
        jw["rpo_target_ms"] = durationOrNull(v.rpo.target);
        jw["rpo_verdict"] = verdictOrNull(v.rpo);
        jw["rpo_over_ms"] = durationOrNull(v.rpo.over);
        nlohmann::json byRegion = nlohmann::json::object();
        for (std::size_t i = 0; i < w.series.regions.size(); ++i)
            byRegion[w.series.regions[i].empty() ? "-" : w.series.regions[i]] = w.series.servedByRegion[i];
        jw["series"] = {{"served_by_region", byRegion},       {"demand", w.series.demand},
                        {"availability", w.series.availability}, {"latency_ms", w.series.latencyMs},
                        {"replication_lag_s", w.series.replicationLagS}, {"writes_lost", w.series.writesLost},
                        {"backlog", w.series.backlog}};
        j["workloads"].push_back(std::move(jw));
    }
    j["log"] = nlohmann::json::array();
    for (const auto& e : r.log)
        j["log"].push_back({{"time_ms", e.timeMs}, {"clock", sim::models::clock(e.timeMs)}, {"text", e.text}});
    return j;
}

/// Writes one CSV per series into `dir`, each through writeOutputFile (atomic, never a partial file).
Result<void> writeCsv(const std::filesystem::path& dir, const sim::ReplayResult& r)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return Error{"io", "cannot create the folder " + dir.string() + " (" + ec.message() + ")"};
    for (const auto& file : sim::replayCsvFiles(r))
        if (auto written = writeOutputFile(dir / file.name, file.text); !written)
            return written.error();
    return {};
}

std::string policySuffix(const sim::TargetVerdict& v)
{
    switch (v.state) {
    case sim::VerdictState::NoTarget: return {};
    case sim::VerdictState::Met: return "; policy " + formatDurationReadable(*v.target) + " (met)";
    case sim::VerdictState::Breached: return "; policy " + formatDurationReadable(*v.target) + " (breached)";
    case sim::VerdictState::Undecided:
        return "; policy " + formatDurationReadable(*v.target) + " (undecided: the scenario ends first)";
    }
    return {};
}

void printSummary(const Scenario& s, const sim::ReplayResult& r, const std::vector<sim::WorkloadVerdict>& verdicts)
{
    std::cout << "Scenario " << s.id.str() << ": " << s.name << " (" << formatDurationReadable(s.duration) << ", seed "
              << r.seed << (r.worstCaseDns ? ", worst-case DNS" : "")
              << (r.sampleInterval.ms != 1000 ? ", sampled every " + formatDurationReadable(r.sampleInterval) : std::string())
              << ")\n";
    for (std::size_t k = 0; k < r.workloads.size(); ++k) {
        const auto& w = r.workloads[k];
        const auto& v = verdicts[k];
        std::cout << "\n  " << w.id.str() << " (" << w.name << ")\n";
        std::cout << "    availability " << pct(w.availability) << ": served " << num(w.served) << " of " << num(w.demanded)
                  << " requests, failed " << num(w.failed) << ", degraded " << num(w.degraded) << "\n";
        std::cout << "    measured RTO ";
        if (!w.disruptedAt)
            std::cout << "- (never below the threshold)";
        else if (!w.rto)
            std::cout << "not recovered by the end (down since " << sim::models::clock(*w.disruptedAt) << ")";
        else
            std::cout << formatDurationReadable(*w.rto) << " (down at " << sim::models::clock(*w.disruptedAt) << ", back at "
                      << sim::models::clock(*w.recoveredAt) << ")";
        std::cout << "; estimate " << (v.estimateRtoUnbounded ? std::string("unbounded") : formatDurationReadable(v.estimateRto))
                  << policySuffix(v.rto) << "\n";
        if (!w.reason.empty())
            std::cout << "      differs from the estimate: " << w.reason << "\n";
        std::cout << "    measured RPO " << (w.rpoUnbounded ? std::string("unbounded") : formatDurationReadable(w.rpoWindow))
                  << " (" << num(w.writesLost) << " writes lost); estimate "
                  << (v.estimateRpoUnbounded ? std::string("unbounded") : formatDurationReadable(v.estimateRpo))
                  << policySuffix(v.rpo) << "\n";
    }
    std::cout << "\nEvent log\n";
    for (const auto& e : r.log)
        std::cout << "  " << sim::models::clock(e.timeMs) << " " << e.text << "\n";
    std::cout << "\n" << r.events << " events, fingerprint " << r.fingerprint << "\n";
}

} // namespace

int runSimulate(const SimulateOptions& o)
{
    const InputDocument doc = loadInput(o.file);
    if (!doc.ok()) {
        printDiagnostics(std::cerr, doc.diagnostics);
        std::cerr << o.file << ": cannot simulate an invalid topology (" << countText(doc.diagnostics) << ")\n";
        return ExitCode::InvalidInput;
    }
    const Topology& t = *doc.topology;
    const Scenario* s = t.findScenario(ScenarioId(o.scenario));
    if (!s) {
        std::cerr << o.file << ": no scenario \"" << o.scenario << "\"; the file has:";
        for (const auto& sc : t.scenarios)
            std::cerr << ' ' << sc.id.str();
        std::cerr << '\n';
        return ExitCode::InvalidInput;
    }
    sim::ReplayOptions options;
    options.seed = o.seed.value_or(s->seed.value_or(0));
    options.worstCaseDns = o.worstCaseDns;
    // A long scenario on many workloads is sampled less often than every second (the output says how often).
    options.sampleInterval = sim::fittingSampleInterval(s->duration, t.workloads.size(), options.sampleInterval);
    auto result = sim::replayScenario(t, s->id, options);
    if (!result) {
        std::cerr << result.error().message << '\n';
        return ExitCode::InvalidInput;
    }
    if (!o.csvDir.empty()) {
        if (auto written = writeCsv(o.csvDir, *result); !written) {
            std::cerr << "firedrill-cli: --csv: " << written.error().message << '\n';
            return written.error().code == "refused" ? ExitCode::UsageError : ExitCode::InvalidInput;
        }
    }
    const auto verdicts = sim::judgeReplay(t, *s, *result);
    if (!verdicts) {
        std::cerr << verdicts.error().message << '\n';
        return ExitCode::InvalidInput;
    }
    if (o.json)
        std::cout << toJson(*result, *verdicts).dump(2) << '\n';
    else
        printSummary(*s, *result, *verdicts);
    return ExitCode::Ok;
}

} // namespace firedrill::cli
