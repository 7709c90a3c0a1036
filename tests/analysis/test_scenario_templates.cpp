// Scenario templates: the targets each template picks on the shipped samples, and every scenario it
// makes validates and replays.
#include "core/analysis/ScenarioTemplates.h"
#include "core/io/TopologyFile.h"
#include "core/model/Validator.h"
#include "core/sim/ScenarioPlayer.h"

#include <QtTest>
#include <filesystem>

using namespace firedrill;

namespace {
Topology sample(const char* name)
{
    auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/") + name);
    if (!r.ok())
        qFatal("cannot load sample %s", name);
    return std::move(*r.topology);
}

Scenario make(const Topology& t, const char* templateId, const char* workload)
{
    auto s = makeScenarioFromTemplate(t, templateId, WorkloadId(workload));
    if (!s.ok())
        qFatal("%s on %s: %s", templateId, workload, s.error().message.c_str());
    return std::move(s).value();
}

std::string errorOf(const Topology& t, const char* templateId, const char* workload)
{
    auto s = makeScenarioFromTemplate(t, templateId, WorkloadId(workload));
    return s.ok() ? std::string("(no error)") : s.error().code + ": " + s.error().message;
}

std::string targetText(const Fault& f)
{
    switch (f.target.scope) {
    case FaultTarget::Scope::Component:
        return f.target.id;
    case FaultTarget::Scope::Region:
        return "region/" + f.target.id;
    case FaultTarget::Scope::Zone:
        return "zone/" + f.target.id + "/" + std::to_string(f.target.zone.value_or(0));
    case FaultTarget::Scope::Site:
        return "site/" + f.target.id;
    }
    return {};
}

const Duration k10m = Duration::minutes(10);
} // namespace

class TestScenarioTemplates : public QObject
{
    Q_OBJECT
private slots:
    void sixTemplatesInPickerOrder()
    {
        const auto& list = scenarioTemplates();
        QCOMPARE(list.size(), std::size_t(6));
        const std::vector<std::string> ids{"zone-outage", "region-outage", "vpn-cut",
                                           "bad-deploy",  "cache-down",    "surge-failover"};
        for (std::size_t i = 0; i < ids.size(); ++i) {
            QCOMPARE(list[i].id, ids[i]);
            QVERIFY(!list[i].title.empty());
            QVERIFY(!list[i].description.empty());
        }
    }

    void everyScenarioMadeValidatesAndReplays()
    {
        int made = 0, refused = 0;
        for (const auto& entry : std::filesystem::directory_iterator(FIREDRILL_SAMPLES_DIR)) {
            if (entry.path().extension() != ".yaml")
                continue;
            const Topology t = sample(entry.path().filename().string().c_str());
            for (const auto& w : t.workloads) {
                for (const auto& tpl : scenarioTemplates()) {
                    const std::string where =
                        entry.path().filename().string() + " " + w.id.str() + " " + tpl.id;
                    auto s = makeScenarioFromTemplate(t, tpl.id, w.id);
                    if (!s.ok()) {
                        QCOMPARE(s.error().code, std::string("nothing-to-target"));
                        QVERIFY2(s.error().message.rfind("workload '" + w.id.str() + "': ", 0) == 0,
                                 where.c_str());
                        ++refused;
                        continue;
                    }
                    QVERIFY2(!t.findScenario(s->id), where.c_str());
                    QVERIFY2(!s->injects.empty(), where.c_str());
                    for (std::size_t i = 0; i < s->injects.size(); ++i) {
                        QVERIFY2(s->injects[i].at < s->duration, where.c_str());
                        QVERIFY2(i == 0 || s->injects[i - 1].at <= s->injects[i].at, where.c_str());
                    }
                    for (const auto& f : s->faults)
                        QVERIFY2(f.at >= k10m, where.c_str()); // a healthy baseline first
                    Topology with = t;
                    with.scenarios.push_back(*s);
                    const auto diagnostics = validate(with);
                    std::string found;
                    for (const auto& d : diagnostics)
                        found += " " + d.path + ": " + d.message;
                    QVERIFY2(diagnostics.empty(), (where + found).c_str());
                    sim::ReplayOptions o;
                    o.sampleInterval = Duration::minutes(1);
                    const auto r = sim::replayScenario(with, s->id, o);
                    QVERIFY2(r.ok(), where.c_str());
                    QCOMPARE(r->workloads.size(), t.workloads.size());
                    ++made;
                }
            }
        }
        qInfo("%d scenarios made, %d refused", made, refused);
        QVERIFY(made >= 60);
        QVERIFY(refused >= 20);
    }

    void twoRegionSites()
    {
        const Topology t = sample("two-region.yaml");
        // The Always On primary sql-weu-1 is in zone 1 of weu (the strategy names no primary; the
        // primary replica's region is weu).
        Scenario s = make(t, "zone-outage", "sites");
        QCOMPARE(s.id, ScenarioId("zone-outage-weu-1"));
        QCOMPARE(s.name, std::string("West Europe zone 1 outage"));
        QCOMPARE(s.duration, Duration::hours(2));
        QCOMPARE(s.faults.size(), std::size_t(1));
        QCOMPARE(targetText(s.faults[0]), std::string("zone/weu/1"));
        QCOMPARE(*s.faults[0].length, Duration::hours(1));

        s = make(t, "region-outage", "sites");
        QCOMPARE(s.id, ScenarioId("region-outage-weu"));
        QCOMPARE(s.name, std::string("West Europe region outage"));
        QCOMPARE(targetText(s.faults[0]), std::string("region/weu"));
        QCOMPARE(s.faults[0].kind, FaultKind::Outage);
        QCOMPARE(*s.faults[0].length, Duration::minutes(90));
        QCOMPARE(s.injects.size(), std::size_t(2));
        // Traffic Manager's probe {30s, 10s, 3}: 3 x 30s + 10s = 1m 40s after the 10m outage.
        QCOMPARE(s.injects[0].at, k10m + Duration::seconds(100));
        QCOMPARE(s.injects[0].prompt,
                 std::string("Traffic Manager has marked West Europe degraded. Who declares "
                             "the disaster, and what do you tell the business?"));
        QCOMPARE(s.injects[1].at, Duration::minutes(25));
        QCOMPARE(s.injects[1].prompt,
                 std::string(
                     "sql-ag has not failed over to North Europe: its cross-region failover is manual. Who "
                     "makes the call, and how much of the replication lag in writes are you ready to lose?"));
        // It replays like weu-down (also at 10m): detection 10s + decision 15m + promotion 30s.
        Topology with = t;
        with.scenarios.push_back(s);
        const auto r = sim::replayScenario(with, s.id, {});
        QVERIFY(r.ok());
        QCOMPARE(*r->workloads[0].disruptedAt, k10m.ms);
        QCOMPARE(*r->workloads[0].rto, Duration::minutes(15) + Duration::seconds(40));

        s = make(t, "vpn-cut", "sites"); // er-weu and er-neu end at a site: only vpn joins two regions
        QCOMPARE(s.id, ScenarioId("vpn-cut-vpn"));
        QCOMPARE(s.name, std::string("VPN between West Europe and North Europe cut"));
        QCOMPARE(targetText(s.faults[0]), std::string("vpn"));
        QCOMPARE(s.faults[0].kind, FaultKind::Partition);

        // 3 TB at 500 GB/h restores in 6h; with detection 30m and the 15m decision from 10m, plus an hour:
        // 7h 55m, rounded up to 8h.
        s = make(t, "bad-deploy", "sites");
        QCOMPARE(s.id, ScenarioId("bad-deploy-sql-ag"));
        QCOMPARE(targetText(s.faults[0]), std::string("sql-ag"));
        QCOMPARE(s.faults[0].kind, FaultKind::Corruption);
        QCOMPARE(*s.faults[0].detectedAfter, Duration::minutes(30));
        QVERIFY(!s.faults[0].length);
        QCOMPARE(s.duration, Duration::hours(8));
        QCOMPARE(s.injects[0].at, Duration::minutes(40));
        QCOMPARE(s.injects[1].at, Duration::minutes(45));
        QCOMPARE(s.injects[1].prompt,
                 std::string(
                     "Restoring sql-ag (3TB at 500GB/h) takes about 6h. What do you tell the business, and "
                     "how will you re-enter what was written since 00:10?"));

        QCOMPARE(errorOf(t, "cache-down", "sites"),
                 std::string(
                     "nothing-to-target: workload 'sites': it uses no cache to take down; add a component of "
                     "kind cache to the workload"));

        // Active-active names no secondary: weu's pair neu; the traffic enters neu through agw-neu.
        s = make(t, "surge-failover", "sites");
        QCOMPARE(s.id, ScenarioId("surge-failover-neu"));
        QCOMPARE(s.name, std::string("West Europe outage with a surge in North Europe"));
        QCOMPARE(s.faults.size(), std::size_t(2));
        QCOMPARE(targetText(s.faults[0]), std::string("region/weu"));
        QCOMPARE(targetText(s.faults[1]), std::string("agw-neu"));
        QCOMPARE(s.faults[1].kind, FaultKind::Surge);
        QCOMPARE(*s.faults[1].multiplier, 2.0);
        QCOMPARE(s.faults[1].at, k10m + Duration::seconds(100));
        QCOMPARE(s.injects[0].at, s.faults[1].at);
    }

    void gasTrading()
    {
        const Topology t = sample("gas-trading.yaml");
        Scenario s = make(t, "region-outage", "trading");
        QCOMPARE(s.injects[0].prompt,
                 std::string("Front Door has marked West Europe degraded. Who declares the "
                             "disaster, and what do you tell the business?"));
        QCOMPARE(s.injects[1].prompt,
                 std::string(
                     "The failover group of sqlfg waits out its grace period of 1h before it fails over by "
                     "itself. Do you force the failover to North Europe now, or wait for West Europe to "
                     "come back?"));
        QCOMPARE(targetText(make(t, "zone-outage", "trading").faults[0]), std::string("zone/weu/1")); // dbp
        s = make(t, "surge-failover", "trading");
        QCOMPARE(targetText(s.faults[1]), std::string("lb-neu"));
        // Settlement has no router: its outage is noticed at 12m, and its copy settle-neu takes the surge
        // as the outage starts.
        s = make(t, "region-outage", "settlement");
        QCOMPARE(s.injects[0].at, Duration::minutes(12));
        QCOMPARE(s.injects[0].prompt,
                 std::string("West Europe is unreachable. Who declares the disaster, and what "
                             "do you tell the business?"));
        s = make(t, "surge-failover", "settlement");
        QCOMPARE(targetText(s.faults[1]), std::string("settle-neu"));
        QCOMPARE(s.faults[1].at, k10m);
        QCOMPARE(
            errorOf(t, "vpn-cut", "trading"),
            std::string(
                "nothing-to-target: workload 'trading': the topology has no VPN or ExpressRoute between "
                "two regions to cut; add a vpn-gateway or expressroute with 'between: [region, region]'"));
    }

    void reducedShop()
    {
        const Topology t = sample("dr-reduced-shop.yaml");
        // Carts live in a cache per region; the primary's is taken down.
        Scenario s = make(t, "cache-down", "cart");
        QCOMPARE(s.id, ScenarioId("cache-down-cartcache-weu"));
        QCOMPARE(s.name, std::string("Cache cartcache-weu down"));
        QCOMPARE(targetText(s.faults[0]), std::string("cartcache-weu"));
        QCOMPARE(s.faults[0].kind, FaultKind::DependencyFailure);
        QCOMPARE(*s.faults[0].length, Duration::minutes(30));
        QCOMPARE(s.duration, Duration::hours(1));
        QCOMPARE(
            errorOf(t, "bad-deploy", "cart"),
            std::string(
                "nothing-to-target: workload 'cart': it uses no database (sql-database or sql-server-ag) "
                "for a bad deploy to corrupt"));
        // 400 GB at 100 GB/h = 4h; 10m + 30m + decision 30m + 4h + 1h = 6h 10m -> 7h.
        s = make(t, "bad-deploy", "status");
        QCOMPARE(targetText(s.faults[0]), std::string("orders-db"));
        QCOMPARE(s.duration, Duration::hours(7));
        QCOMPARE(s.injects[0].prompt,
                 std::string(
                     "Customers report wrong data since the 00:10 release. orders-db has been corrupted for "
                     "30 minutes and the bad writes are in every replica. Do you roll back, stop writes or "
                     "restore, and to which point in time?"));
        // The catalog's reference data has a copy per region: the primary's is corrupted.
        QCOMPARE(targetText(make(t, "bad-deploy", "catalog").faults[0]), std::string("refdata-weu"));
    }

    void localFailures()
    {
        const Topology t = sample("local-failures.yaml");
        // Nothing pinned to a zone: zone 1. 500 GB at 100 GB/h = 5h; 10m + 30m + 5h + 1h = 6h 40m -> 7h.
        QCOMPARE(targetText(make(t, "zone-outage", "intake").faults[0]), std::string("zone/weu/1"));
        const Scenario s = make(t, "bad-deploy", "intake");
        QCOMPARE(targetText(s.faults[0]), std::string("sql"));
        QCOMPARE(s.duration, Duration::hours(7));
        QCOMPARE(
            errorOf(t, "surge-failover", "intake"),
            std::string("nothing-to-target: workload 'intake': it has no secondary region to fail over to; "
                        "choose a strategy with a secondary region"));
    }

    void idsStayUnique()
    {
        Topology t = sample("two-region.yaml");
        t.scenarios.push_back(make(t, "region-outage", "sites"));
        QCOMPARE(make(t, "region-outage", "sites").id, ScenarioId("region-outage-weu-2"));
        t.scenarios.push_back(make(t, "region-outage", "sites"));
        QCOMPARE(make(t, "region-outage", "sites").id, ScenarioId("region-outage-weu-3"));
    }

    void zonesAndUnknownsAreClearErrors()
    {
        Topology t = sample("two-region.yaml");
        for (auto& r : t.regions)
            r.zones = 0;
        for (auto& c : t.components) {
            c.zone.reset();
            c.zones.clear();
            for (auto& rep : c.replicas)
                rep.zone.reset();
        }
        QCOMPARE(
            errorOf(t, "zone-outage", "sites"),
            std::string("nothing-to-target: workload 'sites': its primary region 'weu' has no availability "
                        "zones; set the region's 'zones' to plan a zone outage"));
        QCOMPARE(errorOf(t, "region-outage", "nobody"),
                 std::string("unknown-workload: workload 'nobody' does not exist in the topology"));
        QCOMPARE(errorOf(t, "meteor", "sites"),
                 std::string("unknown-template: no scenario template 'meteor'; expected one of: zone-outage, "
                             "region-outage, vpn-cut, bad-deploy, cache-down, surge-failover"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioTemplates)
#include "test_scenario_templates.moc"
