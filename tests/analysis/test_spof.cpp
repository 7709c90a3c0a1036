// Single points of failure: components, zones, regions, links and sites whose loss alone hurts a workload.
#include "core/analysis/SpofAnalysis.h"
#include "core/io/TopologyFile.h"

#include <QtTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace firedrill;

namespace {

Topology sample(const char* name)
{
    const auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/") + name);
    if (!r.ok())
        qFatal("sample %s does not load", name);
    return *r.topology;
}

Topology parse(const std::string& text)
{
    auto r = readTopologyYaml(text, "t.yaml");
    if (!r.ok())
        qFatal("fixture does not validate");
    return *r.topology;
}

const SpofFinding* findingFor(const SpofReport& r, const std::string& label)
{
    const auto it = std::find_if(r.singles.begin(), r.singles.end(),
                                 [&](const SpofFinding& f) { return f.domains.front().label() == label; });
    return it == r.singles.end() ? nullptr : &*it;
}

bool lostIncludes(const SpofFinding& f, const std::string& id)
{
    return std::any_of(f.lost.begin(), f.lost.end(), [&](const ComponentId& c) { return c.str() == id; });
}

} // namespace

class TestSpof : public QObject
{
    Q_OBJECT
private slots:
    void singleRegionDatabaseIsASinglePointOfFailure()
    {
        // Seed 002: "In this scenario, the database is a single point of failure": its replicas stay in one region.
        const auto r = findSinglePointsOfFailure(sample("dr-single-region.yaml"));
        const SpofFinding* region = findingFor(r, "region weu");
        QVERIFY(region);
        QCOMPARE(region->impacts.front().kind, ImpactKind::Down);
        QVERIFY(lostIncludes(*region, "sql"));
        // Its components have no zone: each sits in one unknown zone, whose loss takes them down.
        const SpofFinding* zone = findingFor(r, "zone of weu's unzoned components");
        QVERIFY(zone);
        QVERIFY(lostIncludes(*zone, "web-weu"));
        // The LRS blob store has no redundancy of its own.
        QVERIFY(findingFor(r, "component blob"));
    }

    void twoRegionWebTierHasNoSinglePointOfFailure()
    {
        // Seed 000: "Thanks to that our services does not have SPOF."
        const auto r = findSinglePointsOfFailure(sample("two-region.yaml"));
        for (const auto& f : r.singles)
            for (const auto& d : f.domains)
                QVERIFY2(d.id.rfind("web-", 0) != 0 && d.id.rfind("agw-", 0) != 0, d.label().c_str());
        QVERIFY2(r.singles.empty(), r.singles.empty() ? "" : r.singles.front().domains.front().label().c_str());
        QVERIFY(r.domainsChecked > 0);
    }

    void twoReplicasInOneZoneAreOneFailureDomain()
    {
        const std::string base = "firedrill: 1\nname: t\nregions:\n  - {id: weu, zones: 3}\ncomponents:\n"
                                 "  - {id: web, kind: app-service, region: weu, instances: 2, zones: [1, 2], depends_on: [db]}\n"
                                 "  - id: db\n    kind: sql-server-ag\n    failover: {mode: automatic}\n    replicas:\n"
                                 "      - {id: db1, region: weu, zone: 1, role: primary}\n";
        const std::string tail = "workloads:\n  - {id: w, entry: web, demand_rps: 10}\n";
        auto same = findSinglePointsOfFailure(
            parse(base + "      - {id: db2, region: weu, zone: 1, role: secondary, sync: synchronous}\n" + tail));
        QVERIFY(findingFor(same, "zone weu/1"));
        auto spread = findSinglePointsOfFailure(
            parse(base + "      - {id: db2, region: weu, zone: 2, role: secondary, sync: synchronous}\n" + tail));
        QVERIFY(!findingFor(spread, "zone weu/1"));
        QVERIFY(!findingFor(spread, "zone weu/2"));
        QVERIFY(findingFor(spread, "region weu"));
    }

    void capacityShortfallIsDegraded()
    {
        // Two regions of 2 x 100 req/s behind a traffic manager, demand 300: losing one leaves 200.
        const auto t = parse("firedrill: 1\nname: t\nregions:\n  - {id: a, pair: b, zones: 0}\n  - {id: b, pair: a, zones: 0}\n"
                             "components:\n"
                             "  - {id: tm, kind: traffic-manager, endpoints: [wa, wb]}\n"
                             "  - {id: wa, kind: app-service, region: a, instances: 2, capacity_rps: 100}\n"
                             "  - {id: wb, kind: app-service, region: b, instances: 2, capacity_rps: 100}\n"
                             "workloads:\n  - {id: w, entry: tm, demand_rps: 300}\n");
        const auto r = findSinglePointsOfFailure(t);
        const SpofFinding* a = findingFor(r, "region a");
        QVERIFY(a);
        QCOMPARE(a->impacts.front().kind, ImpactKind::Degraded);
        QCOMPARE(a->impacts.front().capacityRps, 200.0);
        QVERIFY(a->impacts.front().explanation.find("200 req/s left") != std::string::npos);
        // With autoscale to 4 instances the survivor carries 400 >= 300: no longer a SPOF.
        auto scaled = t;
        for (auto& c : scaled.components)
            if (c.capacityRps)
                c.autoscale = Autoscale{2, 4, Duration::minutes(5)};
        QVERIFY(findSinglePointsOfFailure(scaled).singles.empty());
    }

    void linksAndSites()
    {
        const auto t = parse("firedrill: 1\nname: t\nregions:\n  - {id: weu, zones: 0}\nsites:\n  - {id: hq, kind: on-premises}\n"
                             "components:\n"
                             "  - {id: app, kind: vm, site: hq, instances: 2, depends_on: [vpn]}\n"
                             "  - {id: vpn, kind: vpn-gateway, between: [hq, weu], depends_on: [db]}\n"
                             "  - {id: db, kind: sql-database, region: weu, quorum_commit: true}\n"
                             "workloads:\n  - {id: w, entry: app, demand_rps: 1}\n");
        const auto r = findSinglePointsOfFailure(t);
        QVERIFY(findingFor(r, "link vpn"));
        QVERIFY(findingFor(r, "site hq"));
        QVERIFY(findingFor(r, "region weu"));
        QVERIFY(!findingFor(r, "component db")); // quorum commit: redundant inside the region
    }

    void minimalPairs()
    {
        const auto t = sample("two-region.yaml");
        SpofOptions options;
        options.pairs = true;
        const auto r = findSinglePointsOfFailure(t, options);
        QVERIFY(r.pairsChecked);
        // Losing both regions takes the platform down; neither does alone.
        const bool bothRegions = std::any_of(r.pairs.begin(), r.pairs.end(), [](const SpofFinding& f) {
            return f.domains.size() == 2 && f.domains[0].label() == "region neu" && f.domains[1].label() == "region weu";
        });
        QVERIFY(bothRegions);
    }

    void lostComponentsAreListedOnceInWorkloadOrder()
    {
        // Two workloads share "db": a region loss lists it once, in the order the workloads reach them.
        const auto t = parse("firedrill: 1\nname: t\nregions:\n  - {id: weu, zones: 3}\ncomponents:\n"
                             "  - {id: a, kind: app-service, region: weu, zone: 1, depends_on: [db]}\n"
                             "  - {id: b, kind: app-service, region: weu, zone: 2, depends_on: [db]}\n"
                             "  - {id: db, kind: sql-database, region: weu, zone: 3}\n"
                             "workloads:\n  - {id: wa, entry: a, demand_rps: 10}\n  - {id: wb, entry: b, demand_rps: 10}\n");
        const auto r = findSinglePointsOfFailure(t);
        const SpofFinding* region = findingFor(r, "region weu");
        QVERIFY(region);
        QCOMPARE(region->impacts.size(), std::size_t{2});
        const std::vector<ComponentId> expected{ComponentId{"a"}, ComponentId{"db"}, ComponentId{"b"}};
        QCOMPARE(region->lost, expected);
    }

    void zoneOfManyComponentsListsEachOnce()
    {
        // One zone holding 20,000 single-instance components behind one entry: the zone's finding lists
        // each of them exactly once (this used to search the list for every component: quadratic).
        Topology t;
        t.name = "many";
        Region weu;
        weu.id = RegionId{"weu"};
        weu.zones = 3;
        t.regions.push_back(weu);
        constexpr int kCount = 20'000;
        Component entry;
        entry.id = ComponentId{"entry"};
        entry.kind = ComponentKind::AppService;
        entry.region = weu.id;
        entry.zone = 1;
        for (int i = 0; i < kCount; ++i)
            entry.dependsOn.push_back({ComponentId{"c" + std::to_string(i)}, DependencyKind::Hard});
        t.components.push_back(entry);
        for (int i = 0; i < kCount; ++i) {
            Component c;
            c.id = ComponentId{"c" + std::to_string(i)};
            c.kind = ComponentKind::AppService;
            c.region = weu.id;
            c.zone = 1;
            c.instances = 2;
            t.components.push_back(std::move(c));
        }
        Workload w;
        w.id = WorkloadId{"w"};
        w.entry = entry.id;
        w.demandRps = 1;
        t.workloads.push_back(w);
        const auto r = findSinglePointsOfFailure(t);
        const SpofFinding* zone = findingFor(r, "zone weu/1");
        QVERIFY(zone);
        QCOMPARE(zone->lost.size(), std::size_t{kCount + 1});
        std::vector<std::string> ids;
        for (const auto& c : zone->lost)
            ids.push_back(c.str());
        std::sort(ids.begin(), ids.end());
        QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    }
};

QTEST_GUILESS_MAIN(TestSpof)
#include "test_spof.moc"
