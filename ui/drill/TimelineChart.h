#pragma once

#include "core/drill/DrillPlan.h"

#include <QImage>

namespace firedrill::ui {

/// The expected timeline of a plan's runbook as a Gantt chart: one bar per step from its expected start
/// (elapsed minus duration) to its expected completion, coloured by phase, with a time axis from the start
/// of the fault and the objective's RTO target marked.
class TimelineChart
{
public:
    /// Paints the chart `width` pixels wide (the height follows from the number of steps).
    static QImage render(const DrillPlan& plan, int width);
};

} // namespace firedrill::ui
