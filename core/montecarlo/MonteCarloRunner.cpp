#include "MonteCarloRunner.h"

#include "FailureModel.h"
#include "YearSimulator.h"

#include <algorithm>
#include <chrono>
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

} // namespace

Result<MonteCarloResult> runMonteCarlo(const Topology& topology, const MonteCarloOptions& o)
{
    if (o.shardCount == 0 || o.shardIndex >= o.shardCount)
        return Error{"bad-shard", "shard " + std::to_string(o.shardIndex + 1) + "/" + std::to_string(o.shardCount) +
                                      " does not exist; shards are numbered 1 to n"};
    const FailureModel model(topology);
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
    const auto work = [&](unsigned t) {
        YearSimulator year(model);
        for (;;) {
            if (o.cancel && o.cancel->load())
                return;
            const std::uint64_t block = nextBlock.fetch_add(1);
            const std::uint64_t begin = first + block * kBlock;
            if (begin >= last)
                return;
            const std::uint64_t end = std::min(last, begin + kBlock);
            for (std::uint64_t y = begin; y < end; ++y)
                year.runYear(o.seed, y, partial[t]);
            done.fetch_add(end - begin);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    if (o.progress) {
        // The calling thread reports progress while the workers run.
        std::thread worker0(work, 0u);
        while (done.load() < count && !(o.cancel && o.cancel->load())) {
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

    MonteCarloResult result = emptyResult(model, o, first);
    for (const auto& p : partial)
        result.merge(p);
    result.firstYear = first;
    if (o.cancel && o.cancel->load())
        result.notes.push_back("cancelled after " + std::to_string(result.years) + " of " + std::to_string(count) + " years");
    return result;
}

} // namespace firedrill::montecarlo
