#include "ContainerItem.h"

#include "CanvasColors.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace firedrill::ui {

namespace {

QColor fillOf(ContainerBox::Kind kind, const CanvasColors& c)
{
    switch (kind) {
    case ContainerBox::Kind::Global: return c.global;
    case ContainerBox::Kind::Region: return c.region;
    case ContainerBox::Kind::Site: return c.site;
    case ContainerBox::Kind::Links: return c.links;
    case ContainerBox::Kind::Unplaced: return c.unplaced;
    }
    return c.background;
}

} // namespace

ContainerItem::ContainerItem(ContainerBox box, QGraphicsItem* parent) : QGraphicsItem(parent), m_box(std::move(box))
{
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
}

void ContainerItem::setSpof(bool whole, std::vector<int> lanes)
{
    m_spof = whole;
    m_spofLanes = std::move(lanes);
    update();
}

QRectF ContainerItem::boundingRect() const
{
    return m_box.rect.adjusted(-3, -3, 3, 3);
}

void ContainerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option);
    Q_UNUSED(widget);
    painter->setRenderHint(QPainter::Antialiasing);
    const CanvasColors& colors = canvasColors();
    const QColor red = colors.danger;
    painter->setPen(m_spof ? QPen(red, 4) : QPen(colors.containerBorder, 1.6));
    painter->setBrush(fillOf(m_box.kind, colors));
    painter->drawRoundedRect(m_box.rect, 12, 12);

    QFont title = painter->font();
    title.setPointSizeF(14);
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(colors.containerTitle);
    const QRectF titleRect = m_box.rect.adjusted(14, 7, -14, 0);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetricsF(title).elidedText(m_box.title, Qt::ElideRight, titleRect.width()));

    QFont laneFont = painter->font();
    laneFont.setPointSizeF(11);
    for (const LaneBox& lane : m_box.lanes) {
        const bool spof = std::find(m_spofLanes.begin(), m_spofLanes.end(), lane.zone) != m_spofLanes.end();
        painter->setPen(spof ? QPen(red, 3) : QPen(colors.laneBorder, 1.2));
        painter->setBrush(lane.zone == 0 ? colors.laneRegionWide : colors.laneFill);
        painter->drawRoundedRect(lane.rect, 8, 8);
        painter->setFont(laneFont);
        painter->setPen(colors.laneLabel);
        const QString label = lane.zone == 0 ? QCoreApplication::translate("ContainerItem", "Region-\nwide")
                                             : QCoreApplication::translate("ContainerItem", "Zone %1").arg(lane.zone);
        // At the top of the lane, clear of the lines that leave the cards at mid-height.
        painter->drawText(QRectF(lane.rect.left() + 8, lane.rect.top() + 4, 56, lane.rect.height() - 4),
                          Qt::AlignLeft | Qt::AlignTop, label);
    }
}

} // namespace firedrill::ui
