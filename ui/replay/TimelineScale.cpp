#include "TimelineScale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace firedrill::ui {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
/// Below this many pixels per 10 seconds, drags snap to whole minutes.
constexpr double kFineSnapPixels = 4.0;

} // namespace

TimelineScale::TimelineScale(qint64 durationMs, double left, double width)
    : m_duration(std::max<qint64>(durationMs, 1)), m_left(left), m_width(std::max(width, 1.0)),
      m_perMs(m_width / static_cast<double>(m_duration))
{
}

double TimelineScale::xOf(qint64 ms) const
{
    return m_left + static_cast<double>(ms) * m_perMs;
}

qint64 TimelineScale::msAt(double x) const
{
    const auto ms = static_cast<qint64>(std::llround((x - m_left) / m_perMs));
    return std::clamp<qint64>(ms, 0, m_duration);
}

qint64 TimelineScale::labelStep(double minPixels) const
{
    static constexpr std::array<qint64, 16> steps{10 * kSecond, 30 * kSecond, kMinute,      2 * kMinute,
                                                  5 * kMinute,  10 * kMinute, 15 * kMinute, 30 * kMinute,
                                                  kHour,        2 * kHour,    3 * kHour,    6 * kHour,
                                                  12 * kHour,   24 * kHour,   48 * kHour,   168 * kHour};
    for (qint64 step : steps)
        if (static_cast<double>(step) * m_perMs >= minPixels)
            return step;
    return steps.back();
}

qint64 TimelineScale::snapStep() const
{
    return 10.0 * static_cast<double>(kSecond) * m_perMs < kFineSnapPixels ? kMinute : 10 * kSecond;
}

qint64 TimelineScale::snap(qint64 ms) const
{
    const qint64 step = snapStep();
    return static_cast<qint64>(std::llround(static_cast<double>(ms) / static_cast<double>(step))) * step;
}

} // namespace firedrill::ui
