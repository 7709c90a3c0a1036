// The kernel: stable event order, clock, fingerprints, seeded streams and distributions.
#include "core/sim/Distribution.h"
#include "core/sim/Simulator.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace firedrill;
using namespace firedrill::sim;

namespace {

/// Records the events it receives; kind 1 schedules a follow-up `payload` ms later.
class Recorder : public EventHandler
{
public:
    std::vector<Event> seen;
    void handle(Simulator& sim, const Event& e) override
    {
        seen.push_back(e);
        if (e.kind == 1)
            sim.scheduleIn(static_cast<std::int64_t>(e.payload), e.target, 2, 0);
    }
};

double sampleMean(const Distribution& d, RandomStream& r, int n, double& stdError)
{
    double sum = 0, sq = 0;
    for (int i = 0; i < n; ++i) {
        const double x = static_cast<double>(d.sampleMs(r));
        sum += x;
        sq += x * x;
    }
    const double mean = sum / n;
    stdError = std::sqrt((sq / n - mean * mean) / n);
    return mean;
}

} // namespace

class TestKernel : public QObject
{
    Q_OBJECT
private slots:
    void simultaneousEventsKeepSchedulingOrder()
    {
        Simulator sim;
        Recorder r;
        const auto t = sim.addHandler(&r);
        for (std::uint64_t i = 0; i < 100; ++i)
            sim.schedule(1000, t, 0, i);
        sim.schedule(500, t, 0, 999);
        sim.runUntil(2000);
        QCOMPARE(r.seen.size(), std::size_t(101));
        QCOMPARE(r.seen[0].payload, std::uint64_t(999));
        for (std::uint64_t i = 0; i < 100; ++i)
            QCOMPARE(r.seen[i + 1].payload, i);
        QCOMPARE(sim.now(), std::int64_t(2000));
    }

    void clockAndFollowUps()
    {
        Simulator sim;
        Recorder r;
        const auto t = sim.addHandler(&r);
        sim.schedule(100, t, 1, 250); // follow-up at 350
        sim.runUntil(300);
        QCOMPARE(r.seen.size(), std::size_t(1));
        QCOMPARE(sim.nextTime(), std::int64_t(350));
        QVERIFY(sim.step(400));
        QCOMPARE(r.seen.back().time, std::int64_t(350));
        QCOMPARE(r.seen.back().kind, std::uint32_t(2));
        QVERIFY(!sim.step(400));
    }

    void fingerprintIsDeterministicAndSensitive()
    {
        const auto run = [](std::uint64_t lastPayload) {
            Simulator sim;
            Recorder r;
            const auto t = sim.addHandler(&r);
            sim.schedule(10, t, 1, 5);
            sim.schedule(20, t, 0, lastPayload);
            sim.runUntil(100);
            return sim.fingerprint();
        };
        QCOMPARE(run(7), run(7));
        QVERIFY(run(7) != run(8));
    }

    void streamsAreIndependentByName()
    {
        RandomStream a1(42, "web-weu"), a2(42, "web-weu"), b(42, "web-neu"), c(43, "web-weu");
        const auto x = a1.next();
        QCOMPARE(a2.next(), x);
        QVERIFY(b.next() != x);
        QVERIFY(c.next() != x);
        for (int i = 0; i < 1000; ++i) {
            const double u = a1.uniform();
            QVERIFY(u > 0.0 && u <= 1.0);
        }
    }

    void exponentialMean()
    {
        RandomStream r(1, "exp");
        double se = 0;
        const double mean = sampleMean(Distribution::exponential(Duration::hours(4)), r, 200'000, se);
        // Mean 4 h = 14,400,000 ms; the sample mean lies within 4 standard errors.
        QVERIFY2(std::fabs(mean - 14'400'000.0) < 4 * se, qPrintable(QString::number(mean)));
    }

    void weibullMeanIsNotItsScale()
    {
        // Shape 2, scale 1000 h: mean = 1000 h x Gamma(1.5) = 1000 h x sqrt(pi)/2 = 886.2269 h.
        const auto d = Distribution::weibull(2.0, Duration::hours(1000));
        const double expected = 3'600'000.0 * 1000.0 * std::sqrt(M_PI) / 2.0;
        QVERIFY(std::fabs(d.meanMs() - expected) < 1.0);
        RandomStream r(2, "weibull");
        double se = 0;
        const double mean = sampleMean(d, r, 200'000, se);
        QVERIFY2(std::fabs(mean - expected) < 4 * se, qPrintable(QString::number(mean)));
    }

    void fixedIsFixed()
    {
        RandomStream r(3);
        const auto d = Distribution::fixed(Duration::minutes(10));
        QCOMPARE(d.sampleMs(r), std::int64_t(600'000));
        QCOMPARE(d.meanMs(), 600'000.0);
    }
};

QTEST_GUILESS_MAIN(TestKernel)
#include "test_kernel.moc"
