#include "Simulator.h"

#include <cassert>

namespace firedrill::sim {

namespace {
void mix(std::uint64_t& h, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i) {
        h ^= (value >> (8 * i)) & 0xFFu;
        h *= 0x100000001B3ull;
    }
}
} // namespace

std::uint32_t Simulator::addHandler(EventHandler* handler)
{
    m_handlers.push_back(handler);
    return static_cast<std::uint32_t>(m_handlers.size() - 1);
}

void Simulator::schedule(std::int64_t time, std::uint32_t target, std::uint32_t kind, std::uint64_t payload)
{
    assert(target < m_handlers.size());
    m_queue.push(Event{time < m_now ? m_now : time, 0, target, kind, payload});
}

void Simulator::dispatch(const Event& event)
{
    m_now = event.time;
    ++m_handled;
    if (m_fingerprinting) {
        mix(m_fingerprint, static_cast<std::uint64_t>(event.time));
        mix(m_fingerprint, (static_cast<std::uint64_t>(event.target) << 32) | event.kind);
        mix(m_fingerprint, event.payload);
    }
    m_handlers[event.target]->handle(*this, event);
    for (SimObserver* o : m_observers)
        o->onEvent(event);
}

bool Simulator::step(std::int64_t end)
{
    if (m_queue.empty() || m_queue.top().time > end)
        return false;
    dispatch(m_queue.pop());
    return true;
}

void Simulator::runUntil(std::int64_t end)
{
    while (!m_queue.empty() && m_queue.top().time <= end)
        dispatch(m_queue.pop());
    if (end > m_now)
        m_now = end;
}

void Simulator::reset()
{
    m_queue.clear();
    m_now = 0;
    m_handled = 0;
    m_fingerprint = 0xCBF29CE484222325ull;
}

} // namespace firedrill::sim
