// Composite SLA: the published combinations, shared components, MTBF/MTTR, quorum, nines and downtime.
#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/ServiceExpression.h"
#include "core/io/TopologyFile.h"

#include <QDir>
#include <QtTest>

#include <cmath>

using namespace firedrill;

namespace {

Topology parse(const std::string& text)
{
    auto r = readTopologyYaml(text, "t.yaml");
    if (!r.topology)
        qFatal("fixture does not parse");
    return *r.topology;
}

const Workload& first(const Topology& t)
{
    return t.workloads.front();
}

const char* kHeader = "firedrill: 1\nname: t\nregions:\n  - {id: weu, pair: neu, zones: 3}\n  - {id: neu, pair: weu, zones: 3}\n";

} // namespace

class TestAvailability : public QObject
{
    Q_OBJECT
private slots:
    void appServiceTimesSqlDatabase()
    {
        // Published: App Service 99.95% x SQL Database 99.99% = 99.94%.
        const auto t = parse(std::string(kHeader) +
                             "components:\n"
                             "  - {id: web, kind: app-service, region: weu, instances: 2, sla: 99.95%, depends_on: [db]}\n"
                             "  - {id: db, kind: sql-database, region: weu, sla: 99.99%}\n"
                             "workloads:\n  - {id: w, entry: web, demand_rps: 10}\n");
        const auto r = workloadAvailability(t, first(t));
        QVERIFY(r.exact);
        QCOMPARE(r.availability, 0.9995 * 0.9999); // 0.99940005
        QCOMPARE(std::round(r.percent() * 100) / 100, 99.94);
        QCOMPARE(r.formula, std::string("web × db"));
        QCOMPARE(r.components.size(), std::size_t(2));
        QCOMPARE(r.components[0].basis, std::string("SLA 99.95%"));
    }

    void twoRegionsBehindATrafficManager()
    {
        // Published: TM x (1 - (1 - A_region)^2), each region App Service 99.95% x SQL Database 99.99%.
        const auto t = parse(std::string(kHeader) +
                             "components:\n"
                             "  - {id: tm, kind: traffic-manager, sla: 99.99%, endpoints: [web-weu, web-neu]}\n"
                             "  - {id: web-weu, kind: app-service, region: weu, sla: 99.95%, depends_on: [db-weu]}\n"
                             "  - {id: db-weu, kind: sql-database, region: weu, sla: 99.99%}\n"
                             "  - {id: web-neu, kind: app-service, region: neu, sla: 99.95%, depends_on: [db-neu]}\n"
                             "  - {id: db-neu, kind: sql-database, region: neu, sla: 99.99%}\n"
                             "workloads:\n  - {id: w, entry: tm, demand_rps: 10}\n");
        const auto r = workloadAvailability(t, first(t));
        const double region = 0.9995 * 0.9999;
        const double expected = 0.9999 * (1.0 - (1.0 - region) * (1.0 - region)); // 0.999899964...
        QVERIFY(std::fabs(r.availability - expected) < 1e-15);
        QCOMPARE(r.formula, std::string("tm × (web-weu × db-weu ∥ web-neu × db-neu)"));
    }

    void serialChain()
    {
        // Published: 99.99% x 99.99% x 99.95% x 99.9% = 99.83%.
        const auto t = parse(std::string(kHeader) +
                             "components:\n"
                             "  - {id: a, kind: traffic-manager, sla: 99.99%, endpoints: [b]}\n"
                             "  - {id: b, kind: application-gateway, region: weu, sla: 99.99%, depends_on: [c]}\n"
                             "  - {id: c, kind: app-service, region: weu, sla: 99.95%, depends_on: [d]}\n"
                             "  - {id: d, kind: storage-account, region: weu, sla: 99.9%}\n"
                             "workloads:\n  - {id: w, entry: a, demand_rps: 10}\n");
        const auto r = workloadAvailability(t, first(t));
        QVERIFY(std::fabs(r.availability - 0.9999 * 0.9999 * 0.9995 * 0.999) < 1e-15); // 0.99830081
        QCOMPARE(std::round(r.percent() * 100) / 100, 99.83);
    }

    void sharedDatabaseIsConditionedOn()
    {
        // Both regions use one database: A = tm x db x (1 - (1 - web)^2), not the naive
        // tm x (1 - (1 - web x db)^2), which would count the database twice as if independent.
        const auto t = parse(std::string(kHeader) +
                             "components:\n"
                             "  - {id: tm, kind: traffic-manager, sla: 99.99%, endpoints: [web-weu, web-neu]}\n"
                             "  - {id: web-weu, kind: app-service, region: weu, sla: 99.95%, depends_on: [db]}\n"
                             "  - {id: web-neu, kind: app-service, region: neu, sla: 99.95%, depends_on: [db]}\n"
                             "  - {id: db, kind: sql-database, region: weu, sla: 99.9%}\n"
                             "workloads:\n  - {id: w, entry: tm, demand_rps: 10}\n");
        const auto r = workloadAvailability(t, first(t));
        const double expected = 0.9999 * 0.999 * (1.0 - 0.0005 * 0.0005);
        QVERIFY2(std::fabs(r.availability - expected) < 1e-15, qPrintable(QString::number(r.availability, 'g', 17)));
        QVERIFY(r.exact);
        // Making the database perfect gains most: 0.9999 x (1 - 0.0005^2) - A.
        const auto db = std::find_if(r.components.begin(), r.components.end(),
                                     [](const ComponentAvailability& c) { return c.id.str() == "db"; });
        QVERIFY(std::fabs(db->gainIfPerfect - (0.9999 * (1.0 - 0.0005 * 0.0005) - expected)) < 1e-15);

        // Without the importance detail (the summary strip's figure): the same availability, the same
        // components, no gains.
        const auto quick = workloadAvailability(t, first(t), ImportanceDetail::Skipped);
        QCOMPARE(quick.availability, r.availability);
        QCOMPARE(quick.formula, r.formula);
        QCOMPARE(quick.components.size(), r.components.size());
        for (const ComponentAvailability& c : quick.components)
            QCOMPARE(c.gainIfPerfect, 0.0);
    }

    void mtbfAndMttrOverInstances()
    {
        // MTBF 2000h, MTTR 10m: a = 120000 / 120010 per instance; 1 of 3 instances: 1 - (1 - a)^3.
        const auto t = parse(std::string(kHeader) +
                             "components:\n"
                             "  - {id: web, kind: app-service, region: weu, instances: 3, mtbf: 2000h, mttr: 10m}\n"
                             "workloads:\n  - {id: w, entry: web, demand_rps: 10}\n");
        const auto c = componentAvailability(t.components[0]);
        const double a = 120000.0 / 120010.0;
        QVERIFY(std::fabs(c.availability - (1.0 - std::pow(1.0 - a, 3))) < 1e-15);
        QVERIFY(c.basis.find("1 of 3 instances") != std::string::npos);
    }

    void quorumNeedsTwoReplicas()
    {
        // Quorum commit: primary and at least one secondary. 2 of 3 at a = 0.99: 3a^2(1-a) + a^3.
        const auto t = parse(std::string(kHeader) +
                             "components:\n"
                             "  - id: db\n    kind: sql-database\n    quorum_commit: true\n    mtbf: 99h\n    mttr: 1h\n"
                             "    failover: {mode: automatic}\n"
                             "    replicas:\n"
                             "      - {id: r1, region: weu, zone: 1, role: primary}\n"
                             "      - {id: r2, region: weu, zone: 2, role: secondary, sync: synchronous}\n"
                             "      - {id: r3, region: weu, zone: 3, role: secondary, sync: synchronous}\n"
                             "workloads:\n  - {id: w, entry: db, demand_rps: 10}\n");
        const double a = 0.99;
        const auto c = componentAvailability(t.components[0]);
        QVERIFY(std::fabs(c.availability - (3 * a * a * (1 - a) + a * a * a)) < 1e-12);
        QVERIFY(c.basis.find("2 of 3 replicas") != std::string::npos);
    }

    void componentsWithoutFiguresAreAssumedAndSaid()
    {
        const auto t = parse(std::string(kHeader) +
                             "components:\n  - {id: web, kind: app-service, region: weu}\n"
                             "workloads:\n  - {id: w, entry: web, demand_rps: 10}\n");
        const auto r = workloadAvailability(t, first(t));
        QCOMPARE(r.availability, 1.0);
        QVERIFY(r.components[0].assumed);
        QCOMPARE(r.notes.size(), std::size_t(1));
    }

    void ninesAndDowntime()
    {
        AvailabilityReport r;
        r.availability = 0.999;
        QVERIFY(std::fabs(r.nines() - 3.0) < 1e-9);
        QCOMPARE(r.downtimePerMonth(), Duration::seconds(2592)); // 0.1% of 30 days = 43.2 minutes
        QCOMPARE(r.downtimePerYear(), Duration::seconds(31536)); // 0.1% of 365 days = 8.76 hours
        r.availability = 0.9995;
        QCOMPARE(r.downtimePerMonth(), Duration::seconds(1296)); // 21.6 minutes
    }

    void atLeastKOfN()
    {
        std::vector<ServiceExpression> items;
        for (std::size_t i = 0; i < 4; ++i)
            items.push_back(ServiceExpression::leafOf(i));
        const auto e = ServiceExpression::atLeast(3, std::move(items));
        bool exact = false;
        const double a = 0.9;
        // P(at least 3 of 4) = 4 a^3 (1 - a) + a^4 = 0.2916 + 0.6561 = 0.9477
        QVERIFY(std::fabs(probability(e, {a, a, a, a}, exact) - 0.9477) < 1e-12);
        QVERIFY(exact);
        QVERIFY(evaluate(e, {true, true, false, true}));
        QVERIFY(!evaluate(e, {true, false, false, true}));
    }

    void everySampleAnalyzes()
    {
        const auto files = QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")});
        QVERIFY(!files.isEmpty());
        for (const auto& f : files) {
            const auto r = loadTopologyYamlFile((QStringLiteral(FIREDRILL_SAMPLES_DIR "/") + f).toStdString());
            QVERIFY2(r.ok(), qPrintable(f));
            for (const auto& w : r.topology->workloads) {
                const auto a = workloadAvailability(*r.topology, w);
                QVERIFY2(a.availability > 0.9 && a.availability <= 1.0, qPrintable(f));
                QVERIFY2(a.exact, qPrintable(f));
                QVERIFY(!a.formula.empty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAvailability)
#include "test_availability.moc"
