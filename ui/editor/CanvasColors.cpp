#include "CanvasColors.h"

#include <QGuiApplication>
#include <QPalette>

namespace firedrill::ui {

CanvasColors CanvasColors::fromPalette(const QPalette& palette)
{
    CanvasColors c;
    c.dark = palette.color(QPalette::Window).lightness() < 128;
    if (!c.dark) {
        c.background = Qt::white;
        c.global = QColor(0xee, 0xf4, 0xfc);
        c.region = QColor(0xf1, 0xf4, 0xf8);
        c.site = QColor(0xef, 0xf6, 0xec);
        c.links = QColor(0xf4, 0xf4, 0xf4);
        c.unplaced = QColor(0xfd, 0xf1, 0xf1);
        c.containerBorder = QColor(0x9f, 0xb0, 0xc2);
        c.containerTitle = QColor(0x24, 0x30, 0x3e);
        c.laneBorder = QColor(0xc9, 0xd3, 0xde);
        c.laneFill = Qt::white;
        c.laneRegionWide = QColor(0xfa, 0xfb, 0xfd);
        c.laneLabel = QColor(0x4f, 0x5d, 0x6c);
        c.cardFill = Qt::white;
        c.replicaFill = QColor(0xfb, 0xfb, 0xf8);
        c.cardBorder = QColor(0xb8, 0xc0, 0xc8);
        c.cardShadow = QColor(0, 0, 0, 28);
        c.cardTitle = QColor(0x1d, 0x23, 0x2b);
        c.cardSubtitle = QColor(0x5a, 0x64, 0x70);
        c.cardFigures = QColor(0x24, 0x2c, 0x36);
        c.separator = QColor(0x8a, 0x94, 0xa0);
        c.overlayText = QColor(0x0b, 0x5c, 0xad);
        c.selection = QColor(0x1a, 0x73, 0xe8);
        c.danger = QColor(0xd0, 0x21, 0x21);
        c.warning = QColor(0xe0, 0x8e, 0x00);
        c.success = QColor(0x1e, 0x8e, 0x3e);
        c.failingOver = QColor(0x7b, 0x3f, 0xd6);
        c.promoted = QColor(0x0b, 0x6f, 0xc9);
        c.restoring = QColor(0x00, 0x83, 0x8f);
        c.edgeDependency = QColor(0x37, 0x41, 0x4d);
        c.edgeEndpoint = QColor(0x1f, 0x6f, 0xc5);
        c.edgeReplication = QColor(0xc0, 0x66, 0x0c);
        c.edgeLink = QColor(0x8a, 0x96, 0xa3);
        c.labelFill = QColor(255, 255, 255, 235);
    } else {
        c.background = QColor(0x1b, 0x1f, 0x24);
        c.global = QColor(0x1d, 0x2b, 0x3c);
        c.region = QColor(0x24, 0x2a, 0x32);
        c.site = QColor(0x1f, 0x2e, 0x22);
        c.links = QColor(0x2a, 0x2c, 0x2f);
        c.unplaced = QColor(0x3a, 0x22, 0x24);
        c.containerBorder = QColor(0x4f, 0x5f, 0x71);
        c.containerTitle = QColor(0xe2, 0xe8, 0xef);
        c.laneBorder = QColor(0x3d, 0x47, 0x53);
        c.laneFill = QColor(0x20, 0x25, 0x2b);
        c.laneRegionWide = QColor(0x22, 0x28, 0x2f);
        c.laneLabel = QColor(0xa9, 0xb6, 0xc3);
        c.cardFill = QColor(0x2c, 0x33, 0x3c);
        c.replicaFill = QColor(0x28, 0x2d, 0x33);
        c.cardBorder = QColor(0x5a, 0x66, 0x73);
        c.cardShadow = QColor(0, 0, 0, 90);
        c.cardTitle = QColor(0xf0, 0xf3, 0xf6);
        c.cardSubtitle = QColor(0xa8, 0xb3, 0xbf);
        c.cardFigures = QColor(0xd9, 0xdf, 0xe5);
        c.separator = QColor(0x80, 0x8b, 0x97);
        c.overlayText = QColor(0x82, 0xbc, 0xf5);
        c.selection = QColor(0x4c, 0x9a, 0xff);
        c.danger = QColor(0xff, 0x5a, 0x5a);
        c.warning = QColor(0xf0, 0xa8, 0x20);
        c.success = QColor(0x4c, 0xc2, 0x6a);
        c.failingOver = QColor(0xb3, 0x8c, 0xff);
        c.promoted = QColor(0x5d, 0xad, 0xff);
        c.restoring = QColor(0x3c, 0xc8, 0xd4);
        c.edgeDependency = QColor(0xb9, 0xc3, 0xce);
        c.edgeEndpoint = QColor(0x62, 0xa6, 0xf0);
        c.edgeReplication = QColor(0xf0, 0x9a, 0x48);
        c.edgeLink = QColor(0x85, 0x92, 0xa0);
        c.labelFill = QColor(0x2c, 0x33, 0x3c, 240);
    }
    return c;
}

const CanvasColors& canvasColors()
{
    static qint64 key = -1;
    static CanvasColors colors;
    const QPalette palette = QGuiApplication::palette();
    if (palette.cacheKey() != key) {
        key = palette.cacheKey();
        colors = CanvasColors::fromPalette(palette);
    }
    return colors;
}

} // namespace firedrill::ui
