#pragma once

#include <QMetaObject>
#include <QObject>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#define FIREDRILL_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define FIREDRILL_THREAD_SANITIZER 1
#endif
#endif
#ifdef FIREDRILL_THREAD_SANITIZER
#include <sanitizer/tsan_interface.h>
#endif

namespace firedrill::ui {

/// A call handed from a worker thread to a QObject's thread through Qt's event queue.
///
/// Qt orders the hand-off (a mutex guards its queue of posted events), so everything the worker did
/// before queueing the call is visible to the call. Debian's Qt is not built with ThreadSanitizer,
/// which therefore cannot see that mutex and would report every captured value as a race. Under
/// ThreadSanitizer this wrapper tells it the order Qt guarantees: each construction (the last one is
/// inside Qt's slot object, after everything the worker wrote) releases at the call's own address, and
/// the call acquires there before it reads anything. The slot object is reference-counted by both
/// threads and deleted by whichever lets go last, which may be the worker after the call has run: so
/// the call releases again when it returns, and the destructor acquires. Elsewhere it adds nothing.
template <typename F>
class QueuedCall
{
public:
    explicit QueuedCall(F call) : m_call(std::move(call)) { released(); }
    QueuedCall(QueuedCall&& other) noexcept(std::is_nothrow_move_constructible_v<F>)
        : m_call(std::move(other.m_call))
    {
        released();
    }
    QueuedCall(const QueuedCall&) = delete;
    QueuedCall& operator=(const QueuedCall&) = delete;
    QueuedCall& operator=(QueuedCall&&) = delete;
    ~QueuedCall() { acquired(); }

    void operator()()
    {
        acquired();
        m_call();
        released();
    }

private:
    void released()
    {
#ifdef FIREDRILL_THREAD_SANITIZER
        __tsan_release(this);
#endif
    }
    void acquired()
    {
#ifdef FIREDRILL_THREAD_SANITIZER
        __tsan_acquire(this);
#endif
    }

    F m_call;
};

/// Runs `call` on `receiver`'s thread, from its event loop; dropped if `receiver` is destroyed first.
/// The only way worker threads hand results to the GUI thread.
template <typename F>
void queueCall(QObject* receiver, F&& call)
{
    QMetaObject::invokeMethod(receiver, QueuedCall<std::decay_t<F>>(std::forward<F>(call)),
                              Qt::QueuedConnection);
}

} // namespace firedrill::ui
