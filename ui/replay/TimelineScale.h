#pragma once

#include <QtGlobal>

namespace firedrill::ui {

/// Maps scenario time to x positions on a timeline and back, and picks the ruler's label step and the
/// snap step for drags from how many pixels a unit of time takes.
class TimelineScale
{
public:
    /// `durationMs` of scenario time drawn over `width` pixels starting at x = `left`.
    TimelineScale(qint64 durationMs, double left, double width);

    /// The x of time `ms` (not clamped).
    double xOf(qint64 ms) const;
    /// The time at x, clamped to the scenario.
    qint64 msAt(double x) const;
    /// Pixels per millisecond.
    double pixelsPerMs() const { return m_perMs; }
    /// The smallest "round" clock step (10s, 30s, 1m, 5m, 10m, 15m, 30m, 1h, ...) whose labels are at
    /// least `minPixels` apart.
    qint64 labelStep(double minPixels) const;
    /// What drags snap to: 10 seconds, or one minute when 10 seconds is only a few pixels wide.
    qint64 snapStep() const;
    /// `ms` rounded to the nearest snapStep().
    qint64 snap(qint64 ms) const;
    /// The scenario length.
    qint64 duration() const { return m_duration; }

private:
    qint64 m_duration;
    double m_left;
    double m_width;
    double m_perMs;
};

} // namespace firedrill::ui
