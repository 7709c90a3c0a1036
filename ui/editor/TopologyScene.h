#pragma once

#include "CanvasPreview.h"
#include "CardBuilder.h"
#include "DiagramLayout.h"
#include "Overlays.h"
#include "core/model/ComponentKind.h"
#include "core/model/Scenario.h"
#include "ui/document/commands/MoveComponentCommand.h"

#include <QGraphicsScene>
#include <QPointF>
#include <QTimer>
#include <map>
#include <optional>
#include <utility>
#include <vector>

class QGraphicsLineItem;
class QGraphicsSceneContextMenuEvent;

namespace firedrill::ui {

class ComponentItem;
class ContainerItem;
class Document;
class EdgeItem;
class EdgeOverview;
struct ChangeEvent;

/// The topology canvas: a view of the Document, rebuilt from its change events (id -> item maps), that
/// turns drops, drags and connections into commands on the document.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    /// A canvas showing `document`.
    explicit TopologyScene(Document* document, QObject* parent = nullptr);
    ~TopologyScene() override;

    /// The document shown.
    Document* document() const { return m_document; }
    /// Turns overlays on or off and redraws.
    void setOverlays(const Overlays& overlays);
    /// The overlays shown.
    const Overlays& overlays() const { return m_overlays; }
    /// While on, dragging from any card (not only its handle) draws a dependency.
    void setConnectMode(bool on) { m_connectMode = on; }
    /// Whether connect mode is on.
    bool connectMode() const { return m_connectMode; }
    /// Whether the editable design holds nothing yet (no region, site or component) and no preview is shown.
    bool showsEmptyDesign() const;
    /// The region or site whose title strip (above its lanes or cards) holds `scenePos`, or empty.
    QString containerTitleAt(QPointF scenePos) const;

    /// The selected components' ids (a replica's card counts as its component), in topology order.
    QStringList selectedComponentIds() const;
    /// Selects the cards of these component or replica ids (and nothing else).
    void selectIds(const QStringList& ids);
    /// The card for a component or replica id, or nullptr.
    ComponentItem* card(const QString& id) const;
    /// Every edge drawn.
    std::vector<EdgeItem*> edges() const;
    /// The region, zone or site at `scenePos`; an empty placement outside them.
    Placement placementAt(QPointF scenePos) const;
    /// Creates a component of `kind` where it was dropped (the palette's drop lands here); returns its id.
    /// Repaints everything after the application palette (theme) changed.
    void refreshColors();
    QString dropKind(ComponentKind kind, QPointF scenePos);
    /// Commits a drag of cards (component or replica ids) whose centres are now at the given points, as one
    /// undo step: each card keeps its new spot (snapped to the grid, stored with the topology), and a card
    /// dropped in another zone, region or site moves its component there. Nothing changed: the cards go back.
    void commitDrag(const std::map<QString, QPointF>& centres);
    /// The selected cards' ids (component and replica ids).
    QStringList selectedCardIds() const;
    /// Recreates every item from the document.
    void rebuild();
    /// Shows `preview` instead of the document (read-only: nothing can be moved, dropped or connected)
    /// until it is cleared with nullopt.
    void setPreview(std::optional<CanvasPreview> preview);
    /// A preview is on its way (computed on a worker thread for a large topology): the one shown is
    /// dropped and the rebuild waits for setPreview(), so the canvas is built once, with it. The items
    /// shown meanwhile are stale (an accessor still rebuilds them at once).
    void expectPreview();
    /// While on, nothing can be moved, dropped or connected (the replay page's canvas).
    void setReadOnly(bool on);
    /// A document change or a new preview marks the items stale and rebuilds them on the next turns of the
    /// event loop (the cards, then the lines, each in slices of kSliceMs), so a burst of changes builds
    /// the canvas once and the window stays responsive in between. Every accessor below rebuilds first if
    /// the items it returns are stale (the cards, or for edges() the lines too), so callers always see
    /// the current document.
    /// When off, a change that arrives while no view of the scene is visible only marks the scene stale
    /// (a hidden page's canvas need not be rebuilt for every edit elsewhere); ensureCurrent() rebuilds it
    /// when the page is shown. On by default.
    void setRebuildWhileHidden(bool on) { m_rebuildWhileHidden = on; }
    /// Rebuilds the items now if they are stale.
    void ensureCurrent();
    /// Rebuilds the cards now if they are stale, leaving the lines for later: enough for the scene's
    /// bounds (fitting the view) without holding the window for the whole rebuild.
    void ensureCardsCurrent();
    /// True when the items are older than the document or preview shown.
    bool isStale() const { return m_stale || m_cardsPending || m_edgesPending; }
    /// True while a preview is shown.
    bool previewing() const { return m_preview.has_value(); }
    /// The mark of component `id`'s card in the preview (None when not previewing).
    PreviewMark previewMark(const QString& id) const;

signals:
    /// The selected components changed.
    void selectionIdsChanged(const QStringList& ids);
    /// The title strip of the region or site `id` was clicked (to edit it).
    void containerClicked(const QString& id);
    /// The cards were recreated (after a change, on the next turns of the event loop, a slice of cards
    /// per turn; the lines between them follow on the turns after).
    void rebuilt();
    /// The lines are in too: the canvas shows the current document or preview.
    void completed();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void onChanged(const ChangeEvent& event);
    void markStale();
    /// Whether a stale scene is rebuilt on the next turn: not while a preview is expected, nor while no
    /// view shows it (unless setRebuildWhileHidden()).
    bool rebuildsWhenStale() const;
    void rebuildStep();
    /// Clears the items and makes what the cards need (their contents, the regions, the scene's bounds).
    void startCards();
    /// Adds cards for about `budgetMs`; after the last, restores the selection and schedules the lines.
    void addCards(qint64 budgetMs);
    /// Adds every line still to come.
    void finishEdges();
    /// Adds lines for about `budgetMs`; after the last, says the canvas is complete.
    void addEdgeSlice(qint64 budgetMs);
    QStringList componentIdsSelected() const;
    /// ensureCurrent() and ensureCardsCurrent() for the const accessors: the items are a cache of the
    /// document.
    void current() const { const_cast<TopologyScene*>(this)->ensureCurrent(); }
    void cardsCurrent() const { const_cast<TopologyScene*>(this)->ensureCardsCurrent(); }
    ComponentItem* cardAt(QPointF scenePos) const;
    /// Adds the lines leaving the shown topology's component `index` (dependencies, endpoints, replicas,
    /// link ends).
    void addEdges(std::size_t index);

    const Topology& shownTopology() const;
    const DiagramLayout& shownLayout() const;

    Document* m_document;
    std::optional<CanvasPreview> m_preview;
    bool m_previewExpected = false; ///< expectPreview() was called and setPreview() not yet
    Overlays m_overlays;
    bool m_connectMode = false;
    bool m_readOnly = false;
    bool m_rebuilding = false;
    bool m_rebuildWhileHidden = true;
    bool m_stale = false;        ///< the cards are older than the document or preview shown
    bool m_cardsPending = false; ///< startCards() ran, not every card is made yet
    bool m_edgesPending = false; ///< the cards are current, the lines between them not built yet
    CardSet m_cardSet;           ///< what the cards still to be made show
    std::vector<std::pair<QString, QRectF>> m_cardQueue; ///< every card's id and place, in layout order
    std::size_t m_cardCursor = 0; ///< the next card of m_cardQueue to make
    QStringList m_keepSelected;  ///< the cards selected before the rebuild, selected again after it
    std::size_t m_edgeCursor = 0; ///< the next component whose lines are to be added
    /// Cards and lines are added for at most this long per turn of the event loop, which then repaints.
    static constexpr qint64 kSliceMs = 25;
    QTimer m_rebuildTimer;
    int m_dragCount = 0;
    std::map<QString, ComponentItem*> m_cards;
    std::map<QString, ContainerItem*> m_containers; ///< regions and sites by id
    std::vector<EdgeItem*> m_edges;
    EdgeOverview* m_overview = nullptr; ///< draws m_edges zoomed far out; recreated with the items
    std::map<QString, QPointF> m_pressPositions;
    QString m_connectFrom;
    QGraphicsLineItem* m_rubberLine = nullptr;

    // ---- Fault targets: right-click on the replay page offers faults for what was clicked ----
public:
    /// While on, a right-click on a card, a zone lane, a region or a site emits faultTargetMenuRequested()
    /// instead of the editor's behaviour. Off by default.
    void setFaultMenuEnabled(bool on) { m_faultMenuEnabled = on; }
    /// Whether right-clicks ask for a fault menu.
    bool faultMenuEnabled() const { return m_faultMenuEnabled; }
    /// What a right-click at `scenePos` would offer faults for: a card (its component or replica id), a
    /// zone lane, a region or a site, with the name to show ("West Europe zone 2"); nullopt elsewhere.
    std::optional<std::pair<FaultTarget, QString>> faultTargetAt(QPointF scenePos) const;

signals:
    /// A right-click on `target` (shown as `label`) at `screenPos` while the fault menu is enabled.
    void faultTargetMenuRequested(const firedrill::FaultTarget& target, const QString& label,
                                  const QPoint& screenPos);

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    bool m_faultMenuEnabled = false;
};

} // namespace firedrill::ui
