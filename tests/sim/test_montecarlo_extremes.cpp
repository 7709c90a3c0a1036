// The Monte Carlo on valid but extreme designs: instances without memory per instance, a bounded
// number of events a year, and no figure from zero simulated years. Figures are checked against
// values worked out by hand.
#include "core/io/TopologyFile.h"
#include "core/montecarlo/AvailabilitySummary.h"
#include "core/montecarlo/AvailabilityText.h"
#include "core/montecarlo/FailureModel.h"
#include "core/montecarlo/MonteCarloRunner.h"

#include <QtTest>

#include <cmath>

using namespace firedrill;
using namespace firedrill::montecarlo;

namespace {

constexpr double kYearMs = 365.0 * 24 * 3600 * 1000;

Topology parse(const std::string& text)
{
    auto r = readTopologyYaml(text, "t.yaml");
    if (!r.ok()) {
        std::string s;
        for (const auto& d : r.diagnostics)
            s += d.format() + "\n";
        qFatal("fixture does not validate: %s", s.c_str());
    }
    return *r.topology;
}

/// One component behind a load balancer that notices a lost instance at once (see test_montecarlo).
Topology behindInstantProbe(const std::string& component)
{
    return parse("firedrill: 1\nname: t\nregions:\n  - {id: r, zones: 0}\ncomponents:\n"
                 "  - {id: lb, kind: load-balancer, region: r, instances: 2, probe: {interval: 1s, timeout: 1ms, "
                 "tolerated_failures: 0}, depends_on: [c]}\n" +
                 component + "workloads:\n  - {id: w, entry: lb, demand_rps: 1}\n");
}

/// A single-region workload on `region`'s outage rate.
Topology regionWithOutage(const std::string& outage)
{
    return parse("firedrill: 1\nname: t\nregions:\n  - {id: weu, zones: 0, outage: " + outage +
                 "}\ncomponents:\n  - {id: c, kind: app-service, region: weu, instances: 2}\n"
                 "workloads:\n  - {id: w, entry: c, demand_rps: 1}\n");
}

Result<MonteCarloResult> run(const Topology& t, std::uint64_t years, std::uint64_t maxEvents = MonteCarloOptions::kDefaultMaxEventsPerYear)
{
    MonteCarloOptions o;
    o.years = years;
    o.seed = 7;
    o.maxEventsPerYear = maxEvents;
    return runMonteCarlo(t, o);
}

void expectWithin4Se(const MonteCarloResult& r, double expectedMs)
{
    const double mean = r.meanDowntimeMs(0);
    const double se = r.standardErrorMs(0);
    QVERIFY2(se > 0, "no variance");
    QVERIFY2(std::fabs(mean - expectedMs) < 4 * se,
             qPrintable(QStringLiteral("mean %1 h, expected %2 h, se %3 h").arg(mean / 3.6e6).arg(expectedMs / 3.6e6).arg(se / 3.6e6)));
}

} // namespace

class TestMonteCarloExtremes : public QObject
{
    Q_OBJECT
private slots:
    void instancesAreOneProcess()
    {
        // 100,000 instances (the limit) make one process, not 100,000.
        const auto t = behindInstantProbe("  - {id: c, kind: vm, region: r, instances: 100000, mtbf: 1000000h, mttr: 1h}\n");
        const FailureModel model(t);
        QCOMPARE(model.processes().size(), std::size_t(1));
        QCOMPARE(model.processes()[0].count, std::uint32_t(100000));
        QCOMPARE(model.processes()[0].label, std::string("instances of c"));
        // Its clock ticks every 1,000,000 h / 100,000 = 10 h: 876 ticks and about as many repairs a year.
        QVERIFY(std::fabs(model.expectedEventsPerYear() - 2 * 876.0) < 1.0);
        const auto r = run(t, 20);
        QVERIFY(r.ok());
        // Each instance is down 1/1,000,001 of the time: 100,000 of them, 0.1 instance-years down a year
        // (876 h); the Poisson count of failures makes that good to a few per cent over 20 years.
        const double instanceYearsDown = static_cast<double>(r->processDownMs[0]) / 20.0 / kYearMs;
        QVERIFY2(std::fabs(instanceYearsDown - 100000.0 / 1000001.0) < 0.01, qPrintable(QString::number(instanceYearsDown)));
    }

    void threeInstancesAllDown()
    {
        // Three instances, each down half the time (MTBF = MTTR = 10 h): all three down 1/8 of the year.
        const auto t = behindInstantProbe("  - {id: c, kind: vm, region: r, instances: 3, mtbf: 10h, mttr: 10h}\n");
        const auto r = run(t, 400);
        QVERIFY(r.ok());
        expectWithin4Se(*r, kYearMs / 8.0);
        // Instance time down: 3 x 1/2 of each year.
        const double perYear = static_cast<double>(r->processDownMs[0]) / 400.0;
        QVERIFY2(std::fabs(perYear / kYearMs - 1.5) < 0.02, qPrintable(QString::number(perYear / kYearMs)));
    }

    void astronomicalEventCountIsRefused()
    {
        // MTBF 1 ms, MTTR 0 (draws last at least 1 ms): a failure and a repair every 2 ms, 3.15e10 events a year.
        const auto t = regionWithOutage("{mtbf: 1ms, mttr: 0s}");
        QVERIFY(std::fabs(FailureModel(t).expectedEventsPerYear() - kYearMs) < 1.0);
        const auto r = run(t, 10);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("too-many-events"));
        const std::string& m = r.error().message;
        QVERIFY2(m.find("about 31,536,000,000 failures and repairs per simulated year") != std::string::npos, m.c_str());
        QVERIFY2(m.find("limit of 10,000,000") != std::string::npos, m.c_str());
        QVERIFY2(m.find("region weu (mtbf 0.001s, mttr 0s)") != std::string::npos, m.c_str());
        QVERIFY2(m.find("Give the real mtbf and mttr") != std::string::npos, m.c_str());
    }

    void millisecondMtbfWithSlowRepairRunsAndIsRight()
    {
        // MTBF 1 ms, MTTR 1 h: up about 1 ms in each hour and a millisecond: 2 x 8,760 events a year, and
        // the workload is down 3,600,000 / 3,600,001 of the time.
        const auto t = regionWithOutage("{mtbf: 1ms, mttr: 1h}");
        const auto r = run(t, 20);
        QVERIFY(r.ok());
        QVERIFY(r->events > 20 * 17000 && r->events < 20 * 18000);
        QVERIFY2(r->availability(0) < 1e-5, qPrintable(QString::number(r->availability(0))));
        QVERIFY(r->availability(0) >= 0.0);
    }

    void aYearOverTheBudgetStopsTheRun()
    {
        // The estimate (2 x 8,760 / 1.01) lies under a budget of 17,400 but about half the years
        // make more: the run stops at the first of them instead of running on.
        const auto t = regionWithOutage("{mtbf: 6m, mttr: 1h}");
        const double expected = FailureModel(t).expectedEventsPerYear();
        QVERIFY(std::fabs(expected - 2 * 8760.0 / 1.1) < 1.0);
        const auto r = run(t, 200, static_cast<std::uint64_t>(expected) + 1);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("too-many-events"));
        // Well above the estimate, every year fits.
        QVERIFY(run(t, 200, static_cast<std::uint64_t>(expected * 1.5)).ok());
    }

    void zeroYearShardHasNoFigure()
    {
        // 3 years over 4 shards: shard 1 holds none of them.
        const auto t = regionWithOutage("{mtbf: 100d, mttr: 1d}");
        MonteCarloOptions o;
        o.years = 3;
        o.seed = 7;
        o.shardIndex = 0;
        o.shardCount = 4;
        const auto empty = runMonteCarlo(t, o);
        QVERIFY(empty.ok());
        QCOMPARE(empty->years, std::uint64_t(0));
        QVERIFY(std::isnan(empty->availability(0)));
        const AvailabilitySummary s = summarizeWorkload(*empty, 0, t);
        QVERIFY(!s.hasData);
        QVERIFY(!s.nines);
        QCOMPARE(formatAvailability(s.availability), std::string("no data"));
        QCOMPARE(formatShareChange(std::nan("")), std::string("n/a"));
        QVERIFY(!empty->notes.empty());
        QVERIFY2(empty->notes.back().find("no simulated years: shard 1/4 of a study of 3 years") != std::string::npos,
                 empty->notes.back().c_str());

        // Merged with the others (the empty one first), it gives the whole study.
        MonteCarloResult merged;
        merged.merge(*empty);
        for (std::uint64_t i = 1; i < 4; ++i) {
            o.shardIndex = i;
            merged.merge(*runMonteCarlo(t, o));
        }
        o.shardIndex = 0;
        o.shardCount = 1;
        const auto whole = runMonteCarlo(t, o);
        QCOMPARE(merged.years, std::uint64_t(3));
        QCOMPARE(merged.firstYear, std::uint64_t(0));
        QCOMPARE(merged.workloads[0].downtimeMs, whole->workloads[0].downtimeMs);
        QVERIFY(summarizeWorkload(merged, 0, t).hasData);
    }

    void sizesOverTheLimitAreRefusedByTheRunnerToo()
    {
        // A topology built in code (not validated) with a billion instances: refused, not allocated.
        auto t = behindInstantProbe("  - {id: c, kind: vm, region: r, instances: 2, mtbf: 1000h, mttr: 1h}\n");
        t.components[1].instances = 1'000'000'000;
        const auto r = run(t, 1);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("over-limit"));
        QVERIFY2(r.error().message.find("components[c].instances: instances is 1,000,000,000, over the limit of 100,000") !=
                     std::string::npos,
                 r.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestMonteCarloExtremes)
#include "test_montecarlo_extremes.moc"
