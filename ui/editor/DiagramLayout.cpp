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

/// A card to place in a region: its id, lane and layer.
struct Placed
{
    QString id;
    int lane = 0;
    int layer = 0;
};

/// Places `ids` in a row starting at `origin`.
void placeRow(DiagramLayout& out, const std::vector<QString>& ids, QPointF origin)
{
    double x = origin.x();
    for (const QString& id : ids) {
        out.cards[id] = QRectF(x, origin.y(), kCardWidth, kCardHeight);
        x += kCardWidth + kGap;
    }
}

double rowWidth(std::size_t count)
{
    return count == 0 ? 0.0 : static_cast<double>(count) * (kCardWidth + kGap) - kGap;
}

/// Lays out one region at `origin`: a horizontal lane per zone (and one for region-wide components),
/// cards in each lane from left to right in layer order (routing, compute, data), wrapping after `maxColumns`.
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
    const double laneW = kLaneLabel + rowWidth(static_cast<std::size_t>(columns)) + kLanePad;
    double y = origin.y() + kHeader;
    for (int lane = 0; lane < lanes; ++lane) {
        std::vector<QString> ids;
        for (const Placed& p : cards)
            if (p.lane == lane)
                ids.push_back(p.id);
        const int rows = (static_cast<int>(ids.size()) + columns - 1) / columns;
        const double h = rows == 0 ? kEmptyLane : 2 * kLanePad + rows * (kCardHeight + kGap) - kGap;
        const QRectF rect(origin.x() + kBoxPad, y, laneW, h);
        box.lanes.push_back({lane, rect});
        for (int i = 0; i < static_cast<int>(ids.size()); ++i) {
            const double cx = rect.x() + kLaneLabel + (i % columns) * (kCardWidth + kGap);
            const double cy = rect.y() + kLanePad + (i / columns) * (kCardHeight + kGap);
            out.cards[ids[static_cast<std::size_t>(i)]] = QRectF(cx, cy, kCardWidth, kCardHeight);
        }
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

/// Adds a band of `ids` at `top` spanning at least `width`; returns its bottom.
double addBand(DiagramLayout& out, ContainerBox::Kind kind, const QString& title, const std::vector<QString>& ids,
               double top, double width)
{
    const double bandWidth = std::max(width, rowWidth(ids.size()) + 2 * kBoxPad);
    const double height = bandHeight(bandWidth, ids.size());
    out.containers.push_back({kind, {}, title, QRectF(0, top, bandWidth, height), {}});
    placeRow(out, ids, QPointF((bandWidth - rowWidth(ids.size())) / 2, top + height - kBoxPad - kCardHeight));
    return top + height;
}

DiagramLayout layoutWithColumns(const Topology& topology, int maxColumns)
{
    DiagramLayout out;
    std::vector<QString> global, unplaced;
    std::vector<const Component*> links;
    std::map<std::string, std::vector<Placed>> inRegion;
    std::map<std::string, std::vector<QString>> inSite;

    auto laneFor = [&](const RegionId& region, std::optional<int> zone) {
        const Region* r = topology.findRegion(region);
        return (zone && r && *zone >= 1 && *zone <= r->zones) ? *zone : 0;
    };
    for (const Component& c : topology.components) {
        const QString id = qstr(c.id.str());
        const int layer = layerOf(c.kind);
        if (isGlobal(c.kind) || (c.kind == ComponentKind::Users && !c.region && !c.site)) {
            global.push_back(id);
        } else if (isLink(c.kind)) {
            links.push_back(&c);
        } else if (c.site && topology.findSite(*c.site)) {
            inSite[c.site->str()].push_back(id);
        } else if (c.region && topology.findRegion(*c.region)) {
            inRegion[c.region->str()].push_back({id, laneFor(*c.region, c.zone), layer});
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
                    inRegion[it->region.str()].push_back({cardId, laneFor(it->region, it->zone), layer});
                    placedOwner = placedOwner || owner;
                }
            }
            if (!placedOwner)
                unplaced.push_back(id);
        } else {
            unplaced.push_back(id);
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
        const auto& cards = inSite[site.id.str()];
        const double w = std::max(kMinSiteWidth, rowWidth(cards.size()) + 2 * kBoxPad);
        sites.push_back({ContainerBox::Kind::Site, qstr(site.id.str()), labelWithId(site.name, site.id.str()),
                         QRectF(sitesWidth, 0, w, 0), {}});
        sitesWidth += w + kContainerGap;
    }
    sitesWidth = sites.empty() ? 0.0 : sitesWidth - kContainerGap;
    const double width = std::max({regionsWidth, sitesWidth, rowWidth(global.size()) + 2 * kBoxPad,
                                   rowWidth(links.size()), 600.0});
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
        for (LaneBox& lane : box.lanes)
            lane.rect.translate(0, y);
        out.containers.push_back(box);
    }
    for (const Region& region : topology.regions)
        for (const Placed& p : inRegion[region.id.str()])
            out.cards[p.id].translate(0, y);
    if (!regions.empty())
        y += regionsHeight + kContainerGap;

    // Links under the containers they join: a card's centre aims at the middle of its region ends (or of its
    // site ends when it joins only sites); the row keeps that order and pushes cards apart where they meet.
    if (!links.empty()) {
        auto centreOf = [&](const std::vector<ContainerBox>& boxes, const std::string& id) -> std::optional<double> {
            for (const ContainerBox& box : boxes)
                if (box.id == qstr(id))
                    return box.rect.center().x();
            return std::nullopt;
        };
        std::vector<std::pair<double, QString>> wanted;
        for (const Component* c : links) {
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
            wanted.emplace_back(centre, qstr(c->id.str()));
        }
        std::stable_sort(wanted.begin(), wanted.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<double> left;
        double next = 0;
        for (const auto& [centre, id] : wanted) {
            left.push_back(std::max(centre - kCardWidth / 2, next));
            next = left.back() + kCardWidth + kGap;
        }
        const double overflow = std::max(0.0, left.back() + kCardWidth - width);
        for (std::size_t i = 0; i < wanted.size(); ++i)
            out.cards[wanted[i].second] = QRectF(std::max(0.0, left[i] - overflow), y, kCardWidth, kCardHeight);
        y += kCardHeight + kContainerGap;
    }

    for (ContainerBox& site : sites) {
        const auto& cards = inSite[site.id.toStdString()];
        const double h = bandHeight(site.rect.width(), cards.size());
        site.rect = QRectF(site.rect.x(), y, site.rect.width(), h);
        placeRow(out, cards,
                 QPointF(site.rect.center().x() - rowWidth(cards.size()) / 2, y + h - kBoxPad - kCardHeight));
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
