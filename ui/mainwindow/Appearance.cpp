#include "Appearance.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace firedrill::ui {

void applyAppearance()
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        QApplication::setStyle(fusion);
        QApplication::setPalette(fusion->standardPalette());
    }
    QFont font = QApplication::font();
    if (font.pointSizeF() < kMinimumFontPointSize)
        font.setPointSizeF(kMinimumFontPointSize);
    QApplication::setFont(font);
}

} // namespace firedrill::ui
