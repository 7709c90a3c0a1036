// The availability figures people read from a Monte Carlo study (nines, percentiles, breach chances,
// the regrouped histogram and their texts), checked against values worked out by hand.
#include "core/montecarlo/AvailabilitySummary.h"
#include "core/montecarlo/AvailabilityText.h"

#include <QtTest>

#include <cmath>

using namespace firedrill;
using namespace firedrill::montecarlo;

namespace {

constexpr double kHourMs = 3'600'000.0;

/// Four years of workload "w": no downtime, 0.5 s, 1 h and 10 h.
MonteCarloResult fourYears()
{
    MonteCarloResult r;
    r.years = 4;
    r.totalYears = 4;
    r.processOwners = {"db", "web", "db"};
    r.processLabels = {"db fails", "web fails", "db zone"};
    WorkloadStats s;
    s.workload = WorkloadId{"w"};
    for (const std::int64_t ms : {std::int64_t{0}, std::int64_t{500}, std::int64_t{3'600'000}, std::int64_t{36'000'000}}) {
        s.histogram.add(ms);
        s.downtimeMs += ms;
        s.downtimeSquares += static_cast<unsigned __int128>(ms) * static_cast<unsigned __int128>(ms);
        s.yearsWithDowntime += ms > 0 ? 1 : 0;
    }
    s.breachYears[static_cast<std::size_t>(DisruptionClass::Region)] = 1;
    s.breachYears[static_cast<std::size_t>(DisruptionClass::Instance)] = 3;
    s.attributedMs = {500, 3'600'000, 36'000'000};
    r.workloads.push_back(s);
    return r;
}

Topology policies()
{
    Topology t;
    t.policies.push_back({WorkloadId{"w"}, DisruptionClass::Region, Duration::minutes(15), Duration::minutes(1)});
    t.policies.push_back({WorkloadId{"w"}, DisruptionClass::Zone, std::nullopt, Duration::minutes(1)}); // no RTO
    t.policies.push_back({WorkloadId{"other"}, DisruptionClass::Region, Duration::minutes(5), std::nullopt});
    t.policies.push_back({WorkloadId{"w"}, DisruptionClass::Instance, Duration::seconds(30), std::nullopt});
    return t;
}

} // namespace

class TestAvailabilitySummary : public QObject
{
    Q_OBJECT
private slots:
    void figuresOfFourYears()
    {
        const AvailabilitySummary s = summarizeWorkload(fourYears(), 0, policies());
        QCOMPARE(s.workload, WorkloadId{"w"});
        QCOMPARE(s.years, std::uint64_t(4));
        // (0 + 500 + 3,600,000 + 36,000,000) / 4 = 9,900,125 ms a year.
        QCOMPARE(s.meanDowntimeMs, 9'900'125.0);
        // 1 - 9,900,125 / 31,536,000,000 = 0.99968607; nines = -log10(3.1393e-4) = 3.50317.
        QVERIFY(std::fabs(s.availability - 0.9996860690956367) < 1e-12);
        QVERIFY(s.nines.has_value());
        QVERIFY(std::fabs(*s.nines - 3.50316592885625) < 1e-9);
        // Nearest rank over [0, 0.5 s, 1 h, 10 h]: P50 is the 2nd year (sub-second: 500 ms), P95 and
        // P99 the 4th: 10 h = 10^4.556 s lies in fine bin 455, whose geometric centre is 10^4.555 s.
        QCOMPARE(s.p50DowntimeMs, 500.0);
        QVERIFY(std::fabs(s.p95DowntimeMs - 35'892'193.4645) < 1e-3);
        QCOMPARE(s.p99DowntimeMs, s.p95DowntimeMs);
        QCOMPARE(s.yearsWithDowntime, std::uint64_t(3));
        QCOMPARE(s.shareOfYearsWithDowntime, 0.75);
        QCOMPARE(s.yearsWithoutDowntime, std::uint64_t(1));
        QCOMPARE(s.yearsUnderASecond, std::uint64_t(1));
        QCOMPARE(s.shareOfYearsWithoutDowntime, 0.25);
        QCOMPARE(s.shareOfYearsUnderASecond, 0.25);
        // Sample variance of the four years, then its standard error: sqrt(var / 4).
        const double values[] = {0, 500, 3'600'000, 36'000'000};
        double var = 0;
        for (const double v : values)
            var += (v - 9'900'125.0) * (v - 9'900'125.0);
        var /= 3;
        QVERIFY(std::fabs(s.standardErrorMs - std::sqrt(var / 4)) < 1e-3);
    }

    void breachesFollowThePoliciesWithAnRto()
    {
        const AvailabilitySummary s = summarizeWorkload(fourYears(), 0, policies());
        QCOMPARE(s.breaches.size(), std::size_t(2)); // the zone policy has no RTO, "other" is another workload
        QCOMPARE(s.breaches[0].disruption, DisruptionClass::Region);
        QCOMPARE(s.breaches[0].rtoTarget, Duration::minutes(15));
        QCOMPARE(s.breaches[0].yearsBreached, std::uint64_t(1));
        QCOMPARE(s.breaches[0].probability, 0.25);
        QCOMPARE(s.breaches[1].disruption, DisruptionClass::Instance);
        QCOMPARE(s.breaches[1].probability, 0.75);
    }

    void contributionsByCauseLargestFirst()
    {
        const AvailabilitySummary s = summarizeWorkload(fourYears(), 0, policies());
        QCOMPARE(s.contributions.size(), std::size_t(2));
        // db: 500 + 36,000,000 ms; web: 3,600,000 ms; of 39,600,500 ms over 4 years.
        QCOMPARE(s.contributions[0].cause, std::string("db"));
        QCOMPARE(s.contributions[0].meanPerYearMs, 36'000'500.0 / 4);
        QCOMPARE(s.contributions[0].share, 36'000'500.0 / 39'600'500.0);
        QCOMPARE(s.contributions[1].cause, std::string("web"));
        QCOMPARE(s.contributions[1].share, 3'600'000.0 / 39'600'500.0);
    }

    void ninesOfCommonAvailabilities()
    {
        QVERIFY(std::fabs(*ninesOf(0.999) - 3.0) < 1e-9);
        QVERIFY(std::fabs(*ninesOf(0.9995) - 3.30103) < 1e-5);
        QVERIFY(!ninesOf(1.0).has_value());
    }

    void regroupTenBinsADecade()
    {
        DowntimeHistogram h;
        h.add(0);          // not a bar
        h.add(400);        // not a bar
        h.add(1000);       // 1 s: bar 0 = [1 s, 1.2589 s)
        h.add(1500);       // log10 1.5 = 0.176: bar 1
        h.add(3'600'000);  // log10 3600 = 3.556: bar 35 = [10^3.5 s, 10^3.6 s)
        h.add(36'000'000); // log10 36000 = 4.556: bar 45
        const auto bars = regroupHistogram(h, 10);
        QCOMPARE(bars.size(), std::size_t(46)); // bars 0..45, empty ones in between kept
        QCOMPARE(bars[0].fromMs, 1000.0);
        QVERIFY(std::fabs(bars[0].toMs - 1258.9254117941673) < 1e-6);
        QCOMPARE(bars[0].years, std::uint64_t(1));
        QCOMPARE(bars[0].share, 1.0 / 6);
        QCOMPARE(bars[1].years, std::uint64_t(1));
        QCOMPARE(bars[2].years, std::uint64_t(0));
        QVERIFY(std::fabs(bars[35].fromMs - 3'162'277.6601683795) < 1e-6);
        QVERIFY(std::fabs(bars[35].toMs - 3'981'071.705534973) < 1e-6);
        QCOMPARE(bars[35].years, std::uint64_t(1));
        QCOMPARE(bars[45].years, std::uint64_t(1));
        std::uint64_t sum = 0;
        for (const auto& b : bars)
            sum += b.years;
        QCOMPARE(sum, std::uint64_t(4));
    }

    void regroupOfNoDowntimeIsEmpty()
    {
        DowntimeHistogram h;
        h.add(0);
        h.add(10);
        QVERIFY(regroupHistogram(h, 10).empty());
    }

    void downtimeTexts()
    {
        QCOMPARE(formatDowntime(4 * kHourMs + 12 * 60'000 + 20'000), std::string("4h 12m"));
        QCOMPARE(formatDowntime(4 * kHourMs + 12 * 60'000 + 30'000), std::string("4h 13m"));
        QCOMPARE(formatDowntime(25 * kHourMs), std::string("1d 1h"));
        QCOMPARE(formatDowntime(12 * 60'000 + 5'400), std::string("12m 5s"));
        QCOMPARE(formatDowntime(4'240), std::string("4.2s"));
        QCOMPARE(formatDowntime(0), std::string("0s"));
        QCOMPARE(formatDowntimeChange(65 * 60'000), std::string("+1h 5m"));
        QCOMPARE(formatDowntimeChange(-20 * 60'000), std::string("-20m"));
        QCOMPARE(formatDowntimeChange(10), std::string("±0s"));
    }

    void availabilityTexts()
    {
        QCOMPARE(formatAvailability(0.9995), std::string("99.95 %"));
        QCOMPARE(formatAvailability(0.999995), std::string("99.9995 %"));
        QCOMPARE(formatAvailability(0.995), std::string("99.5 %"));
        QCOMPARE(formatAvailability(0.973), std::string("97.3 %"));
        QCOMPARE(formatAvailability(0.9996860690956367), std::string("99.969 %")); // 0.031 % down
        QCOMPARE(formatAvailability(0.99814), std::string("99.81 %"));
        QCOMPARE(formatAvailability(0.998), std::string("99.8 %"));
        QCOMPARE(formatAvailability(1.0), std::string("100 %"));
        QCOMPARE(formatAvailability(0.99999999999), std::string("99.999999999 %")); // never "100 %"
        QCOMPARE(formatNines(3.30103), std::string("3.3"));
        QCOMPARE(formatNines(std::nullopt), std::string("∞"));
    }

    void shareTexts()
    {
        QCOMPARE(formatShare(0.12), std::string("12 %"));
        QCOMPARE(formatShare(0.035), std::string("3.5 %"));
        QCOMPARE(formatShare(0.0035), std::string("0.35 %"));
        QCOMPARE(formatShare(0.00001), std::string("< 0.01 %"));
        QCOMPARE(formatShare(0.0), std::string("0 %"));
        QCOMPARE(formatShareChange(0.0035), std::string("+0.35 pt"));
        QCOMPARE(formatShareChange(-0.02), std::string("-2.0 pt"));
        QCOMPARE(formatShareChange(0.0), std::string("±0 pt"));
    }
};

QTEST_GUILESS_MAIN(TestAvailabilitySummary)
#include "test_availability_summary.moc"
