// Model validation: every rule reports its problem with the place it was written, all at once.
#include "TopologyText.h"

#include "core/model/DependencyCycles.h"
#include "core/model/Validator.h"

using namespace firedrill;

namespace {
LoadResult read(const std::string& text)
{
    return readTopologyYaml(text, "t.yaml");
}
std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    if (at == std::string::npos)
        qFatal("fixture text not found: %s", from.c_str());
    return text.replace(at, from.size(), to);
}
} // namespace

class TestValidation : public QObject
{
    Q_OBJECT
private slots:
    void baseIsValid()
    {
        const auto r = read(baseTopology());
        QVERIFY2(r.ok(), dump(r).constData());
        QVERIFY2(r.diagnostics.empty(), dump(r).constData());
        QCOMPARE(r.topology->components.size(), std::size_t(5));
    }

    void unknownReferencesAreReportedWithTheirLine()
    {
        auto text = replaced(baseTopology(), "depends_on: [db]}\n  - {id: web-neu", "depends_on: [dbx]}\n  - {id: web-neu");
        const auto r = read(text);
        QVERIFY(!r.ok());
        const auto d = withCode(r, "unknown-reference");
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(d[0].where.file, std::string("t.yaml"));
        QCOMPARE(d[0].where.line, 13);
        QVERIFY(d[0].message.find("'dbx'") != std::string::npos);
        QCOMPARE(d[0].path, std::string("components[web-weu].depends_on"));
    }

    void replicaInUnknownRegion()
    {
        auto text = replaced(baseTopology(), "{id: db-neu, region: neu", "{id: db-neu, region: eus");
        const auto r = read(text);
        const auto d = withCode(r, "unknown-reference");
        QCOMPARE(d.size(), std::size_t(1));
        QVERIFY(d[0].message.find("replica 'db-neu' is in region 'eus'") != std::string::npos);
        QCOMPARE(d[0].where.line, 19);
    }

    void everyProblemIsReportedAtOnce()
    {
        auto text = baseTopology();
        text = replaced(text, "lag: 5s", "lag: -5s");                       // negative duration
        text = replaced(text, "write_fraction: 0.1", "write_fraction: 1.5"); // out of range
        text = replaced(text, "{id: web-weu, kind: app-service, region: weu, instances: 2",
                        "{id: web-weu, kind: app-service, region: weu, zone: 4, instances: 2"); // zone out of range
        text = replaced(text, "policies:\n", "policies:\n  - {workload: nobody, disruption: zone, rto: 1m}\n"); // unknown workload
        const auto r = read(text);
        QVERIFY(!r.ok());
        QCOMPARE(withCode(r, "negative-duration").size(), std::size_t(1));
        QCOMPARE(withCode(r, "out-of-range").size(), std::size_t(1));
        QCOMPARE(withCode(r, "unknown-zone").size(), std::size_t(1));
        QCOMPARE(withCode(r, "unknown-reference").size(), std::size_t(1));
        // Sorted by position in the file.
        for (std::size_t i = 1; i < r.diagnostics.size(); ++i)
            QVERIFY(r.diagnostics[i - 1].where.line <= r.diagnostics[i].where.line);
    }

    void hardDependencyCycle()
    {
        auto text = replaced(baseTopology(), "  - {id: vpn,", "  - {id: a, kind: app-service, region: weu, depends_on: [b]}\n"
                                                            "  - {id: b, kind: app-service, region: weu, depends_on: [c]}\n"
                                                            "  - {id: c, kind: app-service, region: weu, depends_on: [a]}\n"
                                                            "  - {id: vpn,");
        const auto r = read(text);
        const auto d = withCode(r, "dependency-cycle");
        QCOMPARE(d.size(), std::size_t(1));
        QVERIFY2(d[0].message.find("a -> b -> c -> a") != std::string::npos, d[0].message.c_str());
    }

    void cyclesAreFoundOnceEachAndLongChainsAreSafe()
    {
        // Two separate cycles and a self-dependency (not a cycle here); then a 200,000-long chain whose
        // last component depends on the first, walked without recursion.
        Topology t;
        auto add = [&t](const std::string& id, std::vector<std::string> deps) {
            Component c;
            c.id = ComponentId(id);
            for (const auto& d : deps)
                c.dependsOn.push_back({ComponentId(d), DependencyKind::Hard});
            t.components.push_back(std::move(c));
        };
        add("a", {"b"});
        add("b", {"a"});
        add("x", {"x", "y"});
        add("y", {"z"});
        add("z", {"x"});
        auto cycles = findHardDependencyCycles(t);
        QCOMPARE(cycles.size(), std::size_t(2));
        QCOMPARE(cycles[0].closedBy.str(), std::string("b"));
        QCOMPARE(cycles[0].members, std::string("a -> b -> a"));
        QCOMPARE(cycles[1].members, std::string("x -> y -> z -> x"));

        Topology chain;
        constexpr int kLength = 200000;
        for (int i = 0; i < kLength; ++i) {
            Component c;
            c.id = ComponentId("c" + std::to_string(i));
            c.dependsOn.push_back({ComponentId("c" + std::to_string((i + 1) % kLength)), DependencyKind::Hard});
            chain.components.push_back(std::move(c));
        }
        cycles = findHardDependencyCycles(chain);
        QCOMPARE(cycles.size(), std::size_t(1));
        QCOMPARE(cycles[0].closedBy.str(), std::string("c199999"));
        QVERIFY(cycles[0].members.rfind("c199998 -> c199999 -> c0") == cycles[0].members.size() - 24);
    }

    void softDependencyCycleIsAllowed()
    {
        auto text = replaced(baseTopology(), "  - {id: vpn,", "  - {id: a, kind: app-service, region: weu, depends_on: [b]}\n"
                                                            "  - {id: b, kind: app-service, region: weu, soft_depends_on: [a]}\n"
                                                            "  - {id: vpn,");
        const auto r = read(text);
        QVERIFY2(r.ok(), dump(r).constData());
    }

    void duplicateIds()
    {
        auto text = replaced(baseTopology(), "{id: web-neu,", "{id: web-weu,");
        const auto r = read(text);
        QCOMPARE(withCode(r, "duplicate-id").size(), std::size_t(1));
        // A replica id colliding with a component id is a duplicate too.
        text = replaced(baseTopology(), "{id: db-neu,", "{id: vpn,");
        QCOMPARE(withCode(read(text), "duplicate-id").size(), std::size_t(1));
    }

    void percentagesAndRanges()
    {
        auto text = replaced(baseTopology(), "instances: 2, depends_on: [db]}\n  - {id: web-neu",
                             "instances: 2, sla: 100.5%, depends_on: [db]}\n  - {id: web-neu");
        QCOMPARE(withCode(read(text), "out-of-range").size(), std::size_t(1));
        text = replaced(baseTopology(), "instances: 2, depends_on: [db]}\n  - {id: web-neu",
                        "instances: -1, depends_on: [db]}\n  - {id: web-neu");
        QCOMPARE(withCode(read(text), "out-of-range").size(), std::size_t(1));
    }

    void leaderElectionOnComputeWithAPositiveLease()
    {
        // On compute with a lease above zero: valid. On a database: an error (workers elect a leader,
        // data stores fail over). A lease of 0 s: an error.
        const std::string web = "instances: 2, depends_on: [db]}\n  - {id: web-neu";
        auto ok = read(replaced(baseTopology(), web, "instances: 2, leader_election: {lease: 15s}, depends_on: [db]}\n  - {id: web-neu"));
        QVERIFY2(ok.ok() && ok.diagnostics.empty(), dump(ok).constData());
        const auto onDb = read(replaced(baseTopology(), "kind: sql-database\n", "kind: sql-database\n    leader_election: {lease: 15s}\n"));
        QVERIFY(!onDb.ok());
        const auto d = withCode(onDb, "bad-value");
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(d[0].path, std::string("components[db].leader_election"));
        const auto zero = read(replaced(baseTopology(), web, "instances: 2, leader_election: {lease: 0s}, depends_on: [db]}\n  - {id: web-neu"));
        QCOMPARE(withCode(zero, "non-positive-duration").size(), std::size_t(1));
    }

    void faultDomainFaultsAndDisks()
    {
        // web-weu with 3 fault domains: domains 0 to 2 exist; 3 is out of range, a missing domain is an
        // error, and so is a fault-domain fault on a database. disks: 0 is an error, disks on a VM a warning.
        const std::string web = "instances: 2, depends_on: [db]}\n  - {id: web-neu";
        const std::string spread = replaced(baseTopology(), web, "fault_domains: 3, instances: 2, depends_on: [db]}\n  - {id: web-neu");
        auto fault = [&](const std::string& f) { return read(spread + "      - " + f + "\n"); };
        const auto ok = fault("{at: 5m, target: web-weu, kind: fault-domain, domain: 2}");
        QVERIFY2(ok.ok() && ok.diagnostics.empty(), dump(ok).constData());
        const auto high = fault("{at: 5m, target: web-weu, kind: fault-domain, domain: 3}");
        QCOMPARE(withCode(high, "out-of-range").size(), std::size_t(1));
        QCOMPARE(withCode(high, "out-of-range")[0].path, std::string("scenarios[s1].faults[1].domain"));
        QCOMPARE(withCode(fault("{at: 5m, target: web-weu, kind: fault-domain}"), "missing-parameter").size(),
                 std::size_t(1));
        QCOMPARE(withCode(fault("{at: 5m, target: db, kind: fault-domain, domain: 0}"), "bad-value").size(),
                 std::size_t(1));
        QCOMPARE(withCode(fault("{at: 5m, target: web-weu, kind: outage, domain: 0}"), "ignored-property").size(),
                 std::size_t(1));
        const auto zeroDisks = read(replaced(baseTopology(), "kind: sql-database\n", "kind: sql-database\n    disks: 0\n"));
        QCOMPARE(withCode(zeroDisks, "out-of-range").size(), std::size_t(1));
        const auto dbDisks = read(replaced(baseTopology(), "kind: sql-database\n", "kind: sql-database\n    disks: 2\n"));
        QVERIFY(dbDisks.ok());
        QCOMPARE(withCode(dbDisks, "ignored-property").size(), std::size_t(1));
    }

    void retryBackoffIsAtLeastOne()
    {
        // 2 (waits double) and 1 (constant) are valid; 0.5 would shrink the waits: an error.
        const std::string web = "instances: 2, depends_on: [db]}\n  - {id: web-neu";
        for (const char* m : {"2", "1"}) {
            const auto r = read(replaced(baseTopology(), web,
                                         std::string("instances: 2, resilience: {retries: 2, retry_delay: 1s, retry_backoff: ") + m +
                                             "}, depends_on: [db]}\n  - {id: web-neu"));
            QVERIFY2(r.ok() && r.diagnostics.empty(), dump(r).constData());
        }
        const auto bad = read(replaced(baseTopology(), web,
                                       "instances: 2, resilience: {retries: 2, retry_delay: 1s, retry_backoff: 0.5}, depends_on: [db]}\n  - {id: web-neu"));
        const auto d = withCode(bad, "out-of-range");
        QCOMPARE(d.size(), std::size_t(1));
        QCOMPARE(d[0].path, std::string("components[web-weu].resilience.retry_backoff"));
    }

    void breakerErrorRateIsAShareWithABreaker()
    {
        // 0.5 with a breaker: valid. 0 and 1.5 are not shares that can open it: errors. 0.5 without
        // breaker_threshold / breaker_open: a warning (nothing to open), the file loads.
        const std::string web = "instances: 2, depends_on: [db]}\n  - {id: web-neu";
        const auto with = [&](const std::string& resilience) {
            return read(replaced(baseTopology(), web, "instances: 2, resilience: {" + resilience + "}, depends_on: [db]}\n  - {id: web-neu"));
        };
        const auto ok = with("breaker_threshold: 5, breaker_open: 30s, breaker_error_rate: 0.5");
        QVERIFY2(ok.ok() && ok.diagnostics.empty(), dump(ok).constData());
        for (const char* bad : {"0", "1.5"}) {
            const auto r = with(std::string("breaker_threshold: 5, breaker_open: 30s, breaker_error_rate: ") + bad);
            const auto d = withCode(r, "out-of-range");
            QCOMPARE(d.size(), std::size_t(1));
            QCOMPARE(d[0].path, std::string("components[web-weu].resilience.breaker_error_rate"));
        }
        const auto alone = with("retries: 2, breaker_error_rate: 0.5");
        QVERIFY(alone.ok());
        QCOMPARE(withCode(alone, "ignored-property").size(), std::size_t(1));
    }

    void replicasNeedExactlyOnePrimary()
    {
        auto text = replaced(baseTopology(), "region: neu, role: secondary", "region: neu, role: primary");
        QCOMPARE(withCode(read(text), "primary-count").size(), std::size_t(1));
    }

    void linksNeedTwoKnownEnds()
    {
        auto text = replaced(baseTopology(), "between: [weu, office]", "between: [weu]");
        QCOMPARE(withCode(read(text), "bad-link").size(), std::size_t(1));
        text = replaced(baseTopology(), "between: [weu, office]", "between: [weu, mars]");
        QCOMPARE(withCode(read(text), "unknown-reference").size(), std::size_t(1));
        const auto ok = read(baseTopology());
        QVERIFY(std::holds_alternative<SiteId>(ok.topology->findComponent(ComponentId{"vpn"})->between[1]));
    }

    void faultTargets()
    {
        auto text = replaced(baseTopology(), "target: region/weu", "target: zone/weu/5");
        QCOMPARE(withCode(read(text), "unknown-zone").size(), std::size_t(1));
        text = replaced(baseTopology(), "target: region/weu", "target: region/xyz");
        QCOMPARE(withCode(read(text), "unknown-reference").size(), std::size_t(1));
        text = replaced(baseTopology(), "target: region/weu", "target: planet/earth");
        QCOMPARE(withCode(read(text), "bad-value").size(), std::size_t(1));
        text = replaced(baseTopology(), "target: region/weu", "target: db-neu"); // replicas may fail alone
        QVERIFY2(read(text).ok(), dump(read(text)).constData());
    }

    void duplicatePolicy()
    {
        const auto text = replaced(baseTopology(), "policies:\n", "policies:\n  - {workload: shop, disruption: region, rto: 2h}\n");
        const auto r = read(text);
        QCOMPARE(withCode(r, "duplicate-policy").size(), std::size_t(1));
    }

    void strategyScaleFactor()
    {
        auto text = replaced(baseTopology(), "degradable: false}",
                             "degradable: false, strategy: {kind: active-passive-full, scale_factor: 1.5}}");
        QCOMPARE(withCode(read(text), "out-of-range").size(), std::size_t(1));
        text = replaced(baseTopology(), "degradable: false}",
                        "degradable: false, strategy: {kind: active-passive-full, scale_factor: 0.5}}");
        const auto r = read(text);
        QVERIFY2(r.ok(), dump(r).constData());
        QCOMPARE(*r.topology->workloads[0].strategy->scaleFactor, 0.5);
    }

    void injectsNeedAPromptAndATimeInsideTheScenario()
    {
        // The base scenario lasts 2h; its faults list ends on line 29, so the injects start on line 31.
        const std::string text = baseTopology() + "    injects:\n"
                                                  "      - {at: 20m, prompt: \"\"}\n"
                                                  "      - {at: 2h, prompt: Too late}\n"
                                                  "      - {at: -5m, prompt: Too early}\n"
                                                  "      - {at: 1h59m, prompt: Just in time}\n";
        const auto r = read(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics.size(), std::size_t(3));
        const auto empty = withCode(r, "empty-prompt");
        QCOMPARE(empty.size(), std::size_t(1));
        QCOMPARE(empty[0].severity, Severity::Error);
        QCOMPARE(empty[0].path, std::string("scenarios[s1].injects[0].prompt"));
        QCOMPARE(empty[0].where.line, 31);
        QCOMPARE(empty[0].where.column, 27);
        const auto late = withCode(r, "inject-after-end");
        QCOMPARE(late.size(), std::size_t(1)); // at the very end counts as after it; 1h59m does not
        QCOMPARE(late[0].severity, Severity::Warning);
        QCOMPARE(late[0].where.line, 32);
        const auto early = withCode(r, "negative-duration");
        QCOMPARE(early.size(), std::size_t(1));
        QCOMPARE(early[0].where.line, 33);
        QCOMPARE(r.topology->scenarios[0].injects.size(), std::size_t(4));
        // A prompt of blanks is as empty as no prompt.
        const auto blank = read(baseTopology() + "    injects:\n      - {at: 20m, prompt: \"  \"}\n");
        QCOMPARE(withCode(blank, "empty-prompt").size(), std::size_t(1));
        QVERIFY2(read(baseTopology() + "    injects:\n      - {at: 0s, prompt: Go}\n").ok(), "an inject at 0s is fine");
    }

    void validateWorksOnValuesBuiltInCode()
    {
        Topology t;
        t.name = "Built in code";
        t.regions.push_back(Region{RegionId{"r1"}, "R1", RegionId{"r2"}, 2, {}, {}});
        Component c;
        c.id = ComponentId{"web"};
        c.kind = ComponentKind::AppService;
        c.region = RegionId{"r1"};
        c.mttr = Duration::minutes(-1);
        t.components.push_back(c);
        const auto d = validate(t);
        QCOMPARE(d.size(), std::size_t(2)); // unknown pair, negative mttr
        QVERIFY(hasErrors(d));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "test_validation.moc"
