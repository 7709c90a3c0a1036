#include "StateBadgeDelegate.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

namespace firedrill::ui {

void StateBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    const QVariant color = index.data(kBadgeColorRole);
    if (!color.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, base.widget);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor ink = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QRect area = option.rect.adjusted(8, 5, -8, -5);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont titleFont = option.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    painter->setFont(titleFont);
    painter->setPen(ink);
    const QRect titleRect(area.left(), area.top(), area.width(), titleMetrics.height());
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, area.width()));

    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    QFont badgeFont = small;
    badgeFont.setBold(true);
    const QFontMetrics badgeMetrics(badgeFont);
    const QString badge = index.data(kBadgeTextRole).toString();
    const int height = badgeMetrics.height() + 4;
    const QRect pill(area.left(), titleRect.bottom() + 5, badgeMetrics.horizontalAdvance(badge) + 16, height);
    painter->setPen(selected ? QPen(Qt::white, 1.2) : QPen(Qt::NoPen));
    painter->setBrush(color.value<QColor>());
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(badgeFont);
    painter->drawText(pill, Qt::AlignCenter, badge);

    const QFontMetrics smallMetrics(small);
    const QRect detail(pill.right() + 8, pill.top(), area.right() - pill.right() - 8, height);
    painter->setFont(small);
    QColor muted = ink;
    if (!selected)
        muted.setAlphaF(0.65f);
    painter->setPen(muted);
    painter->drawText(
        detail, Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(index.data(kDetailRole).toString(), Qt::ElideRight, detail.width()));
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(kBadgeColorRole).isValid())
        return size;
    QFont titleFont = option.font;
    titleFont.setBold(true);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const int height = QFontMetrics(titleFont).height() + QFontMetrics(small).height() + 4 + 5 + 10;
    size.setHeight(std::max(size.height(), height));
    return size;
}

} // namespace firedrill::ui
