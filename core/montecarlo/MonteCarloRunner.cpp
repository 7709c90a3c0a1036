#include "MonteCarloRunner.h"

#include "FailureModel.h"
#include "YearSimulator.h"

#include "core/io/Units.h"
#include "core/model/SizeLimits.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <thread>

namespace firedrill::montecarlo {

namespace {

MonteCarloResult emptyResult(const FailureModel& model, const MonteCarloOptions& o, std::uint64_t first)
{
    MonteCarloResult r;
    r.seed = o.seed;
    r.firstYear = first;
    r.totalYears = o.years;
    for (const auto& p : model.processes()) {
        r.processLabels.push_back(p.label);
        r.processOwners.push_back(p.owner);
    }
    r.processDownMs.assign(model.processes().size(), 0);
    for (const auto& w : model.workloads()) {
        WorkloadStats s;
        s.workload = w.id;
        s.attributedMs.assign(model.processes().size(), 0);
        r.workloads.push_back(std::move(s));
    }
    r.notes = model.notes();
    return r;
}

/// "31,536,000,000"; beyond 10^15, "3.2e+20".
std::string eventsText(double events)
{
    char buffer[48];
    if (!(events < 1e15)) {
        std::snprintf(buffer, sizeof buffer, "%.2g", events);
        return buffer;
    }
    std::snprintf(buffer, sizeof buffer, "%.0f", events);
    std::string digits = buffer;
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

/// Why a model is refused: how many events a year it makes, the budget, and the process that makes most.
Error tooManyEvents(const FailureModel& model, double expected, std::uint64_t budget)
{
    const auto [busiest, events] = model.busiestProcess();
    const FailureProcess& p = model.processes()[busiest];
    const auto ms = [](double v) { return formatDurationReadable(Duration{static_cast<std::int64_t>(std::llround(v))}); };
    std::string what = p.label + " (mtbf " + ms(p.fail.meanMs() * p.count) + ", mttr " + ms(p.repair.meanMs()) +
                       (p.count > 1 ? ", " + std::to_string(p.count) + " instances" : std::string()) + ")";
    return Error{"too-many-events",
                 "the failure rates make about " + eventsText(expected) + " failures and repairs per simulated year, over the "
                 "limit of " + eventsText(static_cast<double>(budget)) + " a Monte Carlo year may take; most come from " +
                 what + " with about " + eventsText(events) +
                 " a year. Give the real mtbf and mttr: mean times that short leave the design down almost all the time anyway"};
}

} // namespace

Result<MonteCarloResult> runMonteCarlo(const Topology& topology, const MonteCarloOptions& o)
{
    if (o.shardCount == 0 || o.shardIndex >= o.shardCount)
        return Error{"bad-shard", "shard " + std::to_string(o.shardIndex + 1) + "/" + std::to_string(o.shardCount) +
                                      " does not exist; shards are numbered 1 to n"};
    std::vector<Diagnostic> sizes;
    checkSizeLimits(topology, sizes);
    if (!sizes.empty())
        return Error{"over-limit", sizes.front().path + ": " + sizes.front().message};
    const FailureModel model(topology);
    const double expected = model.expectedEventsPerYear();
    if (!(expected <= static_cast<double>(o.maxEventsPerYear)))
        return tooManyEvents(model, expected, o.maxEventsPerYear);
    // The shard's slice of the global year numbers.
    const std::uint64_t first = o.years * o.shardIndex / o.shardCount;
    const std::uint64_t last = o.years * (o.shardIndex + 1) / o.shardCount;
    const std::uint64_t count = last - first;
    unsigned threads = o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads;
    threads = static_cast<unsigned>(std::min<std::uint64_t>(threads, std::max<std::uint64_t>(1, count)));

    constexpr std::uint64_t kBlock = 256;
    std::atomic<std::uint64_t> nextBlock{0};
    std::atomic<std::uint64_t> done{0};
    std::vector<MonteCarloResult> partial(threads, emptyResult(model, o, first));
    std::atomic<bool> overrun{false};
    const auto work = [&](unsigned t) {
        YearSimulator year(model);
        for (;;) {
            if ((o.cancel && o.cancel->load()) || overrun.load())
                return;
            const std::uint64_t block = nextBlock.fetch_add(1);
            const std::uint64_t begin = first + block * kBlock;
            if (begin >= last)
                return;
            const std::uint64_t end = std::min(last, begin + kBlock);
            for (std::uint64_t y = begin; y < end; ++y)
                if (!year.runYear(o.seed, y, partial[t], o.maxEventsPerYear)) {
                    overrun = true;
                    return;
                }
            done.fetch_add(end - begin);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    if (o.progress) {
        // The calling thread reports progress while the workers run.
        std::thread worker0(work, 0u);
        while (done.load() < count && !(o.cancel && o.cancel->load()) && !overrun.load()) {
            o.progress(done.load(), count);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        worker0.join();
        o.progress(done.load(), count);
    } else {
        work(0);
    }
    for (auto& th : pool)
        th.join();

    if (overrun)
        return tooManyEvents(model, expected, o.maxEventsPerYear);
    MonteCarloResult result = emptyResult(model, o, first);
    for (const auto& p : partial)
        result.merge(p);
    result.firstYear = first;
    if (count == 0)
        result.notes.push_back("no simulated years: shard " + std::to_string(o.shardIndex + 1) + "/" + std::to_string(o.shardCount) +
                               " of a study of " + std::to_string(o.years) + " years holds none of them");
    if (o.cancel && o.cancel->load())
        result.notes.push_back("cancelled after " + std::to_string(result.years) + " of " + std::to_string(count) + " years");
    return result;
}

} // namespace firedrill::montecarlo
