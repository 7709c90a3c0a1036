#pragma once

#include "core/model/Topology.h"

#include <QString>
#include <QtGlobal>
#include <vector>

namespace firedrill::ui {

/// A place a fault can hit, with the name people know it by.
struct FaultTargetChoice
{
    FaultTarget target;
    QString label; ///< "Region West Europe", "West Europe zone 2", "Site Head office", "web-weu"
};

/// "outage", "crash", "partition", "degradation", "dependency failure", "corruption", "surge".
QString faultKindText(FaultKind kind);
/// The name of what `target` hits, from the topology's names: "Region West Europe", "West Europe zone 2",
/// "Site Head office", a component's name (or id), a replica's id.
QString faultTargetName(const Topology& topology, const FaultTarget& target);
/// "Region West Europe — outage": one lane's label on the timeline.
QString faultLaneLabel(const Topology& topology, const Fault& fault);
/// Every place a fault can hit: each component and replica, region, zone and site, in topology order.
std::vector<FaultTargetChoice> faultTargetChoices(const Topology& topology);
/// The kinds that do something to `target` in the simulator: corruption only on components that hold
/// data, crash and degradation only on components, partitions on anything, surge on components and
/// regions, replicas and zones and sites only go down or get cut off.
std::vector<FaultKind> faultKindsFor(const Topology& topology, const FaultTarget& target);
/// True when `kind` is one of faultKindsFor(target).
bool faultKindAllowed(const Topology& topology, const FaultTarget& target, FaultKind kind);
/// A clock reading of `ms` from the start of the scenario: "01:30" (hours:minutes), with ":ss" when
/// `withSeconds` or when the time is not a whole minute.
QString clockText(qint64 ms, bool withSeconds = false);
/// The component a component-scope target names (a replica's target gives its owner); null otherwise.
const Component* faultTargetComponent(const Topology& topology, const FaultTarget& target);

} // namespace firedrill::ui
