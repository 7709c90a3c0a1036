#pragma once

#include "AvailabilityRun.h"

#include <QObject>
#include <atomic>
#include <memory>
#include <thread>

namespace firedrill::ui {

/// Runs Monte Carlo for a copy of a topology on a worker thread and reports back on the GUI thread
/// through queued calls. One run at a time; destroying the runner cancels a run and joins its thread.
class AvailabilityRunner : public QObject
{
    Q_OBJECT

public:
    /// A runner that lives on the calling (GUI) thread.
    explicit AvailabilityRunner(QObject* parent = nullptr);
    /// Cancels a run in progress and waits for its thread to end.
    ~AvailabilityRunner() override;

    /// Starts simulating `years` years of `topology` (copied) with `seed`; false when a run is in progress.
    /// `revision` is stored in the run so its owner can tell whether the design changed since.
    bool start(const Topology& topology, std::uint64_t years, std::uint64_t seed, std::uint64_t revision);
    /// Asks the run in progress to stop; finished() follows with a cancelled run.
    void cancel();
    /// True from start() until finished() is emitted.
    bool isRunning() const { return m_running; }
    /// The last finished run, or null before the first one ends.
    std::shared_ptr<const AvailabilityRun> lastRun() const { return m_last; }

signals:
    /// Years simulated so far out of `total`; emitted a few times a second on the GUI thread.
    void progressed(quint64 done, quint64 total);
    /// The run ended (complete, cancelled or refused); lastRun() holds it.
    void finished();

private:
    void complete(std::shared_ptr<const AvailabilityRun> run);

    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    std::shared_ptr<const AvailabilityRun> m_last;
};

} // namespace firedrill::ui
