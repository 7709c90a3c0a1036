#include "TopologyScene.h"

#include "CanvasColors.h"
#include "CardArrangement.h"
#include "CardBuilder.h"
#include "ComponentItem.h"
#include "ContainerItem.h"
#include "EdgeItem.h"
#include "EdgeOverview.h"
#include "core/io/Units.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/document/EndpointEditing.h"
#include "ui/document/commands/ReplaceComponentsCommand.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGraphicsLineItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QUndoStack>
#include <algorithm>
#include <limits>
#include <set>
#include <utility>

namespace firedrill::ui {

TopologyScene::TopologyScene(Document* document, QObject* parent) : QGraphicsScene(parent), m_document(document)
{
    // No BSP index: every dependency line spans the cards it joins, so on a large topology thousands of long
    // lines fall into most of the tree's leaves and a repaint spent seconds walking it. A plain list of
    // items is checked once per repaint instead.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    setBackgroundBrush(canvasColors().background);
    connect(m_document, &Document::changed, this, &TopologyScene::onChanged);
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(0);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &TopologyScene::rebuildStep);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!m_rebuilding)
            emit selectionIdsChanged(selectedComponentIds());
    });
    rebuild();
}

TopologyScene::~TopologyScene()
{
    m_rebuilding = true;
    blockSignals(true);
    m_cards.clear();
    m_edges.clear();
    clear();
}

void TopologyScene::refreshColors()
{
    setBackgroundBrush(canvasColors().background);
    for (QGraphicsItem* item : items())
        item->update(); // also drops any cached pixmaps
    if (m_overview)
        m_overview->invalidate();
    update();
}

void TopologyScene::setOverlays(const Overlays& overlays)
{
    if (overlays == m_overlays)
        return;
    m_overlays = overlays;
    rebuild();
}

void TopologyScene::onChanged(const ChangeEvent& event)
{
    if (event.kind == ChangeEvent::Kind::ScenariosChanged)
        return; // scenarios are not drawn on the canvas
    markStale();
}

void TopologyScene::markStale()
{
    m_stale = true;
    if (rebuildsWhenStale())
        m_rebuildTimer.start();
}

bool TopologyScene::rebuildsWhenStale() const
{
    if (m_previewExpected)
        return false; // built once the preview is here
    const QList<QGraphicsView*> shownIn = views();
    return m_rebuildWhileHidden ||
           std::any_of(shownIn.cbegin(), shownIn.cend(), [](const QGraphicsView* v) { return v->isVisible(); });
}

void TopologyScene::ensureCurrent()
{
    ensureCardsCurrent();
    finishEdges();
}

void TopologyScene::ensureCardsCurrent()
{
    if (m_rebuilding)
        return; // asked while the cards are being made
    if (m_stale)
        startCards();
    if (m_cardsPending)
        addCards(std::numeric_limits<qint64>::max());
}

void TopologyScene::rebuildStep()
{
    // Several turns of the event loop, each with its own repaint: the cards a slice at a time, then the
    // lines between them a slice at a time.
    if (m_stale) {
        // A turn scheduled for cards or lines may find the scene stale again, hidden or waiting for a
        // preview.
        if (rebuildsWhenStale()) {
            startCards();
            m_rebuildTimer.start();
        }
        return;
    }
    if (m_cardsPending) {
        addCards(kSliceMs);
        if (m_cardsPending)
            m_rebuildTimer.start();
        return;
    }
    if (!m_edgesPending)
        return;
    addEdgeSlice(kSliceMs);
    if (m_edgesPending)
        m_rebuildTimer.start();
}

void TopologyScene::finishEdges()
{
    if (m_edgesPending)
        addEdgeSlice(std::numeric_limits<qint64>::max());
}

void TopologyScene::addEdgeSlice(qint64 budgetMs)
{
    QElapsedTimer slice;
    slice.start();
    const std::size_t count = shownTopology().components.size();
    while (m_edgeCursor < count && slice.elapsed() < budgetMs)
        addEdges(m_edgeCursor++);
    if (m_edgeCursor < count)
        return;
    m_edgesPending = false;
    emit completed();
}

void TopologyScene::rebuild()
{
    m_stale = true;
    ensureCurrent();
}

void TopologyScene::startCards()
{
    if (!m_cardsPending) { // a rebuild cut short keeps the selection it was keeping
        m_keepSelected.clear();
        for (const auto& [id, item] : m_cards)
            if (item->isSelected())
                m_keepSelected << id;
    }
    m_rebuilding = true;
    m_stale = false;
    m_cardsPending = true;
    m_edgesPending = false;
    m_cardCursor = 0;
    m_edgeCursor = 0;
    m_rubberLine = nullptr;
    m_overview = nullptr;
    // Items added since the last turn of the event loop still wait in the scene's polish list, and
    // deleting each one searches that list: on a large diagram rebuilt twice in a row (a file, then its
    // strategy preview) that made clearing quadratic. Polishing them first keeps clear() linear.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    clear();
    m_cards.clear();
    m_containers.clear();
    m_edges.clear();

    const DiagramLayout& layout = shownLayout();
    m_cardSet = buildCards(shownTopology(), layout.replicaOwner, m_overlays);
    if (m_preview)
        for (auto& [id, info] : m_cardSet.cards)
            if (const auto mark = m_preview->marks.find(info.owner.isEmpty() ? id : info.owner);
                mark != m_preview->marks.end())
                info.preview = mark->second;
    for (const ContainerBox& box : layout.containers) {
        auto* item = new ContainerItem(box);
        addItem(item);
        if (!box.id.isEmpty()) {
            m_containers[box.id] = item;
            std::vector<int> lanes;
            for (const auto& [region, zone] : m_cardSet.spofContainers.lanes)
                if (region == box.id)
                    lanes.push_back(zone);
            item->setSpof(m_cardSet.spofContainers.whole.count(box.id) > 0, std::move(lanes));
        }
    }
    m_cardQueue.assign(layout.cards.begin(), layout.cards.end());
    setSceneRect(layout.bounds.adjusted(-24, -24, 24, 24));
    m_overview = new EdgeOverview(m_edges);
    addItem(m_overview);
    m_rebuilding = false;
}

void TopologyScene::addCards(qint64 budgetMs)
{
    m_rebuilding = true;
    QElapsedTimer slice;
    slice.start();
    while (m_cardCursor < m_cardQueue.size() && slice.elapsed() < budgetMs) {
        const auto& [id, rect] = m_cardQueue[m_cardCursor++];
        const auto info = m_cardSet.cards.find(id);
        if (info == m_cardSet.cards.end())
            continue;
        auto* item = new ComponentItem(info->second, rect.size());
        item->setPos(rect.topLeft());
        if (m_preview || m_readOnly)
            item->setFlag(QGraphicsItem::ItemIsMovable, false);
        if (m_preview && info->second.preview == PreviewMark::Removed)
            item->setOpacity(0.55);
        addItem(item);
        m_cards[id] = item;
    }
    if (m_cardCursor < m_cardQueue.size()) {
        m_rebuilding = false;
        return;
    }
    for (const QString& id : std::as_const(m_keepSelected))
        if (const auto it = m_cards.find(id); it != m_cards.end())
            it->second->setSelected(true);
    m_keepSelected.clear();
    m_cardQueue.clear();
    m_cardSet = {};
    m_cardsPending = false;
    m_edgesPending = true;
    // The lines follow on the next turns, however the cards were asked for. Started now, not before the
    // cards, so the timers that came due while they were built (a repaint, an animation) run first.
    m_rebuildTimer.start();
    m_rebuilding = false;
    emit rebuilt();
    emit selectionIdsChanged(componentIdsSelected());
}

const Topology& TopologyScene::shownTopology() const
{
    return m_preview ? m_preview->topology : m_document->topology();
}

bool TopologyScene::showsEmptyDesign() const
{
    const Topology& t = m_document->topology();
    return !m_preview && !m_readOnly && t.regions.empty() && t.sites.empty() && t.components.empty();
}

const DiagramLayout& TopologyScene::shownLayout() const
{
    return m_preview ? m_preview->layout : m_document->layout();
}

void TopologyScene::setPreview(std::optional<CanvasPreview> preview)
{
    const bool expected = std::exchange(m_previewExpected, false);
    if (!preview && !m_preview && !expected)
        return;
    m_preview = std::move(preview);
    markStale();
}

void TopologyScene::expectPreview()
{
    m_preview.reset();
    m_previewExpected = true;
    m_stale = true;
    m_rebuildTimer.stop();
}

void TopologyScene::setReadOnly(bool on)
{
    if (m_readOnly == on)
        return;
    m_readOnly = on;
    rebuild();
}

PreviewMark TopologyScene::previewMark(const QString& id) const
{
    if (!m_preview)
        return PreviewMark::None;
    const auto it = m_preview->marks.find(id);
    return it == m_preview->marks.end() ? PreviewMark::None : it->second;
}

void TopologyScene::addEdges(std::size_t index)
{
    auto link = [this](ComponentItem* from, QGraphicsItem* to, EdgeItem::Style style, const QString& label,
                       const QString& toId) {
        auto* edge = new EdgeItem(from, to, style, label);
        edge->setEndIds(from->info().id, toId);
        edge->setOverview(m_overview);
        addItem(edge);
        from->addEdge(edge);
        if (auto* card = dynamic_cast<ComponentItem*>(to))
            card->addEdge(edge);
        m_edges.push_back(edge);
    };
    const Component& c = shownTopology().components[index];
    ComponentItem* from = card(qstr(c.id.str()));
    if (!from)
        return;
    for (const Dependency& d : c.dependsOn)
        if (ComponentItem* to = card(qstr(d.target.str())))
            link(from, to, d.kind == DependencyKind::Hard ? EdgeItem::Style::Hard : EdgeItem::Style::Soft, {},
                 to->info().id);
    for (const Endpoint& e : c.endpoints) {
        ComponentItem* to = card(qstr(e.target.str()));
        if (!to)
            continue;
        const QString label = e.priority ? tr("priority %1").arg(*e.priority)
                              : e.weight ? tr("weight %1").arg(*e.weight)
                                         : QString();
        link(from, to, EdgeItem::Style::Endpoint, label, to->info().id);
    }
    for (const Replica& r : c.replicas) {
        ComponentItem* to = card(qstr(r.id.str()));
        if (!to || r.role == ReplicaRole::Primary)
            continue;
        QString label = r.sync == ReplicationMode::Synchronous ? tr("sync") : tr("async");
        if (r.lag)
            label += tr(" · lag %1").arg(qstr(formatDuration(*r.lag)));
        link(from, to, EdgeItem::Style::Replication, label, to->info().id);
    }
    for (const LinkEnd& end : c.between) {
        const QString id = qstr(std::visit([](const auto& v) { return v.str(); }, end));
        if (auto it = m_containers.find(id); it != m_containers.end())
            link(from, it->second, EdgeItem::Style::LinkEnd, {}, id);
    }
}

QStringList TopologyScene::selectedComponentIds() const
{
    cardsCurrent();
    return componentIdsSelected();
}

QStringList TopologyScene::componentIdsSelected() const
{
    std::set<QString> ids;
    for (const auto& [id, item] : m_cards)
        if (item->isSelected())
            ids.insert(item->componentId());
    QStringList ordered;
    for (const Component& c : shownTopology().components)
        if (ids.count(qstr(c.id.str())))
            ordered << qstr(c.id.str());
    return ordered;
}

void TopologyScene::selectIds(const QStringList& ids)
{
    if (ids.isEmpty() && isStale()) {
        // Selecting nothing need not wait for the rebuild to come, which then keeps no selection and
        // announces it.
        m_rebuilding = true;
        clearSelection();
        m_rebuilding = false;
        return;
    }
    ensureCurrent();
    m_rebuilding = true;
    clearSelection();
    for (const QString& id : ids)
        if (auto* item = card(id))
            item->setSelected(true);
    m_rebuilding = false;
    emit selectionIdsChanged(selectedComponentIds());
}

ComponentItem* TopologyScene::card(const QString& id) const
{
    cardsCurrent();
    const auto it = m_cards.find(id);
    return it == m_cards.end() ? nullptr : it->second;
}

std::vector<EdgeItem*> TopologyScene::edges() const
{
    current();
    return m_edges;
}

Placement TopologyScene::placementAt(QPointF scenePos) const
{
    return placementIn(m_document->layout(), scenePos);
}

QString TopologyScene::dropKind(ComponentKind kind, QPointF scenePos)
{
    if (m_preview || m_readOnly)
        return {}; // a preview is read-only
    const QString id = addComponentOfKind(*m_document, kind, placementAt(scenePos));
    selectIds({id});
    return id;
}

void TopologyScene::commitDrag(const std::map<QString, QPointF>& centres)
{
    if (m_preview || m_readOnly)
        return;
    std::map<QString, QPointF> topLefts;
    for (const auto& [id, centre] : centres)
        topLefts[id] = centre - QPointF(kCardWidth / 2, kCardHeight / 2);
    std::vector<Component> changed = placeCards(m_document->topology(), m_document->layout(), topLefts, true);
    if (changed.empty()) {
        rebuild(); // back to where it was
        return;
    }
    QString text;
    if (changed.size() > 1) {
        text = tr("Move %1 cards").arg(changed.size());
    } else {
        const Component* before = m_document->topology().findComponent(changed.front().id);
        const Placement to = MoveComponentCommand::placementOf(changed.front());
        const QString id = qstr(changed.front().id.str());
        if (before && !(MoveComponentCommand::placementOf(*before) == to)) {
            text = MoveComponentCommand::describe(id, to);
        } else {
            text = tr("Move %1 on the diagram").arg(id);
        }
    }
    m_document->push(new ReplaceComponentsCommand(m_document, std::move(changed), text));
}

QStringList TopologyScene::selectedCardIds() const
{
    cardsCurrent();
    QStringList ids;
    for (const auto& [id, item] : m_cards)
        if (item->isSelected())
            ids << id;
    return ids;
}

ComponentItem* TopologyScene::cardAt(QPointF scenePos) const
{
    cardsCurrent();
    for (QGraphicsItem* item : items(scenePos))
        if (auto* c = dynamic_cast<ComponentItem*>(item))
            return c;
    return nullptr;
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    ensureCurrent(); // a drag moves a card's lines with it
    ComponentItem* under = event->button() == Qt::LeftButton ? cardAt(event->scenePos()) : nullptr;
    if (under && !m_preview && !m_readOnly && !under->isReplica() && (m_connectMode || under->handleContains(event->scenePos()))) {
        m_connectFrom = under->componentId();
        m_rubberLine = addLine(QLineF(event->scenePos(), event->scenePos()), QPen(canvasColors().selection, 2, Qt::DashLine));
        m_rubberLine->setZValue(10);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && !under && !m_preview && !m_readOnly) {
        if (const QString id = containerTitleAt(event->scenePos()); !id.isEmpty()) {
            clearSelection();
            emit containerClicked(id);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    for (const auto& [id, item] : m_cards)
        if (item->isSelected())
            m_pressPositions[id] = item->pos();
}

QString TopologyScene::containerTitleAt(QPointF scenePos) const
{
    for (const ContainerBox& box : shownLayout().containers) {
        if (box.id.isEmpty() || !box.rect.contains(scenePos))
            continue;
        double top = box.origin.y();
        if (box.kind == ContainerBox::Kind::Region && !box.lanes.empty())
            top = box.lanes.front().rect.top();
        if (box.kind == ContainerBox::Kind::Region || box.kind == ContainerBox::Kind::Site)
            return scenePos.y() < top ? box.id : QString();
    }
    return {};
}

void TopologyScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_rubberLine) {
        m_rubberLine->setLine(QLineF(m_rubberLine->line().p1(), event->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_rubberLine) {
        delete m_rubberLine;
        m_rubberLine = nullptr;
        const QString from = std::exchange(m_connectFrom, QString());
        if (ComponentItem* target = cardAt(event->scenePos()))
            linkComponents(*m_document, from, target->componentId());
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    std::map<QString, QPointF> moved;
    for (const auto& [id, start] : m_pressPositions)
        if (ComponentItem* item = card(id); item && item->pos() != start)
            moved[id] = item->sceneCardRect().center();
    m_pressPositions.clear();
    if (!moved.empty())
        commitDrag(moved);
}

// ---- Fault targets ----

std::optional<std::pair<FaultTarget, QString>> TopologyScene::faultTargetAt(QPointF scenePos) const
{
    const Topology& t = shownTopology();
    if (const ComponentItem* card = cardAt(scenePos)) {
        // A replica card carries the replica's own id: a replica can be failed on its own.
        return std::make_pair(FaultTarget{FaultTarget::Scope::Component, card->info().id.toStdString(), std::nullopt},
                              card->info().title);
    }
    const Placement at = placementAt(scenePos);
    if (at.site) {
        const Site* site = t.findSite(*at.site);
        return std::make_pair(FaultTarget{FaultTarget::Scope::Site, at.site->str(), std::nullopt},
                              site && !site->name.empty() ? qstr(site->name) : qstr(at.site->str()));
    }
    if (!at.region)
        return std::nullopt;
    const Region* region = t.findRegion(*at.region);
    const QString name = region && !region->name.empty() ? qstr(region->name) : qstr(at.region->str());
    if (at.zone)
        return std::make_pair(FaultTarget{FaultTarget::Scope::Zone, at.region->str(), at.zone},
                              tr("%1 zone %2").arg(name).arg(*at.zone));
    return std::make_pair(FaultTarget{FaultTarget::Scope::Region, at.region->str(), std::nullopt}, name);
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    if (!m_faultMenuEnabled) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    if (const auto target = faultTargetAt(event->scenePos())) {
        event->accept();
        emit faultTargetMenuRequested(target->first, target->second, event->screenPos());
    }
}

} // namespace firedrill::ui
