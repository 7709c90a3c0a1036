#pragma once

#include "ReplayBatch.h"

#include "core/model/Topology.h"
#include "core/sim/ReplayResult.h"

#include <QObject>
#include <memory>

namespace firedrill::ui {

/// Runs one scenario replay on a worker thread for the replay page: the GUI asks for a time (play, seek)
/// or the next narrated event (step), and receives a ReplayBatch back on its own thread. One request is
/// worked on at a time and only the newest waiting one is kept, so a slow step never queues up. Going
/// back in time replays from the start (runs are deterministic). The window never waits for it.
class ReplayEngine : public QObject
{
    Q_OBJECT

public:
    explicit ReplayEngine(QObject* parent = nullptr);
    ~ReplayEngine() override;

    /// Starts a new run of `scenario` of `topology` (copied) at time 0 and publishes its first batch.
    /// Returns the run's number; batches of older runs are never delivered after this.
    std::uint64_t start(const Topology& topology, const ScenarioId& scenario, const sim::ReplayOptions& options);
    /// Asks for the state at `timeMs` (clamped to the scenario).
    void seek(std::int64_t timeMs);
    /// Asks for the state just after the next narrated event (or the end).
    void stepToNextEvent();
    /// True until the answer to the newest request has been delivered (worked on, waiting, or on its way).
    bool busy() const;
    /// The run the newest batches belong to.
    std::uint64_t run() const { return m_run; }

signals:
    /// A request was done (on the GUI thread).
    void batchReady(const std::shared_ptr<const firedrill::ui::ReplayBatch>& batch);
    /// The run could not start (an unknown scenario); `message` says why.
    void failed(const QString& message);

private:
    struct Worker;
    void deliver(std::shared_ptr<ReplayBatch> batch);
    std::unique_ptr<Worker> m_worker;
    std::uint64_t m_run = 0;
    std::uint64_t m_requested = 0; ///< id of the newest request
    std::uint64_t m_delivered = 0; ///< id of the newest request answered on this thread
};

} // namespace firedrill::ui
