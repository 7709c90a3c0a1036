#pragma once

#include <QString>

class QGraphicsScene;

namespace firedrill::ui {

/// Renders the whole diagram to a PNG at twice the scene resolution (crisp on slides); false on failure.
bool exportDiagramPng(QGraphicsScene& scene, const QString& path);
/// Renders the whole diagram to an SVG file (vector, for slides); false on failure.
bool exportDiagramSvg(QGraphicsScene& scene, const QString& path, const QString& title);

} // namespace firedrill::ui
