#include "ReplayEngine.h"

#include "core/sim/ScenarioPlayer.h"
#include "ui/common/QueuedCall.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace firedrill::ui {

namespace {

struct Request
{
    enum class Kind { Start, Seek, Step };
    Kind kind = Kind::Seek;
    std::uint64_t run = 0;
    std::uint64_t id = 0; ///< numbered by the GUI thread; the batch carries it back
    std::int64_t timeMs = 0;
    std::shared_ptr<const Topology> topology; ///< Start only
    ScenarioId scenario;
    sim::ReplayOptions options;
};

} // namespace

/// The worker thread and what it shares with the GUI thread (under `mutex`).
struct ReplayEngine::Worker
{
    std::mutex mutex;
    std::condition_variable wake;
    std::optional<Request> starting; ///< a run to start, taken before `pending`
    std::optional<Request> pending;  ///< the newest seek or step not yet taken
    bool working = false;
    bool quit = false;
    std::thread thread;

    // Owned by the worker thread only.
    std::shared_ptr<const Topology> topology;
    ScenarioId scenario;
    sim::ReplayOptions options;
    std::unique_ptr<sim::ScenarioPlayer> player;
    std::uint64_t run = 0;
    std::size_t sentSamples = 0;
    std::size_t sentLog = 0;
    bool finishedSent = false;

    /// Rebuilds the player at time 0; an error text when the scenario does not exist.
    std::optional<std::string> restart()
    {
        auto p = sim::ScenarioPlayer::create(*topology, scenario, options);
        if (!p.ok()) {
            player.reset();
            return p.error().message;
        }
        player = std::move(p).value();
        sentSamples = 0;
        sentLog = 0;
        finishedSent = false;
        return std::nullopt;
    }

    std::shared_ptr<ReplayBatch> handle(const Request& r, std::string& error)
    {
        bool restarted = false;
        std::vector<sim::ReplayLogEntry> planned;
        if (r.kind == Request::Kind::Start) {
            topology = r.topology;
            scenario = r.scenario;
            options = r.options;
            run = r.run;
            if (auto e = restart()) {
                error = *e;
                return nullptr;
            }
            restarted = true;
            // The whole story once, for the log and the timeline (a 24-hour run takes well under a second).
            auto whole = sim::replayScenario(*topology, scenario, options);
            if (whole.ok())
                planned = std::move(whole->log);
        }
        if (!player)
            return nullptr;
        if (r.kind == Request::Kind::Seek) {
            if (r.timeMs < player->now()) {
                restart();
                restarted = true;
            }
            player->runUntil(r.timeMs);
        } else if (r.kind == Request::Kind::Step) {
            const std::size_t before = player->log().size();
            while (player->log().size() == before && player->stepToNextEvent()) {
            }
            player->runUntil(player->now());
        }
        auto batch = std::make_shared<ReplayBatch>();
        batch->run = run;
        batch->request = r.id;
        batch->restarted = restarted;
        if (r.kind == Request::Kind::Start)
            batch->plannedLog = std::move(planned);
        batch->timeMs = player->now();
        batch->frame = player->frame();
        batch->seriesFrom = sentSamples;
        batch->series = player->seriesSince(sentSamples);
        sentSamples = player->sampleCount();
        const auto& log = player->log();
        batch->logFrom = sentLog;
        batch->log.assign(log.begin() + static_cast<std::ptrdiff_t>(sentLog), log.end());
        sentLog = log.size();
        batch->finished = player->finished();
        if (batch->finished && !finishedSent) {
            finishedSent = true;
            batch->result = player->snapshot();
            for (auto& w : batch->result->workloads)
                w.series = {};
        }
        return batch;
    }
};

ReplayEngine::ReplayEngine(QObject* parent) : QObject(parent), m_worker(std::make_unique<Worker>())
{
    m_worker->thread = std::thread([this] {
        Worker& w = *m_worker;
        for (;;) {
            Request r;
            {
                std::unique_lock lock(w.mutex);
                w.wake.wait(lock, [&w] { return w.quit || w.starting || w.pending; });
                if (w.quit)
                    return;
                auto& next = w.starting ? w.starting : w.pending;
                r = std::move(*next);
                next.reset();
                w.working = true;
            }
            std::string error;
            auto batch = w.handle(r, error);
            const std::uint64_t id = r.id;
            {
                std::lock_guard lock(w.mutex);
                w.working = false;
            }
            // This object outlives the thread (the destructor joins it first); a queued call to a
            // destroyed object is dropped by Qt.
            if (batch)
                queueCall(this, [this, batch] { deliver(batch); });
            else
                queueCall(this, [this, error, id] {
                    m_delivered = std::max(m_delivered, id);
                    if (!error.empty())
                        emit failed(QString::fromStdString(error));
                });
        }
    });
}

ReplayEngine::~ReplayEngine()
{
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->quit = true;
    }
    m_worker->wake.notify_all();
    m_worker->thread.join();
}

std::uint64_t ReplayEngine::start(const Topology& topology, const ScenarioId& scenario, const sim::ReplayOptions& options)
{
    Request r;
    r.kind = Request::Kind::Start;
    r.run = ++m_run;
    r.id = ++m_requested;
    r.topology = std::make_shared<const Topology>(topology);
    r.scenario = scenario;
    r.options = options;
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->starting = std::move(r);
        m_worker->pending.reset();
    }
    m_worker->wake.notify_one();
    return m_run;
}

void ReplayEngine::seek(std::int64_t timeMs)
{
    {
        std::lock_guard lock(m_worker->mutex);
        Request r;
        r.kind = Request::Kind::Seek;
        r.run = m_run;
        r.id = ++m_requested;
        r.timeMs = timeMs;
        m_worker->pending = std::move(r);
    }
    m_worker->wake.notify_one();
}

void ReplayEngine::stepToNextEvent()
{
    {
        std::lock_guard lock(m_worker->mutex);
        Request r;
        r.kind = Request::Kind::Step;
        r.run = m_run;
        r.id = ++m_requested;
        m_worker->pending = std::move(r);
    }
    m_worker->wake.notify_one();
}

bool ReplayEngine::busy() const
{
    // Until the newest request's answer has reached this thread (a replaced request never answers, the
    // newest always does).
    return m_delivered != m_requested;
}

void ReplayEngine::deliver(std::shared_ptr<ReplayBatch> batch)
{
    m_delivered = std::max(m_delivered, batch->request);
    if (batch->run != m_run)
        return;
    emit batchReady(batch);
}

} // namespace firedrill::ui
