#pragma once

#include <QList>
#include <QPointF>
#include <vector>

namespace firedrill::ui {

/// The points a chart draws for `values` sampled every `step` x units (index i at x = i x step), each
/// value times `scale`: all of them when there are at most `maxPoints`, else each bucket of consecutive
/// samples reduced to its first, minimum, maximum and last values in time order, so spikes and steps
/// survive (a 24-hour run at 1 s has 86,401 samples).
QList<QPointF> seriesPoints(const std::vector<double>& values, double step, double scale = 1.0, int maxPoints = 1600);

} // namespace firedrill::ui
