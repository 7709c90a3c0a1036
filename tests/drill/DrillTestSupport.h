#pragma once

// Shared by the drill tests: loading samples and finding steps.

#include "core/drill/DrillPlan.h"
#include "core/io/TopologyFile.h"

#include <QtTest>
#include <algorithm>
#include <string>

namespace drilltest {

/// Loads a bundled sample; fails the test when it does not load.
inline firedrill::Topology sample(const std::string& name)
{
    const auto r = firedrill::loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/") + name);
    if (!r.ok())
        qFatal("cannot load sample %s", name.c_str());
    return *r.topology;
}

/// The first step whose title contains `text`, or nullptr.
inline const firedrill::RunbookStep* findStep(const firedrill::DrillPlan& plan, const std::string& text)
{
    const auto it = std::find_if(plan.steps.begin(), plan.steps.end(), [&](const firedrill::RunbookStep& s) {
        return s.title.find(text) != std::string::npos;
    });
    return it == plan.steps.end() ? nullptr : &*it;
}

/// The latest expected elapsed time among recovery steps.
inline firedrill::Duration lastRecoveryElapsed(const firedrill::DrillPlan& plan)
{
    firedrill::Duration last;
    for (const auto& s : plan.steps)
        if (s.phase == firedrill::StepPhase::Recovery)
            last = std::max(last, s.expectedElapsed);
    return last;
}

} // namespace drilltest
