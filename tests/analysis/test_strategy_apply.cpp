// Applying a DR strategy produces the concrete topology change: what the secondary region gets, at what scale.
#include "core/analysis/StrategyApplier.h"
#include "core/io/TopologyFile.h"
#include "core/model/EnumNames.h"
#include "core/model/Validator.h"

#include <QDir>
#include <QtTest>

#include <algorithm>

using namespace firedrill;

namespace {

Topology sample(const char* name)
{
    const auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/") + name);
    if (!r.ok())
        qFatal("sample %s does not load", name);
    return *r.topology;
}

bool hasEndpoint(const Component& router, const char* id)
{
    return std::any_of(router.endpoints.begin(), router.endpoints.end(),
                       [&](const Endpoint& e) { return e.target.str() == id; });
}

QByteArray changesText(const StrategyPlan& plan)
{
    std::string s;
    for (const auto& c : plan.changes)
        s += c.description + "\n";
    return QByteArray::fromStdString(s);
}

} // namespace

class TestStrategyApply : public QObject
{
    Q_OBJECT
private slots:
    void warmStandbyScalesTheSecondaryDown()
    {
        const auto t = sample("two-region.yaml");
        const auto plan = applyStrategy(t, WorkloadId{"sites"}, Strategy{StrategyKind::ActivePassiveFull, 0.5, {}, {}, {}});
        QVERIFY(plan.ok());
        const Topology& r = plan->result;
        // 3 web instances x 0.5 = 1.5, rounded up to 2; 2 gateway instances x 0.5 = 1.
        QCOMPARE(r.findComponent(ComponentId{"web-neu"})->instances, std::optional<int>(2));
        QCOMPARE(r.findComponent(ComponentId{"agw-neu"})->instances, std::optional<int>(1));
        QCOMPARE(r.findComponent(ComponentId{"web-weu"})->instances, std::optional<int>(3)); // primary untouched
        // A component's own cost covers all its instances, so it shrinks with them: 438 x 2 / 3 = 292.
        QCOMPARE(*r.findComponent(ComponentId{"web-neu"})->cost, 292.0);
        const Component* tm = r.findComponent(ComponentId{"tm"});
        QCOMPARE(tm->routing, std::optional(RoutingMethod::Priority));
        QCOMPARE(tm->endpoints[0].priority, std::optional<int>(1));
        QCOMPARE(tm->endpoints[1].priority, std::optional<int>(2));
        QVERIFY2(changesText(*plan).contains("rescale web-neu from 3 to 2 instances (scale factor 0.5)"), changesText(*plan));
        QCOMPARE(r.findWorkload(WorkloadId{"sites"})->strategy->kind, StrategyKind::ActivePassiveFull);
        QVERIFY(!hasErrors(validate(r)));
    }

    void redeployRemovesTheSecondaryDeployment()
    {
        const auto t = sample("two-region.yaml");
        const auto plan = applyStrategy(t, WorkloadId{"sites"}, Strategy{StrategyKind::RedeployFromBackup, {}, {}, {}, {}});
        QVERIFY(plan.ok());
        const Topology& r = plan->result;
        QVERIFY(!r.findComponent(ComponentId{"web-neu"}));
        QVERIFY(!r.findComponent(ComponentId{"agw-neu"}));
        const Component* tm = r.findComponent(ComponentId{"tm"});
        QVERIFY(hasEndpoint(*tm, "agw-weu"));
        QVERIFY(!hasEndpoint(*tm, "agw-neu"));
        const Component* sql = r.findComponent(ComponentId{"sql-ag"});
        QVERIFY(std::none_of(sql->replicas.begin(), sql->replicas.end(),
                             [](const Replica& x) { return x.region.str() == "neu"; }));
        QCOMPARE(sql->backup->copyTo, std::optional<RegionId>(RegionId{"neu"}));
        QVERIFY2(!hasErrors(validate(r)), changesText(*plan));
    }

    void pilotLightAddsAGeoReplicaOnly()
    {
        const auto t = sample("dr-single-region.yaml");
        const auto plan = applyStrategy(t, WorkloadId{t.workloads[0].id}, Strategy{StrategyKind::ActivePassiveDb, {}, {}, {}, {}});
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        const Component* sql = plan->result.findComponent(ComponentId{"sql"});
        QCOMPARE(sql->replicas.size(), std::size_t(2));
        QCOMPARE(sql->replicas[1].sync, std::optional(ReplicationMode::Asynchronous));
        QCOMPARE(sql->failover->crossRegion, std::optional(FailoverMode::Manual));
        QVERIFY(!plan->result.findComponent(ComponentId{"web-neu"}));
        QVERIFY2(changesText(*plan).contains("add an asynchronous geo-replica of sql"), changesText(*plan));
        QVERIFY(!hasErrors(validate(plan->result)));
    }

    void activeActiveCreatesAFullCopy()
    {
        const auto t = sample("dr-single-region.yaml");
        const auto plan = applyStrategy(t, t.workloads[0].id, Strategy{StrategyKind::ActiveActive, {}, {}, {}, {}});
        QVERIFY(plan.ok());
        const Component* web = plan->result.findComponent(ComponentId{"web-neu"});
        QVERIFY(web);
        QCOMPARE(web->instances, std::optional<int>(10));
        QCOMPARE(web->region, std::optional<RegionId>(RegionId{"neu"}));
        QVERIFY(hasEndpoint(*plan->result.findComponent(ComponentId{"tm"}), "web-neu"));
        QVERIFY2(!hasErrors(validate(plan->result)), changesText(*plan));
    }

    void applyingTwiceChangesNothingMore()
    {
        const auto t = sample("two-region.yaml");
        const Strategy s{StrategyKind::ActivePassiveFull, 0.5, {}, {}, {}};
        const auto once = applyStrategy(t, WorkloadId{"sites"}, s);
        const auto twice = applyStrategy(once->result, WorkloadId{"sites"}, s);
        QVERIFY(twice.ok());
        QVERIFY2(twice->changes.empty(), changesText(*twice));
        QVERIFY(twice->result == once->result);
    }

    void errors()
    {
        const auto t = sample("two-region.yaml");
        QCOMPARE(applyStrategy(t, WorkloadId{"nope"}, Strategy{}).error().code, std::string("unknown-workload"));
        auto lonely = t;
        lonely.regions.pop_back();
        for (auto& r : lonely.regions)
            r.pair.reset();
        for (auto& c : lonely.components)
            if (c.region && c.region->str() == "neu")
                c.region = RegionId{"weu"};
        for (auto& c : lonely.components)
            std::erase_if(c.replicas, [](const Replica& r) { return r.region.str() == "neu"; });
        for (auto& c : lonely.components)
            if (c.backup)
                c.backup->copyTo.reset();
        QCOMPARE(applyStrategy(lonely, WorkloadId{"sites"}, Strategy{StrategyKind::ActiveActive, {}, {}, {}, {}}).error().code,
                 std::string("no-secondary-region"));
    }

    void everyStrategyOnEverySampleStaysValid()
    {
        const auto files = QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")});
        for (const auto& f : files) {
            const auto t = sample(qPrintable(f));
            for (const auto& w : t.workloads) {
                for (const auto& kind : {StrategyKind::RedeployFromBackup, StrategyKind::ActivePassiveDb,
                                         StrategyKind::ActivePassiveFull, StrategyKind::ActiveActive}) {
                    const auto plan = applyStrategy(t, w.id, Strategy{kind, {}, {}, {}, {}});
                    if (!plan)
                        continue; // a workload without a second region is reported, not changed
                    const auto problems = validate(plan->result);
                    std::string text;
                    for (const auto& d : problems)
                        if (d.severity == Severity::Error)
                            text += d.format() + "\n";
                    QVERIFY2(!hasErrors(problems),
                             qPrintable(f + QStringLiteral(" ") + QString::fromStdString(w.id.str() + " " +
                                                                                         std::string(toName(kind)) + "\n" + text)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestStrategyApply)
#include "test_strategy_apply.moc"
