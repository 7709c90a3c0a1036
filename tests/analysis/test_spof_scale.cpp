// Single points of failure on large and random designs: long hard-dependency chains of one-instance
// components, long explicit member lists and chains of routers finish (n log n), and on random acyclic
// designs every finding equals a brute-force walk of each workload under each loss.
#include "core/analysis/SpofAnalysis.h"
#include "core/io/TopologyFile.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace firedrill;

namespace {

Component service(const std::string& id, int instances, std::optional<double> capacity = 100.0)
{
    Component c;
    c.id = ComponentId(id);
    c.kind = ComponentKind::AppService;
    c.region = RegionId("weu");
    c.instances = instances;
    c.capacityRps = capacity;
    return c;
}

Topology oneRegion()
{
    Topology t;
    t.name = "t";
    Region weu;
    weu.id = RegionId("weu");
    t.regions.push_back(weu);
    return t;
}

Workload workload(const std::string& id, const std::string& entry, double demand)
{
    Workload w;
    w.id = WorkloadId(id);
    w.entry = ComponentId(entry);
    w.demandRps = demand;
    return w;
}

const SpofFinding* findingFor(const SpofReport& r, const std::string& label)
{
    const auto it = std::find_if(r.singles.begin(), r.singles.end(),
                                 [&](const SpofFinding& f) { return f.domains.front().label() == label; });
    return it == r.singles.end() ? nullptr : &*it;
}

/// What findSinglePointsOfFailure must answer, the slow way: every workload walked under every loss.
std::vector<SpofFinding> bruteForce(const Topology& t, const std::vector<std::vector<FailureDomain>>& losses)
{
    std::vector<SpofFinding> out;
    for (const auto& loss : losses) {
        SpofFinding f{loss, {}, {}};
        for (const Workload& w : t.workloads) {
            const double before = servedCapacity(t, w, LossSet{});
            const double after = servedCapacity(t, w, LossSet{loss});
            if (after <= 0.0 || (after < w.demandRps && after < before))
                f.impacts.push_back({w.id, after <= 0.0 ? ImpactKind::Down : ImpactKind::Degraded, after, w.demandRps, {}});
        }
        if (!f.impacts.empty())
            out.push_back(std::move(f));
    }
    return out;
}

bool same(double a, double b) { return a == b || std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)); }

/// A random acyclic design: components depend on (and route to) later ones only.
Topology randomDesign(std::mt19937& random, int n)
{
    Topology t;
    t.name = "random";
    for (const char* id : {"weu", "neu"}) {
        Region r;
        r.id = RegionId(id);
        r.zones = 3;
        t.regions.push_back(r);
    }
    const auto pick = [&](int below) { return static_cast<int>(random() % static_cast<unsigned>(below)); };
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = ComponentId("c" + std::to_string(i));
        const int later = n - i - 1;
        if (later >= 2 && pick(4) == 0) {
            c.kind = ComponentKind::TrafficManager;
            std::vector<int> targets;
            for (int k = 0, count = 1 + pick(3); k < count; ++k)
                targets.push_back(i + 1 + pick(later));
            std::sort(targets.begin(), targets.end());
            targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
            for (int target : targets)
                c.endpoints.push_back({ComponentId("c" + std::to_string(target)), std::nullopt, std::nullopt});
        } else {
            c.kind = ComponentKind::AppService;
            c.region = RegionId(pick(2) ? "weu" : "neu");
            if (pick(3) == 0)
                c.zone = 1 + pick(3);
            else if (pick(4) == 0)
                c.zones = {1, 2};
            c.instances = 1 + pick(2);
            if (pick(4) != 0)
                c.capacityRps = 10.0 * (1 + pick(5));
            if (later > 0)
                for (int k = 0, count = pick(3); k < count; ++k) {
                    const ComponentId target("c" + std::to_string(i + 1 + pick(later)));
                    if (std::none_of(c.dependsOn.begin(), c.dependsOn.end(), [&](const Dependency& d) { return d.target == target; }))
                        c.dependsOn.push_back({target, pick(4) == 0 ? DependencyKind::Soft : DependencyKind::Hard});
                }
        }
        t.components.push_back(std::move(c));
    }
    for (int k = 0; k < 3; ++k) {
        Workload w = workload("w" + std::to_string(k), "c" + std::to_string(pick(std::max(1, n / 2))), 10.0 * pick(8));
        if (k == 2)
            for (int m = 0; m < 4; ++m)
                w.components.push_back(ComponentId("c" + std::to_string(pick(n))));
        t.workloads.push_back(w);
    }
    return t;
}

} // namespace

class TestSpofScale : public QObject
{
    Q_OBJECT
private slots:
    void handCheckedChainBehindARouter()
    {
        // tm -> [a, b]; a -> a1 -> a2 (hard, one instance each, 100 req/s); b: 2 x 30 req/s. Demand 120.
        Topology t = oneRegion();
        Component tm;
        tm.id = ComponentId("tm");
        tm.kind = ComponentKind::TrafficManager;
        tm.endpoints = {{ComponentId("a"), std::nullopt, std::nullopt}, {ComponentId("b"), std::nullopt, std::nullopt}};
        t.components.push_back(tm);
        Component a = service("a", 1), a1 = service("a1", 1), a2 = service("a2", 1, 80.0);
        a.dependsOn.push_back({ComponentId("a1"), DependencyKind::Hard});
        a1.dependsOn.push_back({ComponentId("a2"), DependencyKind::Hard});
        t.components.push_back(a);
        t.components.push_back(a1);
        t.components.push_back(a2);
        t.components.push_back(service("b", 2, 30.0));
        t.workloads.push_back(workload("w", "tm", 120));
        // Baseline: min(100, 100, 80) + 60 = 140. Losing a, a1 or a2 leaves b's 60: degraded.
        const SpofReport r = findSinglePointsOfFailure(t);
        for (const char* id : {"a", "a1", "a2"}) {
            const SpofFinding* f = findingFor(r, std::string("component ") + id);
            QVERIFY2(f, id);
            QCOMPARE(f->impacts.size(), std::size_t(1));
            QCOMPARE(f->impacts.front().kind, ImpactKind::Degraded);
            QCOMPARE(f->impacts.front().capacityRps, 60.0);
            QCOMPARE(f->lost, std::vector<ComponentId>{ComponentId(id)});
        }
        QVERIFY(!findingFor(r, "component b")); // two instances: redundant on its own
        const SpofFinding* region = findingFor(r, "region weu");
        QVERIFY(region);
        QCOMPARE(region->impacts.front().kind, ImpactKind::Down);
        QCOMPARE(region->lost.size(), std::size_t(4)); // a, a1, a2, b in topology order
        QCOMPARE(region->lost.front().str(), std::string("a"));
        QCOMPARE(r.singles.size(), std::size_t(4));
    }

    void randomDesignsEqualABruteForceWalk()
    {
        std::mt19937 random(20261208);
        for (int round = 0; round < 300; ++round) {
            const Topology t = randomDesign(random, 4 + round % 25);
            SpofOptions options;
            options.pairs = round % 3 == 0;
            const SpofReport r = findSinglePointsOfFailure(t, options);
            const auto domains = failureDomains(t);
            std::vector<std::vector<FailureDomain>> singles;
            for (const auto& d : domains)
                singles.push_back({d});
            const auto expected = bruteForce(t, singles);
            QCOMPARE(r.singles.size(), expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                QCOMPARE(r.singles[i].domains, expected[i].domains);
                QCOMPARE(r.singles[i].impacts.size(), expected[i].impacts.size());
                for (std::size_t k = 0; k < expected[i].impacts.size(); ++k) {
                    QCOMPARE(r.singles[i].impacts[k].workload, expected[i].impacts[k].workload);
                    QCOMPARE(r.singles[i].impacts[k].kind, expected[i].impacts[k].kind);
                    QVERIFY2(same(r.singles[i].impacts[k].capacityRps, expected[i].impacts[k].capacityRps),
                             qPrintable(QStringLiteral("round %1").arg(round)));
                }
            }
            if (!options.pairs)
                continue;
            std::vector<std::vector<FailureDomain>> pairs;
            for (std::size_t i = 0; i < domains.size(); ++i)
                for (std::size_t j = i + 1; j < domains.size(); ++j)
                    if (!std::any_of(expected.begin(), expected.end(), [&](const SpofFinding& f) {
                            return f.domains.front() == domains[i] || f.domains.front() == domains[j];
                        }))
                        pairs.push_back({domains[i], domains[j]});
            const auto expectedPairs = bruteForce(t, pairs);
            QCOMPARE(r.pairs.size(), expectedPairs.size());
            for (std::size_t i = 0; i < expectedPairs.size(); ++i)
                QCOMPARE(r.pairs[i].domains, expectedPairs[i].domains);
        }
    }

    void hardDependencyChainOf20000OneInstanceComponents()
    {
        constexpr int kLength = 20000;
        Topology t = oneRegion();
        for (int i = 0; i < kLength; ++i) {
            Component c = service("c" + std::to_string(i), 1);
            if (i + 1 < kLength)
                c.dependsOn.push_back({ComponentId("c" + std::to_string(i + 1)), DependencyKind::Hard});
            t.components.push_back(std::move(c));
        }
        t.workloads.push_back(workload("w", "c0", 50));
        const SpofReport r = findSinglePointsOfFailure(t);
        QCOMPARE(r.singles.size(), std::size_t(kLength + 1)); // every component, and the region
        const SpofFinding* last = findingFor(r, "component c19999");
        QVERIFY(last);
        QCOMPARE(last->impacts.front().kind, ImpactKind::Down);
        QCOMPARE(last->lost, std::vector<ComponentId>{ComponentId("c19999")});
        QCOMPARE(findingFor(r, "region weu")->lost.size(), std::size_t(kLength));
    }

    void workloadListing20000Members()
    {
        // The entry depends on nothing; the other listed members are lost without taking it down.
        constexpr int kMembers = 20000;
        Topology t = oneRegion();
        Workload w = workload("w", "c0", 50);
        for (int i = 0; i < kMembers; ++i) {
            t.components.push_back(service("c" + std::to_string(i), 1));
            w.components.push_back(ComponentId("c" + std::to_string(i)));
        }
        t.workloads.push_back(w);
        const SpofReport r = findSinglePointsOfFailure(t);
        QCOMPARE(r.domainsChecked, std::size_t(kMembers + 1));
        QCOMPARE(r.singles.size(), std::size_t(2)); // c0 and the region
        QVERIFY(findingFor(r, "component c0"));
        QCOMPARE(findingFor(r, "region weu")->lost.size(), std::size_t(kMembers));
    }

    void chainOf20000Routers()
    {
        // tm_i routes to app_i (one instance, 10 req/s) and tm_(i+1): demand 50 needs five apps.
        constexpr int kLength = 20000;
        Topology t = oneRegion();
        for (int i = 0; i < kLength; ++i) {
            Component tm;
            tm.id = ComponentId("tm" + std::to_string(i));
            tm.kind = ComponentKind::TrafficManager;
            tm.endpoints.push_back({ComponentId("app" + std::to_string(i)), std::nullopt, std::nullopt});
            if (i + 1 < kLength)
                tm.endpoints.push_back({ComponentId("tm" + std::to_string(i + 1)), std::nullopt, std::nullopt});
            t.components.push_back(std::move(tm));
            t.components.push_back(service("app" + std::to_string(i), 1, 10.0));
        }
        t.workloads.push_back(workload("w", "tm0", kLength * 10.0));
        const SpofReport r = findSinglePointsOfFailure(t);
        // Every app is needed at full demand: each loss leaves 10 req/s less.
        QCOMPARE(r.singles.size(), std::size_t(kLength + 1));
        const SpofFinding* f = findingFor(r, "component app12345");
        QVERIFY(f);
        QCOMPARE(f->impacts.front().kind, ImpactKind::Degraded);
        QCOMPARE(f->impacts.front().capacityRps, (kLength - 1) * 10.0);
    }
};

QTEST_GUILESS_MAIN(TestSpofScale)
#include "test_spof_scale.moc"
