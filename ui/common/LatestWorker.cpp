#include "LatestWorker.h"

#include "QueuedCall.h"

#include <utility>

namespace firedrill::ui {

LatestWorker::LatestWorker(QObject* parent) : QObject(parent) {}

LatestWorker::~LatestWorker() = default; // m_thread joins; its queued delivery is dropped with this object

void LatestWorker::request(Prepare prepare)
{
    ++m_generation;
    m_next = std::move(prepare);
    if (!m_running)
        startNext();
}

void LatestWorker::cancel()
{
    ++m_generation;
    m_next = nullptr;
}

void LatestWorker::startNext()
{
    Work work = std::exchange(m_next, nullptr)();
    m_running = true;
    // Assigning joins the previous thread, which has already queued its delivery.
    m_thread = std::jthread([this, work = std::move(work), generation = m_generation] {
        Deliver deliver = work();
        // This object outlives the thread (its destructor joins first), and a call queued to it is dropped
        // if it is destroyed before the call runs.
        queueCall(this, [this, deliver = std::move(deliver), generation] {
            m_running = false;
            if (m_next)
                startNext(); // a newer request waited: this result is already stale
            else if (generation == m_generation && deliver)
                deliver();
        });
    });
}

} // namespace firedrill::ui
