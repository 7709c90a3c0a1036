#include "DiagramExport.h"

#include "CanvasColors.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace firedrill::ui {

namespace {

constexpr double kScale = 2.0;

/// The scene's content with a margin, with the selection hidden while rendering.
template <class Paint>
void renderClean(QGraphicsScene& scene, Paint paint)
{
    const QList<QGraphicsItem*> selected = scene.selectedItems();
    scene.clearSelection();
    paint(scene.itemsBoundingRect().adjusted(-30, -30, 30, 30));
    for (QGraphicsItem* item : selected)
        item->setSelected(true);
}

} // namespace

bool exportDiagramPng(QGraphicsScene& scene, const QString& path)
{
    bool ok = false;
    renderClean(scene, [&](const QRectF& source) {
        QImage image((source.size() * kScale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(canvasColors().background);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), source.size() * kScale), source);
        painter.end();
        ok = !image.isNull() && image.save(path, "PNG");
    });
    return ok;
}

bool exportDiagramSvg(QGraphicsScene& scene, const QString& path, const QString& title)
{
    bool ok = false;
    renderClean(scene, [&](const QRectF& source) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setTitle(title);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        QPainter painter;
        if (!painter.begin(&svg))
            return;
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), canvasColors().background);
        scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        ok = painter.end();
    });
    return ok;
}

} // namespace firedrill::ui
