// Replay speed (issue 4): a 24-hour scenario on a generated 1,000-component topology, full narrated trace
// and a 1 s time series, through the public API (sim::replayScenario). Target: under 1 s (Release).
//
// The topology (deterministic, no randomness): 10 regions in 5 pairs, 3 zones each. Per region: an
// application gateway (zone-redundant) routing to 10 app tiers (autoscaled scale sets), 10 caches and
// 10 Service Bus namespaces (soft dependencies), 51 zone-pinned worker VMs (17 per zone), 4 storage
// accounts. Per region pair: 10 SQL databases (primary + synchronous zone replica in the first region,
// asynchronous geo-replica in the second, manual cross-region failover, backups copied to the pair), a
// VPN between the pair, 10 traffic managers (priority, one per app tier) over the two gateways. Padded
// with storage accounts to exactly 1,000 components. Workloads: 50 web workloads (traffic manager ->
// gateway -> app tier -> database, soft cache / bus, outbox on the app tiers) and 60 worker workloads
// (a VM -> its region's database).
//
// The scenario (24 h, 13 faults): zone outage, instance crash, surge, VPN cut, region outage,
// corruption, bus outage, degradation, VM crash, second zone outage, dependency failure, second region
// outage, regional surge. Prints one JSON line per run and the best of `repeats`.
#include "ReplayTopology.h"
#include "core/sim/ScenarioPlayer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace firedrill;

int main(int argc, char** argv)
{
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const Topology t = bench::replayTopology();
    double best = 1e9;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const auto r = sim::replayScenario(t, ScenarioId{"day"}, sim::ReplayOptions{});
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!r.ok()) {
            std::fprintf(stderr, "replay failed: %s\n", r.error().message.c_str());
            return 1;
        }
        best = std::min(best, secs);
        double served = 0, demanded = 0;
        for (const auto& w : r->workloads) {
            served += w.served;
            demanded += w.demanded;
        }
        std::printf("{\"bench\":\"replay\",\"components\":%zu,\"workloads\":%zu,\"samples\":%zu,\"events\":%llu,"
                    "\"log\":%zu,\"availability\":%.9f,\"fingerprint\":%llu,\"seconds\":%.4f}\n",
                    t.components.size(), r->workloads.size(), r->workloads.front().series.demand.size(),
                    static_cast<unsigned long long>(r->events), r->log.size(), demanded > 0 ? served / demanded : 1.0,
                    static_cast<unsigned long long>(r->fingerprint), secs);
    }
    std::printf("{\"bench\":\"replay\",\"best_seconds\":%.4f,\"target_seconds\":1.0}\n", best);
    return 0;
}
