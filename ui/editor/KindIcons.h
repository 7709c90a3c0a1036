#pragma once

#include "core/model/ComponentKind.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPainter;
class QRectF;

namespace firedrill::ui {

/// The resource path of a kind's SVG icon (one icon per kind family), e.g. ":/kinds/data.svg".
QString kindIconPath(ComponentKind kind);
/// The kind's icon for lists and menus.
QIcon kindIcon(ComponentKind kind);
/// Draws the kind's icon crisply into `rect` (vector, at any zoom).
void paintKindIcon(QPainter* painter, const QRectF& rect, ComponentKind kind);
/// The accent colour of the kind's family, used for the card's stripe.
QColor kindColor(ComponentKind kind);

} // namespace firedrill::ui
