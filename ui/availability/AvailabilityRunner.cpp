#include "AvailabilityRunner.h"

#include "core/montecarlo/MonteCarloRunner.h"
#include "ui/common/QueuedCall.h"

namespace firedrill::ui {

AvailabilityRunner::AvailabilityRunner(QObject* parent)
    : QObject(parent)
{
}

AvailabilityRunner::~AvailabilityRunner()
{
    m_cancel = true;
    if (m_thread.joinable())
        m_thread.join();
    // Calls the thread queued for this object are discarded with it.
}

bool AvailabilityRunner::start(const Topology& topology, std::uint64_t years, std::uint64_t seed, std::uint64_t revision)
{
    if (m_running)
        return false;
    if (m_thread.joinable())
        m_thread.join();
    m_cancel = false;
    m_running = true;
    auto run = std::make_shared<AvailabilityRun>();
    run->topology = topology;
    run->years = years;
    run->seed = seed;
    run->documentRevision = revision;
    m_thread = std::thread([this, run] {
        montecarlo::MonteCarloOptions options;
        options.years = run->years;
        options.seed = run->seed;
        options.threads = 0;
        options.cancel = &m_cancel;
        options.progress = [this](std::uint64_t done, std::uint64_t total) {
            queueCall(this, [this, done, total] { emit progressed(done, total); });
        };
        auto result = montecarlo::runMonteCarlo(run->topology, options);
        if (result) {
            run->result = std::move(*result);
            run->cancelled = run->result.years < run->result.totalYears;
        } else {
            run->error = QString::fromStdString(result.error().message);
        }
        std::shared_ptr<const AvailabilityRun> done = run;
        queueCall(this, [this, done] { complete(done); });
    });
    return true;
}

void AvailabilityRunner::cancel()
{
    m_cancel = true;
}

void AvailabilityRunner::complete(std::shared_ptr<const AvailabilityRun> run)
{
    if (m_thread.joinable())
        m_thread.join(); // the worker has posted its last call and is returning
    m_running = false;
    m_last = std::move(run);
    emit finished();
}

} // namespace firedrill::ui
