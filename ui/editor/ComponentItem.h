#pragma once

#include "CardInfo.h"

#include <QGraphicsObject>
#include <QPen>
#include <optional>
#include <vector>

namespace firedrill::ui {

/// The view scale below which cards and line labels are drawn without text (it could not be read: a
/// 12.5 pt title would be under 5 pixels high).
inline constexpr double kDetailLevel = 0.3;

class EdgeItem;

/// A component's card on the canvas: kind icon, name, key figures, overlay marks. Movable and selectable;
/// the small handle on its right edge starts a new dependency.
class ComponentItem : public QGraphicsObject
{
    Q_OBJECT

public:
    /// A card showing `info`, `size` scene units large.
    ComponentItem(CardInfo info, QSizeF size, QGraphicsItem* parent = nullptr);

    /// What the card shows.
    const CardInfo& info() const { return m_info; }
    /// The component id (for a replica card, the owning component's id).
    QString componentId() const { return m_info.owner.isEmpty() ? m_info.id : m_info.owner; }
    /// True for a secondary replica's card.
    bool isReplica() const { return !m_info.owner.isEmpty(); }
    /// True when `scenePos` is on the connect handle.
    bool handleContains(QPointF scenePos) const;
    /// The card's body (without handle and shadow) in scene coordinates.
    QRectF sceneCardRect() const { return mapRectToScene(QRectF(QPointF(0, 0), m_size)); }
    /// Shows the replay's state of this card (phase badge, tint, detail line); nullopt returns to normal.
    void setReplayState(std::optional<ReplayCardState> state);
    /// The replay state shown, if any.
    const std::optional<ReplayCardState>& replayState() const { return m_replay; }
    /// Registers an edge to re-route when the card moves.
    void addEdge(EdgeItem* edge) { m_edges.push_back(edge); }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    QRectF handleRect() const;
    /// The body's fill: a replica's is paler.
    QColor bodyFill() const;
    /// The replay phase's tint over the body; none while healthy or outside a replay.
    std::optional<QColor> replayTint() const;
    /// The outline: the replay phase's, the preview's, red for a single point of failure, else the border.
    QPen outlinePen(bool selected) const;
    /// The card zoomed far out: body, outline and family stripe as plain rectangles.
    void paintFarOut(QPainter* painter, bool selected) const;
    /// Draws the strategy preview's badge ("NEW", "REMOVED" ...) on the top edge.
    void paintPreviewBadge(QPainter* painter) const;
    /// Draws the replay phase's badge on the top edge.
    void paintReplayBadge(QPainter* painter) const;
    /// Draws the figures and the overlay from `top` down, flowed over the lines left on the card.
    void paintFigures(QPainter* painter, const QFont& font, double top) const;

    CardInfo m_info;
    std::optional<ReplayCardState> m_replay;
    QSizeF m_size;
    bool m_hovered = false;
    std::vector<EdgeItem*> m_edges;
};

} // namespace firedrill::ui
