// firedrill-cli as scripts meet it: exit codes 0 / 1 / 2, messages with file:line:column, JSON output.
#include "CliRun.h"

#include "core/io/TopologyFile.h"
#include "core/sim/ReplayCsv.h"
#include "core/sim/ScenarioPlayer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using firedrill::test::cli;
using firedrill::test::Run;
using firedrill::test::sample;
using firedrill::test::writeFile;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void validatesEverySample()
    {
        const auto files = QDir(QStringLiteral(FIREDRILL_SAMPLES_DIR)).entryList({QStringLiteral("*.yaml")});
        QStringList args{QStringLiteral("validate")};
        for (const auto& f : files)
            args << sample(qPrintable(f));
        const Run r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral(": valid (0 errors, 0 warnings)")), files.size());
    }

    void hostileInputsExitOneWithPosition_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray laughs = readFile(QStringLiteral(FIREDRILL_TEST_DATA_DIR "/hostile/billion-laughs.yaml"));
        QVERIFY(!laughs.isEmpty());
        QTest::newRow("billion laughs") << laughs << QStringLiteral(": error: the document expands to more than");
        QTest::newRow("alias cycle") << QByteArray("a: &x [1, *x]\n") << QStringLiteral("h.yaml:1:11: error: alias");
        QTest::newRow("deep") << QByteArray("a: ") + QByteArray(1000, '[') << QStringLiteral("h.yaml:1:");
        QTest::newRow("duplicate key") << QByteArray("firedrill: 1\nname: a\nname: b\n")
                                       << QStringLiteral("h.yaml:3:1: error: duplicate key 'name'");
        QTest::newRow("invalid utf-8") << QByteArray("firedrill: 1\nname: \xff\n")
                                       << QStringLiteral("h.yaml:2:7: error: invalid UTF-8");
        QTest::newRow("lone comma") << QByteArray(",") << QStringLiteral("h.yaml");
        QTest::newRow("not a map") << QByteArray("- 1\n") << QStringLiteral("h.yaml:1:1: error: the file must be a map");
        QTest::newRow("bad unit") << QByteArray("firedrill: 1\nregions:\n  - {id: r, zones: 1, outage: {mtbf: 1 year, mttr: 1h}}\n")
                                  << QStringLiteral("h.yaml:3:38: error: mtbf: '1 year' is not a duration");
    }
    void hostileInputsExitOneWithPosition()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.yaml"));
        writeFile(path, bytes);
        const Run r = cli({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("invalid")));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("explode")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("validate")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("convert"), sample("two-region.yaml")}).exitCode, 2);
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("convert"), sample("two-region.yaml"), dir.filePath(QStringLiteral("x.txt"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral(".firedrill, .yaml or .yml")));
        QCOMPARE(cli({QStringLiteral("--help")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--version")}).exitCode, 0);
    }

    void missingFileExitsOne()
    {
        const Run r = cli({QStringLiteral("validate"), QStringLiteral("/no/such/file.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("/no/such/file.yaml: error: the file does not exist")));
    }

    void jsonOutput()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.yaml"));
        writeFile(bad, "firedrill: 1\nname: Bad\nregions:\n  - {id: weu, zones: 3, pair: nowhere}\n");
        const Run r = cli({QStringLiteral("validate"), QStringLiteral("--json"), sample("two-region.yaml"), bad});
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
        QCOMPARE(doc[QStringLiteral("valid")].toBool(), false);
        const auto files = doc[QStringLiteral("files")].toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0][QStringLiteral("valid")].toBool(), true);
        const auto d = files[1][QStringLiteral("diagnostics")].toArray();
        QVERIFY(!d.isEmpty());
        const auto first = d[0].toObject();
        QCOMPARE(first[QStringLiteral("code")].toString(), QStringLiteral("unknown-reference"));
        QCOMPARE(first[QStringLiteral("line")].toInt(), 4);
        QCOMPARE(first[QStringLiteral("path")].toString(), QStringLiteral("regions[weu].pair"));

        const Run info = cli({QStringLiteral("info"), QStringLiteral("--json"), sample("two-region.yaml")});
        QCOMPARE(info.exitCode, 0);
        const auto j = QJsonDocument::fromJson(info.out.toUtf8());
        QCOMPARE(j[QStringLiteral("counts")][QStringLiteral("regions")].toInt(), 2);
        QCOMPARE(j[QStringLiteral("components_by_kind")][QStringLiteral("sql-server-ag")].toInt(), 1);
    }

    void convertRoundTripsThroughAWorkspace()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("two.firedrill"));
        const QString yaml = dir.filePath(QStringLiteral("two.yaml"));
        const QString direct = dir.filePath(QStringLiteral("direct.yaml"));
        Run r = cli({QStringLiteral("convert"), sample("two-region.yaml"), ws});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readFile(ws).left(16), QByteArray("SQLite format 3\0", 16));
        r = cli({QStringLiteral("convert"), ws, yaml});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("convert"), sample("two-region.yaml"), direct});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readFile(yaml), readFile(direct));
        QVERIFY(!readFile(yaml).isEmpty());
        // Existing output is kept unless --force.
        r = cli({QStringLiteral("convert"), sample("two-region.yaml"), ws});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--force")));
        // No temporary files are left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);

        r = cli({QStringLiteral("info"), ws});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("1 revision(s)")));
        QVERIFY(r.out.contains(QStringLiteral("Imported from two-region.yaml")));
    }

    void invalidInputIsNotConverted()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.yaml"));
        writeFile(bad, "firedrill: 1\ncomponents:\n  - {id: a, kind: app-service}\n");
        const QString out = dir.filePath(QStringLiteral("out.firedrill"));
        const Run r = cli({QStringLiteral("convert"), bad, out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("bad.yaml:3:5: error:")));
        QVERIFY(!QFile::exists(out));
    }

    void analyzeReportsEveryFigure()
    {
        const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--json"), sample("two-region.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8());
        const auto w = doc[QStringLiteral("workloads")][0];
        QCOMPARE(w[QStringLiteral("id")].toString(), QStringLiteral("sites"));
        QVERIFY(w[QStringLiteral("availability")][QStringLiteral("availability")].toDouble() > 0.999);
        QCOMPARE(w[QStringLiteral("cost")][QStringLiteral("monthly_total")].toDouble(), 6922.12);
        const auto recovery = w[QStringLiteral("recovery")].toArray();
        QCOMPARE(recovery.size(), 5);
        const auto region = recovery[2].toObject();
        QCOMPARE(region[QStringLiteral("disruption")].toString(), QStringLiteral("region"));
        QCOMPARE(region[QStringLiteral("rto")][QStringLiteral("total")][QStringLiteral("seconds")].toDouble(), 940.0);
        QCOMPARE(region[QStringLiteral("rto")][QStringLiteral("dominant")].toString(), QStringLiteral("decision"));
        QVERIFY(!w[QStringLiteral("policies")].toArray().isEmpty());
        QCOMPARE(doc[QStringLiteral("single_points_of_failure")][QStringLiteral("singles")].toArray().size(), 0);

        const Run human = cli({QStringLiteral("analyze"), sample("dr-single-region.yaml")});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains(QStringLiteral("Single points of failure")));
        QVERIFY(human.out.contains(QStringLiteral("region weu")));

        QCOMPARE(cli({QStringLiteral("analyze"), QStringLiteral("--workload"), QStringLiteral("nope"), sample("two-region.yaml")})
                     .exitCode,
                 1);
    }

    void compareListsTheFourStrategies()
    {
        const Run r = cli({QStringLiteral("compare"), QStringLiteral("--json"), QStringLiteral("--workload"),
                           QStringLiteral("sites"), sample("two-region.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8());
        const auto options = doc[QStringLiteral("options")].toArray();
        QCOMPARE(options.size(), 4);
        QCOMPARE(options[0][QStringLiteral("strategy")].toString(), QStringLiteral("redeploy-from-backup"));
        QCOMPARE(options[3][QStringLiteral("current")].toBool(), true);
        QCOMPARE(options[2][QStringLiteral("monthly_cost")].toDouble(), 6616.12);
        // --workload is required.
        QCOMPARE(cli({QStringLiteral("compare"), sample("two-region.yaml")}).exitCode, 2);
        const Run human = cli({QStringLiteral("compare"), QStringLiteral("--workload"), QStringLiteral("sites"),
                               QStringLiteral("--pareto"), sample("two-region.yaml")});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains(QStringLiteral("Pareto front")));
    }

    void simulateReplaysAScenario()
    {
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("weu-down"),
                           QStringLiteral("--json"), QStringLiteral("--csv"), dir.path(), sample("two-region.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8());
        QVERIFY(doc.isObject());
        QVERIFY(!QDir(dir.path()).entryList({QStringLiteral("*.csv")}).isEmpty());
        const Run human = cli({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("weu-down"),
                               sample("two-region.yaml")});
        QCOMPARE(human.exitCode, 0);
        // Measured RTO equals the estimate: detection 10s + decision 15m + promotion 30s.
        QVERIFY2(human.out.contains(QStringLiteral("measured RTO 15m 40s")), qPrintable(human.out));
        QVERIFY(human.out.contains(QStringLiteral("Traffic Manager tm marks agw-weu degraded after 3 failed probes")));
        QCOMPARE(cli({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("nope"), sample("two-region.yaml")}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("simulate"), sample("two-region.yaml")}).exitCode, 2);
    }

    void simulateJsonCarriesTheVerdicts()
    {
        // weu-down: measured 15m 40s against the 15m region target (40 s over), RPO 5s within 1m.
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("weu-down"),
                           QStringLiteral("--json"), QStringLiteral("--csv"), dir.path(), sample("two-region.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto w = QJsonDocument::fromJson(r.out.toUtf8())[QStringLiteral("workloads")][0];
        QCOMPARE(w[QStringLiteral("estimate_rto_ms")].toInteger(), 940000);
        QCOMPARE(w[QStringLiteral("estimate_rpo_ms")].toInteger(), 5000);
        QCOMPARE(w[QStringLiteral("rto_target_ms")].toInteger(), 900000);
        QCOMPARE(w[QStringLiteral("rto_verdict")].toString(), QStringLiteral("breached"));
        QCOMPARE(w[QStringLiteral("rto_over_ms")].toInteger(), 40000);
        QCOMPARE(w[QStringLiteral("rpo_target_ms")].toInteger(), 60000);
        QCOMPARE(w[QStringLiteral("rpo_verdict")].toString(), QStringLiteral("met"));
        QVERIFY(w[QStringLiteral("rpo_over_ms")].isNull());
        // The CSV files are core's, byte for byte.
        auto t = firedrill::loadTopologyYamlFile(sample("two-region.yaml").toStdString());
        QVERIFY(t.ok());
        const auto replay = firedrill::sim::replayScenario(*t.topology, firedrill::ScenarioId("weu-down"), {});
        QVERIFY(replay.ok());
        const auto files = firedrill::sim::replayCsvFiles(*replay);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.csv")}).size(), static_cast<qsizetype>(files.size()));
        for (const auto& f : files)
            QCOMPARE(readFile(dir.filePath(QString::fromStdString(f.name))), QByteArray::fromStdString(f.text));
        // No target of the scenario's class: null verdicts. two-region has no dependency policy.
        const Run vpn = cli({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("vpn-cut"),
                             QStringLiteral("--json"), sample("two-region.yaml")});
        QVERIFY2(vpn.exitCode == 0, qPrintable(vpn.err));
        const auto v = QJsonDocument::fromJson(vpn.out.toUtf8())[QStringLiteral("workloads")][0];
        QVERIFY(v[QStringLiteral("rto_verdict")].isNull());
        QVERIFY(v[QStringLiteral("rto_target_ms")].isNull());
        QVERIFY(v[QStringLiteral("rpo_verdict")].isNull());
    }

    void monteCarloShardsMergeExactly()
    {
        QTemporaryDir dir;
        const Run whole = cli({QStringLiteral("montecarlo"), QStringLiteral("--years"), QStringLiteral("600"),
                               QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json"), sample("two-region.yaml")});
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        const auto w = QJsonDocument::fromJson(whole.out.toUtf8());
        QCOMPARE(w[QStringLiteral("years")].toInt(), 600);
        const auto stats = w[QStringLiteral("workloads")][0];
        QVERIFY(stats[QStringLiteral("availability")].toDouble() > 0.99);
        QVERIFY(!stats[QStringLiteral("contributions")].toArray().isEmpty());
        QStringList shards;
        for (int i = 1; i <= 3; ++i) {
            const Run part = cli({QStringLiteral("montecarlo"), QStringLiteral("--years"), QStringLiteral("600"),
                                  QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--shard"),
                                  QStringLiteral("%1/3").arg(i), QStringLiteral("--json"), sample("two-region.yaml")});
            QCOMPARE(part.exitCode, 0);
            const QString path = dir.filePath(QStringLiteral("shard%1.json").arg(i));
            writeFile(path, part.out.toUtf8());
            shards << path;
        }
        const Run merged = cli(QStringList{QStringLiteral("merge"), QStringLiteral("--json"), sample("two-region.yaml")} + shards);
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        const auto m = QJsonDocument::fromJson(merged.out.toUtf8());
        QCOMPARE(m[QStringLiteral("workloads")][0][QStringLiteral("accumulators")][QStringLiteral("downtime_ms")].toDouble(),
                 stats[QStringLiteral("accumulators")][QStringLiteral("downtime_ms")].toDouble());
        QCOMPARE(m[QStringLiteral("events")].toDouble(), w[QStringLiteral("events")].toDouble());
        // A missing shard is a gap; a shard twice is an overlap.
        QCOMPARE(cli({QStringLiteral("merge"), sample("two-region.yaml"), shards[0], shards[2]}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("merge"), sample("two-region.yaml"), shards[0], shards[0], shards[1], shards[2]}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("montecarlo"), QStringLiteral("--shard"), QStringLiteral("4/3"), sample("two-region.yaml")}).exitCode, 2);
        const Run human = cli({QStringLiteral("montecarlo"), QStringLiteral("--years"), QStringLiteral("100"), sample("two-region.yaml")});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains(QStringLiteral("P95")));
    }

    void damagedWorkspacesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("text") << QByteArray("firedrill: 1\n") << QStringLiteral("not");
        QTest::newRow("truncated header") << QByteArray("SQLite format 3\0\x10\x00", 18) << QStringLiteral("error");
    }
    void damagedWorkspacesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, phrase);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.firedrill"));
        writeFile(path, bytes);
        const Run r = cli({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(phrase), qPrintable(r.err));
        QCOMPARE(readFile(path), bytes); // never written to
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
