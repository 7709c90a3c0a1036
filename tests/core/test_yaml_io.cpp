// YAML reading and writing: lossless round trips, stable canonical output, schema errors with positions.
#include "TopologyText.h"

#include <QFile>

#include <algorithm>

using namespace firedrill;

namespace {
std::string readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}
const QString kExample = QStringLiteral(FIREDRILL_SOURCE_DIR "/resources/samples/two-region.yaml");
} // namespace

class TestYamlIo : public QObject
{
    Q_OBJECT
private slots:
    void readsTheExampleFaithfully()
    {
        const auto r = loadTopologyYamlFile(kExample.toStdString());
        QVERIFY2(r.ok(), dump(r).constData());
        const Topology& t = *r.topology;
        QCOMPARE(t.regions.size(), std::size_t(2));
        const Component* sql = t.findComponent(ComponentId{"sql-ag"});
        QVERIFY(sql);
        QCOMPARE(sql->kind, ComponentKind::SqlServerAg);
        QCOMPARE(sql->size->gigabytes, 3000.0);
        QCOMPARE(*sql->writeRate, 50.0);
        QCOMPARE(sql->replicas.size(), std::size_t(3));
        QCOMPARE(sql->replicas[2].sync, std::optional<ReplicationMode>(ReplicationMode::Asynchronous));
        QCOMPARE(sql->replicas[2].lag->ms, std::int64_t(5000));
        QCOMPARE(sql->failover->crossRegion, std::optional<FailoverMode>(FailoverMode::Manual));
        QCOMPARE(sql->failover->decision->ms, std::int64_t(15 * 60'000));
        QCOMPARE(sql->backup->restoreRate->gigabytesPerHour, 500.0);
        const Component* tm = t.findComponent(ComponentId{"tm"});
        QCOMPARE(tm->probe->toleratedFailures, 3);
        QCOMPARE(tm->dnsTtl->ms, std::int64_t(60'000));
        QCOMPARE(tm->sla->value, 99.99);
        QCOMPARE(t.workloads[0].strategy->kind, StrategyKind::ActiveActive);
        QCOMPARE(t.scenarios[0].faults[0].target.scope, FaultTarget::Scope::Region);
        const Scenario* badDeploy = t.findScenario(ScenarioId{"bad-deploy"});
        QVERIFY(badDeploy);
        QCOMPARE(badDeploy->faults[0].kind, FaultKind::Corruption);
        QVERIFY(badDeploy->faults[0].detectedAfter.has_value());
        QCOMPARE(badDeploy->faults[0].detectedAfter->ms, std::int64_t(45 * 60'000));
    }

    void roundTripIsLosslessAndStable()
    {
        const auto first = loadTopologyYamlFile(kExample.toStdString());
        QVERIFY(first.ok());
        const std::string written = writeTopologyYaml(*first.topology);
        const auto second = readTopologyYaml(written, "written.yaml");
        QVERIFY2(second.ok(), (dump(second) + "\n" + QByteArray::fromStdString(written)).constData());
        QVERIFY(*second.topology == *first.topology);
        QCOMPARE(writeTopologyYaml(*second.topology), written); // no churn
    }

    void canonicalOutputMatchesGolden()
    {
        const auto r = loadTopologyYamlFile(kExample.toStdString());
        QVERIFY(r.ok());
        const std::string golden = readText(QStringLiteral(FIREDRILL_TEST_DATA_DIR "/two-region.canonical.yaml"));
        QCOMPARE(QString::fromStdString(writeTopologyYaml(*r.topology)), QString::fromStdString(golden));
    }

    void awkwardTextSurvives()
    {
        auto r = readTopologyYaml(baseTopology(), "t.yaml");
        QVERIFY(r.ok());
        Topology t = *r.topology;
        t.name = "null";
        t.description = "Line one: with a colon\n  indented # not a comment\n\"quoted\" and 'single' and ünïcödé\n";
        t.components[1].name = "- looks like a list";
        t.components[2].name = "";
        t.regions[0].name = "~";
        t.workloads[0].name = "true";
        t.scenarios[0].seed = 18446744073709551615ull;
        const std::string text = writeTopologyYaml(t);
        const auto back = readTopologyYaml(text, "t.yaml");
        QVERIFY2(back.ok(), (dump(back) + QByteArray::fromStdString(text)).constData());
        QVERIFY2(*back.topology == t, text.c_str());
    }

    void multiLineTextKeepsItsLineBreaks_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("no final line break") << QByteArray("DR topology 3\nactive-passive");
        QTest::newRow("two final line breaks") << QByteArray("one\ntwo\n\n");
        QTest::newRow("only line breaks") << QByteArray("\n\n");
        QTest::newRow("first line indented") << QByteArray("  indented\nnext\n");
        QTest::newRow("carriage return") << QByteArray("one\r\ntwo\n");
        QTest::newRow("tab after a line break") << QByteArray("one\n\ttwo\n");
        QTest::newRow("one final line break") << QByteArray("one\n  two\n");
    }

    void multiLineTextKeepsItsLineBreaks()
    {
        QFETCH(QByteArray, text);
        auto r = readTopologyYaml(baseTopology(), "t.yaml");
        QVERIFY(r.ok());
        Topology t = *r.topology;
        t.name = text.toStdString();
        t.description = text.toStdString();
        t.components[0].name = text.toStdString();
        const std::string written = writeTopologyYaml(t);
        const auto back = readTopologyYaml(written, "t.yaml");
        QVERIFY2(back.ok(), (dump(back) + QByteArray::fromStdString(written)).constData());
        QVERIFY2(*back.topology == t, written.c_str());
        QCOMPARE(writeTopologyYaml(*back.topology), written);
    }

    void injectsRoundTripInTimeOrder()
    {
        auto r = readTopologyYaml(baseTopology() + "    injects:\n"
                                                   "      - {at: 1h, prompt: Second}\n"
                                                   "      - at: 20m\n"
                                                   "        prompt: \"Traffic Manager has marked West Europe degraded. Who decides?\"\n"
                                                   "      - {at: 1h, prompt: \"Third, after Second\"}\n",
                                  "t.yaml");
        QVERIFY2(r.ok(), dump(r).constData());
        const Scenario& read = r.topology->scenarios[0];
        QCOMPARE(read.injects.size(), std::size_t(3));
        // The reader keeps the file's order.
        QCOMPARE(read.injects[0].at, Duration::hours(1));
        QCOMPARE(read.injects[1].at, Duration::minutes(20));
        QCOMPARE(read.injects[1].prompt, std::string("Traffic Manager has marked West Europe degraded. Who decides?"));
        QCOMPARE(read.injects[2].prompt, std::string("Third, after Second"));
        // The writer sorts by time; the two at 1h keep their order.
        const std::string written = writeTopologyYaml(*r.topology);
        const std::string expected =
            "    injects:\n"
            "      - {at: 20m, prompt: \"Traffic Manager has marked West Europe degraded. Who decides?\"}\n"
            "      - {at: 1h, prompt: Second}\n"
            "      - {at: 1h, prompt: \"Third, after Second\"}\n";
        QVERIFY2(written.size() >= expected.size() &&
                     written.compare(written.size() - expected.size(), expected.size(), expected) == 0,
                 written.c_str());
        const auto back = readTopologyYaml(written, "written.yaml");
        QVERIFY2(back.ok(), dump(back).constData());
        Topology sorted = *r.topology;
        std::swap(sorted.scenarios[0].injects[0], sorted.scenarios[0].injects[1]);
        QVERIFY(*back.topology == sorted);
        QCOMPARE(writeTopologyYaml(*back.topology), written);
        // A scenario without injects writes no injects key.
        sorted.scenarios[0].injects.clear();
        QVERIFY(writeTopologyYaml(sorted).find("injects") == std::string::npos);
    }

    void leaderElectionAndBackoffRoundTrip()
    {
        // `leader_election: {}` takes the default lease of 30 s and is written back with it; a lease,
        // a retry_backoff multiplier and a breaker_error_rate survive the round trip in the canonical
        // key order (the resilience map, too long for one line, in block style).
        std::string text = baseTopology();
        const std::string web = "{id: web-weu, kind: app-service, region: weu, instances: 2, depends_on: [db]}";
        text.replace(text.find(web), web.size(),
                     "{id: web-weu, kind: app-service, region: weu, instances: 2, leader_election: {lease: 1m}, "
                     "resilience: {retries: 3, retry_delay: 100ms, retry_backoff: 2, breaker_threshold: 5, breaker_open: 30s, "
                     "breaker_error_rate: 0.25}, depends_on: [db]}");
        const std::string neu = "{id: web-neu, kind: app-service, region: neu, instances: 2, depends_on: [db]}";
        text.replace(text.find(neu), neu.size(),
                     "{id: web-neu, kind: app-service, region: neu, instances: 2, leader_election: {}, depends_on: [db]}");
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY2(r.ok() && r.diagnostics.empty(), dump(r).constData());
        const Component& weu = r.topology->components[1];
        QCOMPARE(weu.leaderElection->lease, Duration::minutes(1));
        QCOMPARE(*weu.resilience->retryBackoff, 2.0);
        QCOMPARE(*weu.resilience->breakerErrorRate, 0.25);
        QCOMPARE(r.topology->components[2].leaderElection->lease, Duration::seconds(30));
        const std::string written = writeTopologyYaml(*r.topology);
        QVERIFY2(written.find("    instances: 2\n"
                              "    leader_election: {lease: 1m}\n"
                              "    resilience:\n"
                              "      retries: 3\n"
                              "      retry_delay: 100ms\n"
                              "      retry_backoff: 2\n"
                              "      breaker_threshold: 5\n"
                              "      breaker_open: 30s\n"
                              "      breaker_error_rate: 0.25\n"
                              "    depends_on: [db]\n") != std::string::npos,
                 written.c_str());
        QVERIFY2(written.find("leader_election: {lease: 30s}") != std::string::npos, written.c_str());
        const auto back = readTopologyYaml(written, "written.yaml");
        QVERIFY2(back.ok(), dump(back).constData());
        QVERIFY(*back.topology == *r.topology);
    }

    void cardPositionsRoundTrip()
    {
        // A card placed by hand keeps `position: [x, y]` (last key of its component or replica); cards
        // without one are laid out automatically and write no position.
        std::string text = baseTopology();
        const std::string web = "{id: web-weu, kind: app-service, region: weu, instances: 2, depends_on: [db]}";
        text.replace(text.find(web), web.size(),
                     "{id: web-weu, kind: app-service, region: weu, instances: 2, depends_on: [db], position: [248, 0]}");
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY2(r.ok() && r.diagnostics.empty(), dump(r).constData());
        const Component& weu = r.topology->components[1];
        QCOMPARE(weu.position, std::optional<CardPosition>(CardPosition{248, 0}));
        QVERIFY(!r.topology->components[2].position);
        Topology t = *r.topology;
        Component db = *t.findComponent(ComponentId{"db"});
        Replica secondary;
        secondary.id = ComponentId{"db-neu"};
        secondary.region = RegionId{"neu"};
        secondary.position = CardPosition{16, 104};
        db.replicas = {Replica{ComponentId{"db-weu"}, RegionId{"weu"}, 1, ReplicaRole::Primary, {}, {}, false, {}},
                       secondary};
        db.region.reset();
        for (Component& c : t.components)
            if (c.id == db.id)
                c = db;
        const std::string written = writeTopologyYaml(t);
        QVERIFY2(written.find("depends_on: [db], position: [248, 0]}") != std::string::npos ||
                     written.find("    position: [248, 0]\n") != std::string::npos,
                 written.c_str());
        QVERIFY2(written.find("position: [16, 104]") != std::string::npos, written.c_str());
        const auto back = readTopologyYaml(written, "written.yaml");
        QVERIFY2(back.ok(), dump(back).constData());
        QVERIFY(*back.topology == t);
    }

    void cardPositionErrorsNameLineAndColumn()
    {
        std::string text = baseTopology();
        const std::string web = "{id: web-weu, kind: app-service, region: weu, instances: 2, depends_on: [db]}";
        const std::size_t at = text.find(web);
        const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
        const int column = static_cast<int>(at - text.rfind('\n', at));
        const std::string bad[] = {"position: [1, 2, 3]", "position: [-8, 0]", "position: {x: 1, y: 2}", "position: [a, 0]"};
        const std::string expected[] = {
            "'position' must be a list of two whole numbers such as [120, 40]",
            "position: -8 is outside 0 to 1000000",
            "'position' must be a list of two whole numbers such as [120, 40]",
            "position: 'a' is not a whole number"};
        for (std::size_t i = 0; i < 4; ++i) {
            std::string withBad = text;
            const std::string replaced = "{id: web-weu, kind: app-service, " + bad[i] + ", region: weu}";
            withBad.replace(at, web.size(), replaced);
            const auto r = readTopologyYaml(withBad, "t.yaml");
            QVERIFY2(!r.ok(), bad[i].c_str());
            QCOMPARE(r.diagnostics.front().message, expected[i]);
            QCOMPARE(r.diagnostics.front().where.line, line);
            // The error points at the list (or at the bad number in it), after "position: ".
            const int listColumn = column + static_cast<int>(replaced.find(bad[i])) + 10;
            QVERIFY2(r.diagnostics.front().where.column == listColumn ||
                         r.diagnostics.front().where.column == listColumn + 1,
                     r.diagnostics.front().format().c_str());
        }
    }

    void faultDomainsAndDisksRoundTrip()
    {
        // fault_domains on a tier, disks on a storage account and a fault-domain fault's domain are read
        // and written back in the canonical key order.
        std::string text = baseTopology();
        const std::string web = "{id: web-weu, kind: app-service, region: weu, instances: 2, depends_on: [db]}";
        text.replace(text.find(web), web.size(),
                     "{id: web-weu, kind: app-service, region: weu, fault_domains: 2, instances: 2, depends_on: [db, "
                     "disks]}\n  - {id: disks, kind: storage-account, region: weu, redundancy: GRS, geo_lag: 15m, "
                     "disks: 3}");
        text += "      - {at: 20m, target: web-weu, kind: fault-domain, domain: 1, for: 5m}\n";
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY2(r.ok() && r.diagnostics.empty(), dump(r).constData());
        const Component* weu = r.topology->findComponent(ComponentId("web-weu"));
        QCOMPARE(weu->faultDomains, std::optional<int>(2));
        QCOMPARE(r.topology->findComponent(ComponentId("disks"))->disks, std::optional<int>(3));
        const Fault& f = r.topology->scenarios[0].faults[1];
        QCOMPARE(f.kind, FaultKind::FaultDomain);
        QCOMPARE(f.domain, std::optional<int>(1));
        const std::string written = writeTopologyYaml(*r.topology);
        QVERIFY2(written.find("{id: disks, kind: storage-account, region: weu, redundancy: GRS, geo_lag: 15m, disks: 3}") !=
                     std::string::npos,
                 written.c_str());
        QVERIFY2(written.find("{at: 20m, target: web-weu, kind: fault-domain, for: 5m, domain: 1}") != std::string::npos,
                 written.c_str());
        const auto back = readTopologyYaml(written, "written.yaml");
        QVERIFY2(back.ok(), dump(back).constData());
        QVERIFY(*back.topology == *r.topology);
    }

    void injectSchemaErrorsNameLineAndColumn()
    {
        // The base scenario's faults end on line 29: "injects:" is on line 30.
        const auto r = readTopologyYaml(baseTopology() + "    injects:\n"
                                                         "      - {at: 20m}\n"
                                                         "      - {at: soon, prompt: Call now}\n"
                                                         "      - {at: 30m, prompt: Call the bridge, colour: red}\n"
                                                         "      - just a prompt\n",
                                        "t.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics.size(), std::size_t(4));
        QCOMPARE(r.diagnostics[0].format(), std::string("t.yaml:31:9: error: an inject needs 'prompt' [scenarios[s1].injects[0]]"));
        QCOMPARE(r.diagnostics[1].format(),
                 std::string("t.yaml:32:14: error: at: 'soon' is not a duration such as 30s, 15m, 1.5h, 2d, 250ms or 1h30m"));
        QCOMPARE(r.diagnostics[2].severity, Severity::Warning);
        QCOMPARE(r.diagnostics[2].where.line, 33);
        QCOMPARE(r.diagnostics[2].where.column, 44);
        QCOMPARE(r.diagnostics[2].message,
                 std::string("unknown key 'colour' in an inject is ignored; expected one of: at, prompt"));
        QCOMPARE(r.diagnostics[3].where.line, 34);
        QCOMPARE(r.diagnostics[3].message, std::string("an inject must be a map of 'key: value' entries"));
        // Not a list at all.
        const auto notList = readTopologyYaml(baseTopology() + "    injects: {at: 20m, prompt: Go}\n", "t.yaml");
        QCOMPARE(withCode(notList, "bad-type").size(), std::size_t(1));
        QCOMPARE(withCode(notList, "bad-type")[0].where.line, 30);
    }

    void schemaErrorsNameLineAndColumn()
    {
        const std::string text = "firedrill: 1\n"
                                 "name: x\n"
                                 "regions:\n"
                                 "  - {id: weu, zones: three}\n"
                                 "components:\n"
                                 "  - {id: a, kind: app-servce, region: weu}\n"
                                 "  - {id: b, kind: app-service, region: weu, sla: 99.9}\n"
                                 "  - {id: c, kind: app-service, region: weu, mttr: 10 minutes}\n";
        const auto r = readTopologyYaml(text, "bad.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics.size(), std::size_t(4));
        QCOMPARE(r.diagnostics[0].format(),
                 std::string("bad.yaml:4:22: error: zones: 'three' is not a whole number"));
        QCOMPARE(r.diagnostics[1].where.line, 6);
        QCOMPARE(r.diagnostics[1].where.column, 19);
        QVERIFY(r.diagnostics[1].message.find("expected traffic-manager, front-door") != std::string::npos);
        QCOMPARE(r.diagnostics[2].where.line, 7);
        QVERIFY(r.diagnostics[2].message.find("percentage such as 99.95%") != std::string::npos);
        QCOMPARE(r.diagnostics[3].where.line, 8);
        QVERIFY(r.diagnostics[3].message.find("duration") != std::string::npos);
    }

    void unknownKeysWarnButLoad()
    {
        std::string text = baseTopology();
        text.insert(text.find("regions:"), "colour: blue\n");
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY2(r.ok(), dump(r).constData());
        const auto w = withCode(r, "unknown-key");
        QCOMPARE(w.size(), std::size_t(1));
        QCOMPARE(w[0].severity, Severity::Warning);
        QCOMPARE(w[0].where.line, 3);
        QVERIFY(w[0].message.find("'colour'") != std::string::npos);
    }

    void missingRequiredKeys()
    {
        const auto r = readTopologyYaml("firedrill: 1\ncomponents:\n  - {kind: app-service}\n", "t.yaml");
        QVERIFY(!r.ok());
        const auto d = withCode(r, "missing-key");
        QCOMPARE(d.size(), std::size_t(1));
        QVERIFY(d[0].message.find("needs 'id'") != std::string::npos);
        QCOMPARE(d[0].where.line, 3);
    }

    void versions()
    {
        auto r = readTopologyYaml("firedrill: 2\nname: future\n", "t.yaml");
        QCOMPARE(withCode(r, "newer-format").size(), std::size_t(1));
        QVERIFY(withCode(r, "newer-format")[0].message.find("newer Firedrill") != std::string::npos);
        r = readTopologyYaml("name: no version\n", "t.yaml");
        QCOMPARE(withCode(r, "missing-version").size(), std::size_t(1));
    }

    void wrongTypes()
    {
        auto r = readTopologyYaml("firedrill: 1\nregions: {id: weu}\n", "t.yaml");
        QCOMPARE(withCode(r, "bad-type").size(), std::size_t(1));
        r = readTopologyYaml("firedrill: 1\nname: [a, b]\n", "t.yaml");
        QCOMPARE(withCode(r, "bad-type").size(), std::size_t(1));
        r = readTopologyYaml("firedrill: 1\nregions:\n  - just-a-string\n", "t.yaml");
        QCOMPARE(withCode(r, "bad-type").size(), std::size_t(1));
    }

    void boundedAliasesAreAllowed()
    {
        const std::string text = "firedrill: 1\n"
                                 "regions:\n"
                                 "  - {id: weu, zones: 3}\n"
                                 "components:\n"
                                 "  - {id: a, kind: app-service, region: weu, autoscale: &scale {min: 2, max: 4}}\n"
                                 "  - {id: b, kind: app-service, region: weu, autoscale: *scale}\n";
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY2(r.ok(), dump(r).constData());
        QCOMPARE(r.topology->components[1].autoscale->max, 4);
    }
};

QTEST_GUILESS_MAIN(TestYamlIo)
#include "test_yaml_io.moc"
