#pragma once

#include <QStyledItemDelegate>

namespace firedrill::ui {

/// Paints a plan of the plan list on two lines: its name in bold, and below it the review state as a
/// coloured badge (a rounded pill with white text) followed by a detail line (revision, workload). The
/// badge colour is the cell's kBadgeColorRole data, its text kBadgeTextRole, the detail kDetailRole;
/// cells without a badge colour paint as usual.
class StateBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// The item data role holding the badge QColor.
    static constexpr int kBadgeColorRole = Qt::UserRole + 40;
    /// The item data role holding the badge text.
    static constexpr int kBadgeTextRole = Qt::UserRole + 41;
    /// The item data role holding the text after the badge.
    static constexpr int kDetailRole = Qt::UserRole + 42;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace firedrill::ui
