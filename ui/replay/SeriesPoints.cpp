#include "SeriesPoints.h"

#include <algorithm>

namespace firedrill::ui {

QList<QPointF> seriesPoints(const std::vector<double>& values, double step, double scale, int maxPoints)
{
    QList<QPointF> out;
    const std::size_t n = values.size();
    const auto point = [&](std::size_t i) { return QPointF(static_cast<double>(i) * step, values[i] * scale); };
    if (n <= static_cast<std::size_t>(std::max(4, maxPoints))) {
        out.reserve(static_cast<qsizetype>(n));
        for (std::size_t i = 0; i < n; ++i)
            out.append(point(i));
        return out;
    }
    const std::size_t buckets = static_cast<std::size_t>(std::max(1, maxPoints / 4));
    const std::size_t width = (n + buckets - 1) / buckets;
    out.reserve(static_cast<qsizetype>(buckets * 4));
    for (std::size_t first = 0; first < n; first += width) {
        const std::size_t last = std::min(n, first + width) - 1;
        std::size_t lo = first, hi = first;
        for (std::size_t i = first; i <= last; ++i) {
            if (values[i] < values[lo])
                lo = i;
            if (values[i] > values[hi])
                hi = i;
        }
        std::vector<std::size_t> keep{first, lo, hi, last};
        std::sort(keep.begin(), keep.end());
        keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
        for (std::size_t i : keep)
            out.append(point(i));
    }
    return out;
}

} // namespace firedrill::ui
