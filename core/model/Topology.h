#pragma once

#include "Component.h"
#include "ComponentIndexCache.h"
#include "IdIndexCache.h"
#include "Region.h"
#include "Scenario.h"
#include "Workload.h"

#include <string>
#include <vector>

namespace firedrill {

/// The format version this build reads and writes.
inline constexpr int kTopologyFormatVersion = 1;

/// A whole planning topology: the value the editor edits, the store saves and the engines read.
struct Topology
{
    int formatVersion = kTopologyFormatVersion;
    std::string name;
    std::string description;
    std::vector<Region> regions;
    std::vector<Site> sites;
    std::vector<Component> components;
    std::vector<Workload> workloads;
    std::vector<Policy> policies;
    std::vector<Scenario> scenarios;
    ComponentIndexCache componentIndex;         ///< speeds findComponent up; not part of the value
    IdIndexCache<Region> regionIndex;           ///< speeds findRegion up; not part of the value
    IdIndexCache<Site> siteIndex;               ///< speeds findSite up; not part of the value
    IdIndexCache<Workload> workloadIndex;       ///< speeds findWorkload up; not part of the value
    IdIndexCache<Scenario> scenarioIndex;       ///< speeds findScenario up; not part of the value

    /// Lookups by id (the first item with it); nullptr when absent. Constant time for ids present.
    const Region* findRegion(const RegionId& id) const;
    const Site* findSite(const SiteId& id) const;
    const Component* findComponent(const ComponentId& id) const;
    const Workload* findWorkload(const WorkloadId& id) const;
    const Scenario* findScenario(const ScenarioId& id) const;

    bool operator==(const Topology&) const = default;
};

/// The disruption class a scenario proves: the class of its first fault (corruption; region or site
/// outage; zone outage; crash of a component = instance; anything else on a component = dependency).
/// Instance when the scenario has no faults.
DisruptionClass disruptionOf(const Scenario& scenario);

} // namespace firedrill
