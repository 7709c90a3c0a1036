// Valid but hostile inputs on the command line: numbers out of range and very deep graphs.
#include "CliRun.h"
#include "common/ChainTopology.h"

#include <QtTest>

#include <cmath>
#include <initializer_list>

using namespace firedrill::test;

namespace {

/// c0 -> c1 -> ... hard dependencies, each an app service with the given SLA.
QByteArray dependencyChain(int n, const char* sla)
{
    QByteArray text = "firedrill: 1\nname: Deep chain\nregions:\n  - {id: weu, name: West Europe, zones: 0}\ncomponents:\n";
    text += QByteArray::fromStdString(dependencyChainComponents(n, sla));
    text += "workloads:\n  - {id: deep, name: Deep, entry: c0, demand_rps: 100, write_fraction: 0.1}\n";
    return text;
}

/// Command-line arguments from text; "@two" stands for the bundled two-region sample.
QStringList argv(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out << (QByteArray(item) == "@two" ? sample("two-region.yaml") : QString::fromUtf8(item));
    return out;
}

QString str(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT
private slots:
    void numericOptionsOutOfRangeExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        const auto analyze = [](const char* v) { return argv({"analyze", "@two", "--failover-hours", v}); };
        for (const char* v : {"nan", "NaN", "inf", "-inf", "infinity", "1e15", "1e308", "1e400", "-1", "-0.5", "1000001", "abc", "0x10"})
            QTest::addRow("failover-hours %s", v) << analyze(v) << str("--failover-hours") << str(v);
        const auto monte = [](const char* option, const char* v) { return argv({"montecarlo", "@two", option, v}); };
        for (const char* v : {"0", "-1", "1.5", "1e3", "nan", "100000001", "18446744073709551616"})
            QTest::addRow("years %s", v) << monte("--years", v) << str("--years") << str(v);
        for (const char* v : {"-1", "1.5", "nan", "inf", "18446744073709551616", "+1", " 1"})
            QTest::addRow("montecarlo seed %s", v) << monte("--seed", v) << str("--seed") << str(v);
        for (const char* v : {"-1", "1025", "4294967296", "nan"})
            QTest::addRow("threads %s", v) << monte("--threads", v) << str("--threads") << str(v);
        for (const char* v : {"-1/8", "1/-1", "0/8", "9/8", "1/100000001", "1.5/8", "1/18446744073709551617"})
            QTest::addRow("shard %s", v) << monte("--shard", v) << str("--shard") << str(v);
        for (const char* v : {"-1", "nan", "1e3", "18446744073709551616"})
            QTest::addRow("simulate seed %s", v) << argv({"simulate", "@two", "--scenario", "weu-down", "--seed", v})
                                                 << str("--seed") << str(v);
        for (const char* v : {"-1", "nan"})
            QTest::addRow("plan seed %s", v)
                << argv({"plan", "@two", "--workload", "sites", "--scenario", "weu-down", "--seed", v}) << str("--seed") << str(v);
        for (const char* v : {"-4h", "0", "32d", "1e300d", "nan"})
            QTest::addRow("plan length %s", v) << argv({"plan", "@two", "--workload", "sites", "--scenario", "weu-down", "--no-replay",
                                                         "--format", "ics", "--start", "2027-01-05T09:00Z", "--length", v})
                                               << str("--length") << str(v);
    }

    void numericOptionsOutOfRangeExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, option);
        QFETCH(QString, value);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(option), qPrintable(r.err));
        QVERIFY2(r.err.contains(value), qPrintable(r.err));
        QVERIFY2(r.err.contains(str("from ")) || r.err.contains(str("1 <= i <= n")), qPrintable(r.err)); // the accepted range
        QVERIFY(r.out.isEmpty());
    }

    void numericOptionsInRangeAreAccepted()
    {
        Run r = cli(argv({"analyze", "@two", "--failover-hours", "1e3", "--json"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(str("\"text\": \"41d 16h\"")), qPrintable(r.out.left(200)));
        r = cli(argv({"analyze", "@two", "--failover-hours", "0"}));
        QCOMPARE(r.exitCode, 0);
        r = cli(argv({"montecarlo", "@two", "--years", "10", "--seed", "18446744073709551615", "--threads", "1", "--shard", "1/2"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(str("seed 18446744073709551615")));
    }

    void nonFiniteNumbersInYamlAreErrorsWithPosition_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("nan") << QByteArray(".nan") << str("'.nan' is not a number");
        QTest::newRow("NaN") << QByteArray(".NaN") << str("'.NaN' is not a number");
        QTest::newRow("inf") << QByteArray(".inf") << str("'.inf' is not a number");
        QTest::newRow("-inf") << QByteArray("-.inf") << str("'-.inf' is not a number");
        QTest::newRow("beyond double") << QByteArray("1e400") << str("'1e400' is not a number");
        QTest::newRow("too large") << QByteArray("1e308") << str("'1e308' is too large");
    }

    void nonFiniteNumbersInYamlAreErrorsWithPosition()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(str("bad.yaml"));
        writeFile(path, "firedrill: 1\nname: Bad\nregions:\n  - {id: weu, zones: 0}\ncomponents:\n"
                        "  - {id: web, kind: app-service, region: weu, cost: " + value + "}\n");
        const Run r = cli({str("validate"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(path + str(":6:53: error: cost: ") + message), qPrintable(r.err));
        const Run a = cli({str("analyze"), path});
        QCOMPARE(a.exitCode, 1);
    }

    void analyzeSurvivesADeepDependencyChain()
    {
        constexpr int n = 20'000;
        QTemporaryDir dir;
        const QString path = dir.filePath(str("deep.yaml"));
        writeFile(path, dependencyChain(n, "99.99%"));
        const Run r = cli({str("analyze"), path, str("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
        const double availability =
            doc.object()[str("workloads")].toArray().first().toObject()[str("availability")].toObject()[str("availability")].toDouble();
        QVERIFY2(std::fabs(availability - std::pow(0.9999, n)) < 1e-9, qPrintable(QString::number(availability)));
        const Run text = cli({str("analyze"), path, str("--pairs")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(str("13.5322%"))); // 0.9999^20000 = e^-2.0001
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "test_cli_hostile.moc"
