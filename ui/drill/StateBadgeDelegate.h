#pragma once

#include <QStyledItemDelegate>

namespace firedrill::ui {

/// Paints a cell as a coloured badge (a rounded pill with white text): the review state of a plan in the
/// plan list. The badge colour is the cell's kBadgeColorRole data; cells without it paint as usual.
class StateBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// The item data role holding the badge QColor.
    static constexpr int kBadgeColorRole = Qt::UserRole + 40;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace firedrill::ui
