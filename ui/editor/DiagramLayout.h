#pragma once

#include "core/model/Topology.h"

#include <QRectF>
#include <QString>
#include <map>
#include <vector>

namespace firedrill::ui {

/// One lane of a region: its availability zone, or 0 for the components placed in no particular zone.
struct LaneBox
{
    int zone = 0;
    QRectF rect;
    QPointF origin; ///< top-left of its card area: card positions in this lane are relative to it
};

/// A labelled container of cards: the global band, a region (with its zone lanes), a site, the links band
/// or the band of components that are placed nowhere.
struct ContainerBox
{
    /// What the container stands for.
    enum class Kind { Global, Region, Site, Links, Unplaced };
    Kind kind = Kind::Region;
    QString id; ///< region or site id; empty for bands
    QString title;
    QRectF rect;
    std::vector<LaneBox> lanes; ///< regions only
    QPointF origin;             ///< sites and bands: top-left of the card area (regions: see lanes)
};

/// Where every container and card of a topology's diagram goes. Computed, deterministic, in scene units.
struct DiagramLayout
{
    std::vector<ContainerBox> containers;
    std::map<QString, QRectF> cards;          ///< component ids and replica ids
    std::map<QString, QString> replicaOwner;  ///< replica id -> component id (secondary replica cards)
    std::map<QString, QPointF> areaOrigin;    ///< card id -> origin of the lane, site or band holding it
    QRectF bounds;
};

/// Size of a component card in scene units.
inline constexpr double kCardWidth = 232.0;
/// Height of a component card in scene units.
inline constexpr double kCardHeight = 96.0;

/// The grid card positions snap to, in scene units.
inline constexpr int kPositionGrid = 8;

/// Lays a topology out compactly (it is shown on projectors): global components on top, regions side by
/// side with a lane per zone (routing, then compute, then data and messaging; empty zones thin), links in
/// a row under the regions they join (a link between two regions under the gap between them), sites in a
/// row below the links, so every link line is short and straight; unplaced components at the bottom.
/// A card with a stored position (CardPosition) sits at that offset from its area's origin; the others
/// fill the free slots around it, and lanes, sites and bands grow to hold every card.
DiagramLayout computeLayout(const Topology& topology);

} // namespace firedrill::ui
