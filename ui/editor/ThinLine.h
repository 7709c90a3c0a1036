#pragma once

#include <QImage>
#include <QLineF>

namespace firedrill::ui {

/// Draws `line` (in the image's pixels) one pixel wide, without antialiasing, in the opaque colour `rgb`,
/// onto `image` (Format_ARGB32_Premultiplied or Format_RGB32): the part outside the image is clipped, and
/// the pixels are those of the Bresenham line between the rounded ends of the clipped segment. QPainter
/// takes several times longer for the same pixels (a far-out canvas draws tens of thousands of long lines).
void drawThinLine(QImage& image, const QLineF& line, QRgb rgb);

} // namespace firedrill::ui
