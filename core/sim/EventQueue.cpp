#include "EventQueue.h"

#include <utility>

namespace firedrill::sim {

void EventQueue::push(Event event)
{
    event.sequence = m_next++;
    std::size_t i = m_heap.size();
    m_heap.push_back(event);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (!before(event, m_heap[parent]))
            break;
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = event;
}

Event EventQueue::pop()
{
    const Event result = m_heap.front();
    const Event last = m_heap.back();
    m_heap.pop_back();
    const std::size_t n = m_heap.size();
    if (n > 0) {
        std::size_t i = 0;
        for (;;) {
            std::size_t child = 2 * i + 1;
            if (child >= n)
                break;
            if (child + 1 < n && before(m_heap[child + 1], m_heap[child]))
                ++child;
            if (!before(m_heap[child], last))
                break;
            m_heap[i] = m_heap[child];
            i = child;
        }
        m_heap[i] = last;
    }
    return result;
}

void EventQueue::clear()
{
    m_heap.clear();
    m_next = 0;
}

} // namespace firedrill::sim
