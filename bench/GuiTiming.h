#pragma once

// Timing helpers shared by the GUI benchmarks: percentiles of a sample, and a heartbeat on the GUI thread
// whose gaps are the moments a window could not repaint.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <algorithm>
#include <vector>

namespace firedrill::bench {

/// The `p` quantile (0..1) of `values` (nearest rank); 0 for an empty sample.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

/// Records the gaps, in milliseconds, between beats of a 2 ms timer on the GUI thread.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(2);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_gaps.push_back(static_cast<double>(m_beat.nsecsElapsed()) / 1e6);
            m_beat.restart();
        });
    }
    /// Starts counting from now, forgetting earlier gaps.
    void start()
    {
        m_gaps.clear();
        m_beat.start();
        m_timer.start();
    }
    /// Stops; the gaps seen, the time since the last beat included.
    std::vector<double> stop()
    {
        m_timer.stop();
        m_gaps.push_back(static_cast<double>(m_beat.nsecsElapsed()) / 1e6);
        return m_gaps;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_beat;
    std::vector<double> m_gaps;
};

} // namespace firedrill::bench
