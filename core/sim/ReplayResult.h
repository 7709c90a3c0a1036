#pragma once

#include "core/model/Id.h"
#include "core/model/Quantity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace firedrill::sim {

/// Settings of one scenario replay (docs/engine.md).
struct ReplayOptions
{
    std::uint64_t seed = 0;                             ///< recorded; every random draw goes through RandomStream(seed, model)
    bool worstCaseDns = false;                          ///< every client cached its answer just before a switch (full TTL)
    Duration sampleInterval = Duration::seconds(1);     ///< time-series resolution
    double rtoThreshold = 0.99;                         ///< served / demanded needed to count as recovered
    Duration rtoSustain = Duration::seconds(60);        ///< ... for at least this long
    /// Events one replay may take. A 24-hour scenario on 1,000 components takes a few hundred; a replay
    /// that reaches this stops (ScenarioPlayer::stopped()), so models that keep answering each other at one
    /// instant cannot run for ever.
    std::uint64_t maxEvents = 1'000'000;
};

/// One sentence of the narrated event log.
struct ReplayLogEntry
{
    std::int64_t timeMs = 0; ///< since the scenario start
    std::string text;        ///< "Traffic Manager tm marks agw-weu degraded after 3 failed probes"
};

/// Time series of one workload, sampled every `ReplayOptions::sampleInterval` (index i is at i x interval).
struct WorkloadSeries
{
    std::vector<std::string> regions;                ///< columns of `servedByRegion` ("" = no region, e.g. redeployed)
    std::vector<std::vector<double>> servedByRegion; ///< [region][sample] requests/s served
    std::vector<double> demand;                      ///< requests/s demanded
    std::vector<double> availability;                ///< served / demanded, 1 when nothing is demanded
    std::vector<double> latencyMs;                   ///< added latency of served requests (degradation, fallbacks, retry waits, queueing)
    std::vector<double> replicationLagS;             ///< largest lag of the workload's asynchronous copies, seconds
    std::vector<double> writesLost;                  ///< cumulative writes lost
    std::vector<double> backlog;                     ///< messages waiting in outboxes
    /// Requests/s the in-service branches could serve for this workload (its share of each capacity-bound
    /// tier; follows crashes, scale-out and scale-in); infinity when no member has capacity_rps.
    std::vector<double> capacityRps;
};

/// What happened to one workload during the replay.
struct WorkloadReplay
{
    WorkloadId id;
    std::string name;
    double demanded = 0;  ///< requests offered over the scenario
    double served = 0;    ///< requests served (degraded ones included)
    double failed = 0;    ///< demanded - served
    double degraded = 0;  ///< served while running degraded (fallback, outbox, read-only, added latency)
    double availability = 1; ///< served / demanded
    std::optional<std::int64_t> disruptedAt; ///< first time served dropped below the threshold (ms)
    std::optional<std::int64_t> recoveredAt; ///< first time it came back above it for good (sustained)
    std::optional<Duration> rto;             ///< recoveredAt - disruptedAt
    bool recovered = true;                   ///< false when still disrupted at the end of the scenario
    Duration rpoWindow;                      ///< longest window of writes lost by one store
    double writesLost = 0;                   ///< writes lost, all stores of the workload
    bool rpoUnbounded = false;               ///< corruption that no backup can undo
    /// Why the measured RTO differs from core/analysis's estimate for the scenario's disruption class
    /// (the class of its first fault, as the CLI picks it); empty when they agree or no estimate applies.
    std::string reason;
    WorkloadSeries series;
};

/// The outcome of replaying one scenario.
struct ReplayResult
{
    ScenarioId scenario;
    std::string name;
    Duration duration;
    std::uint64_t seed = 0;
    bool worstCaseDns = false;
    Duration sampleInterval;
    std::uint64_t fingerprint = 0; ///< Simulator::fingerprint of the event trace
    std::uint64_t events = 0;      ///< events handled
    std::vector<WorkloadReplay> workloads;
    std::vector<ReplayLogEntry> log;
};

} // namespace firedrill::sim
