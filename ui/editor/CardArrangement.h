#pragma once

#include "DiagramLayout.h"
#include "core/model/Topology.h"
#include "ui/document/commands/MoveComponentCommand.h"

#include <QPointF>
#include <QStringList>
#include <map>
#include <vector>

namespace firedrill::ui {

/// The region, zone or site at `scenePos` in `layout`; an empty placement outside them.
Placement placementIn(const DiagramLayout& layout, QPointF scenePos);

/// How Align lines cards up.
enum class AlignMode { Left, HorizontalCentre, Right, Top, VerticalCentre, Bottom, DistributeHorizontally, DistributeVertically };

/// The components changed by putting cards (component or replica ids) with their top-left corners at
/// `topLefts` (scene units): each keeps the spot as its stored position, relative to the lane, site or
/// band that holds it, snapped to kPositionGrid and kept inside the area. With `allowMoves`, a card whose
/// centre lands in another zone, region or site of the component's own placement kind moves there (a
/// regional component dropped outside every region and site is placed nowhere and loses its position);
/// replicas, replicated databases, global components and links stay where they are placed.
std::vector<Component> placeCards(const Topology& topology, const DiagramLayout& layout,
                                  const std::map<QString, QPointF>& topLefts, bool allowMoves);

/// The components changed by lining up the cards `cardIds` (their current rectangles in `layout`) on the
/// group's outer edge (Left: the leftmost left edge) or on the middle of the group's extent (the centres),
/// or by spreading them evenly between the two outermost cards (distribute: three cards or more). A card
/// cannot leave its lane, site or band, so it stops at the area's edge.
std::vector<Component> alignCards(const Topology& topology, const DiagramLayout& layout, const QStringList& cardIds,
                                  AlignMode mode);

/// The components changed by handing the cards of `componentIds` (the component's and its replicas')
/// back to the automatic layout: their stored positions are removed. Empty `componentIds`: every card.
std::vector<Component> tidyCards(const Topology& topology, const QStringList& componentIds);

} // namespace firedrill::ui
