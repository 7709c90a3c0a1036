// The replay on valid but extreme designs: an instant autoscale under a surge larger than an int of
// instances, a bounded number of events and of samples. Figures are checked against hand-worked values.
#include "core/io/TopologyFile.h"
#include "core/model/SizeLimits.h"
#include "core/sim/ScenarioPlayer.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace firedrill;
using namespace firedrill::sim;

namespace {

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

/// Three instances of 400 rps (autoscale 3..10, instant scale-out) serve 1,000 rps; at 1m demand surges
/// x1e9 to 1e12 rps, which would take 2.5e9 instances: more than an int holds.
Topology instantAutoscaleSurge(const std::string& duration = "1h")
{
    return parse("firedrill: 1\nname: t\nregions:\n  - {id: r, zones: 0}\ncomponents:\n"
                 "  - {id: web, kind: app-service, region: r, instances: 3, capacity_rps: 400, "
                 "autoscale: {min: 3, max: 10, scale_out_time: 0s}}\n"
                 "workloads:\n  - {id: w, entry: web, demand_rps: 1000}\n"
                 "scenarios:\n  - id: surge\n    name: Surge\n    duration: " + duration + "\n    faults:\n"
                 "      - {at: 1m, target: web, kind: surge, multiplier: 1000000000}\n");
}

std::size_t countIn(const std::vector<ReplayLogEntry>& log, const std::string& text)
{
    return static_cast<std::size_t>(
        std::count_if(log.begin(), log.end(), [&](const ReplayLogEntry& e) { return e.text.find(text) != std::string::npos; }));
}

} // namespace

class TestReplayExtremes : public QObject
{
    Q_OBJECT
private slots:
    void instantScaleOutUnderAHugeSurgeIsOneStep()
    {
        const auto r = replayScenario(instantAutoscaleSurge(), ScenarioId("surge"), ReplayOptions{});
        QVERIFY(r.ok());
        // The surge and one scale-out straight to the maximum: two events, not one per instance.
        QCOMPARE(r->events, std::uint64_t(2));
        QCOMPARE(countIn(r->log, "3 -> 10 instances in 0s"), std::size_t(1));
        QCOMPARE(countIn(r->log, "web runs 10 instances (4000 rps)"), std::size_t(1));
        QCOMPARE(countIn(r->log, "scales in"), std::size_t(0));
        // Served: 1,000 rps for 60 s, then the 4,000 rps of ten instances for 3,540 s.
        const auto& w = r->workloads[0];
        QCOMPARE(w.served, 1000.0 * 60 + 4000.0 * 3540);
        QCOMPARE(w.demanded, 1000.0 * 60 + 1e12 * 3540);
        QVERIFY(std::fabs(w.availability - w.served / w.demanded) < 1e-18);
        QCOMPARE(r->workloads[0].series.capacityRps.back(), 4000.0);
    }

    void aReplayStopsAtItsEventBudget()
    {
        ReplayOptions options;
        options.maxEvents = 1;
        const auto r = replayScenario(instantAutoscaleSurge(), ScenarioId("surge"), options);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("too-many-events"));
        QVERIFY2(r.error().message.find("scenario 'surge': the replay stopped at 00:01:00 after 1 events") != std::string::npos,
                 r.error().message.c_str());

        auto player = ScenarioPlayer::create(instantAutoscaleSurge(), ScenarioId("surge"), options);
        QVERIFY(player.ok());
        QVERIFY((*player)->stepToNextEvent() == false); // the first event uses the budget up
        QVERIFY((*player)->stopped());
        QVERIFY((*player)->finished());
        QVERIFY((*player)->log().back().text.find("The replay stops after 1 events") != std::string::npos);
        (*player)->runToEnd(); // stays stopped, does not run on
        QCOMPARE((*player)->now(), std::int64_t(60'000));
    }

    void sampleRowsAreBounded()
    {
        // 200 days every second: 17,280,002 samples, over 10 million; every 2 s: 8,640,002.
        const Duration days200 = Duration::days(200);
        QCOMPARE(fittingSampleInterval(days200, 1, Duration::seconds(1)).ms, std::int64_t(2000));
        QCOMPARE(fittingSampleInterval(Duration::hours(24), 110, Duration::seconds(1)).ms, std::int64_t(1000));
        // 24 h on 200 workloads: 17,280,400 rows every second; 2 s keeps 8,640,400.
        QCOMPARE(fittingSampleInterval(Duration::hours(24), 200, Duration::seconds(1)).ms, std::int64_t(2000));
        QCOMPARE(fittingSampleInterval(Duration::hours(24), 1, Duration::seconds(30)).ms, std::int64_t(30000));

        const auto refused = ScenarioPlayer::create(instantAutoscaleSurge("200d"), ScenarioId("surge"), ReplayOptions{});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("too-many-samples"));
        QVERIFY2(refused.error().message.find("makes 17280002 sample rows, over the 10000000 a replay keeps. Sample every 2s") !=
                     std::string::npos,
                 refused.error().message.c_str());
    }

    void sizeLimitsAreValidationErrors()
    {
        const auto load = [](const std::string& regions, const std::string& web, const std::string& duration) {
            return readTopologyYaml("firedrill: 1\nname: t\nregions:\n" + regions + "components:\n" + web +
                                        "workloads:\n  - {id: w, entry: web, demand_rps: 1}\n"
                                        "scenarios:\n  - id: s\n    name: S\n    duration: " + duration + "\n",
                                    "t.yaml");
        };
        const std::string zoned = "  - {id: r, zones: 32}\n";
        const std::string web = "  - {id: web, kind: app-service, region: r, zone: 32, instances: 100000, autoscale: {min: 1, max: 100000}}\n";
        QVERIFY(load(zoned, web, "366d").ok()); // at every limit: valid

        const auto bad = load("  - {id: r, zones: 2147483647}\n",
                              "  - {id: web, kind: app-service, region: r, instances: 1000000000, autoscale: {min: 1, max: 2000000000}}\n",
                              "367d");
        QVERIFY(!bad.ok());
        std::vector<std::string> messages;
        for (const auto& d : bad.diagnostics)
            if (d.code == "over-limit")
                messages.push_back(d.format());
        QCOMPARE(messages.size(), std::size_t(4));
        QCOMPARE(messages[0], std::string("t.yaml:4:20: error: zones is 2,147,483,647, over the limit of 32: no cloud region has "
                                          "more than a handful of availability zones; give the zones the region really has "
                                          "[regions[r].zones]"));
        QVERIFY2(messages[1].find("t.yaml:6:56: error: instances is 1,000,000,000, over the limit of 100,000: no single tier "
                                  "runs that many instances") == 0,
                 messages[1].c_str());
        QVERIFY2(messages[2].find("autoscale.max is 2,000,000,000, over the limit of 100,000") != std::string::npos, messages[2].c_str());
        QVERIFY2(messages[3].find("duration is 367 days, over the limit of 366 days") != std::string::npos, messages[3].c_str());
        QCOMPARE(SizeLimits::kMaxZones, 32);
    }
};

QTEST_GUILESS_MAIN(TestReplayExtremes)
#include "test_replay_extremes.moc"
