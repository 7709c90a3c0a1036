#include "DiagramLayout.h"

#include "ui/common/DisplayText.h"

#include <QCoreApplication>
#include <algorithm>
#include <numeric>

namespace firedrill::ui {

namespace {

constexpr double kGap = 16.0;           // between two cards
constexpr double kLanePad = 8.0;        // inside a lane, around its cards
constexpr double kBoxPad = 12.0;        // inside a container, around its lanes or cards
constexpr double kHeader = 38.0;        // a container's title
constexpr double kContainerGap = 30.0;  // between containers (and the link row)
constexpr double kLaneLabel = 80.0;     // a lane's label column
constexpr double kEmptyLane = 26.0;     // height of a lane with no cards
constexpr double kLaneSpacing = 8.0;
constexpr double kMinSiteWidth = 280.0;
constexpr double kTitleRoom = 180.0;    // room a band's title needs beside a centred row of cards
// The shape of the canvas the layout aims at (a projector's window less its docks): the number of card
// columns per region is the one that shows the diagram largest there.
constexpr double kTargetWidth = 1100.0;
constexpr double kTargetHeight = 680.0;

QString tr(const char* text)
{
    return QCoreApplication::translate("DiagramLayout", text);
}

int layerOf(ComponentKind kind)
{
    switch (kindFamily(kind)) {
    case KindFamily::GlobalRouting:
    case KindFamily::RegionalRouting:
    case KindFamily::Clients: return 0;
    case KindFamily::Compute: return 1;
    default: return 2;
    }
}

/// A card to place: its id, lane and layer, and where the user put it (if anywhere).
struct Placed
{
    QString id;
    int lane = 0;
    int layer = 0;
    std::optional<CardPosition> position;
};

/// The cards of one area (a lane, a site, a band) relative to the area's origin.
struct AreaCards
{
    std::vector<std::pair<QString, QRectF>> rects;
    QSizeF extent; ///< right and bottom of the furthest card
};

QRectF slotRect(int index, int columns)
{
    return QRectF((index % columns) * (kCardWidth + kGap), (index / columns) * (kCardHeight + kGap), kCardWidth,
                  kCardHeight);
}

/// Places `cards` in an area: those with a position go there; the others fill a grid of `columns` from
/// the top-left, in order, skipping the slots a positioned card overlaps.
AreaCards placeInArea(const std::vector<Placed>& cards, int columns)
{
    AreaCards out;
    std::vector<QRectF> taken;
    for (const Placed& p : cards)
        if (p.position)
            taken.emplace_back(p.position->x, p.position->y, kCardWidth, kCardHeight);
    int slot = 0;
    for (const Placed& p : cards) {
        QRectF rect;
        if (p.position) {
            rect = QRectF(p.position->x, p.position->y, kCardWidth, kCardHeight);
        } else {
            auto overlaps = [&](const QRectF& r) {
                const QRectF padded = r.adjusted(-kGap / 2, -kGap / 2, kGap / 2, kGap / 2);
                return std::any_of(taken.begin(), taken.end(), [&](const QRectF& t) { return padded.intersects(t); });
            };
            while (overlaps(slotRect(slot, columns)))
                ++slot;
            rect = slotRect(slot++, columns);
        }
        out.rects.emplace_back(p.id, rect);
        out.extent = out.extent.expandedTo(QSizeF(rect.right(), rect.bottom()));
    }
    return out;
}

bool anyPositioned(const std::vector<Placed>& cards)
{
    return std::any_of(cards.begin(), cards.end(), [](const Placed& p) { return p.position.has_value(); });
}

/// Puts an area's cards into the layout at `origin`.
void commitArea(DiagramLayout& out, const AreaCards& area, QPointF origin)
{
    for (const auto& [id, rect] : area.rects) {
        out.cards[id] = rect.translated(origin);
        out.areaOrigin[id] = origin;
    }
}

/// Places `cards` in a row starting at `start` (an area without positioned cards, centred by the caller);
/// `areaOrigin` is where positions in that area count from.
void placeRow(DiagramLayout& out, const std::vector<Placed>& cards, QPointF start, QPointF areaOrigin)
{
    double x = start.x();
    for (const Placed& p : cards) {
        out.cards[p.id] = QRectF(x, start.y(), kCardWidth, kCardHeight);
        out.areaOrigin[p.id] = areaOrigin;
        x += kCardWidth + kGap;
    }
}

double rowWidth(std::size_t count)
{
    return count == 0 ? 0.0 : static_cast<double>(count) * (kCardWidth + kGap) - kGap;
}

/// Lays out one region at `origin`: a horizontal lane per zone (and one for region-wide components),
/// cards in each lane from left to right in layer order (routing, compute, data), wrapping after
/// `maxColumns`, around the cards the user placed.
ContainerBox layoutRegion(DiagramLayout& out, const Region& region, std::vector<Placed> cards, QPointF origin,
                          int maxColumns)
{
    ContainerBox box;
    box.kind = ContainerBox::Kind::Region;
    box.id = qstr(region.id.str());
    box.title = labelWithId(region.name, region.id.str());
    std::stable_sort(cards.begin(), cards.end(), [](const Placed& a, const Placed& b) { return a.layer < b.layer; });
    const int lanes = std::max(region.zones, 0) + 1;
    int columns = 1;
    for (int lane = 0; lane < lanes; ++lane)
        columns = std::max(columns, static_cast<int>(std::count_if(cards.begin(), cards.end(),
                                                                  [&](const Placed& p) { return p.lane == lane; })));
    columns = std::min(columns, maxColumns);
    std::vector<AreaCards> areas;
    double cardsWidth = rowWidth(static_cast<std::size_t>(columns));
    for (int lane = 0; lane < lanes; ++lane) {
        std::vector<Placed> inLane;
        for (const Placed& p : cards)
            if (p.lane == lane)
                inLane.push_back(p);
        areas.push_back(placeInArea(inLane, columns));
        cardsWidth = std::max(cardsWidth, areas.back().extent.width());
    }
    const double laneW = kLaneLabel + cardsWidth + kLanePad;
    double y = origin.y() + kHeader;
    for (int lane = 0; lane < lanes; ++lane) {
        const AreaCards& area = areas[static_cast<std::size_t>(lane)];
        const double h = area.rects.empty() ? kEmptyLane : 2 * kLanePad + area.extent.height();
        const QRectF rect(origin.x() + kBoxPad, y, laneW, h);
        const QPointF cardOrigin(rect.x() + kLaneLabel, rect.y() + kLanePad);
        box.lanes.push_back({lane, rect, cardOrigin});
        commitArea(out, area, cardOrigin);
        y += h + kLaneSpacing;
    }
    box.rect = QRectF(origin.x(), origin.y(), laneW + 2 * kBoxPad, y - kLaneSpacing + kBoxPad - origin.y());
    return box;
}

/// Whether a band's row of cards fits beside its title.
bool rowBesideTitle(double bandWidth, std::size_t cards)
{
    return rowWidth(cards) + 2 * kTitleRoom <= bandWidth;
}

/// Height of a band holding one row of cards; the row sits beside the title when there is room for both.
double bandHeight(double bandWidth, std::size_t cards)
{
    if (cards == 0)
        return kHeader;
    return (rowBesideTitle(bandWidth, cards) ? kBoxPad : kHeader) + kCardHeight + kBoxPad;
}

/// Width a band or site needs for `cards` at least.
double areaWidth(const std::vector<Placed>& cards)
{
    if (!anyPositioned(cards))
        return rowWidth(cards.size()) + 2 * kBoxPad;
    return placeInArea(cards, static_cast<int>(cards.size())).extent.width() + 2 * kBoxPad;
}

/// Lays out the cards of a band or site whose box has its x, width and top set: a centred row (beside the
/// title when it fits), or, when the user placed some of them, an area under the title (its origin, where
/// positions count from, whichever way the cards are shown). Sets the height.
void fillBox(DiagramLayout& out, ContainerBox& box, const std::vector<Placed>& cards)
{
    const double top = box.rect.top();
    box.origin = QPointF(box.rect.x() + kBoxPad, top + kHeader);
    if (!anyPositioned(cards)) {
        const double h = bandHeight(box.rect.width(), cards.size());
        box.rect.setHeight(h);
        placeRow(out, cards,
                 QPointF(box.rect.center().x() - rowWidth(cards.size()) / 2, top + h - kBoxPad - kCardHeight),
                 box.origin);
        return;
    }
    const AreaCards area = placeInArea(cards, static_cast<int>(cards.size()));
    box.rect.setHeight(kHeader + area.extent.height() + kBoxPad);
    commitArea(out, area, box.origin);
}

/// Adds a band of `cards` at `top` spanning at least `width`; returns its bottom.
double addBand(DiagramLayout& out, ContainerBox::Kind kind, const QString& title, const std::vector<Placed>& cards,
               double top, double width)
{
    ContainerBox box{kind, {}, title, QRectF(0, top, std::max(width, areaWidth(cards)), 0), {}, {}};
    fillBox(out, box, cards);
    out.containers.push_back(box);
    return box.rect.bottom();
}

DiagramLayout layoutWithColumns(const Topology& topology, int maxColumns)
{
    DiagramLayout out;
    std::vector<Placed> global, unplaced;
    std::vector<std::pair<const Component*, Placed>> links;
    std::map<std::string, std::vector<Placed>> inRegion;
    std::map<std::string, std::vector<Placed>> inSite;

    auto laneFor = [&](const RegionId& region, std::optional<int> zone) {
        const Region* r = topology.findRegion(region);
        return (zone && r && *zone >= 1 && *zone <= r->zones) ? *zone : 0;
    };
    for (const Component& c : topology.components) {
        const QString id = qstr(c.id.str());
        const int layer = layerOf(c.kind);
        const Placed card{id, 0, layer, c.position};
        if (isGlobal(c.kind) || (c.kind == ComponentKind::Users && !c.region && !c.site)) {
            global.push_back(card);
        } else if (isLink(c.kind)) {
            links.emplace_back(&c, card);
        } else if (c.site && topology.findSite(*c.site)) {
            inSite[c.site->str()].push_back(card);
        } else if (c.region && topology.findRegion(*c.region)) {
            inRegion[c.region->str()].push_back({id, laneFor(*c.region, c.zone), layer, c.position});
        } else if (!c.replicas.empty()) {
            // A replicated database is drawn at its primary replica; the other replicas get cards of their own.
            auto primary = std::find_if(c.replicas.begin(), c.replicas.end(),
                                        [](const Replica& r) { return r.role == ReplicaRole::Primary; });
            if (primary == c.replicas.end())
                primary = c.replicas.begin();
            bool placedOwner = false;
            for (auto it = c.replicas.begin(); it != c.replicas.end(); ++it) {
                const bool owner = it == primary;
                const QString cardId = owner ? id : qstr(it->id.str());
                if (!owner)
                    out.replicaOwner[cardId] = id;
                if (topology.findRegion(it->region)) {
                    inRegion[it->region.str()].push_back(
                        {cardId, laneFor(it->region, it->zone), layer, owner ? c.position : it->position});
                    placedOwner = placedOwner || owner;
                }
            }
            if (!placedOwner)
                unplaced.push_back(card);
        } else {
            unplaced.push_back(card);
        }
    }

    // Regions side by side under the global band.
    const double globalTop = 0.0;
    double x = 0;
    std::vector<ContainerBox> regions;
    for (const Region& region : topology.regions) {
        regions.push_back(layoutRegion(out, region, inRegion[region.id.str()], QPointF(x, 0), maxColumns));
        x = regions.back().rect.right() + kContainerGap;
    }
    double regionsWidth = 0;
    double regionsHeight = 0;
    for (const ContainerBox& box : regions) {
        regionsWidth = std::max(regionsWidth, box.rect.right());
        regionsHeight = std::max(regionsHeight, box.rect.height());
    }

    // Sites in a row (their widths first: links are placed against them).
    std::vector<ContainerBox> sites;
    double sitesWidth = 0;
    for (const Site& site : topology.sites) {
        const double w = std::max(kMinSiteWidth, areaWidth(inSite[site.id.str()]));
        sites.push_back({ContainerBox::Kind::Site, qstr(site.id.str()), labelWithId(site.name, site.id.str()),
                         QRectF(sitesWidth, 0, w, 0), {}, {}});
        sitesWidth += w + kContainerGap;
    }
    sitesWidth = sites.empty() ? 0.0 : sitesWidth - kContainerGap;
    const double width = std::max({regionsWidth, sitesWidth, areaWidth(global), rowWidth(links.size()), 600.0});
    if (!sites.empty() && sitesWidth < width) {
        // Stretch the sites to the diagram's width, so links above them reach them straight down.
        const double extra = (width - sitesWidth) / static_cast<double>(sites.size());
        double sx = 0;
        for (ContainerBox& site : sites) {
            site.rect = QRectF(sx, 0, site.rect.width() + extra, 0);
            sx = site.rect.right() + kContainerGap;
        }
    }

    double y = globalTop;
    if (!global.empty())
        y = addBand(out, ContainerBox::Kind::Global, tr("Global"), global, y, width) + kContainerGap;
    for (ContainerBox& box : regions) {
        box.rect.translate(0, y);
        for (LaneBox& lane : box.lanes) {
            lane.rect.translate(0, y);
            lane.origin += QPointF(0, y);
        }
        out.containers.push_back(box);
    }
    for (const Region& region : topology.regions)
        for (const Placed& p : inRegion[region.id.str()]) {
            out.cards[p.id].translate(0, y);
            out.areaOrigin[p.id] += QPointF(0, y);
        }
    if (!regions.empty())
        y += regionsHeight + kContainerGap;

    // Links under the containers they join: a card's centre aims at the middle of its region ends (or of its
    // site ends when it joins only sites); the row keeps that order and pushes cards apart where they meet.
    // A link the user placed sits at its position from the row's left end.
    if (!links.empty()) {
        auto centreOf = [&](const std::vector<ContainerBox>& boxes, const std::string& id) -> std::optional<double> {
            for (const ContainerBox& box : boxes)
                if (box.id == qstr(id))
                    return box.rect.center().x();
            return std::nullopt;
        };
        const QPointF rowOrigin(0, y);
        double rowBottom = y + kCardHeight;
        std::vector<std::pair<double, QString>> wanted;
        for (const auto& [c, card] : links) {
            if (card.position) {
                const QRectF rect(rowOrigin + QPointF(card.position->x, card.position->y), QSizeF(kCardWidth, kCardHeight));
                out.cards[card.id] = rect;
                out.areaOrigin[card.id] = rowOrigin;
                rowBottom = std::max(rowBottom, rect.bottom());
                continue;
            }
            std::vector<double> regionX, siteX;
            for (const LinkEnd& end : c->between) {
                if (const auto* r = std::get_if<RegionId>(&end)) {
                    if (auto cx = centreOf(regions, r->str()))
                        regionX.push_back(*cx);
                } else if (auto cx = centreOf(sites, std::get<SiteId>(end).str())) {
                    siteX.push_back(*cx);
                }
            }
            const std::vector<double>& ends = regionX.empty() ? siteX : regionX;
            const double centre = ends.empty() ? width / 2
                                               : std::accumulate(ends.begin(), ends.end(), 0.0) /
                                                     static_cast<double>(ends.size());
            wanted.emplace_back(centre, card.id);
        }
        std::stable_sort(wanted.begin(), wanted.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<double> left;
        double next = 0;
        for (const auto& [centre, id] : wanted) {
            left.push_back(std::max(centre - kCardWidth / 2, next));
            next = left.back() + kCardWidth + kGap;
        }
        const double overflow = left.empty() ? 0.0 : std::max(0.0, left.back() + kCardWidth - width);
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            out.cards[wanted[i].second] = QRectF(std::max(0.0, left[i] - overflow), y, kCardWidth, kCardHeight);
            out.areaOrigin[wanted[i].second] = rowOrigin;
        }
        y = rowBottom + kContainerGap;
    }

    for (ContainerBox& site : sites) {
        site.rect.moveTop(y);
        fillBox(out, site, inSite[site.id.toStdString()]);
        out.containers.push_back(site);
    }
    for (const ContainerBox& site : sites)
        y = std::max(y, site.rect.bottom() + kContainerGap);

    if (!unplaced.empty())
        addBand(out, ContainerBox::Kind::Unplaced, tr("Not placed in a region or site"), unplaced, y, width);

    for (const ContainerBox& box : out.containers)
        out.bounds = out.bounds.united(box.rect);
    for (const auto& [id, rect] : out.cards)
        out.bounds = out.bounds.united(rect);
    return out;
}

} // namespace

DiagramLayout computeLayout(const Topology& topology)
{
    DiagramLayout best;
    double bestScale = -1;
    for (int columns = 2; columns <= 3; ++columns) {
        DiagramLayout candidate = layoutWithColumns(topology, columns);
        const QRectF b = candidate.bounds;
        const double scale = b.isEmpty() ? 1.0 : std::min(kTargetWidth / b.width(), kTargetHeight / b.height());
        if (scale > bestScale + 1e-9) {
            bestScale = scale;
            best = std::move(candidate);
        }
    }
    return best;
}

} // namespace firedrill::ui
