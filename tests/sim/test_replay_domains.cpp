// Replay of fault-domain outages (instances placed round-robin over an availability set's fault
// domains) and of geo-redundant storage that replicates each VM disk on its own. Expected values are
// worked out by hand in the comments.
#include "ReplayTestSupport.h"

#include "core/sim/DiskLag.h"
#include "core/sim/RandomStream.h"
#include "core/io/Units.h"

#include <algorithm>
#include <cmath>

using namespace firedrill;
using namespace firedrill::sim;
using namespace replaytest;

namespace {
const std::string kDomains = R"(firedrill: 1
name: fault domains
regions:
  - {id: weu, name: West Europe}
components:
  - {id: web, kind: vm, region: weu, instances: 5, capacity_rps: 100, fault_domains: 3, update_domains: 5}
workloads:
  - {id: app, name: App, entry: web, demand_rps: 250}
scenarios:
  - id: fd0
    name: fd0
    duration: 1h
    faults:
      - {at: 10m, target: web, kind: fault-domain, domain: 0, for: 20m}
  - id: fd2
    name: fd2
    duration: 1h
    faults:
      - {at: 10m, target: web, kind: fault-domain, domain: 2, for: 20m}
)";

const std::string kDisks = R"(firedrill: 1
name: disks
regions:
  - {id: weu, name: West Europe, pair: neu}
  - {id: neu, name: North Europe, pair: weu}
components:
  - {id: vm, kind: vm, region: weu, instances: 1, depends_on: [db, disks]}
  - {id: disks, kind: storage-account, region: weu, redundancy: GRS, geo_lag: 10m, write_rate: 10/s, disks: 3}
  - id: db
    kind: sql-database
    replicas:
      - {id: db-weu, region: weu, role: primary}
      - {id: db-neu, region: neu, role: secondary, sync: asynchronous, lag: 1s}
    failover: {mode: automatic, cross_region: automatic, detection: 30s, promotion: 30s}
workloads:
  - {id: app, name: App, entry: vm, demand_rps: 10}
scenarios:
  - id: region
    name: region
    duration: 2h
    faults:
      - {at: 10m, target: region/weu, kind: outage}
)";

bool logged(const ReplayResult& r, std::int64_t at, const std::string& part)
{
    return std::any_of(r.log.begin(), r.log.end(), [&](const ReplayLogEntry& e) {
        return e.timeMs == at && e.text.find(part) != std::string::npos;
    });
}
} // namespace

class TestReplayDomains : public QObject
{
    Q_OBJECT
private slots:
    void faultDomainTakesOutItsInstances()
    {
        // 5 instances round-robin over 3 fault domains: instance i in domain i mod 3, so domain 0 holds
        // instances 0 and 3 (2 of 5), domain 1 holds 1 and 4, domain 2 holds 2 only.
        // Domain 0 down at 10m for 20m: capacity 5 x 100 = 500 -> 3 x 100 = 300 rps (a drop of 2/5).
        // Until the platform load balancer notices (default probe 5s x 2 + 5s = 15s), 2/5 of the 250 rps
        // go to the dead instances and fail: 250 x 2/5 x 15 s = 1,500 requests; then 300 >= 250 serves all.
        // Measured RTO 15 s (the instance estimate: the same 15 s detection).
        const auto t = fromYaml(kDomains);
        const auto r = replay(t, "fd0");
        const auto& w = workload(r, "app");
        QCOMPARE(w.series.capacityRps.at(9 * 60), 500.0);
        QCOMPARE(w.series.capacityRps.at(10 * 60 + 30), 300.0);
        QCOMPARE(w.series.capacityRps.at(31 * 60), 500.0);
        QVERIFY(near(w.failed, 1'500));
        QCOMPARE(*w.disruptedAt, Duration::minutes(10).ms);
        QCOMPARE(w.rto->ms, Duration::seconds(15).ms);
        QVERIFY(logged(r, Duration::minutes(10).ms, "Fault domain 0 of"));
        QVERIFY(logged(r, Duration::minutes(10).ms, "2 of 5 instances lost (3 left)"));
        QVERIFY(logged(r, Duration::minutes(10).ms + 15'000, "2 instances of the lost fault domain out of rotation"));
        QVERIFY(logged(r, Duration::minutes(30).ms, "is back up"));

        // Domain 2 holds one instance: capacity 400; 250 x 1/5 x 15 s = 750 failed.
        const auto two = replay(t, "fd2");
        QCOMPARE(two.workloads.at(0).series.capacityRps.at(10 * 60 + 30), 400.0);
        QVERIFY(near(two.workloads.at(0).failed, 750));
        QVERIFY(logged(two, Duration::minutes(10).ms, "1 of 5 instances lost (4 left)"));
    }

    void faultDomainFaultIsValidated()
    {
        auto bad = kDomains;
        bad.replace(bad.find("domain: 2"), 9, "domain: 3");
        const auto r = readTopologyYaml(bad, "bad.yaml");
        QVERIFY(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
            return d.path.find("faults[0].domain") != std::string::npos && d.code == "out-of-range";
        }));
    }

    void disksAreRecoveredToDifferentPoints()
    {
        // Each disk's lag: u x 2 x geo_lag with u uniform in (0, 1] from its own stream
        // "disk-lag/disks/<i>", rounded to the millisecond (mean: geo_lag, 10m).
        const std::uint64_t seed = 7;
        std::vector<Duration> expected;
        for (int i = 0; i < 3; ++i) {
            RandomStream stream(seed, "disk-lag/disks/" + std::to_string(i));
            expected.push_back(Duration{std::llround(stream.uniform() * 2.0 * 600'000.0)});
        }
        QCOMPARE(diskReplicationLags(seed, "disks", 3, Duration::minutes(10)), expected);
        // Independent streams: a fourth disk leaves the first three as they were; another seed moves them.
        const auto four = diskReplicationLags(seed, "disks", 4, Duration::minutes(10));
        QVERIFY(std::equal(expected.begin(), expected.end(), four.begin()));
        QVERIFY(diskReplicationLags(seed + 1, "disks", 3, Duration::minutes(10)) != expected);

        // Region weu lost at 10m: db fails over to neu after 30s + 30s, at 11m, which declares weu lost;
        // the GRS account then fails over with each disk at its own point. The data set is consistent only
        // up to the oldest disk: RPO = the largest lag, writes lost = it x 10 writes/s (the db loses 1s).
        const auto t = fromYaml(kDisks);
        ReplayOptions o;
        o.seed = seed;
        const auto r = replay(t, "region", o);
        const Duration worst = *std::max_element(expected.begin(), expected.end());
        const Duration best = *std::min_element(expected.begin(), expected.end());
        const auto& w = workload(r, "app");
        QCOMPARE(w.rpoWindow, std::max(worst, Duration::seconds(1)));
        QVERIFY(w.writesLost >= worst.toSeconds() * 10.0 - 1e-6);
        QVERIFY(logged(r, Duration::minutes(11).ms, "(" + formatNumber(std::round(worst.toSeconds() * 10.0)) + " writes)"));
        const std::string spread = "spread " + formatNumber((worst - best).toSeconds()) + " s";
        QVERIFY(logged(r, Duration::minutes(11).ms, "3 disks of"));
        QVERIFY(logged(r, Duration::minutes(11).ms, spread));
        QVERIFY(logged(r, Duration::minutes(11).ms, "different points in time"));
        // Seed 7 draws u = 0.988.. / 0.497.. / 0.981.. (x 2 x 10m): disk 0 is the oldest, 19m 46s behind,
        // disk 1 the newest; 1,186.1 s x 10 writes/s = 11,861 writes. Pinned: the streams must not change.
        QCOMPARE(worst, expected[0]);
        QVERIFY(logged(r, Duration::minutes(11).ms,
                       "disk 0 19m 46s, disk 1 9m 56s, disk 2 19m 37s behind; spread 589.773 s"));
        QVERIFY(logged(r, Duration::minutes(11).ms, "19m 46s of writes lost (11861 writes)"));
        // Same seed, same run.
        QCOMPARE(replay(t, "region", o).fingerprint, r.fingerprint);
    }

    void oneUnitWithoutDisks()
    {
        // Without `disks` the account is one unit: it loses geo_lag exactly (10m), whatever the seed.
        auto text = kDisks;
        text.replace(text.find(", disks: 3"), 10, "");
        const auto t = fromYaml(text);
        ReplayOptions o;
        o.seed = 99;
        const auto r = replay(t, "region", o);
        QCOMPARE(workload(r, "app").rpoWindow, Duration::minutes(10));
    }
};

QTEST_GUILESS_MAIN(TestReplayDomains)
#include "test_replay_domains.moc"
