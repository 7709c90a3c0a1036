#pragma once

#include "core/model/Component.h"
#include "core/model/Topology.h"

#include <QString>

#include <vector>

namespace firedrill::ui {

class Document;

/// The replica a data component gets from "Add replica": the first one is the primary, in the component's
/// region (or the first region); later ones are secondaries in a region that holds none yet (the primary's
/// pair first), asynchronous when in another region than the primary and synchronous in the same one. Its
/// id is "<component>-<n>", the first n that no component or replica uses.
Replica newReplica(const Topology& topology, const Component& owner);

/// `replicas` with the replica `id` as the primary and the old primary as a secondary (synchronous when in
/// the same region, asynchronous otherwise); unchanged when `id` is not one of them.
std::vector<Replica> promoteReplica(std::vector<Replica> replicas, const ComponentId& id);

/// Adds newReplica() to `owner`, as one undo step. The first replica takes over the component's placement:
/// the primary sits in its region and zone, and the component itself is then placed by its replicas.
/// Returns the new replica's id, or empty when `owner` is unknown or there is no region.
QString addReplica(Document& document, const QString& owner);

/// Removes the replica `id` from `owner`, as one undo step. Removing the primary makes the first remaining
/// copy the primary; removing the last one places the component back in that replica's region and zone.
bool removeReplica(Document& document, const QString& owner, const ComponentId& id);

/// Replaces the replicas of `owner` by `replicas`, as one undo step named `text` (`merge`: successive
/// changes of a spin box become one step). False when nothing changes.
bool setReplicas(Document& document, const QString& owner, std::vector<Replica> replicas, const QString& text,
                 bool merge = false);

} // namespace firedrill::ui
