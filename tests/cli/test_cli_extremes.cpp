// Valid but extreme designs through the real firedrill-cli: sizes over the limits, an instant autoscale
// under a huge surge, failure rates that would take for ever, and a Monte Carlo shard with no years.
#include "CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace firedrill::test;

namespace {

/// One region, one app service, one workload; `region` and `web` are the flow maps of each.
QByteArray design(const char* region, const char* web, const char* scenarios = "")
{
    return QByteArray("firedrill: 1\nname: extreme\nregions:\n  - ") + region + "\ncomponents:\n  - " + web +
           "\nworkloads:\n  - {id: w, name: W, entry: web, demand_rps: 1000}\n" + scenarios;
}

QJsonObject json(const Run& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestCliExtremes : public QObject
{
    Q_OBJECT
private slots:
    void sizesOverTheLimitsAreInvalid()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("big.yaml"));
        writeFile(file, design("{id: r, zones: 2147483647}", "{id: web, kind: app-service, region: r, instances: 1000000000, mtbf: 2000h, mttr: 10m}"));
        const Run v = cli({QStringLiteral("validate"), file});
        QCOMPARE(v.exitCode, 1);
        QVERIFY2(v.err.contains(QStringLiteral("big.yaml:4:20: error: zones is 2,147,483,647, over the limit of 32")), qPrintable(v.err));
        QVERIFY2(v.err.contains(QStringLiteral("error: instances is 1,000,000,000, over the limit of 100,000")), qPrintable(v.err));
        // The Monte Carlo refuses it up front instead of allocating a process per instance.
        const Run m = cli({QStringLiteral("montecarlo"), file, QStringLiteral("--years"), QStringLiteral("10")});
        QCOMPARE(m.exitCode, 1);
        QVERIFY2(m.err.contains(QStringLiteral("over the limit of 32")), qPrintable(m.err));
    }

    void instantAutoscaleUnderAHugeSurgeEnds()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("surge.yaml"));
        writeFile(file, design("{id: r, zones: 0}",
                               "{id: web, kind: app-service, region: r, instances: 3, capacity_rps: 400, autoscale: {min: 3, max: 10, scale_out_time: 0s}}",
                               "scenarios:\n  - id: surge\n    name: Surge\n    duration: 1h\n    faults:\n"
                               "      - {at: 1m, target: web, kind: surge, multiplier: 1000000000}\n"));
        for (const char* command : {"simulate", "plan"}) {
            const Run r = command == QByteArray("simulate")
                              ? cli({QStringLiteral("simulate"), file, QStringLiteral("--scenario"), QStringLiteral("surge")})
                              : cli({QStringLiteral("plan"), file, QStringLiteral("--workload"), QStringLiteral("w"),
                                     QStringLiteral("--scenario"), QStringLiteral("surge")});
            QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("%1: exit %2 %3").arg(QString::fromLatin1(command)).arg(r.exitCode).arg(r.err)));
            if (command == QByteArray("simulate")) {
                QCOMPARE(r.exitCode, 0);
                QVERIFY2(r.out.contains(QStringLiteral("3 -> 10 instances in 0s")), qPrintable(r.out));
                QVERIFY2(r.out.contains(QStringLiteral("\n2 events,")), qPrintable(r.out));
                // 1,000 rps for 60 s, then 4,000 rps for 3,540 s.
                QVERIFY2(r.out.contains(QStringLiteral("served 14220000 of 3540000000060000 requests")), qPrintable(r.out));
            }
        }
    }

    void astronomicalFailureRatesAreRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mtbf.yaml"));
        writeFile(file, design("{id: r, zones: 0, outage: {mtbf: 1ms, mttr: 0s}}", "{id: web, kind: app-service, region: r, instances: 2}"));
        const Run r = cli({QStringLiteral("montecarlo"), file, QStringLiteral("--years"), QStringLiteral("100")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("mtbf.yaml: error: the failure rates make about 31,536,000,000 failures and repairs "
                                               "per simulated year, over the limit of 10,000,000")),
                 qPrintable(r.err));
    }

    void emptyShardSaysThereIsNoData()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("d.yaml"));
        writeFile(file, design("{id: r, zones: 0, outage: {mtbf: 100d, mttr: 1d}}", "{id: web, kind: app-service, region: r, instances: 2}"));
        const auto shard = [&](int i, bool asJson) {
            QStringList args{QStringLiteral("montecarlo"), file, QStringLiteral("--years"), QStringLiteral("3"), QStringLiteral("--shard"),
                             QStringLiteral("%1/4").arg(i)};
            if (asJson)
                args << QStringLiteral("--json");
            return cli(args);
        };
        const Run text = shard(1, false);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("0 simulated years of extreme (seed 1, none of the study's 3 years")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("availability     no data: no simulated years")), qPrintable(text.out));
        QVERIFY2(!text.out.contains(QStringLiteral("100.0")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("note: no simulated years: shard 1/4 of a study of 3 years holds none of them")),
                 qPrintable(text.out));

        QStringList files;
        for (int i = 1; i <= 4; ++i) {
            const Run part = shard(i, true);
            QCOMPARE(part.exitCode, 0);
            const QString path = dir.filePath(QStringLiteral("shard%1.json").arg(i));
            writeFile(path, part.out.toUtf8());
            files << path;
            const QJsonObject w = json(part)[QStringLiteral("workloads")].toArray().at(0).toObject();
            if (i == 1) {
                QVERIFY(w[QStringLiteral("availability")].isNull());
                QVERIFY(w[QStringLiteral("mean_downtime")].isNull());
                QVERIFY(w[QStringLiteral("nines")].isNull());
            } else {
                QVERIFY(w[QStringLiteral("availability")].isDouble());
            }
        }
        // The empty shard alone: no data, and a warning that the years are missing.
        const Run alone = cli({QStringLiteral("merge"), file, files[0]});
        QCOMPARE(alone.exitCode, 0);
        QVERIFY2(alone.out.contains(QStringLiteral("no data: no simulated years")), qPrintable(alone.out));
        QVERIFY2(alone.err.contains(QStringLiteral("the shards cover 0 of 3 years")), qPrintable(alone.err));
        // All four: the study's figures, the same as one run of 3 years.
        const Run merged = cli(QStringList{QStringLiteral("merge"), file, QStringLiteral("--json")} + files);
        QCOMPARE(merged.exitCode, 0);
        const Run whole = cli({QStringLiteral("montecarlo"), file, QStringLiteral("--years"), QStringLiteral("3"), QStringLiteral("--json")});
        const auto availability = [](const Run& r) -> QJsonValue {
            return json(r)[QStringLiteral("workloads")].toArray().at(0).toObject()[QStringLiteral("availability")];
        };
        QVERIFY(availability(merged).isDouble());
        QCOMPARE(availability(merged).toDouble(), availability(whole).toDouble());
        QCOMPARE(json(merged)[QStringLiteral("years")].toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliExtremes)
#include "test_cli_extremes.moc"
