#pragma once

#include "PropertySheet.h"
#include "core/model/Topology.h"

namespace firedrill::ui {

/// The details of one component: placement, capacity, reliability, routing, data, messaging and links.
PropertySheet buildComponentSheet(const Topology& topology, const Component& component);

/// The details of one replica of a replicated data component.
PropertySheet buildReplicaSheet(const Topology& topology, const Component& owner, const Replica& replica);

} // namespace firedrill::ui
