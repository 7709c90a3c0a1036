#include "ThinLine.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace firedrill::ui {

namespace {

/// Liang-Barsky: shortens `line` to the part inside [0, width] x [0, height]; false when nothing is left.
bool clipToRect(QLineF& line, double width, double height)
{
    const double dx = line.dx();
    const double dy = line.dy();
    double t0 = 0;
    double t1 = 1;
    // Each side as p * t <= q.
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {line.x1(), width - line.x1(), line.y1(), height - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false; // parallel to this side and outside it
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    line = QLineF(line.pointAt(t0), line.pointAt(t1));
    return true;
}

} // namespace

void drawThinLine(QImage& image, const QLineF& line, QRgb rgb)
{
    const int width = image.width();
    const int height = image.height();
    if (width == 0 || height == 0)
        return;
    if (!std::isfinite(line.x1()) || !std::isfinite(line.y1()) || !std::isfinite(line.x2()) || !std::isfinite(line.y2()))
        return; // nothing sensible to draw, and rounding it would land anywhere
    QLineF clipped = line;
    // Clipped to the pixel centres' span so the rounded ends always fall inside the image.
    clipped.translate(-0.5, -0.5);
    if (!clipToRect(clipped, width - 1, height - 1))
        return;
    // Clamped as well: for ends millions of pixels away, the clipped ends may round one pixel out.
    const auto toPixel = [](double v, int size) { return std::clamp(static_cast<int>(std::lround(v)), 0, size - 1); };
    int x = toPixel(clipped.x1(), width);
    int y = toPixel(clipped.y1(), height);
    const int x1 = toPixel(clipped.x2(), width);
    const int y1 = toPixel(clipped.y2(), height);
    const int dx = std::abs(x1 - x);
    const int dy = -std::abs(y1 - y);
    const int sx = x < x1 ? 1 : -1;
    const int sy = y < y1 ? 1 : -1;
    const qsizetype stride = image.bytesPerLine() / 4;
    auto* bits = reinterpret_cast<QRgb*>(image.bits());
    const QRgb pixel = rgb | 0xff000000u;
    int error = dx + dy;
    for (;;) {
        bits[y * stride + x] = pixel;
        if (x == x1 && y == y1)
            break;
        const int twice = 2 * error;
        if (twice >= dy) {
            error += dy;
            x += sx;
        }
        if (twice <= dx) {
            error += dx;
            y += sy;
        }
    }
}

} // namespace firedrill::ui
