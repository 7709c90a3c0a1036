#include "SimulateCommand.h"

#include "CliOutput.h"
#include "Commands.h"
#include "InputDocument.h"

#include "core/analysis/RecoveryEstimator.h"
#include "core/io/Units.h"
#include "core/sim/ScenarioPlayer.h"
#include "core/sim/models/ReplayWorld.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
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

nlohmann::json toJson(const sim::ReplayResult& r)
{
    nlohmann::json j{{"scenario", r.scenario.str()},     {"name", r.name},
                     {"duration_ms", r.duration.ms},     {"seed", r.seed},
                     {"worst_case_dns", r.worstCaseDns}, {"sample_interval_ms", r.sampleInterval.ms},
                     {"fingerprint", r.fingerprint},     {"events", r.events}};
    j["workloads"] = nlohmann::json::array();
    for (const auto& w : r.workloads) {
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

bool writeCsv(const std::filesystem::path& dir, const sim::ReplayResult& r)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return false;
    const double step = r.sampleInterval.toSeconds();
    for (const auto& w : r.workloads) {
        const auto write = [&](const std::string& name, const std::vector<std::string>& cols,
                               const std::vector<const std::vector<double>*>& data) {
            std::ofstream out(dir / (w.id.str() + "-" + name + ".csv"));
            out << "time_s";
            for (const auto& c : cols)
                out << ',' << c;
            out << '\n';
            const std::size_t n = data.empty() ? 0 : data.front()->size();
            for (std::size_t i = 0; i < n; ++i) {
                out << static_cast<double>(i) * step;
                for (const auto* d : data)
                    out << ',' << (*d)[i];
                out << '\n';
            }
            return static_cast<bool>(out);
        };
        std::vector<std::string> regions;
        std::vector<const std::vector<double>*> served;
        for (std::size_t i = 0; i < w.series.regions.size(); ++i) {
            regions.push_back(w.series.regions[i].empty() ? "-" : w.series.regions[i]);
            served.push_back(&w.series.servedByRegion[i]);
        }
        if (!write("served", regions, served) || !write("availability", {"availability"}, {&w.series.availability}) ||
            !write("latency", {"latency_ms"}, {&w.series.latencyMs}) ||
            !write("replication-lag", {"lag_s"}, {&w.series.replicationLagS}) ||
            !write("writes-lost", {"writes_lost"}, {&w.series.writesLost}) ||
            !write("backlog", {"messages"}, {&w.series.backlog}))
            return false;
    }
    return true;
}

void printSummary(const Topology& t, const Scenario& s, const sim::ReplayResult& r)
{
    const DisruptionClass cls = disruptionOf(s);
    std::cout << "Scenario " << s.id.str() << ": " << s.name << " (" << formatDurationReadable(s.duration) << ", seed "
              << r.seed << (r.worstCaseDns ? ", worst-case DNS" : "") << ")\n";
    for (const auto& w : r.workloads) {
        const Workload& wl = *t.findWorkload(w.id);
        std::cout << "\n  " << w.id.str() << " (" << w.name << ")\n";
        std::cout << "    availability " << pct(w.availability) << ": served " << num(w.served) << " of " << num(w.demanded)
                  << " requests, failed " << num(w.failed) << ", degraded " << num(w.degraded) << "\n";
        const RecoveryEstimate est = estimateRecovery(t, wl, cls);
        const Policy* policy = nullptr;
        for (const auto& p : t.policies)
            if (p.workload == w.id && p.disruption == cls)
                policy = &p;
        std::cout << "    measured RTO ";
        if (!w.disruptedAt)
            std::cout << "- (never below the threshold)";
        else if (!w.rto)
            std::cout << "not recovered by the end (down since " << sim::models::clock(*w.disruptedAt) << ")";
        else
            std::cout << formatDurationReadable(*w.rto) << " (down at " << sim::models::clock(*w.disruptedAt) << ", back at "
                      << sim::models::clock(*w.recoveredAt) << ")";
        std::cout << "; estimate " << (est.rto.unbounded ? std::string("unbounded") : formatDurationReadable(est.rto.total));
        if (policy && policy->rto)
        {
            // Not recovered yet, but the target has not passed either: the scenario ends first.
            const bool undecided = !w.rto && w.disruptedAt && r.duration - Duration{*w.disruptedAt} <= *policy->rto;
            std::cout << "; policy " << formatDurationReadable(*policy->rto)
                      << (undecided ? " (undecided: the scenario ends first)"
                          : (w.rto && *w.rto <= *policy->rto) || !w.disruptedAt ? " (met)"
                                                                               : " (breached)");
        }
        std::cout << "\n";
        if (!w.reason.empty())
            std::cout << "      differs from the estimate: " << w.reason << "\n";
        std::cout << "    measured RPO " << (w.rpoUnbounded ? std::string("unbounded") : formatDurationReadable(w.rpoWindow))
                  << " (" << num(w.writesLost) << " writes lost); estimate "
                  << (est.rpo.unbounded ? std::string("unbounded") : formatDurationReadable(est.rpo.total));
        if (policy && policy->rpo)
            std::cout << "; policy " << formatDurationReadable(*policy->rpo)
                      << (w.rpoWindow <= *policy->rpo && !w.rpoUnbounded ? " (met)" : " (breached)");
        std::cout << "\n";
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
    auto result = sim::replayScenario(t, s->id, options);
    if (!result) {
        std::cerr << result.error().message << '\n';
        return ExitCode::InvalidInput;
    }
    if (!o.csvDir.empty() && !writeCsv(o.csvDir, *result)) {
        std::cerr << "cannot write CSV files to " << o.csvDir << '\n';
        return ExitCode::InvalidInput;
    }
    if (o.json)
        std::cout << toJson(*result).dump(2) << '\n';
    else
        printSummary(t, *s, *result);
    return ExitCode::Ok;
}

} // namespace firedrill::cli
