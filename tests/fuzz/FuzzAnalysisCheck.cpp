// The analysis, replay and Monte Carlo paths on one fuzzed design (checkAnalysisPaths in FuzzChecks.h).

#include "FuzzChecks.h"

#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/CostModel.h"
#include "core/analysis/PolicyCheck.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/analysis/ScenarioTemplates.h"
#include "core/analysis/SpofAnalysis.h"
#include "core/io/PriceTableReader.h"
#include "core/io/TopologyFile.h"
#include "core/montecarlo/MonteCarloRunner.h"
#include "core/sim/ScenarioPlayer.h"

#include <cmath>
#include <string_view>

namespace firedrill::fuzz {

namespace {

bool isShare(double v)
{
    return v >= 0.0 && v <= 1.0 + 1e-9;
}

std::string checkError(const Error& e, std::string_view stage)
{
    if (e.code.empty() || e.message.empty())
        return std::string(stage) + ": an error without a code or a message: [" + e.code + "] " + e.message;
    return {};
}

/// What `analyze` computes for every workload, and the single points of failure.
std::string checkAnalysis(const Topology& t)
{
    for (const Workload& w : t.workloads) {
        const AvailabilityReport availability = workloadAvailability(t, w);
        if (!isShare(availability.availability))
            return "analysis: availability of " + w.id.str() + " is " + std::to_string(availability.availability);
        (void)workloadCost(t, w, builtInPriceTable());
        (void)failoverCost(t, w, builtInPriceTable(), Duration::hours(4));
        const auto estimates = estimateRecovery(t, w);
        (void)checkPolicies(t, w, estimates);
    }
    (void)findSinglePointsOfFailure(t);
    (void)topologyCost(t, builtInPriceTable());
    return {};
}

std::string checkReplay(const Topology& t, const ScenarioId& id)
{
    sim::ReplayOptions options;
    options.seed = 1;
    options.sampleInterval = Duration::minutes(10);
    options.maxEvents = kFuzzReplayEvents;
    auto replay = sim::replayScenario(t, id, options);
    if (!replay) {
        const std::string& code = replay.error().code;
        if (code != "too-many-events" && code != "too-many-samples")
            return "replay of " + id.str() + ": unexpected error [" + code + "] " + replay.error().message;
        return checkError(replay.error(), "replay");
    }
    for (const auto& w : replay->workloads)
        if (!isShare(w.availability))
            return "replay of " + id.str() + ": availability of " + w.id.str() + " is " + std::to_string(w.availability);
    return {};
}

/// Each scenario of the design (the first four), or, without any, a generated region outage and surge.
std::string checkReplays(const Topology& t)
{
    if (!t.scenarios.empty()) {
        for (std::size_t i = 0; i < t.scenarios.size() && i < 4; ++i)
            if (auto broken = checkReplay(t, t.scenarios[i].id); !broken.empty())
                return broken;
        return {};
    }
    if (t.workloads.empty())
        return {};
    for (const char* kind : {"region-outage", "surge-failover"}) {
        auto scenario = makeScenarioFromTemplate(t, kind, t.workloads.front().id);
        if (!scenario)
            continue; // nothing to target: the template says so
        Topology with = t;
        with.scenarios.push_back(*scenario);
        if (auto broken = checkReplay(with, scenario->id); !broken.empty())
            return broken;
    }
    return {};
}

std::string checkMonteCarlo(const Topology& t)
{
    montecarlo::MonteCarloOptions options;
    options.years = 3;
    options.seed = 1;
    options.threads = 1;
    options.maxEventsPerYear = kFuzzEventsPerYear;
    auto result = montecarlo::runMonteCarlo(t, options);
    if (!result) {
        if (result.error().code != "too-many-events" && result.error().code != "over-limit")
            return "montecarlo: unexpected error [" + result.error().code + "] " + result.error().message;
        return checkError(result.error(), "montecarlo");
    }
    if (result->years != options.years)
        return "montecarlo: " + std::to_string(result->years) + " years simulated of " + std::to_string(options.years);
    for (std::size_t w = 0; w < result->workloads.size(); ++w)
        if (!isShare(result->availability(w)))
            return "montecarlo: availability of " + result->workloads[w].workload.str() + " is " +
                   std::to_string(result->availability(w));
    return {};
}

} // namespace

std::string checkAnalysisPaths(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LoadResult loaded = readTopologyYaml(text, "fuzz.yaml");
    if (!loaded.ok())
        return {}; // refusals are fuzz_yaml_import's business
    const Topology& t = *loaded.topology;
    if (auto broken = checkAnalysis(t); !broken.empty())
        return broken;
    if (auto broken = checkReplays(t); !broken.empty())
        return broken;
    return checkMonteCarlo(t);
}

} // namespace firedrill::fuzz
