// The reference model, run three ways: the engine through its public API (a Monte Carlo of a topology
// of 1,000 single-instance components), and a plain C++ loop over std::priority_queue as the floor.
// 1,000 components, exponential failures (mean 1,000 h) and repairs (mean 4 h), 10 simulated years.
// Also: Monte Carlo of the two-region sample on 1 and 2 threads. Prints JSON lines.
#include "core/io/TopologyFile.h"
#include "core/montecarlo/MonteCarloRunner.h"

#include <chrono>
#include <cstdio>
#include <queue>
#include <random>
#include <string>
#include <vector>

using namespace firedrill;

namespace {

constexpr double kHour = 3'600'000.0; // ms

Topology referenceTopology(int components)
{
    Topology t;
    t.name = "reference";
    t.regions.push_back(Region{RegionId{"r"}, "R", {}, 0, {}, {}});
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = ComponentId{"c" + std::to_string(i)};
        c.kind = ComponentKind::VirtualMachine;
        c.region = RegionId{"r"};
        c.mtbf = Duration::hours(1000);
        c.mttr = Duration::hours(4);
        t.components.push_back(std::move(c));
    }
    return t;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

/// The naive floor: one heap of (time, component) pairs, no model, no API.
void naiveLoop(int components, int years, int repeats)
{
    std::mt19937_64 rng(1);
    std::exponential_distribution<double> fail(1.0 / (1000 * kHour)), repair(1.0 / (4 * kHour));
    const double horizon = years * 8760 * kHour;
    std::uint64_t events = 0;
    double downtime = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeats; ++r) {
        using Item = std::pair<double, int>; // time, component (negative: repair)
        std::priority_queue<Item, std::vector<Item>, std::greater<>> q;
        for (int i = 0; i < components; ++i)
            q.emplace(fail(rng), i);
        while (!q.empty() && q.top().first <= horizon) {
            const auto [t, c] = q.top();
            q.pop();
            ++events;
            if (c >= 0) {
                const double d = repair(rng);
                downtime += std::min(d, horizon - t);
                q.emplace(t + d, -c - 1);
            } else {
                q.emplace(t + fail(rng), -c - 1);
            }
        }
    }
    const double s = seconds(start);
    std::printf("{\"engine\": \"plain C++ priority_queue loop\", \"events\": %llu, \"seconds\": %.4f, "
                "\"events_per_second\": %.0f, \"downtime_hours\": %.1f}\n",
                static_cast<unsigned long long>(events), s, static_cast<double>(events) / s, downtime / kHour / repeats);
}

void engine(int components, int years, int repeats)
{
    const Topology t = referenceTopology(components);
    montecarlo::MonteCarloOptions o;
    o.years = static_cast<std::uint64_t>(years) * static_cast<std::uint64_t>(repeats);
    o.threads = 1;
    o.seed = 1;
    const auto start = std::chrono::steady_clock::now();
    const auto r = montecarlo::runMonteCarlo(t, o);
    const double s = seconds(start);
    double downtime = 0;
    for (const auto ms : r->processDownMs)
        downtime += static_cast<double>(ms);
    std::printf("{\"engine\": \"Firedrill (montecarlo API, 1 thread)\", \"events\": %llu, \"seconds\": %.4f, "
                "\"events_per_second\": %.0f, \"downtime_hours\": %.1f}\n",
                static_cast<unsigned long long>(r->events), s, static_cast<double>(r->events) / s,
                downtime / kHour / repeats);
}

void sample(const std::string& path, std::uint64_t years)
{
    const auto loaded = loadTopologyYamlFile(path);
    if (!loaded.ok())
        return;
    for (unsigned threads : {1u, 2u}) {
        montecarlo::MonteCarloOptions o;
        o.years = years;
        o.threads = threads;
        o.seed = 1;
        const auto start = std::chrono::steady_clock::now();
        const auto r = montecarlo::runMonteCarlo(*loaded.topology, o);
        const double s = seconds(start);
        std::printf("{\"engine\": \"Monte Carlo two-region sample\", \"years\": %llu, \"threads\": %u, \"seconds\": %.3f, "
                    "\"events\": %llu, \"availability\": %.6f}\n",
                    static_cast<unsigned long long>(years), threads, s, static_cast<unsigned long long>(r->events),
                    r->availability(0));
    }
}

} // namespace

int main(int argc, char** argv)
{
    const std::string samples = argc > 1 ? argv[1] : "resources/samples";
    const int repeats = 20; // 20 x 10 years, so the timing is long enough to trust
    naiveLoop(1000, 10, repeats);
    engine(1000, 10, repeats);
    sample(samples + "/two-region.yaml", 100'000);
    return 0;
}
