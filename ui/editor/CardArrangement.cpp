#include "CardArrangement.h"

#include "core/model/ComponentKind.h"

#include <algorithm>
#include <cmath>

namespace firedrill::ui {

namespace {

/// The working copies of the components being changed, in topology order when handed back.
class Changes
{
public:
    explicit Changes(const Topology& topology) : m_topology(topology) {}

    Component& of(const Component& original)
    {
        auto it = m_changed.find(original.id.str());
        if (it == m_changed.end())
            it = m_changed.emplace(original.id.str(), original).first;
        return it->second;
    }

    std::vector<Component> result() const
    {
        std::vector<Component> out;
        for (const Component& c : m_topology.components)
            if (const auto it = m_changed.find(c.id.str()); it != m_changed.end() && !(it->second == c))
                out.push_back(it->second);
        return out;
    }

private:
    const Topology& m_topology;
    std::map<std::string, Component> m_changed;
};

/// The component a card stands for and, for a secondary replica's card, that replica's index.
struct CardOwner
{
    const Component* component = nullptr;
    int replica = -1;
};

CardOwner ownerOf(const Topology& topology, const DiagramLayout& layout, const QString& cardId)
{
    const auto owner = layout.replicaOwner.find(cardId);
    if (owner == layout.replicaOwner.end())
        return {topology.findComponent(ComponentId(cardId.toStdString())), -1};
    const Component* c = topology.findComponent(ComponentId(owner->second.toStdString()));
    if (!c)
        return {};
    for (std::size_t i = 0; i < c->replicas.size(); ++i)
        if (c->replicas[i].id.str() == cardId.toStdString())
            return {c, static_cast<int>(i)};
    return {};
}

/// Where positions count from for a component placed at `to`, or nullopt when that area is not drawn.
std::optional<QPointF> originOf(const DiagramLayout& layout, const Placement& to)
{
    for (const ContainerBox& box : layout.containers) {
        if (to.site && box.kind == ContainerBox::Kind::Site && box.id.toStdString() == to.site->str())
            return box.origin;
        if (!to.region || box.kind != ContainerBox::Kind::Region || box.id.toStdString() != to.region->str())
            continue;
        const LaneBox* regionWide = nullptr;
        for (const LaneBox& lane : box.lanes) {
            if (to.zone && lane.zone == *to.zone)
                return lane.origin;
            if (lane.zone == 0)
                regionWide = &lane;
        }
        if (regionWide)
            return regionWide->origin;
    }
    return std::nullopt;
}

int toGrid(double value, int grid)
{
    const double snapped = std::round(value / grid) * grid;
    return static_cast<int>(std::clamp(snapped, 0.0, static_cast<double>(kMaxCardCoordinate)));
}

bool movable(const Component& c)
{
    return c.replicas.empty() && !isGlobal(c.kind) && !isLink(c.kind);
}

std::vector<Component> place(const Topology& topology, const DiagramLayout& layout,
                             const std::map<QString, QPointF>& topLefts, bool allowMoves, int grid)
{
    Changes changes(topology);
    for (const auto& [cardId, topLeft] : topLefts) {
        const CardOwner owner = ownerOf(topology, layout, cardId);
        const auto area = layout.areaOrigin.find(cardId);
        if (!owner.component || area == layout.areaOrigin.end())
            continue;
        Component& c = changes.of(*owner.component);
        QPointF origin = area->second;
        if (allowMoves && owner.replica < 0 && movable(c)) {
            const Placement to =
                placementIn(layout, topLeft + QPointF(kCardWidth / 2, kCardHeight / 2));
            if (!(to == MoveComponentCommand::placementOf(c))) {
                c.region = to.region;
                c.site = to.site;
                c.zone = to.zone;
                const auto target = originOf(layout, to);
                if (!target) {
                    c.position.reset(); // placed nowhere: the band of unplaced components lays it out
                    continue;
                }
                origin = *target;
            }
        }
        const CardPosition position{toGrid(topLeft.x() - origin.x(), grid), toGrid(topLeft.y() - origin.y(), grid)};
        if (owner.replica >= 0)
            c.replicas[static_cast<std::size_t>(owner.replica)].position = position;
        else
            c.position = position;
    }
    return changes.result();
}

} // namespace

Placement placementIn(const DiagramLayout& layout, QPointF scenePos)
{
    for (const ContainerBox& box : layout.containers) {
        if (!box.rect.contains(scenePos))
            continue;
        if (box.kind == ContainerBox::Kind::Site)
            return Placement{std::nullopt, SiteId(box.id.toStdString()), std::nullopt};
        if (box.kind != ContainerBox::Kind::Region)
            return {};
        Placement placement{RegionId(box.id.toStdString()), std::nullopt, std::nullopt};
        for (const LaneBox& lane : box.lanes)
            if (lane.zone > 0 && lane.rect.contains(scenePos))
                placement.zone = lane.zone;
        return placement;
    }
    return {};
}

std::vector<Component> placeCards(const Topology& topology, const DiagramLayout& layout,
                                  const std::map<QString, QPointF>& topLefts, bool allowMoves)
{
    return place(topology, layout, topLefts, allowMoves, kPositionGrid);
}

std::vector<Component> alignCards(const Topology& topology, const DiagramLayout& layout, const QStringList& cardIds,
                                  AlignMode mode)
{
    std::vector<std::pair<QString, QRectF>> cards;
    for (const QString& id : cardIds)
        if (const auto it = layout.cards.find(id); it != layout.cards.end())
            cards.emplace_back(id, it->second);
    const bool distribute = mode == AlignMode::DistributeHorizontally || mode == AlignMode::DistributeVertically;
    if (cards.size() < (distribute ? 3U : 2U))
        return {};
    QRectF group;
    for (const auto& [id, rect] : cards)
        group = group.isNull() ? rect : group.united(rect);
    std::map<QString, QPointF> topLefts;
    if (distribute) {
        const bool across = mode == AlignMode::DistributeHorizontally;
        auto start = [across](const QRectF& r) { return across ? r.left() : r.top(); };
        std::stable_sort(cards.begin(), cards.end(),
                         [&](const auto& a, const auto& b) { return start(a.second) < start(b.second); });
        const double first = start(cards.front().second);
        const double step = (start(cards.back().second) - first) / static_cast<double>(cards.size() - 1);
        for (std::size_t i = 0; i < cards.size(); ++i) {
            const QRectF& r = cards[i].second;
            const double at = first + step * static_cast<double>(i);
            topLefts[cards[i].first] = across ? QPointF(at, r.top()) : QPointF(r.left(), at);
        }
    } else {
        for (const auto& [id, r] : cards) {
            QPointF p = r.topLeft();
            switch (mode) {
            case AlignMode::Left: p.setX(group.left()); break;
            case AlignMode::Right: p.setX(group.right() - r.width()); break;
            case AlignMode::HorizontalCentre: p.setX(group.center().x() - r.width() / 2); break;
            case AlignMode::Top: p.setY(group.top()); break;
            case AlignMode::Bottom: p.setY(group.bottom() - r.height()); break;
            case AlignMode::VerticalCentre: p.setY(group.center().y() - r.height() / 2); break;
            default: break;
            }
            topLefts[id] = p;
        }
    }
    return place(topology, layout, topLefts, false, 1);
}

std::vector<Component> tidyCards(const Topology& topology, const QStringList& componentIds)
{
    std::vector<Component> out;
    for (const Component& c : topology.components) {
        if (!componentIds.isEmpty() && !componentIds.contains(QString::fromStdString(c.id.str())))
            continue;
        Component tidy = c;
        tidy.position.reset();
        for (Replica& r : tidy.replicas)
            r.position.reset();
        if (!(tidy == c))
            out.push_back(std::move(tidy));
    }
    return out;
}

} // namespace firedrill::ui
