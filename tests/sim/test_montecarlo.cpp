// Monte Carlo over simulated years: estimates within 4 standard errors of the analytic values, and
// results identical whatever the thread count or sharding.
#include "core/io/TopologyFile.h"
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

/// A workload whose load balancer notices a lost instance at once (probe 1 ms), so failovers cost nothing
/// and only structural downtime remains to compare with the analytic value.
std::string withInstantProbe(const std::string& component)
{
    return "firedrill: 1\nname: t\nregions:\n  - {id: r, zones: 0}\ncomponents:\n"
           "  - {id: lb, kind: load-balancer, region: r, instances: 2, probe: {interval: 1s, timeout: 1ms, tolerated_failures: 0}, depends_on: [c]}\n" +
           component + "workloads:\n  - {id: w, entry: lb, demand_rps: 1}\n";
}

MonteCarloResult run(const Topology& t, std::uint64_t years, unsigned threads = 1, std::uint64_t seed = 7)
{
    MonteCarloOptions o;
    o.years = years;
    o.threads = threads;
    o.seed = seed;
    auto r = runMonteCarlo(t, o);
    if (!r)
        qFatal("monte carlo failed");
    return *r;
}

void expectWithin4Se(const MonteCarloResult& r, double expectedMs)
{
    const double mean = r.meanDowntimeMs(0);
    const double se = r.standardErrorMs(0);
    QVERIFY2(se > 0, "no variance");
    QVERIFY2(std::fabs(mean - expectedMs) < 4 * se,
             qPrintable(QStringLiteral("mean %1 h, expected %2 h, se %3 h")
                            .arg(mean / 3.6e6)
                            .arg(expectedMs / 3.6e6)
                            .arg(se / 3.6e6)));
}

} // namespace

class TestMonteCarlo : public QObject
{
    Q_OBJECT
private slots:
    void repairableComponent()
    {
        // MTBF 1000 h, MTTR 4 h: unavailable 4/1004 of the time: 8760 h x 4/1004 = 34.9 h a year.
        const auto t = parse(withInstantProbe("  - {id: c, kind: vm, region: r, mtbf: 1000h, mttr: 4h}\n"));
        const auto r = run(t, 3000);
        expectWithin4Se(r, kYearMs * 4.0 / 1004.0);
        QCOMPARE(r.years, std::uint64_t(3000));
    }

    void oneOfTwoWithIndependentRepair()
    {
        // Two instances, MTBF 100 h, MTTR 10 h each: q = 10/110; both down q^2 = 1/121 of the time (72.4 h a year).
        const auto t = parse(withInstantProbe("  - {id: c, kind: vm, region: r, instances: 2, mtbf: 100h, mttr: 10h}\n"));
        const auto r = run(t, 2000);
        const double q = 10.0 / 110.0;
        expectWithin4Se(r, kYearMs * q * q);
    }

    void twoOfThreeQuorum()
    {
        // Quorum commit needs 2 of 3 replicas: unavailable 3q^2(1-q) + q^3 with q = 10/110.
        const auto t = parse(withInstantProbe(
            "  - id: c\n    kind: sql-database\n    quorum_commit: true\n    mtbf: 100h\n    mttr: 10h\n"
            "    failover: {mode: automatic, detection: 0s, promotion: 0s}\n"
            "    replicas:\n"
            "      - {id: c1, region: r, role: primary}\n"
            "      - {id: c2, region: r, role: secondary, sync: synchronous}\n"
            "      - {id: c3, region: r, role: secondary, sync: synchronous}\n"));
        const auto r = run(t, 2000);
        const double q = 10.0 / 110.0;
        expectWithin4Se(r, kYearMs * (3 * q * q * (1 - q) + q * q * q));
    }

    void regionOutage()
    {
        // A single-region workload is down while its region is: MTBF 100 d, MTTR 1 d: 1/101 of the year.
        const auto t = parse("firedrill: 1\nname: t\nregions:\n  - {id: r, zones: 0, outage: {mtbf: 100d, mttr: 1d}}\n"
                             "components:\n  - {id: c, kind: app-service, region: r, instances: 2}\n"
                             "workloads:\n  - {id: w, entry: c, demand_rps: 1}\n");
        const auto r = run(t, 3000);
        expectWithin4Se(r, kYearMs / 101.0);
        // All of it is the region's doing.
        QCOMPARE(r.processLabels.size(), std::size_t(1));
        QCOMPARE(r.workloads[0].attributedMs[0], r.workloads[0].downtimeMs);
    }

    void threadsDoNotChangeTheResult()
    {
        const auto t = parse(withInstantProbe("  - {id: c, kind: vm, region: r, instances: 2, mtbf: 100h, mttr: 10h}\n"));
        const auto one = run(t, 1500, 1);
        const auto two = run(t, 1500, 2);
        QCOMPARE(one.workloads[0].downtimeMs, two.workloads[0].downtimeMs);
        QVERIFY(one.workloads[0].downtimeSquares == two.workloads[0].downtimeSquares);
        QCOMPARE(one.events, two.events);
        QCOMPARE(one.processDownMs, two.processDownMs);
        QCOMPARE(one.workloads[0].histogram.bins(), two.workloads[0].histogram.bins());
        QVERIFY(run(t, 1500, 1, 8).workloads[0].downtimeMs != one.workloads[0].downtimeMs); // the seed matters
    }

    void shardsMergeIntoTheSameStatistics()
    {
        const auto t = parse(withInstantProbe("  - {id: c, kind: vm, region: r, instances: 2, mtbf: 100h, mttr: 10h}\n"));
        const auto whole = run(t, 1000);
        MonteCarloResult merged;
        for (std::uint64_t i = 0; i < 3; ++i) {
            MonteCarloOptions o;
            o.years = 1000;
            o.seed = 7;
            o.shardIndex = i;
            o.shardCount = 3;
            auto part = runMonteCarlo(t, o);
            QVERIFY(part.ok());
            merged.merge(*part);
        }
        QCOMPARE(merged.years, whole.years);
        QCOMPARE(merged.workloads[0].downtimeMs, whole.workloads[0].downtimeMs);
        QCOMPARE(merged.events, whole.events);
        QCOMPARE(merged.workloads[0].histogram.quantileMs(0.95), whole.workloads[0].histogram.quantileMs(0.95));
        MonteCarloOptions bad;
        bad.shardIndex = 3;
        bad.shardCount = 3;
        QCOMPARE(runMonteCarlo(t, bad).error().code, std::string("bad-shard"));
    }

    void histogramQuantiles()
    {
        DowntimeHistogram h;
        for (int i = 0; i < 90; ++i)
            h.add(0);
        for (int i = 0; i < 10; ++i)
            h.add(3'600'000); // 1 h
        QCOMPARE(h.quantileMs(0.5), 0.0);
        QCOMPARE(h.quantileMs(0.9), 0.0);
        // P95 falls among the 1-hour years: within one bin (2.3 %) of an hour.
        QVERIFY(std::fabs(h.quantileMs(0.95) / 3'600'000.0 - 1.0) < 0.025);
    }

    void everySampleRuns()
    {
        for (const char* name : {"two-region.yaml", "gas-trading.yaml", "dr-reduced-shop.yaml", "local-failures.yaml"}) {
            const auto loaded = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/") + name);
            QVERIFY(loaded.ok());
            const auto r = run(*loaded.topology, 200, 2);
            QCOMPARE(r.workloads.size(), loaded.topology->workloads.size());
            for (std::size_t w = 0; w < r.workloads.size(); ++w)
                QVERIFY(r.availability(w) > 0.9 && r.availability(w) <= 1.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestMonteCarlo)
#include "test_montecarlo.moc"
