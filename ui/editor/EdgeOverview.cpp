#include "EdgeOverview.h"

#include "ComponentItem.h"
#include "EdgeItem.h"
#include "ThinLine.h"

#include <QPaintDevice>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace firedrill::ui {

EdgeOverview::EdgeOverview(const std::vector<EdgeItem*>& edges) : m_edges(edges)
{
    setZValue(1); // with the lines: over the regions, under the cards
    setAcceptedMouseButtons(Qt::NoButton);
}

void EdgeOverview::include(const QRectF& rect)
{
    if (m_bounds.contains(rect))
        return;
    prepareGeometryChange();
    m_bounds = m_bounds.isNull() ? rect : m_bounds.united(rect);
}

void EdgeOverview::invalidate()
{
    m_valid = false;
    update();
}

void EdgeOverview::drawLines(QPainter* painter) const
{
    for (const EdgeItem* edge : m_edges)
        edge->paintFarOut(painter);
}

void EdgeOverview::drawNewLines()
{
    const qreal ratio = m_image.devicePixelRatio();
    const QTransform toPixels = m_transform * QTransform::fromScale(ratio, ratio);
    const double pixelsPerUnit = std::sqrt(std::abs(toPixels.determinant()));
    std::vector<const EdgeItem*> wide; // a replay's translucent or thick lines: QPainter draws them
    for (std::size_t i = m_drawn; i < m_edges.size(); ++i) {
        const EdgeItem* edge = m_edges[i];
        const QPen pen = edge->farOutPen();
        if (pen.color().alpha() == 255 && pen.widthF() * pixelsPerUnit <= 1.5) {
            if (edge->line().length() >= 1)
                drawThinLine(m_image, toPixels.map(edge->line()), pen.color().rgb());
        } else {
            wide.push_back(edge);
        }
    }
    m_drawn = m_edges.size();
    if (wide.empty())
        return;
    QPainter onto(&m_image);
    onto.setTransform(m_transform);
    for (const EdgeItem* edge : wide)
        edge->paintFarOut(&onto);
}

void EdgeOverview::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option);
    const QTransform transform = painter->worldTransform();
    if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(transform) >= kDetailLevel)
        return; // each line draws itself
    const QPaintDevice* device = painter->device();
    if (!widget || !device) {
        drawLines(painter); // an export: no view to keep an image for
        return;
    }
    const qreal ratio = device->devicePixelRatio();
    const QSize size(qRound(device->width() * ratio), qRound(device->height() * ratio));
    if (!m_valid || widget != m_widget || transform != m_transform || m_image.size() != size) {
        if (m_image.size() != size) {
            m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
            m_image.setDevicePixelRatio(ratio);
        }
        m_image.fill(Qt::transparent);
        m_widget = widget;
        m_transform = transform;
        m_drawn = 0;
        m_valid = true;
    }
    if (m_drawn < m_edges.size())
        drawNewLines();
    painter->save();
    painter->resetTransform();
    painter->drawImage(QPointF(0, 0), m_image);
    painter->restore();
}

} // namespace firedrill::ui
