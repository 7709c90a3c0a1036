#include "Topology.h"

#include <algorithm>

namespace firedrill {

namespace {
template <class Item, class Key>
const Item* findById(const std::vector<Item>& items, const Key& id)
{
    const auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
} // namespace

const Region* Topology::findRegion(const RegionId& id) const { return findById(regions, id); }
const Site* Topology::findSite(const SiteId& id) const { return findById(sites, id); }
const Component* Topology::findComponent(const ComponentId& id) const { return componentIndex.find(components, id); }
const Workload* Topology::findWorkload(const WorkloadId& id) const { return findById(workloads, id); }
const Scenario* Topology::findScenario(const ScenarioId& id) const { return findById(scenarios, id); }

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
