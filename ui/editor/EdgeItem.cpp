#include "EdgeItem.h"

#include "CanvasColors.h"
#include "ComponentItem.h"
#include "EdgeOverview.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace firedrill::ui {

namespace {

constexpr double kArrow = 12.0;

QRectF bodyOf(const QGraphicsItem* item)
{
    if (const auto* card = dynamic_cast<const ComponentItem*>(item))
        return card->sceneCardRect();
    return item->sceneBoundingRect();
}

/// Where the segment from the centre of `rect` towards `outside` leaves `rect`.
QPointF exitPoint(const QRectF& rect, QPointF outside)
{
    const QLineF ray(rect.center(), outside);
    const QLineF edges[] = {{rect.topLeft(), rect.topRight()},
                            {rect.topRight(), rect.bottomRight()},
                            {rect.bottomRight(), rect.bottomLeft()},
                            {rect.bottomLeft(), rect.topLeft()}};
    for (const QLineF& edge : edges) {
        QPointF hit;
        if (ray.intersects(edge, &hit) == QLineF::BoundedIntersection)
            return hit;
    }
    return rect.center();
}

} // namespace

EdgeItem::EdgeItem(QGraphicsItem* source, QGraphicsItem* target, Style style, QString label)
    : m_source(source), m_target(target), m_style(style), m_label(std::move(label))
{
    // Under the cards (z 2): a line that passes behind a card never crosses its text.
    setZValue(style == Style::LinkEnd ? 0.5 : 1);
    setAcceptedMouseButtons(Qt::NoButton);
    adjust();
}

void EdgeItem::setReplayFlow(std::optional<ReplayFlow> flow)
{
    const bool same = flow.has_value() == m_replay.has_value() &&
                      (!flow || (flow->label == m_replay->label && flow->width == m_replay->width && flow->color == m_replay->color));
    if (same)
        return;
    prepareGeometryChange();
    m_replay = std::move(flow);
    update();
    tellOverview();
}

QPen EdgeItem::pen() const
{
    const CanvasColors& c = canvasColors();
    if (m_replay) {
        QPen pen(m_replay->color, m_replay->width,
                 m_style == Style::Soft ? Qt::DashLine : m_style == Style::Replication ? Qt::DotLine : Qt::SolidLine);
        pen.setCapStyle(Qt::RoundCap);
        return pen;
    }
    switch (m_style) {
    case Style::Hard: return QPen(c.edgeDependency, 2.2);
    case Style::Soft: return QPen(c.edgeDependency, 2.2, Qt::DashLine);
    case Style::Endpoint: return QPen(c.edgeEndpoint, 2.2);
    case Style::Replication: {
        QPen pen(c.edgeReplication, 2.6, Qt::DotLine);
        pen.setCapStyle(Qt::RoundCap);
        return pen;
    }
    case Style::LinkEnd: return QPen(c.edgeLink, 1.8, Qt::DashDotLine);
    }
    return QPen();
}

void EdgeItem::adjust()
{
    prepareGeometryChange();
    const QRectF from = bodyOf(m_source);
    const QRectF to = bodyOf(m_target);
    if (m_style == Style::LinkEnd) {
        // To the nearest point on the container's border.
        const QPointF c = from.center();
        const QPointF p(std::clamp(c.x(), to.left(), to.right()), std::clamp(c.y(), to.top(), to.bottom()));
        m_line = QLineF(exitPoint(from, p), p);
    } else {
        m_line = QLineF(exitPoint(from, to.center()), exitPoint(to, from.center()));
    }
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    setPath(path);
    tellOverview();
}

void EdgeItem::setOverview(EdgeOverview* overview)
{
    m_overview = overview;
    if (m_overview)
        m_overview->include(boundingRect());
}

void EdgeItem::tellOverview()
{
    if (!m_overview)
        return;
    m_overview->include(boundingRect());
    m_overview->invalidate();
}

void EdgeItem::paintFarOut(QPainter* painter) const
{
    if (m_line.length() < 1)
        return;
    painter->setRenderHint(QPainter::Antialiasing, false); // the view turns it on for every item
    painter->setPen(farOutPen());
    painter->drawLine(m_line);
}

QPen EdgeItem::farOutPen() const
{
    QPen plain = pen();
    plain.setStyle(Qt::SolidLine);
    return plain;
}

QRectF EdgeItem::boundingRect() const
{
    const double margin = m_replay ? 130 : 80;
    return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-margin, -30, margin, 30);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option);
    Q_UNUSED(widget); // the label's level of detail comes from the painter (exports paint without an option)
    if (m_line.length() < 1)
        return;
    if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) < kDetailLevel) {
        // Zoomed far out a large topology has tens of thousands of lines: the overview draws them as one.
        if (!m_overview)
            paintFarOut(painter);
        return;
    }
    const QPen linePen = pen();
    painter->setRenderHint(QPainter::Antialiasing);
    const QString label = m_replay && !m_replay->label.isEmpty() ? m_replay->label : m_label;
    painter->setPen(linePen);
    const bool arrow = m_style == Style::Hard || m_style == Style::Soft || m_style == Style::Endpoint ||
                       m_style == Style::Replication;
    QLineF shaft = m_line;
    if (arrow)
        shaft.setLength(std::max(0.0, m_line.length() - kArrow * 0.8));
    painter->drawLine(shaft);
    if (arrow) {
        const double angle = std::atan2(-m_line.dy(), m_line.dx());
        const QPointF tip = m_line.p2();
        const QPointF a = tip - QPointF(std::cos(angle - M_PI / 7) * kArrow, -std::sin(angle - M_PI / 7) * kArrow);
        const QPointF b = tip - QPointF(std::cos(angle + M_PI / 7) * kArrow, -std::sin(angle + M_PI / 7) * kArrow);
        painter->setPen(QPen(linePen.color(), 1));
        painter->setBrush(linePen.color());
        painter->drawPolygon(QPolygonF({tip, a, b}));
    }
    if (!label.isEmpty()) {
        QFont font = painter->font();
        font.setPointSizeF(10);
        font.setBold(m_style == Style::Replication);
        painter->setFont(font);
        const QFontMetricsF metrics(font);
        QRectF box(0, 0, metrics.horizontalAdvance(label) + 12, metrics.height() + 4);
        // A replication label goes just before its replica, so on a long line that passes behind other
        // cards it stays in the gap in front of the card it names; other labels go in the middle.
        const double halfExtent = (std::abs(m_line.dx()) * box.width() + std::abs(m_line.dy()) * box.height()) /
                                  (2 * m_line.length());
        const double back = m_style == Style::Replication ? std::min(m_line.length() / 2, halfExtent + kArrow + 4)
                                                          : m_line.length() / 2;
        box.moveCenter(m_line.pointAt(1.0 - back / m_line.length()));
        painter->setPen(QPen(linePen.color(), 1));
        painter->setBrush(canvasColors().labelFill);
        painter->drawRoundedRect(box, 5, 5);
        painter->setPen(canvasColors().dark ? linePen.color().lighter(115) : linePen.color().darker(130));
        painter->drawText(box, Qt::AlignCenter, label);
    }
}

} // namespace firedrill::ui
