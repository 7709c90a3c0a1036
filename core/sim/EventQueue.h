#pragma once

#include "Event.h"

#include <cstddef>
#include <vector>

namespace firedrill::sim {

/// A binary min-heap of events ordered by (time, sequence): simultaneous events come out in the order
/// they were scheduled, so runs are reproducible.
class EventQueue
{
public:
    /// Adds an event; its sequence number is assigned here.
    void push(Event event);
    /// Removes and returns the earliest event. The queue must not be empty.
    Event pop();
    /// The earliest event. The queue must not be empty.
    const Event& top() const { return m_heap.front(); }
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    /// Drops every event and restarts the sequence.
    void clear();
    /// Reserves room for `n` events.
    void reserve(std::size_t n) { m_heap.reserve(n); }

private:
    std::vector<Event> m_heap;
    std::uint64_t m_next = 0;
};

} // namespace firedrill::sim
