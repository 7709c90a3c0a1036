#pragma once

#include "EventQueue.h"

#include <cstdint>
#include <vector>

namespace firedrill::sim {

class Simulator;

/// Receives the events addressed to it. Models implement this.
class EventHandler
{
public:
    virtual ~EventHandler() = default;
    /// Handles one event; may schedule more on `sim`.
    virtual void handle(Simulator& sim, const Event& event) = 0;
};

/// Watches a run without changing it (the GUI, the CLI, recorders). Never receives Qt types.
class SimObserver
{
public:
    virtual ~SimObserver() = default;
    /// Called after each event has been handled.
    virtual void onEvent(const Event& event) = 0;
};

/// The discrete-event kernel: a clock, an event queue with stable order, handlers, observers and a
/// fingerprint of the event trace. Knows nothing of what the events mean.
class Simulator
{
public:
    /// Registers a handler; returns the target index events use to reach it.
    std::uint32_t addHandler(EventHandler* handler);
    /// Registers an observer (not owned).
    void addObserver(SimObserver* observer) { m_observers.push_back(observer); }

    /// Schedules an event at absolute time `time` (ms); never before now.
    void schedule(std::int64_t time, std::uint32_t target, std::uint32_t kind, std::uint64_t payload = 0);
    /// Schedules an event `delay` ms from now.
    void scheduleIn(std::int64_t delay, std::uint32_t target, std::uint32_t kind, std::uint64_t payload = 0)
    {
        schedule(m_now + delay, target, kind, payload);
    }

    /// Handles every event up to and including `end`, then sets the clock to `end`.
    void runUntil(std::int64_t end);
    /// Handles the next event if there is one at or before `end`; false otherwise.
    bool step(std::int64_t end);
    /// Time of the next event, or -1 when none is scheduled.
    std::int64_t nextTime() const { return m_queue.empty() ? -1 : m_queue.top().time; }

    /// Current simulated time in ms.
    std::int64_t now() const { return m_now; }
    /// Events handled so far.
    std::uint64_t eventsHandled() const { return m_handled; }
    /// FNV-1a hash of every handled event's (time, target, kind, payload), when fingerprinting is on.
    std::uint64_t fingerprint() const { return m_fingerprint; }
    /// Fingerprinting costs a little per event; Monte Carlo turns it off.
    void setFingerprinting(bool on) { m_fingerprinting = on; }
    /// Reserves queue room.
    void reserve(std::size_t events) { m_queue.reserve(events); }
    /// Empties the queue and resets clock, counters and fingerprint (handlers stay registered).
    void reset();

private:
    void dispatch(const Event& event);

    EventQueue m_queue;
    std::vector<EventHandler*> m_handlers;
    std::vector<SimObserver*> m_observers;
    std::int64_t m_now = 0;
    std::uint64_t m_handled = 0;
    std::uint64_t m_fingerprint = 0xCBF29CE484222325ull;
    bool m_fingerprinting = true;
};

} // namespace firedrill::sim
