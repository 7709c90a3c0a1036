#include "Topology.h"

namespace firedrill {

const Region* Topology::findRegion(const RegionId& id) const { return regionIndex.find(regions, id); }
const Site* Topology::findSite(const SiteId& id) const { return siteIndex.find(sites, id); }
const Component* Topology::findComponent(const ComponentId& id) const { return componentIndex.find(components, id); }
const Workload* Topology::findWorkload(const WorkloadId& id) const { return workloadIndex.find(workloads, id); }
const Scenario* Topology::findScenario(const ScenarioId& id) const { return scenarioIndex.find(scenarios, id); }

DisruptionClass disruptionOf(const Scenario& s)
{
    if (s.faults.empty())
        return DisruptionClass::Instance;
    const Fault& f = s.faults.front();
    if (f.kind == FaultKind::Corruption)
        return DisruptionClass::Corruption;
    switch (f.target.scope) {
    case FaultTarget::Scope::Region:
    case FaultTarget::Scope::Site:
        return DisruptionClass::Region;
    case FaultTarget::Scope::Zone:
        return DisruptionClass::Zone;
    case FaultTarget::Scope::Component:
        break;
    }
    return f.kind == FaultKind::Crash || f.kind == FaultKind::FaultDomain ? DisruptionClass::Instance : DisruptionClass::Dependency;
}

} // namespace firedrill
