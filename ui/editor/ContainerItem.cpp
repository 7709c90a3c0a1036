#include "ContainerItem.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace firedrill::ui {

namespace {

QColor fillOf(ContainerBox::Kind kind)
{
    switch (kind) {
    case ContainerBox::Kind::Global: return QColor(0xee, 0xf4, 0xfc);
    case ContainerBox::Kind::Region: return QColor(0xf1, 0xf4, 0xf8);
    case ContainerBox::Kind::Site: return QColor(0xef, 0xf6, 0xec);
    case ContainerBox::Kind::Links: return QColor(0xf4, 0xf4, 0xf4);
    case ContainerBox::Kind::Unplaced: return QColor(0xfd, 0xf1, 0xf1);
    }
    return Qt::white;
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
    const QColor red(0xd0, 0x21, 0x21);
    painter->setPen(m_spof ? QPen(red, 4) : QPen(QColor(0x9f, 0xb0, 0xc2), 1.6));
    painter->setBrush(fillOf(m_box.kind));
    painter->drawRoundedRect(m_box.rect, 12, 12);

    QFont title = painter->font();
    title.setPointSizeF(14);
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(QColor(0x24, 0x30, 0x3e));
    const QRectF titleRect = m_box.rect.adjusted(14, 7, -14, 0);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetricsF(title).elidedText(m_box.title, Qt::ElideRight, titleRect.width()));

    QFont laneFont = painter->font();
    laneFont.setPointSizeF(11);
    for (const LaneBox& lane : m_box.lanes) {
        const bool spof = std::find(m_spofLanes.begin(), m_spofLanes.end(), lane.zone) != m_spofLanes.end();
        painter->setPen(spof ? QPen(red, 3) : QPen(QColor(0xc9, 0xd3, 0xde), 1.2));
        painter->setBrush(lane.zone == 0 ? QColor(0xfa, 0xfb, 0xfd) : Qt::white);
        painter->drawRoundedRect(lane.rect, 8, 8);
        painter->setFont(laneFont);
        painter->setPen(QColor(0x4f, 0x5d, 0x6c));
        const QString label = lane.zone == 0 ? QCoreApplication::translate("ContainerItem", "Region-\nwide")
                                             : QCoreApplication::translate("ContainerItem", "Zone %1").arg(lane.zone);
        // At the top of the lane, clear of the lines that leave the cards at mid-height.
        painter->drawText(QRectF(lane.rect.left() + 8, lane.rect.top() + 4, 56, lane.rect.height() - 4),
                          Qt::AlignLeft | Qt::AlignTop, label);
    }
}

} // namespace firedrill::ui
