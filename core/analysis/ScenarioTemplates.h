#pragma once

#include "core/model/Result.h"
#include "core/model/Topology.h"

#include <string>
#include <vector>

namespace firedrill {

/// A kind of scenario a planner starts from ("Region outage"), made concrete for one workload.
struct ScenarioTemplate
{
    std::string id;          ///< "region-outage"
    std::string title;       ///< "Region outage"
    std::string description; ///< one or two sentences for a picker
};

/// The six templates, in the order a picker shows them: zone-outage, region-outage, vpn-cut,
/// bad-deploy, cache-down, surge-failover (docs/format.md, "Scenario templates").
const std::vector<ScenarioTemplate>& scenarioTemplates();

/// A scenario of template `templateId` aimed at the workload `focus` of `topology`: targets chosen
/// from the workload (its primary region, database, cache) and the topology (a link between two
/// regions), a unique id, a readable name, faults from 10m and injects with prompts for the room.
/// The scenario is not added to the topology. Fails with a message naming what is missing when the
/// topology has nothing to target (no zones, no link, no database, no cache, no secondary region).
Result<Scenario> makeScenarioFromTemplate(const Topology& topology, const std::string& templateId,
                                          const WorkloadId& focus);

} // namespace firedrill
