// Cost analysis: every figure against a hand-computed value, the price table reader, the built-in table.
#include "core/analysis/CostModel.h"
#include "core/io/PriceTableReader.h"
#include "core/io/TopologyFile.h"

#include <QtTest>
#include <fstream>
#include <numeric>
#include <sstream>

using namespace firedrill;

namespace {

/// A small table with the shipped table's figures, so the arithmetic below does not move when the
/// shipped prices are updated. cache is left out on purpose.
const char* const kTestPrices = R"(prices: 1
currency: USD
date: 2026-11-01
source: test prices
kinds:
  - {kind: traffic-manager, unit: profile, per_instance: 5.4, per_endpoint: 0.36}
  - {kind: app-service, per_instance: 146}
  - {kind: vm-scale-set, per_instance: 140}
  - {kind: sql-database, unit: database, per_instance: 370, per_gb: 0.12}
  - {kind: storage-account, per_gb: {LRS: 0.02, ZRS: 0.025, GRS: 0.04, RA-GRS: 0.05, GZRS: 0.045, RA-GZRS: 0.056}}
  - {kind: vpn-gateway, per_gateway: 140}
  - {kind: expressroute, unit: circuit, per_instance: 436, per_gateway: 270}
)";

PriceTable testPrices()
{
    auto r = readPriceTable(kTestPrices, "test-prices.yaml");
    if (!r)
        qFatal("test price table: %s", r.error().message.c_str());
    return *r;
}

/// A topology with two paired regions, an office and the given components (and optional workloads).
Topology topology(const std::string& components, const std::string& workloads = {})
{
    const std::string text = "firedrill: 1\nname: Cost test\nregions:\n"
                             "  - {id: weu, pair: neu, zones: 3}\n  - {id: neu, pair: weu, zones: 3}\n"
                             "sites:\n  - {id: onprem, kind: on-premises}\ncomponents:\n" +
                             components + (workloads.empty() ? "" : "workloads:\n" + workloads);
    auto r = readTopologyYaml(text, "cost-test.yaml");
    if (!r.ok()) {
        std::string all;
        for (const auto& d : r.diagnostics)
            all += d.format() + "\n";
        qFatal("test topology does not load:\n%s", all.c_str());
    }
    return *r.topology;
}

Topology sample(const std::string& name)
{
    auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR) + "/" + name);
    if (!r.ok())
        qFatal("sample %s does not load", name.c_str());
    return *r.topology;
}

const Component& component(const Topology& t, const char* id)
{
    return *t.findComponent(ComponentId{id});
}

/// The error message of reading a price table that must fail.
std::string priceError(const std::string& text)
{
    auto r = readPriceTable(text, "prices.yaml");
    return r ? std::string("(no error)") : r.error().message;
}

const std::string kHeader = "prices: 1\ncurrency: USD\ndate: 2026-11-01\nsource: test\nkinds:\n";

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/// Totals, shares and regions add up to the lines.
void checkConsistent(const CostReport& r)
{
    double sum = 0.0;
    for (const auto& line : r.lines) {
        QVERIFY(line.monthly >= 0.0);
        QVERIFY(!line.basis.empty());
        sum += line.monthly;
    }
    QCOMPARE(r.total, sum);
    double regions = 0.0;
    for (const auto& [key, value] : r.byRegion)
        regions += value;
    QVERIFY(std::abs(regions - r.total) < 1e-6);
    QVERIFY(std::abs(r.primaryShare + r.secondaryShare - r.total) < 1e-6);
}

} // namespace

class TestCost : public QObject
{
    Q_OBJECT
private slots:
    // --- component lines ---------------------------------------------------------------------

    void componentCostWins()
    {
        const auto t = topology("  - {id: web, kind: app-service, region: weu, instances: 3, cost: 500}\n");
        const auto lines = componentCost(component(t, "web"), testPrices());
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].monthly, 500.0); // the table would say 3 x 146 = 438
        QCOMPARE(lines[0].basis, std::string("component cost"));
        QCOMPARE(lines[0].region->str(), std::string("weu"));
    }

    void tablePricePerInstance()
    {
        const auto t = topology("  - {id: web, kind: app-service, region: weu, instances: 3}\n"
                                "  - {id: api, kind: app-service, region: weu, autoscale: {min: 2, max: 6}}\n"
                                "  - {id: one, kind: app-service, region: weu}\n");
        const auto prices = testPrices();
        const auto web = componentCost(component(t, "web"), prices);
        QCOMPARE(web[0].monthly, 438.0); // 3 x 146
        QCOMPARE(web[0].basis, std::string("price table: 3 instances x 146 USD"));
        const auto api = componentCost(component(t, "api"), prices);
        QCOMPARE(api[0].monthly, 292.0); // autoscale min 2 x 146
        QVERIFY(contains(api[0].basis, "autoscale minimum"));
        const auto one = componentCost(component(t, "one"), prices);
        QCOMPARE(one[0].monthly, 146.0); // 1 assumed
        QCOMPARE(one[0].basis,
                 std::string("price table: 1 instance x 146 USD (instances not given: 1 assumed)"));
    }

    void sizeBasedDataPricing()
    {
        const auto t = topology("  - {id: db, kind: sql-database, region: weu, size: 3TB}\n"
                                "  - {id: nosize, kind: sql-database, region: weu}\n");
        const auto db = componentCost(component(t, "db"), testPrices());
        QCOMPARE(db[0].monthly, 730.0); // 370 + 3000 GB x 0.12 = 370 + 360
        QCOMPARE(db[0].basis, std::string("price table: 1 database x 370 USD + 3000 GB x 0.12 USD"));
        const auto nosize = componentCost(component(t, "nosize"), testPrices());
        QCOMPARE(nosize[0].monthly, 370.0);
        QVERIFY(contains(nosize[0].basis, "no size given"));
    }

    void replicasArePricedEach()
    {
        const std::string replicas =
            "    replicas:\n"
            "      - {id: db-weu, region: weu, role: primary}\n"
            "      - {id: db-neu, region: neu, role: secondary, sync: asynchronous}\n";
        const auto t = topology("  - id: db\n    kind: sql-database\n    size: 250GB\n" + replicas +
                                "  - id: paid\n    kind: sql-database\n    size: 250GB\n    cost: 930\n" +
                                "    replicas:\n      - {id: p-weu, region: weu, role: primary}\n"
                                "      - {id: p-neu, region: neu, role: secondary, sync: asynchronous}\n");
        const auto db = componentCost(component(t, "db"), testPrices());
        QCOMPARE(db.size(), std::size_t(2));
        QCOMPARE(db[0].monthly, 400.0); // 370 + 250 GB x 0.12 = 370 + 30, per replica
        QCOMPARE(db[1].monthly, 400.0);
        QCOMPARE(db[0].region->str(), std::string("weu"));
        QCOMPARE(db[1].region->str(), std::string("neu"));
        QCOMPARE(db[1].replica->str(), std::string("db-neu"));
        QCOMPARE(db[1].basis, std::string("price table: 1 replica x 370 USD + 250 GB x 0.12 USD"));
        const auto paid = componentCost(component(t, "paid"), testPrices());
        QCOMPARE(paid[0].monthly, 465.0); // 930 / 2
        QCOMPARE(paid[1].monthly, 465.0);
        QCOMPARE(paid[0].basis, std::string("component cost 930 USD split evenly over 2 replicas"));
    }

    void storageRedundancyFactor()
    {
        const auto t =
            topology("  - {id: lrs, kind: storage-account, region: weu, redundancy: LRS, size: 500GB}\n"
                     "  - {id: grs, kind: storage-account, region: weu, redundancy: GRS, size: 500GB}\n"
                     "  - {id: ragrs, kind: storage-account, region: weu, redundancy: RA-GRS, size: 500GB}\n"
                     "  - {id: gzrs, kind: storage-account, region: weu, redundancy: GZRS, size: 500GB}\n"
                     "  - {id: plain, kind: storage-account, region: weu, size: 500GB}\n");
        const auto prices = testPrices();
        const auto cost = [&](const char* id) { return componentCost(component(t, id), prices)[0]; };
        QCOMPARE(cost("lrs").monthly, 10.0);   // 500 x 0.02
        QCOMPARE(cost("grs").monthly, 20.0);   // 500 x 0.04: twice LRS
        QCOMPARE(cost("ragrs").monthly, 25.0); // 500 x 0.05
        QCOMPARE(cost("gzrs").monthly, 22.5);  // 500 x 0.045
        QCOMPARE(cost("grs").basis, std::string("price table: 500 GB x 0.04 USD (GRS)"));
        QCOMPARE(cost("plain").monthly, 10.0); // LRS assumed
        QVERIFY(contains(cost("plain").basis, "LRS assumed"));
    }

    void routingAndLinks()
    {
        const auto t = topology("  - {id: tm, kind: traffic-manager, routing: priority, endpoints: [a, b]}\n"
                                "  - {id: a, kind: app-service, region: weu, instances: 1, cost: 0}\n"
                                "  - {id: b, kind: app-service, region: neu, instances: 1, cost: 0}\n"
                                "  - {id: vpn, kind: vpn-gateway, between: [weu, neu]}\n"
                                "  - {id: vpn2, kind: vpn-gateway, between: [weu, neu], cost: 140}\n"
                                "  - {id: er, kind: expressroute, between: [onprem, weu]}\n");
        const auto prices = testPrices();
        const auto tm = componentCost(component(t, "tm"), prices);
        QVERIFY(std::abs(tm[0].monthly - 6.12) < 1e-9); // 5.4 + 2 x 0.36
        QVERIFY(!tm[0].region);
        QCOMPARE(tm[0].basis, std::string("price table: 1 profile x 5.4 USD + 2 endpoints x 0.36 USD"));
        const auto vpn = componentCost(component(t, "vpn"), prices);
        QCOMPARE(vpn.size(), std::size_t(2)); // a gateway at each region end
        QCOMPARE(vpn[0].monthly, 140.0);
        QCOMPARE(vpn[1].monthly, 140.0);
        QCOMPARE(vpn[1].region->str(), std::string("neu"));
        const auto vpn2 = componentCost(component(t, "vpn2"), prices);
        QCOMPARE(vpn2[0].monthly, 70.0); // 140 / 2 region ends
        QCOMPARE(vpn2[0].basis, std::string("component cost 140 USD split evenly over 2 region ends"));
        const auto er = componentCost(component(t, "er"), prices);
        QCOMPARE(er.size(), std::size_t(1)); // the office end is not Azure's
        QCOMPARE(er[0].monthly, 706.0);      // circuit 436 + one gateway 270
        QCOMPARE(er[0].basis, std::string("price table: 1 circuit x 436 USD + 1 gateway x 270 USD"));
    }

    void missingKindCountsAsZeroWithNote()
    {
        const auto t = topology("  - {id: cache, kind: cache, region: weu}\n");
        const auto report = topologyCost(t, testPrices());
        QCOMPARE(report.total, 0.0);
        QVERIFY(contains(report.lines[0].basis, "no price for cache"));
        QVERIFY(std::any_of(report.notes.begin(), report.notes.end(),
                            [](const std::string& n) { return contains(n, "no price for cache"); }));
    }

    // --- reports -------------------------------------------------------------------------------

    void twoRegionSampleSecondaryShare()
    {
        const auto t = sample("two-region.yaml");
        const auto r = topologyCost(t, builtInPriceTable());
        // tm: no cost, built-in table: 1 profile x 5.4 + 2 endpoints x 0.36      =    6.12 global
        // agw-weu 320, web-weu 438, er-weu 1100                                   = 1858    weu
        // agw-neu 320, web-neu 438, er-neu 1100                                   = 1858    neu
        // sql-ag cost 5400 over 3 replicas = 1800 each: 2 in weu, 1 in neu        = 3600 weu + 1800 neu
        // vpn cost 140 over its 2 region ends                                     =   70 weu +   70 neu
        // weu = 1858 + 3600 + 70 = 5528; neu = 1858 + 1800 + 70 = 3728
        // total = 6.12 + 5528 + 3728 = 9262.12
        QVERIFY(std::abs(r.total - 9262.12) < 1e-9);
        QCOMPARE(r.byRegion.at("weu"), 5528.0);
        QCOMPARE(r.byRegion.at("neu"), 3728.0);
        QVERIFY(std::abs(r.byRegion.at("global") - 6.12) < 1e-9);
        // The workload's primary is weu (the primary replica), its secondary the pair neu.
        QCOMPARE(r.secondaryRegions, std::vector<RegionId>{RegionId{"neu"}});
        QCOMPARE(r.secondaryShare, 3728.0);
        QVERIFY(std::abs(r.primaryShare - 5534.12) < 1e-9); // 5528 + 6.12
        QCOMPARE(r.componentTotal(ComponentId{"sql-ag"}), 5400.0);
        checkConsistent(r);

        // The workload reaches everything from tm except the links nothing depends on (vpn 140, er-weu
        // 1100, er-neu 1100): 9262.12 - 2340 = 6922.12, of which neu 3728 - 70 - 1100 = 2558.
        const auto w = workloadCost(t, t.workloads[0], builtInPriceTable());
        QVERIFY(std::abs(w.total - 6922.12) < 1e-9);
        QCOMPARE(w.secondaryShare, 2558.0);
        checkConsistent(w);
    }

    void workloadCostActivePassiveFull()
    {
        const auto t = sample("dr-active-passive-full.yaml");
        const auto r = workloadCost(t, t.workloads[0], testPrices());
        // tm 10 (global); weu: web-weu 730 + cache-weu 100 + sql 930/2 + blob 60 = 1355;
        // neu: web-neu 365 + cache-neu 100 + sql 930/2 = 930. Total 10 + 1355 + 930 = 2295.
        QCOMPARE(r.total, 2295.0);
        QCOMPARE(r.byRegion.at("weu"), 1355.0);
        QCOMPARE(r.secondaryShare, 930.0);
        QCOMPARE(r.primaryShare, 1365.0); // 1355 + 10 (global)
        checkConsistent(r);
    }

    void sharedComponentsAreNoted()
    {
        const auto t = sample("dr-reduced-shop.yaml");
        const auto r = workloadCost(t, *t.findWorkload(WorkloadId{"catalog"}), testPrices());
        QVERIFY(std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
            return contains(n, "Shared with other workloads") && contains(n, "tm");
        }));
    }

    // --- failover cost -------------------------------------------------------------------------

    void failoverActivePassiveFull()
    {
        const auto t = sample("dr-active-passive-full.yaml");
        const auto f = failoverCost(t, t.workloads[0], testPrices(), Duration::hours(4));
        // web-neu runs 5 instances and scales to web-weu's 10: 5 extra. Its own cost: 365 / 5 = 73 USD
        // per instance-month. 5 x 73 / 730 = 0.5 USD/h; for 4 hours: 2 USD.
        QCOMPARE(f.lines.size(), std::size_t(1));
        QCOMPARE(f.lines[0].component.str(), std::string("web-neu"));
        QCOMPARE(f.lines[0].current, 5);
        QCOMPARE(f.lines[0].full, 10);
        QCOMPARE(f.lines[0].perInstanceMonthly, 73.0);
        QCOMPARE(f.extraPerHour, 0.5);
        QCOMPARE(f.total, 2.0);
        QVERIFY(contains(f.explanation, "2 USD"));
    }

    void failoverFromTablePrices()
    {
        const auto t = topology(
            "  - {id: web-weu, kind: app-service, region: weu, instances: 6}\n"
            "  - {id: web-neu, kind: app-service, region: neu, instances: 2}\n",
            "  - {id: w, entry: web-weu, components: [web-weu, web-neu], "
            "strategy: {kind: active-passive-full, scale_factor: 0.5, primary: weu, secondary: neu}}\n");
        const auto f = failoverCost(t, t.workloads[0], testPrices(), Duration::hours(4));
        // Counterpart web-weu has 6: 4 extra x 146 / 730 = 0.8 USD/h; x 4 h = 3.2 USD.
        QCOMPARE(f.lines.size(), std::size_t(1));
        QCOMPARE(f.lines[0].full, 6);
        QVERIFY(std::abs(f.extraPerHour - 0.8) < 1e-12);
        QVERIFY(std::abs(f.total - 3.2) < 1e-12);
    }

    void failoverScaleFactorAndAutoscaleRules()
    {
        const auto t = topology(
            "  - {id: front, kind: app-service, region: neu, instances: 3, depends_on: [db]}\n"
            "  - {id: db, kind: sql-database, region: weu}\n",
            "  - {id: w, entry: front, "
            "strategy: {kind: active-passive-full, scale_factor: 0.5, primary: weu, secondary: neu}}\n");
        const auto f = failoverCost(t, t.workloads[0], testPrices(), Duration::hours(4));
        // No primary counterpart: 3 / 0.5 = 6; 3 extra x 146 / 730 = 0.6 USD/h; x 4 h = 2.4 USD.
        QCOMPARE(f.lines.size(), std::size_t(1));
        QCOMPARE(f.lines[0].full, 6);
        QVERIFY(std::abs(f.total - 2.4) < 1e-12);

        const auto a = topology(
            "  - {id: front, kind: app-service, region: neu, instances: 3, "
            "autoscale: {min: 3, max: 8}, depends_on: [db]}\n"
            "  - {id: db, kind: sql-database, region: weu}\n",
            "  - {id: w, entry: front, strategy: {kind: active-active, primary: weu, secondary: neu}}\n");
        const auto g = failoverCost(a, a.workloads[0], testPrices(), Duration::hours(1));
        // No counterpart, no scale factor: autoscale maximum 8; 5 extra x 146 / 730 = 1 USD/h.
        QCOMPARE(g.lines[0].full, 8);
        QVERIFY(std::abs(g.total - 1.0) < 1e-12);
    }

    void failoverActiveActiveTakesOverThePrimaryShare()
    {
        const auto t = sample("dr-active-active.yaml");
        const auto f = failoverCost(t, t.workloads[0], testPrices(), Duration::hours(2));
        // web-neu 5 takes over web-weu's 5: 10. 5 extra x (365 / 5 = 73) / 730 = 0.5 USD/h; x 2 h = 1 USD.
        QCOMPARE(f.lines.size(), std::size_t(1));
        QCOMPARE(f.lines[0].full, 10);
        QCOMPARE(f.total, 1.0);
    }

    void failoverStartsComputeMissingInTheSecondary()
    {
        const auto t = sample("dr-active-passive-db.yaml");
        const auto f = failoverCost(t, t.workloads[0], testPrices(), Duration::hours(4));
        // No web tier in neu: web-weu's 10 instances start there at 730 / 10 = 73 USD each:
        // 10 x 73 / 730 = 1 USD/h; x 4 h = 4 USD.
        QCOMPARE(f.lines.size(), std::size_t(1));
        QCOMPARE(f.lines[0].component.str(), std::string("web-weu"));
        QCOMPARE(f.lines[0].region.str(), std::string("neu"));
        QCOMPARE(f.lines[0].current, 0);
        QCOMPARE(f.lines[0].full, 10);
        QCOMPARE(f.total, 4.0);
    }

    void failoverPricesAnEmptyStandbyFromItsCounterpart()
    {
        const auto t = sample("vm-dr.yaml");
        const auto f = failoverCost(t, *t.findWorkload(WorkloadId{"shop"}), testPrices(), Duration::hours(4));
        // web-cae: 0 instances at cost 0, so no own per-instance price; web-cac: 420 / 3 = 140 USD.
        // 3 extra x 140 / 730 = 0.5753 USD/h; x 4 h = 2.3014 USD.
        QCOMPARE(f.lines.size(), std::size_t(1));
        QCOMPARE(f.lines[0].current, 0);
        QCOMPARE(f.lines[0].full, 3);
        QCOMPARE(f.lines[0].perInstanceMonthly, 140.0);
        QVERIFY(std::abs(f.total - 3.0 * 140.0 / 730.0 * 4.0) < 1e-12);
    }

    void failoverSingleRegionIsFree()
    {
        const auto t = sample("dr-single-region.yaml");
        const auto f = failoverCost(t, t.workloads[0], testPrices(), Duration::hours(4));
        QCOMPARE(f.total, 0.0);
        QVERIFY(f.lines.empty());
        QVERIFY(!f.explanation.empty());
    }

    // --- the price table -----------------------------------------------------------------------

    void priceTableErrors()
    {
        // Unknown kind: line 6 ("  - {kind: app-servce, ...}"), column 12 where the value starts.
        auto e = priceError(kHeader + "  - {kind: app-servce, per_instance: 146}\n");
        QVERIFY2(contains(e, "prices.yaml:6:12: error:") && contains(e, "app-servce"), e.c_str());
        e = priceError(kHeader + "  - {kind: app-service, per_instance: 14x6}\n");
        QVERIFY2(contains(e, "prices.yaml:6:39: error: per_instance"), e.c_str());
        e = priceError(kHeader + "  - {kind: app-service, per_instance: -1}\n");
        QVERIFY2(contains(e, ":6:39: error: per_instance must be 0 or more"), e.c_str());
        e = priceError("prices: 1\ndate: 2026-11-01\nsource: test\nkinds: []\n");
        QVERIFY2(contains(e, "prices.yaml:1:1: error: a price table needs 'currency'"), e.c_str());
        e = priceError("prices: 1\ncurrency: EUR\ndate: 2026-11-01\nsource: test\nkinds: []\n");
        QVERIFY2(contains(e, ":2:11: error: currency 'EUR' is not supported"), e.c_str());
        e = priceError("prices: 2\ncurrency: USD\ndate: 2026-11-01\nsource: test\nkinds: []\n");
        QVERIFY2(contains(e, ":1:9: error: price table version 2"), e.c_str());
        e = priceError("prices: 1\ncurrency: USD\ndate: 1 Nov 2026\nsource: test\nkinds: []\n");
        QVERIFY2(contains(e, ":3:7: error: date"), e.c_str());
        e = priceError(kHeader + "  - {kind: queue, per_instance: 5}\n  - {kind: queue, per_instance: 6}\n");
        QVERIFY2(contains(e, ":7:12: error: queue is priced twice; the first entry is on line 6"), e.c_str());
        e = priceError(kHeader + "  - {kind: queue, per_instace: 5}\n");
        QVERIFY2(contains(e, ":6:19: error: unknown key 'per_instace' in a price entry; expected one of"),
                 e.c_str()); // a typo is an error
        e = priceError(kHeader + "  - {kind: storage-account, per_gb: {LRS: 0.02, GRS: 0.04}}\n");
        QVERIFY2(contains(e, "missing ZRS, RA-GRS, GZRS, RA-GZRS"), e.c_str());
        e = priceError(kHeader + "  - {kind: app-service, per_gb: {LRS: 0.02}}\n");
        QVERIFY2(contains(e, "only applies to storage-account"), e.c_str());
        e = priceError(kHeader + "  - {kind: app-service, per_gateway: 3}\n");
        QVERIFY2(contains(e, "per_gateway only applies"), e.c_str());
        e = priceError(kHeader + "  - {kind: app-service, unit: vm}\n");
        QVERIFY2(contains(e, "has no price"), e.c_str());
        e = priceError("");
        QVERIFY2(contains(e, "expected a map starting with 'prices: 1'"), e.c_str());
        e = priceError("prices: [1\n");
        QVERIFY2(contains(e, "prices.yaml:"), e.c_str());

        const auto missing = loadPriceTable(std::string(FIREDRILL_SOURCE_DIR) + "/no/such/prices.yaml");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, std::string("not-found"));
    }

    void builtInTableParsesAndCoversEveryKind()
    {
        const PriceTable& table = builtInPriceTable();
        QVERIFY(table.missingKinds().empty());
        QCOMPARE(table.prices().size(), allKinds().size());
        QCOMPARE(table.currency(), std::string("USD"));
        QCOMPARE(table.date(), std::string("2026-11-01"));
        QVERIFY(contains(table.source(), "Indicative"));
        for (const auto& p : table.prices())
            QVERIFY2(!p.note.empty(), std::string(kindName(p.kind)).c_str());
        QCOMPARE(table.find(ComponentKind::AppService)->perInstance.value(), 146.0);
        QCOMPARE(table.find(ComponentKind::StorageAccount)->gbPrice(StorageRedundancy::Grs).value(),
                 2 * table.find(ComponentKind::StorageAccount)->gbPrice(StorageRedundancy::Lrs).value());
        QCOMPARE(table.find(ComponentKind::Users)->perInstance.value(), 0.0);
    }

    void builtInTableIsTheShippedFile()
    {
        const std::string path =
            std::string(FIREDRILL_SOURCE_DIR) + "/resources/prices/azure-list-prices.yaml";
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        QCOMPARE(std::string(builtInPriceTableText()), text.str());
        const auto loaded = loadPriceTable(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(*loaded == builtInPriceTable());
    }

    // --- every sample ---------------------------------------------------------------------------

    void everySampleCosts_data()
    {
        QTest::addColumn<QString>("name");
        const auto files =
            QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QVERIFY(files.size() >= 10);
        for (const auto& f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void everySampleCosts()
    {
        QFETCH(QString, name);
        const auto t = sample(name.toStdString());
        const auto r = topologyCost(t, builtInPriceTable());
        checkConsistent(r);
        QVERIFY(r.total > 0.0);
        for (const auto& w : t.workloads) {
            const auto wr = workloadCost(t, w, builtInPriceTable());
            checkConsistent(wr);
            QVERIFY(wr.total <= r.total + 1e-6);
            const auto f = failoverCost(t, w, builtInPriceTable(), Duration::minutes(90));
            double perHour = 0.0;
            for (const auto& line : f.lines) {
                QVERIFY(line.full > line.current);
                QVERIFY(line.perHour >= 0.0);
                QVERIFY(!line.basis.empty());
                perHour += line.perHour;
            }
            QCOMPARE(f.extraPerHour, perHour);
            QVERIFY(std::abs(f.total - f.extraPerHour * 1.5) < 1e-9);
            QVERIFY(!f.explanation.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "test_cost.moc"
