#include "DiagramLayout.h"

#include "ui/common/DisplayText.h"

#include <QCoreApplication>
#include <algorithm>

namespace firedrill::ui {

namespace {

constexpr double kGap = 22.0;
constexpr double kLanePad = 16.0;
constexpr double kHeader = 46.0;
constexpr double kLaneHeader = 34.0;
constexpr double kContainerGap = 48.0;
constexpr double kLaneLabel = 86.0;
constexpr double kEmptyLane = 52.0;
constexpr double kLaneSpacing = 8.0;
constexpr int kColumns = 3;

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

double laneWidth()
{
    return kCardWidth + 2 * kLanePad;
}

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
/// cards in each lane from left to right in layer order (routing, compute, data), wrapping after kColumns.
ContainerBox layoutRegion(DiagramLayout& out, const Region& region, std::vector<Placed> cards, QPointF origin)
{
    ContainerBox box;
    box.kind = ContainerBox::Kind::Region;
    box.id = qstr(region.id.str());
    box.title = labelWithId(region.name, region.id.str());
    std::stable_sort(cards.begin(), cards.end(), [](const Placed& a, const Placed& b) { return a.layer < b.layer; });
    const int lanes = std::max(region.zones, 0) + 1;
    int columns = 2;
    for (int lane = 0; lane < lanes; ++lane)
        columns = std::max(columns, static_cast<int>(std::count_if(cards.begin(), cards.end(),
                                                                  [&](const Placed& p) { return p.lane == lane; })));
    columns = std::min(columns, kColumns);
    const double laneW = kLaneLabel + kLanePad + columns * (kCardWidth + kGap) - kGap + kLanePad;
    double y = origin.y() + kHeader;
    for (int lane = 0; lane < lanes; ++lane) {
        std::vector<QString> ids;
        for (const Placed& p : cards)
            if (p.lane == lane)
                ids.push_back(p.id);
        const int rows = (static_cast<int>(ids.size()) + columns - 1) / columns;
        const double h = rows == 0 ? kEmptyLane : 2 * kLanePad + rows * (kCardHeight + kGap) - kGap;
        const QRectF rect(origin.x() + kLanePad, y, laneW, h);
        box.lanes.push_back({lane, rect});
        for (int i = 0; i < static_cast<int>(ids.size()); ++i) {
            const double cx = rect.x() + kLaneLabel + kLanePad + (i % columns) * (kCardWidth + kGap);
            const double cy = rect.y() + kLanePad + (i / columns) * (kCardHeight + kGap);
            out.cards[ids[static_cast<std::size_t>(i)]] = QRectF(cx, cy, kCardWidth, kCardHeight);
        }
        y += h + kLaneSpacing;
    }
    box.rect = QRectF(origin.x(), origin.y(), laneW + 2 * kLanePad, y - kLaneSpacing + kLanePad - origin.y());
    return box;
}

} // namespace

DiagramLayout computeLayout(const Topology& topology)
{
    DiagramLayout out;
    std::vector<QString> global, links, unplaced;
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
            links.push_back(id);
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

    const double globalHeight = global.empty() ? 0.0 : kHeader + kCardHeight + kLanePad;
    double x = 0;
    const double regionTop = global.empty() ? 0.0 : globalHeight + kContainerGap;
    for (const Region& region : topology.regions) {
        ContainerBox box = layoutRegion(out, region, inRegion[region.id.str()], QPointF(x, regionTop));
        x = box.rect.right() + kContainerGap;
        out.containers.push_back(std::move(box));
    }
    double siteY = regionTop;
    for (const Site& site : topology.sites) {
        const auto& cards = inSite[site.id.str()];
        const double n = static_cast<double>(std::max<std::size_t>(cards.size(), 1));
        ContainerBox box{ContainerBox::Kind::Site, qstr(site.id.str()), labelWithId(site.name, site.id.str()),
                         QRectF(x, siteY, laneWidth() + 40, kHeader + n * (kCardHeight + kGap) + kLanePad), {}};
        double y = siteY + kHeader;
        for (const QString& id : cards) {
            out.cards[id] = QRectF(x + kLanePad + 20, y, kCardWidth, kCardHeight);
            y += kCardHeight + kGap;
        }
        siteY = box.rect.bottom() + kContainerGap / 2;
        out.containers.push_back(std::move(box));
    }
    double bottom = regionTop;
    double right = 0;
    for (const ContainerBox& box : out.containers) {
        bottom = std::max(bottom, box.rect.bottom());
        right = std::max(right, box.rect.right());
    }
    const double width = std::max({right, rowWidth(global.size()) + 2 * kLanePad, 600.0});

    if (!global.empty()) {
        ContainerBox band{ContainerBox::Kind::Global, {}, tr("Global"), QRectF(0, 0, width, globalHeight), {}};
        placeRow(out, global, QPointF((width - rowWidth(global.size())) / 2, kHeader));
        out.containers.insert(out.containers.begin(), std::move(band));
    }
    auto addBand = [&](ContainerBox::Kind kind, const QString& title, const std::vector<QString>& ids) {
        if (ids.empty())
            return;
        const double top = bottom + kContainerGap;
        const double bandWidth = std::max(width, rowWidth(ids.size()) + 2 * kLanePad);
        out.containers.push_back({kind, {}, title, QRectF(0, top, bandWidth, globalHeight > 0 ? globalHeight
                                                                   : kHeader + kCardHeight + kLanePad), {}});
        placeRow(out, ids, QPointF((bandWidth - rowWidth(ids.size())) / 2, top + kHeader));
        bottom = out.containers.back().rect.bottom();
    };
    addBand(ContainerBox::Kind::Links, tr("Links between regions and sites"), links);
    addBand(ContainerBox::Kind::Unplaced, tr("Not placed in a region or site"), unplaced);

    for (const ContainerBox& box : out.containers)
        out.bounds = out.bounds.united(box.rect);
    return out;
}

} // namespace firedrill::ui
