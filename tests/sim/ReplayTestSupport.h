#pragma once
// Helpers shared by the replay tests: load YAML text or a sample, replay, find a workload.

#include "core/io/TopologyFile.h"
#include "core/sim/ScenarioPlayer.h"

#include <QtTest>

#include <filesystem>
#include <iostream>
#include <string>

namespace replaytest {

inline firedrill::Topology fromYaml(const std::string& text)
{
    auto r = firedrill::readTopologyYaml(text, "test.yaml");
    if (!r.topology) {
        for (const auto& d : r.diagnostics)
            std::cerr << d.message << "\n";
        qFatal("test topology does not parse");
    }
    return *r.topology;
}

inline firedrill::Topology sample(const char* name)
{
    auto r = firedrill::loadTopologyYamlFile(std::filesystem::path(FIREDRILL_SAMPLES_DIR) / name);
    if (!r.topology)
        qFatal("cannot load sample");
    return *r.topology;
}

inline firedrill::sim::ReplayResult replay(const firedrill::Topology& t, const char* scenario,
                                           firedrill::sim::ReplayOptions o = {})
{
    auto r = firedrill::sim::replayScenario(t, firedrill::ScenarioId(scenario), o);
    if (!r.ok())
        qFatal("replay failed");
    if (qEnvironmentVariableIsSet("FIREDRILL_REPLAY_DUMP"))
        for (const auto& e : r->log)
            std::cout << e.timeMs << " " << e.text << "\n";
    return std::move(r).value();
}

inline const firedrill::sim::WorkloadReplay& workload(const firedrill::sim::ReplayResult& r, const char* id)
{
    for (const auto& w : r.workloads)
        if (w.id.str() == id)
            return w;
    qFatal("no such workload");
}

inline bool near(double a, double b, double tolerance = 1e-6) { return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b)); }

} // namespace replaytest
