#pragma once

#include <QObject>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <thread>

namespace firedrill::ui {

/// From this many components on, what would hold the window on every change (the summary figures, a
/// strategy preview) is computed on a LatestWorker.
inline constexpr std::size_t kWorkerComponents = 2000;

/// Runs one computation at a time on a worker thread and hands only the newest request's result back to
/// the GUI thread. A request made while one runs waits for it (there is never more than one thread, and
/// nothing is copied for requests that a later one replaces); a result whose request was replaced or
/// cancelled meanwhile is dropped. Used where a large topology would hold the window (the summary strip,
/// the strategy preview, the strategy analysis).
class LatestWorker : public QObject
{
public:
    /// What the GUI thread does with a result.
    using Deliver = std::function<void()>;
    /// What runs on the worker thread: computes, and returns how to deliver the result.
    using Work = std::function<Deliver()>;
    /// Called on the GUI thread when the worker is free: takes what the work needs (copies of the inputs
    /// as they are then) and returns the work.
    using Prepare = std::function<Work()>;

    explicit LatestWorker(QObject* parent = nullptr);
    /// Waits for the computation under way; its result is dropped.
    ~LatestWorker() override;

    /// Computes what `prepare` asks for, replacing any request not yet started and dropping the result of
    /// the one under way.
    void request(Prepare prepare);
    /// Drops any request not started and the result of the one under way.
    void cancel();
    /// True while a computation runs or waits to run (a cancelled one runs to its end, its result dropped).
    bool busy() const { return m_running || static_cast<bool>(m_next); }

private:
    void startNext();

    Prepare m_next;                 ///< the request waiting for the worker
    std::uint64_t m_generation = 0; ///< increases with every request and cancel
    bool m_running = false;
    std::jthread m_thread;          ///< last, so it is joined before the rest goes
};

} // namespace firedrill::ui
