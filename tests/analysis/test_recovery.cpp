// Estimated RTO and RPO: the formulas against hand-computed values, the samples' breakdowns term by
// term, and every sample x workload x disruption class without a crash.
#include "core/analysis/RecoveryEstimator.h"
#include "core/io/TopologyFile.h"
#include "core/model/EnumNames.h"

#include <QDir>
#include <QtTest>

#include <algorithm>
#include <optional>
#include <string>

using namespace firedrill;

namespace {
std::optional<Topology> sample(const char* name)
{
    auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/") + name);
    if (!r.ok())
        return std::nullopt;
    return std::move(r.topology);
}

std::optional<Topology> parse(const std::string& text)
{
    auto r = readTopologyYaml(text, "test.yaml");
    if (!r.ok())
        return std::nullopt;
    return std::move(r.topology);
}

RecoveryEstimate estimate(const Topology& t, const char* workload, DisruptionClass d)
{
    return estimateRecovery(t, *t.findWorkload(WorkloadId{workload}), d);
}

const DurationTerm* term(const TimeEstimate& e, const std::string& label)
{
    const auto it = std::find_if(e.terms.begin(), e.terms.end(), [&](const DurationTerm& t) { return t.label == label; });
    return it == e.terms.end() ? nullptr : &*it;
}

bool hasNote(const TimeEstimate& e, const std::string& part)
{
    return std::any_of(e.notes.begin(), e.notes.end(),
                       [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

Duration sum(const TimeEstimate& e)
{
    Duration s;
    for (const auto& t : e.terms)
        s = s + t.value;
    return s;
}

constexpr Duration s(std::int64_t v) { return Duration::seconds(v); }
constexpr Duration m(std::int64_t v) { return Duration::minutes(v); }
constexpr Duration h(std::int64_t v) { return Duration::hours(v); }
} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT
private slots:
    // --- formulas ------------------------------------------------------------------------------
    void probeDetectionIsIntervalTimesFailuresPlusTimeout()
    {
        // Traffic Manager {30s, 10s, 3}: 3 x 30s + 10s = 100s = 1m 40s.
        QCOMPARE(probeDetection(Probe{s(30), s(10), 3}), s(100));
        // Default regional probe: 2 x 5s + 5s = 15s; default global probe = the TM figure above.
        QCOMPARE(probeDetection(kDefaultRegionalProbe), s(15));
        QCOMPARE(probeDetection(kDefaultGlobalProbe), s(100));
        // Load balancer of the gas-trading sample {15s, 5s, 2}: 2 x 15s + 5s = 35s.
        QCOMPARE(probeDetection(Probe{s(15), s(5), 2}), s(35));
        // At least one probe must fail: 0 tolerated counts as 1 -> 30s + 10s = 40s.
        QCOMPARE(probeDetection(Probe{s(30), s(10), 0}), s(40));
    }

    void restoreTimeIsSizeOverRate()
    {
        // 3 TB = 3,000 GB at 500 GB/h: 3000 / 500 = 6 h exactly.
        QCOMPARE(restoreTime(DataSize{3000}, DataRate{500}), h(6));
        // 500 GB at 150 GB/h: 3.333... h = 3 h 20 m exactly (no rounding artefact).
        QCOMPARE(restoreTime(DataSize{500}, DataRate{150}), h(3) + m(20));
        // 250 GB at 100 GB/h = 2.5 h.
        QCOMPARE(restoreTime(DataSize{250}, DataRate{100}), h(2) + m(30));
        // 1 GB at 7 GB/h = 3,600,000 / 7 = 514,285.71 ms, rounded up to 514,286 ms.
        QCOMPARE(restoreTime(DataSize{1}, DataRate{7}), Duration::milliseconds(514'286));
        QCOMPARE(restoreTime(DataSize{0}, DataRate{100}), Duration{});
        QCOMPARE(restoreTime(DataSize{100}, DataRate{0}), Duration{});
    }

    void dataLostSinceBackupFollowsTheSchedule()
    {
        // The seed: hourly backups, disaster two minutes before the hour = 58 m after the last one.
        QCOMPARE(dataLostSinceBackup(m(60), m(58)), m(58));
        QCOMPARE(dataLostSinceBackup(m(60), Duration{}), Duration{});
        // 62 m after a backup, the next one (at 60 m) has run: 2 m lost.
        QCOMPARE(dataLostSinceBackup(m(60), m(62)), m(2));
        QCOMPARE(dataLostSinceBackup(Duration{}, m(90)), m(90));
    }

    void backupLossIsTheMostFrequentRestorableBackup()
    {
        // Hourly full backups: up to 60 m lost, 30 m on average.
        Backup hourly;
        hourly.full = h(1);
        QCOMPARE(backupLoss(hourly)->worst, m(60));
        QCOMPARE(backupLoss(hourly)->expected, m(30));
        // Full 24h + log 15m: the log interval counts; 7m 30s on average.
        Backup logs;
        logs.full = h(24);
        logs.log = m(15);
        QCOMPARE(backupLoss(logs)->worst, m(15));
        QCOMPARE(backupLoss(logs)->expected, m(7) + s(30));
        // Full 7d + differential 12h: the differential counts.
        Backup diff;
        diff.full = Duration::days(7);
        diff.differential = h(12);
        QCOMPARE(backupLoss(diff)->worst, h(12));
        QVERIFY(!backupLoss(Backup{}).has_value());
    }

    // --- region ----------------------------------------------------------------------------------
    void twoRegionRegionLossTermByTerm()
    {
        const auto t = sample("two-region.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "sites", DisruptionClass::Region);
        QCOMPARE(e.situation, std::string("loss of region West Europe (weu)"));
        // Traffic path: TM 3 x 30s + 10s = 1m40s, TTL 60s, then neu's 3 x 400 = 1200 rps < 1500 rps
        // demand: autoscale 5m. Sum 7m40s.
        QCOMPARE(term(e.rto, "DNS detection")->value, s(100));
        QCOMPARE(term(e.rto, "DNS TTL drain")->value, s(60));
        QCOMPARE(term(e.rto, "scale-out")->value, m(5));
        // Data path: detection 10s + manual cross-region decision 15m + promotion 30s = 15m40s.
        QCOMPARE(term(e.rto, "detection")->value, s(10));
        QCOMPARE(term(e.rto, "decision")->value, m(15));
        QCOMPARE(term(e.rto, "promotion")->value, s(30));
        QCOMPARE(e.rto.terms.size(), std::size_t{6});
        // The paths run in parallel: max(7m40s, 15m40s) = 15m40s.
        QCOMPARE(e.rto.total, m(15) + s(40));
        QVERIFY(e.rto.combination.rfind("longest of parallel paths", 0) == 0);
        QVERIFY(!e.rto.unbounded);
        // RPO: the asynchronous replica in neu lags 5s.
        QCOMPARE(e.rpo.total, s(5));
        QCOMPARE(e.rpoExpected, s(5));
        QCOMPARE(term(e.rpo, "replication lag")->value, s(5));
    }

    void gasTradingWaitsForTheGracePeriod()
    {
        const auto t = sample("gas-trading.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "trading", DisruptionClass::Region);
        const DurationTerm* grace = term(e.rto, "grace period");
        QVERIFY(grace);
        QCOMPARE(grace->value, h(1));
        QVERIFY(grace->detail.find("1h") != std::string::npos);
        QVERIFY(!term(e.rto, "decision")); // automatic failover: no decision
        QVERIFY(!term(e.rto, "DNS TTL drain")); // Front Door: no DNS TTL
        // Data path 30s + 1h + 30s = 1h1m; traffic path 1m40s + scale-out 5m (300 < 400 rps) = 6m40s.
        QCOMPARE(term(e.rto, "probe detection")->value, s(100));
        QCOMPARE(term(e.rto, "scale-out")->value, m(5));
        QCOMPARE(e.rto.total, h(1) + m(1));
        QCOMPARE(e.rto.dominant()->label, std::string("grace period"));
        QCOMPARE(e.rpo.total, s(5));
    }

    void redeployRestoresAfterRedeploying()
    {
        const auto t = sample("dr-redeploy.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "orders", DisruptionClass::Region);
        // detection 1m40s + redeploy 1h + restore 250 GB / 100 GB/h = 2h30m + TTL 1m = 3h32m40s.
        QCOMPARE(term(e.rto, "detection")->value, s(100));
        QCOMPARE(term(e.rto, "redeploy")->value, h(1));
        QCOMPARE(term(e.rto, "restore")->value, h(2) + m(30));
        QCOMPARE(term(e.rto, "DNS TTL drain")->value, s(60));
        QCOMPARE(e.rto.combination, std::string("sum"));
        QCOMPARE(e.rto.total, h(3) + m(32) + s(40));
        QCOMPARE(e.rto.total, sum(e.rto));
        // RPO: hourly backups copied to neu (worst 1h, expected 30m) vs GRS blob lag 15m: 1h.
        QCOMPARE(e.rpo.total, h(1));
        QCOMPARE(e.rpoExpected, m(30));
        QCOMPARE(term(e.rpo, "backup interval")->value, h(1));
        QCOMPARE(term(e.rpo, "geo-replication lag")->value, m(15));
    }

    void activePassiveDbPromotesThenStartsTheApplication()
    {
        const auto t = sample("dr-active-passive-db.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "orders", DisruptionClass::Region);
        // 10s + decision 30m + 30s + redeploy 30m + TTL 60s = 1h1m40s.
        QCOMPARE(e.rto.total, h(1) + m(1) + s(40));
        QCOMPARE(e.rto.total, sum(e.rto));
        QCOMPARE(term(e.rto, "decision")->value, m(30));
        QCOMPARE(term(e.rto, "redeploy")->value, m(30));
    }

    void singleRegionCannotRecoverFromARegionLoss()
    {
        const auto t = sample("dr-single-region.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "orders", DisruptionClass::Region);
        QVERIFY(e.rto.unbounded);
        QVERIFY(hasNote(e.rto, "expected: about 6h"));
        // Backups stay in weu and blob storage is LRS: all data is at risk.
        QVERIFY(e.rpo.unbounded);
    }

    // --- corruption -----------------------------------------------------------------------------
    void corruptionRestoresFromBackupsNotReplicas()
    {
        const auto t = sample("two-region.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "sites", DisruptionClass::Corruption);
        // decision 15m + restore 3 TB / 500 GB/h = 6h: 6h15m.
        QCOMPARE(term(e.rto, "decision")->value, m(15));
        QCOMPARE(term(e.rto, "restore")->value, h(6));
        QCOMPARE(e.rto.total, h(6) + m(15));
        QVERIFY(!term(e.rto, "promotion"));
        QVERIFY(hasNote(e.rto, "copied the corruption"));
        // Log backups every 15m: worst 15m, expected 7m30s; the 5s replica lag plays no part.
        QCOMPARE(e.rpo.total, m(15));
        QCOMPARE(e.rpoExpected, m(7) + s(30));
        QVERIFY(!term(e.rpo, "replication lag"));
    }

    void corruptionWithoutBackupsIsUnbounded()
    {
        const auto t = parse(R"(firedrill: 1
name: No backups
regions:
  - {id: weu, name: West Europe, zones: 3}
components:
  - {id: web, kind: app-service, region: weu, instances: 2, depends_on: [db]}
  - {id: db, kind: sql-database, region: weu, size: 100GB}
workloads:
  - {id: w, entry: web, strategy: single-region}
)");
        QVERIFY(t);
        const auto e = estimate(*t, "w", DisruptionClass::Corruption);
        QVERIFY(e.rto.unbounded);
        QVERIFY(e.rpo.unbounded);
        QVERIFY(hasNote(e.rto, "no backups"));
    }

    // --- instance and zone ----------------------------------------------------------------------
    void instanceLossBehindAProbedLoadBalancer()
    {
        const auto t = sample("local-failures.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "intake", DisruptionClass::Instance);
        // The web role has 2 instances behind lb {15s, 5s, 2}: 2 x 15s + 5s = 35s; SQL fails over in
        // 10s + 20s = 30s; the worst is the web role.
        QCOMPARE(e.rto.total, s(35));
        QCOMPARE(e.rto.dominant()->label, std::string("detection"));
        QCOMPARE(e.rpo.total, Duration{});
    }

    void singleInstanceRestartsAndIsASinglePointOfFailure()
    {
        const auto t = sample("vm-dr.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "archive", DisruptionClass::Instance);
        QCOMPARE(term(e.rto, "restart")->value, m(5)); // startup_time 5m
        QCOMPARE(e.rto.total, m(5));
        QVERIFY(hasNote(e.rto, "single point of failure"));
    }

    void leaderLossWaitsForTheLease()
    {
        const std::string text = R"(firedrill: 1
name: Leader-elected workers
regions:
  - {id: weu, name: West Europe, zones: 3}
components:
  - {id: workers, kind: vm-scale-set, region: weu, zones: [1, 2, 3], instances: 3, capacity_rps: 50,
     startup_time: 3m, leader_election: {lease: 45s}}
workloads:
  - {id: w, entry: workers, strategy: single-region, demand_rps: 40}
)";
        const auto t = parse(text);
        QVERIFY(t);
        // Losing the leader: a follower takes the lease when it expires, 45s later. No probe applies
        // (without leader election the default regional probe would give 2 x 5s + 5s = 15s).
        const auto e = estimate(*t, "w", DisruptionClass::Instance);
        const DurationTerm* lease = term(e.rto, "leader lease");
        QVERIFY(lease);
        QCOMPARE(lease->value, s(45));
        QVERIFY(lease->detail.find("lease 45s") != std::string::npos);
        QVERIFY(!term(e.rto, "detection"));
        QCOMPARE(e.rto.total, s(45));
        QVERIFY(hasNote(e.rto, "elects a leader"));

        // Zone 1 holds the leader (the first listed zone): 45s; zones 2 and 3 hold followers only.
        const auto z = estimate(*t, "w", DisruptionClass::Zone);
        QCOMPARE(z.rto.total, s(45));
        QVERIFY(z.situation.find("zone 1") != std::string::npos);
        QVERIFY(term(z.rto, "leader lease"));

        // The last instance: an ordinary restart (startup_time 3m), no lease.
        auto single = *t;
        single.components.front().instances = 1;
        const auto one = estimate(single, "w", DisruptionClass::Instance);
        QVERIFY(!term(one.rto, "leader lease"));
        QCOMPARE(one.rto.total, m(3));

        // Without leader election: the default regional probe, 15s.
        auto plain = *t;
        plain.components.front().leaderElection.reset();
        QCOMPARE(estimate(plain, "w", DisruptionClass::Instance).rto.total, s(15));
    }

    void zoneRedundantPrimaryFailsOverWithinTheRegion()
    {
        const auto t = sample("gas-trading.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "trading", DisruptionClass::Zone);
        // Zone 1 holds the database primary: 30s + 30s = 1m to the synchronous replica in zone 2, in
        // parallel with the load balancer taking out the zone's API instances (2 x 15s + 5s = 35s).
        QCOMPARE(e.rto.total, m(1));
        QVERIFY(e.situation.find("zone 1") != std::string::npos);
        QCOMPARE(e.rpo.total, Duration{});
    }

    void zonePinnedComponentFallsBackToTheRegionProcedure()
    {
        const auto t = sample("vm-dr.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "archive", DisruptionClass::Zone);
        QVERIFY(hasNote(e.rto, "pinned to zone 1"));
        const auto region = estimate(*t, "archive", DisruptionClass::Region);
        QVERIFY(e.rto.terms == region.rto.terms);
        // redeploy 1h + restore 2 TB / 250 GB/h = 8h.
        QCOMPARE(e.rto.total, h(9));
    }

    // --- dependency -----------------------------------------------------------------------------
    void softDependencyWithOutboxRunsDegraded()
    {
        const auto t = sample("gas-trading.yaml");
        QVERIFY(t);
        const auto e = estimate(*t, "trading", DisruptionClass::Dependency);
        QCOMPARE(e.rto.total, Duration{});
        QVERIFY(!e.rto.unbounded);
        QVERIFY(hasNote(e.rto, "degraded"));
        // Outbox: 100,000 messages at 60/s last 1666.666 s = 27m 46.666s, shown as 27m 47s; nothing lost meanwhile.
        const DurationTerm* outbox = term(e.rpo, "outbox");
        QVERIFY(outbox);
        QVERIFY(outbox->detail.find("27m 47s") != std::string::npos);
        QCOMPARE(e.rpo.total, Duration{});
    }

    void hardDependencyWaitsForItsRecoveryAndTheBreaker()
    {
        const auto t = parse(R"(firedrill: 1
name: Hard dependency
regions:
  - {id: weu, name: West Europe, zones: 3}
components:
  - id: web
    kind: app-service
    region: weu
    instances: 2
    depends_on: [db, bus]
    resilience: {breaker_threshold: 5, breaker_open: 30s}
  - {id: db, kind: sql-database, region: weu}
  - {id: bus, kind: service-bus, region: weu, mttr: 20m}
workloads:
  - {id: w, entry: web, strategy: single-region}
)");
        QVERIFY(t);
        const auto e = estimate(*t, "w", DisruptionClass::Dependency);
        // Until the bus recovers (mttr 20m), then the breaker stays open up to 30s: 20m30s.
        QCOMPARE(term(e.rto, "dependency recovery")->value, m(20));
        QCOMPARE(term(e.rto, "circuit breaker")->value, s(30));
        QCOMPARE(e.rto.total, m(20) + s(30));
        QVERIFY(e.situation.find("bus") != std::string::npos);
    }

    void hardDependencyWithoutMttrIsUnbounded()
    {
        auto t = sample("dr-redeploy.yaml");
        QVERIFY(t);
        // The sample gives blob an mttr of 2h; web-weu's breaker then stays open up to 30s: 2h 30s.
        QCOMPARE(estimate(*t, "orders", DisruptionClass::Dependency).rto.total, h(2) + s(30));
        // Without it, and without failover, the time until blob recovers is unknown.
        for (auto& c : t->components)
            if (c.id.str() == "blob")
                c.mttr.reset();
        const auto e = estimate(*t, "orders", DisruptionClass::Dependency);
        QVERIFY(e.rto.unbounded);
        QVERIFY(hasNote(e.rto, "mttr"));
    }

    // --- every sample ---------------------------------------------------------------------------
    void everySampleEveryClass_data()
    {
        QTest::addColumn<QString>("file");
        const auto files = QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QVERIFY(files.size() >= 10);
        for (const auto& f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void everySampleEveryClass()
    {
        QFETCH(QString, file);
        const auto t = sample(file.toStdString().c_str());
        QVERIFY(t);
        for (const auto& w : t->workloads) {
            const auto all = estimateRecovery(*t, w);
            QCOMPARE(all.size(), std::size_t{5});
            for (const auto& e : all) {
                const std::string where = w.id.str() + " / " + std::string(toName(e.disruption));
                QVERIFY2(e == estimateRecovery(*t, w, e.disruption), where.c_str());
                QVERIFY2(!e.situation.empty(), where.c_str());
                for (const TimeEstimate* te : {&e.rto, &e.rpo}) {
                    if (te->unbounded) {
                        QVERIFY2(!te->notes.empty() || te == &e.rpo, where.c_str());
                        continue;
                    }
                    for (const auto& term : te->terms) {
                        QVERIFY2(!term.label.empty() && !term.detail.empty(), where.c_str());
                        QVERIFY2(term.value.ms >= 0, where.c_str());
                        QVERIFY2(term.value <= te->total, where.c_str());
                    }
                    if (te->combination == "sum")
                        QVERIFY2(te->total == sum(*te), (where + ": total is not the sum of the terms").c_str());
                    else
                        QVERIFY2(te->total <= sum(*te), where.c_str());
                }
                QVERIFY2(e.rpo.unbounded || e.rpoExpected <= e.rpo.total, where.c_str());
            }
        }
    }

    void hugeZoneCountsAreCheap()
    {
        // Only the zones something names (plus one other) are tried, not two billion.
        auto t = parse(R"(firedrill: 1
name: Many zones
regions:
  - {id: weu, name: West Europe, zones: 3}
components:
  - {id: web, kind: app-service, region: weu, zones: [1, 2], instances: 4}
workloads:
  - {id: w, entry: web, strategy: single-region}
)");
        QVERIFY(t);
        t->regions[0].zones = 2'000'000'000; // beyond validation's limit (SizeLimits), as in an editor's unchecked design
        const auto e = estimate(*t, "w", DisruptionClass::Zone);
        QCOMPARE(e.rto.total, s(15)); // the platform's load balancer drops zone 1's instances: 2 x 5s + 5s
    }

    void damagedWorkloadsDoNotCrash()
    {
        Topology t;
        t.name = "empty";
        Workload w;
        w.id = WorkloadId{"ghost"};
        w.entry = ComponentId{"missing"};
        w.strategy = Strategy{StrategyKind::ActiveActive, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
        const auto all = estimateRecovery(t, w);
        QCOMPARE(all.size(), std::size_t{5});
        for (const auto& e : all)
            QVERIFY(!e.rto.unbounded || !e.rto.notes.empty());
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "test_recovery.moc"
