#include "ScenarioTemplates.h"

#include "FaultLabels.h"

#include <QObject>

namespace firedrill::ui {

namespace {

ScenarioTemplate make(const Topology& t, Duration duration, Fault fault)
{
    ScenarioTemplate out;
    out.title = QObject::tr("%1 %2").arg(faultTargetName(t, fault.target), faultKindText(fault.kind));
    out.scenario.name = out.title.toStdString();
    out.scenario.duration = duration;
    out.scenario.faults.push_back(std::move(fault));
    return out;
}

Fault fault(FaultTarget target, FaultKind kind, Duration at, std::optional<Duration> length)
{
    Fault f;
    f.target = std::move(target);
    f.kind = kind;
    f.at = at;
    f.length = length;
    return f;
}

} // namespace

std::vector<ScenarioTemplate> scenarioTemplatesFor(const Topology& topology)
{
    using S = FaultTarget::Scope;
    std::vector<ScenarioTemplate> out;
    for (const Region& r : topology.regions) {
        out.push_back(make(topology, Duration::hours(4),
                           fault({S::Region, r.id.str(), std::nullopt}, FaultKind::Outage,
                                 Duration::minutes(15), Duration::hours(2))));
        if (r.zones > 0)
            out.push_back(make(topology, Duration::hours(2),
                               fault({S::Zone, r.id.str(), 1}, FaultKind::Outage, Duration::minutes(10),
                                     Duration::hours(1))));
    }
    for (const Component& c : topology.components) {
        const FaultTarget target{S::Component, c.id.str(), std::nullopt};
        if (holdsData(c.kind)) {
            Fault f = fault(target, FaultKind::Corruption, Duration::minutes(30), std::nullopt);
            f.detectedAfter = Duration::minutes(45);
            out.push_back(make(topology, Duration::hours(4), std::move(f)));
        } else if (isLink(c.kind)) {
            out.push_back(
                make(topology, Duration::hours(1),
                     fault(target, FaultKind::Partition, Duration::minutes(5), Duration::minutes(30))));
        }
    }
    return out;
}

} // namespace firedrill::ui
