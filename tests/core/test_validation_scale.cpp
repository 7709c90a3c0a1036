// Validation of large designs (every lookup indexed, so many regions, sites, workloads or policies cost
// n log n) and of routers that route back to themselves.
#include "TopologyText.h"

#include "core/model/DependencyCycles.h"
#include "core/model/Validator.h"

using namespace firedrill;

namespace {

Component router(const std::string& id, ComponentKind kind, std::vector<std::string> endpoints)
{
    Component c;
    c.id = ComponentId(id);
    c.kind = kind;
    for (auto& e : endpoints)
        c.endpoints.push_back({ComponentId(std::move(e)), std::nullopt, std::nullopt});
    return c;
}

Component app(const std::string& id)
{
    Component c;
    c.id = ComponentId(id);
    c.region = RegionId("weu");
    return c;
}

Topology named()
{
    Topology t;
    t.name = "t";
    Region weu;
    weu.id = RegionId("weu");
    t.regions.push_back(weu);
    return t;
}

std::vector<Diagnostic> withCode(const std::vector<Diagnostic>& all, const std::string& code)
{
    std::vector<Diagnostic> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Diagnostic& d) { return d.code == code; });
    return out;
}

} // namespace

class TestValidationScale : public QObject
{
    Q_OBJECT
private slots:
    void routerListingItselfIsRefused()
    {
        Topology t = named();
        t.components.push_back(router("tm", ComponentKind::TrafficManager, {"tm", "web"}));
        t.components.push_back(app("web"));
        const auto loops = withCode(validate(t), "routing-loop");
        QCOMPARE(loops.size(), std::size_t(1));
        QCOMPARE(loops[0].severity, Severity::Error);
        QCOMPARE(loops[0].path, std::string("components[tm].endpoints"));
        QCOMPARE(loops[0].message, std::string("Traffic Manager 'tm' lists itself as an endpoint; its endpoints must be "
                                               "the services it sends traffic to, so remove 'tm' from them"));
    }

    void routersListingEachOtherAreRefused()
    {
        // fd1 -> fd2 -> tm -> fd1, each also reaching a service; any kind with endpoints counts.
        Topology t = named();
        t.components.push_back(router("fd1", ComponentKind::FrontDoor, {"fd2"}));
        t.components.push_back(router("fd2", ComponentKind::FrontDoor, {"web", "tm"}));
        t.components.push_back(router("tm", ComponentKind::TrafficManager, {"fd1"}));
        t.components.push_back(router("agw", ComponentKind::ApplicationGateway, {"agw"}));
        t.components.push_back(app("web"));
        const auto loops = withCode(validate(t), "routing-loop");
        QCOMPARE(loops.size(), std::size_t(2));
        QCOMPARE(loops[0].path, std::string("components[tm].endpoints"));
        QCOMPARE(loops[0].message,
                 std::string("endpoints form a loop: fd1 -> fd2 -> tm -> fd1 (traffic would go round and never reach "
                             "a service); remove 'fd1' from the endpoints of Traffic Manager 'tm'"));
        QVERIFY(loops[1].message.find("'agw' lists itself as an endpoint") != std::string::npos);
        // Routers that share a service, or a chain of routers, are fine.
        Topology fine = named();
        fine.components.push_back(router("tm", ComponentKind::TrafficManager, {"fd", "web"}));
        fine.components.push_back(router("fd", ComponentKind::FrontDoor, {"web"}));
        fine.components.push_back(app("web"));
        QVERIFY(withCode(validate(fine), "routing-loop").empty());
    }

    void routingLoopIsReportedWithItsLineInTheFile()
    {
        const auto r = readTopologyYaml("firedrill: 1\nname: t\nregions:\n  - {id: weu}\ncomponents:\n"
                                        "  - {id: a, kind: front-door, endpoints: [b]}\n"
                                        "  - {id: b, kind: front-door, endpoints: [a]}\n",
                                        "loop.yaml");
        QVERIFY(!r.ok());
        const auto loops = withCode(r, "routing-loop");
        QCOMPARE(loops.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(loops[0].format()),
                 QStringLiteral("loop.yaml:7:42: error: endpoints form a loop: a -> b -> a (traffic would go round and "
                                "never reach a service); remove 'a' from the endpoints of Front Door 'b' "
                                "[components[b].endpoints]"));
    }

    void longChainOfRoutersEndingInALoopIsFoundOnceWithAShortText()
    {
        constexpr int kLength = 100000;
        Topology t = named();
        for (int i = 0; i < kLength; ++i)
            t.components.push_back(router("tm" + std::to_string(i), ComponentKind::TrafficManager,
                                          {"tm" + std::to_string((i + 1) % kLength)}));
        const auto loops = findRoutingLoops(t);
        QCOMPARE(loops.size(), std::size_t(1));
        QCOMPARE(loops[0].members, std::string("tm0 -> tm1 -> tm2 -> tm3 -> tm4 -> tm5 -> ... (99,988 more) ... -> "
                                               "tm99994 -> tm99995 -> tm99996 -> tm99997 -> tm99998 -> tm99999 -> tm0"));
    }

    void manyRegionsWithAndWithoutAKnownPair()
    {
        // 100,000 regions: each pairs with its neighbour, then each with a region that does not exist.
        constexpr std::size_t kRegions = 100000;
        Topology t;
        t.name = "t";
        for (std::size_t i = 0; i < kRegions; ++i) {
            Region r;
            r.id = RegionId("r" + std::to_string(i));
            r.pair = RegionId("r" + std::to_string(i ^ 1));
            t.regions.push_back(r);
        }
        QVERIFY(validate(t).empty());
        for (std::size_t i = 0; i < kRegions; ++i)
            t.regions[i].pair = RegionId("nowhere" + std::to_string(i));
        const auto found = validate(t);
        QCOMPARE(found.size(), kRegions);
        QCOMPARE(found.back().message, std::string("paired region 'nowhere99999' does not exist"));
        QCOMPARE(found.back().path, std::string("regions[r99999].pair"));
    }

    void manySitesWorkloadsPoliciesAndScenarios()
    {
        constexpr std::size_t kItems = 30000;
        Topology t = named();
        for (std::size_t i = 0; i < kItems; ++i) {
            const std::string n = std::to_string(i);
            Site s;
            s.id = SiteId("s" + n);
            t.sites.push_back(s);
            Component c;
            c.id = ComponentId("c" + n);
            c.site = SiteId(i + 1 < kItems ? "s" + n : "unknown-site");
            t.components.push_back(c);
            Workload w;
            w.id = WorkloadId("w" + n);
            w.entry = c.id;
            w.components = {c.id};
            t.workloads.push_back(w);
            Policy p;
            p.workload = WorkloadId(i + 1 < kItems ? "w" + n : "unknown-workload");
            p.rto = Duration::hours(1);
            t.policies.push_back(p);
            Scenario sc;
            sc.id = ScenarioId("sc" + n);
            sc.faults.push_back({Duration{}, {FaultTarget::Scope::Site, "s" + n, std::nullopt}, FaultKind::Outage,
                                 std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
            t.scenarios.push_back(sc);
        }
        const auto found = validate(t);
        QCOMPARE(found.size(), std::size_t(2));
        QCOMPARE(found[0].message, std::string("site 'unknown-site' does not exist"));
        QCOMPARE(found[1].message, std::string("workload 'unknown-workload' does not exist"));
    }
};

QTEST_GUILESS_MAIN(TestValidationScale)
#include "test_validation_scale.moc"
