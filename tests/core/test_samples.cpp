// Every bundled sample validates cleanly, round-trips losslessly and models what its seed describes.
#include "TopologyText.h"

#include <QDir>

using namespace firedrill;

namespace {
QString samplePath(const QString& name)
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/") + name;
}
LoadResult loadSample(const QString& name)
{
    return loadTopologyYamlFile(samplePath(name).toStdString());
}
} // namespace

class TestSamples : public QObject
{
    Q_OBJECT
private slots:
    void oneSamplePerSeedSystem()
    {
        const QStringList expected{QStringLiteral("two-region.yaml"),           QStringLiteral("local-failures.yaml"),
                                   QStringLiteral("dr-single-region.yaml"),     QStringLiteral("dr-redeploy.yaml"),
                                   QStringLiteral("dr-active-passive-db.yaml"), QStringLiteral("dr-active-passive-full.yaml"),
                                   QStringLiteral("dr-active-active.yaml"),     QStringLiteral("dr-reduced-shop.yaml"),
                                   QStringLiteral("vm-dr.yaml"),                QStringLiteral("gas-trading.yaml")};
        for (const auto& name : expected)
            QVERIFY2(QFile::exists(samplePath(name)), qPrintable(name));
    }

    void samples_data()
    {
        QTest::addColumn<QString>("name");
        const auto files = QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QVERIFY(files.size() >= 10);
        for (const auto& f : files)
            QTest::newRow(qPrintable(f)) << f;
    }
    void samples()
    {
        QFETCH(QString, name);
        const auto r = loadSample(name);
        QVERIFY2(r.ok(), dump(r).constData());
        QVERIFY2(r.diagnostics.empty(), dump(r).constData()); // not even a warning
        const Topology& t = *r.topology;
        QVERIFY(!t.name.empty());
        QVERIFY(!t.regions.empty());
        QVERIFY(!t.workloads.empty());
        QVERIFY(!t.policies.empty());
        QVERIFY(!t.scenarios.empty());
        for (const auto& w : t.workloads)
            QVERIFY2(w.strategy.has_value(), w.id.str().c_str());

        const std::string written = writeTopologyYaml(t);
        const auto back = readTopologyYaml(written, name.toStdString());
        QVERIFY2(back.ok(), dump(back).constData());
        QVERIFY(*back.topology == t);
        QCOMPARE(writeTopologyYaml(*back.topology), written);
    }

    void twoRegionCarriesTheSeedFigures()
    {
        const auto r = loadSample(QStringLiteral("two-region.yaml"));
        QVERIFY(r.ok());
        const Component* sql = r.topology->findComponent(ComponentId{"sql-ag"});
        QVERIFY(sql);
        QCOMPARE(sql->size->gigabytes, 3000.0); // 3 TB Always On group
        QCOMPARE(r.topology->findComponent(ComponentId{"tm"})->routing, std::optional(RoutingMethod::Performance));
    }

    void gasTradingHasAOneHourGracePeriod()
    {
        const auto r = loadSample(QStringLiteral("gas-trading.yaml"));
        QVERIFY(r.ok());
        bool found = false;
        for (const auto& c : r.topology->components)
            if (c.failover && c.failover->gracePeriod && *c.failover->gracePeriod == Duration::hours(1))
                found = true;
        QVERIFY(found);
    }

    void reducedShopHasFiveWorkloads()
    {
        const auto r = loadSample(QStringLiteral("dr-reduced-shop.yaml"));
        QVERIFY(r.ok());
        QCOMPARE(r.topology->workloads.size(), std::size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestSamples)
#include "test_samples.moc"
