#pragma once

#include "CardInfo.h"
#include "Overlays.h"
#include "core/model/Topology.h"

#include <QString>
#include <map>
#include <set>
#include <vector>

namespace firedrill::ui {

/// The containers and lanes that are single points of failure: region/site ids, and (region, zone) pairs
/// (zone 0: the region's unzoned components).
struct ContainerMarks
{
    std::set<QString> whole;
    std::set<std::pair<QString, int>> lanes;
};

/// Everything the canvas shows about the topology's components, with the overlays applied. Figures come
/// from core/analysis (cost, availability, single points of failure) and validate().
struct CardSet
{
    std::map<QString, CardInfo> cards; ///< by card id (component or replica id)
    ContainerMarks spofContainers;
};

/// Builds the cards of every component and secondary replica; `replicaOwner` maps replica card ids to
/// their component (from the layout).
CardSet buildCards(const Topology& topology, const std::map<QString, QString>& replicaOwner, const Overlays& overlays);

/// The component id a validation path such as "components[sql-ag].replicas[0]" is about, or empty.
QString componentOfPath(const std::string& path);

} // namespace firedrill::ui
