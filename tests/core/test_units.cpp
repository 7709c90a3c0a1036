// Unit grammar: every quantity parses to the hand-computed value and formats back canonically.
#include "core/io/Units.h"

#include <QtTest>

#include <cstdint>
#include <limits>
#include <string>

using namespace firedrill;

class TestUnits : public QObject
{
    Q_OBJECT
private slots:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << QStringLiteral("30s") << qint64(30'000);
        QTest::newRow("minutes") << QStringLiteral("15m") << qint64(900'000);
        QTest::newRow("fractional hours") << QStringLiteral("1.5h") << qint64(5'400'000);
        QTest::newRow("days") << QStringLiteral("2d") << qint64(172'800'000);
        QTest::newRow("milliseconds") << QStringLiteral("250ms") << qint64(250);
        QTest::newRow("compound") << QStringLiteral("1h30m") << qint64(5'400'000);
        QTest::newRow("compound with seconds") << QStringLiteral("1m0.5s") << qint64(60'500);
        QTest::newRow("bare zero") << QStringLiteral("0") << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-5m") << qint64(-300'000);
        QTest::newRow("year in hours") << QStringLiteral("8760h") << qint64(31'536'000'000);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto d = parseDuration(text.toStdString());
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
        QCOMPARE(d->ms, ms);
    }

    void badDurations_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* s : {"", "30", "30x", "s", "1h30", "1.5", "abc", "0.0001s", "1e400h", "--5m", "5 m s"})
            QTest::newRow(s[0] ? s : "empty") << QString::fromLatin1(s);
    }
    void badDurations()
    {
        QFETCH(QString, text);
        const auto d = parseDuration(text.toStdString());
        QVERIFY(!d.ok());
        QVERIFY(d.error().message.find("duration") != std::string::npos ||
                d.error().message.find("millisecond") != std::string::npos);
    }

    void formatDurationIsCanonical()
    {
        QCOMPARE(formatDuration(Duration::seconds(60)), std::string("1m"));
        QCOMPARE(formatDuration(Duration::seconds(90)), std::string("90s"));
        QCOMPARE(formatDuration(Duration::minutes(90)), std::string("90m"));
        QCOMPARE(formatDuration(Duration::hours(24)), std::string("1d"));
        QCOMPARE(formatDuration(Duration::milliseconds(1500)), std::string("1500ms"));
        QCOMPARE(formatDuration(Duration{}), std::string("0s"));
        QCOMPARE(formatDuration(Duration::minutes(-5)), std::string("-5m"));
    }

    void readableDurations()
    {
        QCOMPARE(formatDurationReadable(Duration::seconds(6000)), std::string("1h 40m"));
        QCOMPARE(formatDurationReadable(Duration::seconds(100)), std::string("1m 40s"));
        QCOMPARE(formatDurationReadable(Duration::milliseconds(1500)), std::string("1.5s"));
        // Two largest units, half up; "≈" only when that changed the figure.
        QCOMPARE(formatDurationApprox(Duration::seconds(6 * 3600 + 2 * 60 + 40)), std::string("≈6h 3m"));
        QCOMPARE(formatDurationApprox(Duration::seconds(6 * 3600 + 2 * 60 + 29)), std::string("≈6h 2m"));
        QCOMPARE(formatDurationApprox(Duration::seconds(15 * 60 + 40)), std::string("15m 40s"));
        QCOMPARE(formatDurationApprox(Duration::minutes(26 * 60 + 30)), std::string("≈1d 3h"));
        QCOMPARE(formatDurationApprox(Duration::hours(6)), std::string("6h"));
        QCOMPARE(formatDurationApprox(Duration::seconds(40)), std::string("40s"));
        QCOMPARE(formatDurationApprox(Duration::seconds(-100)), std::string("-1m 40s"));
        QCOMPARE(formatDurationReadable(Duration::hours(51) + Duration::minutes(5)), std::string("2d 3h 5m"));
        QCOMPARE(formatDurationReadable(Duration{}), std::string("0s"));
        QCOMPARE(formatDurationReadable(Duration::minutes(-90)), std::string("-1h 30m"));
        QCOMPARE(formatDurationReadable(Duration::milliseconds(1'557'660)), std::string("25m 58s"));
    }

    void percentages()
    {
        QCOMPARE(parsePercent("99.95%")->value, 99.95);
        QCOMPARE(parsePercent("100%")->value, 100.0);
        QVERIFY(!parsePercent("99.95").ok());
        QVERIFY(!parsePercent("%").ok());
        QVERIFY(parsePercent("0.9995").error().message.find("percentage") != std::string::npos);
        QCOMPARE(formatPercent(Percent{99.95}), std::string("99.95%"));
    }

    void sizesAreDecimal()
    {
        // 1 TB = 1,000 GB (decimal units, as cloud price lists use).
        QCOMPARE(parseDataSize("3TB")->gigabytes, 3000.0);
        QCOMPARE(parseDataSize("500GB")->gigabytes, 500.0);
        QCOMPARE(parseDataSize("750MB")->gigabytes, 0.75);
        QCOMPARE(parseDataSize("1.5TB")->gigabytes, 1500.0);
        QVERIFY(!parseDataSize("3T").ok());
        QVERIFY(!parseDataSize("3 TiB").ok());
        QCOMPARE(formatDataSize(DataSize{3000}), std::string("3TB"));
        QCOMPARE(formatDataSize(DataSize{1500}), std::string("1500GB"));
        QCOMPARE(formatDataSize(DataSize{0.75}), std::string("0.75GB"));
    }

    void rates()
    {
        QCOMPARE(*parseRate("50/s"), 50.0);
        QCOMPARE(*parseRate("3000/m"), 50.0);
        QCOMPARE(*parseRate("7200/h"), 2.0);
        QVERIFY(!parseRate("50").ok());
        QVERIFY(!parseRate("50/d").ok());
        QCOMPARE(formatRate(50), std::string("50/s"));
        QCOMPARE(formatRate(*parseRate("10/h")), std::string("10/h"));
        QCOMPARE(formatRate(*parseRate("90/m")), std::string("90/m"));
        QCOMPARE(formatRate(*parseRate("1.5/s")), std::string("90/m"));
        QCOMPARE(formatRate(*parseRate("7/m")), std::string("7/m"));
        QCOMPARE(formatRate(0), std::string("0/s"));
    }

    void dataRates()
    {
        QCOMPARE(parseDataRate("500GB/h")->gigabytesPerHour, 500.0);
        QCOMPARE(parseDataRate("2TB/h")->gigabytesPerHour, 2000.0);
        // 100 MB/s = 0.1 GB/s = 360 GB/h
        QCOMPARE(parseDataRate("100MB/s")->gigabytesPerHour, 360.0);
        QCOMPARE(parseDataRate("1GB/s")->gigabytesPerHour, 3600.0);
        QVERIFY(!parseDataRate("500GB").ok());
        QCOMPARE(formatDataRate(DataRate{500}), std::string("500GB/h"));
    }

    void numbers()
    {
        QCOMPARE(*parseNumber("0.05"), 0.05);
        QCOMPARE(*parseNumber("1e3"), 1000.0);
        QVERIFY(!parseNumber("nan").ok());
        QVERIFY(!parseNumber("inf").ok());
        QVERIFY(!parseNumber("12abc").ok());
        QCOMPARE(*parseInteger("42"), 42);
        QVERIFY(!parseInteger("4.2").ok());
        QVERIFY(!parseInteger("99999999999").ok());
    }

    void formattedNumbersReadBackExactly()
    {
        for (double v : {0.1, 1.0 / 3.0, 1e-7, 123456789.125, 2.5e20, 100.0 / 60.0}) {
            const std::string text = formatNumber(v);
            QCOMPARE(*parseNumber(text), v);
            QCOMPARE(parseRate(formatRate(v)).value(), v);
            QCOMPARE(parseDataSize(formatDataSize(DataSize{v}))->gigabytes, v);
        }
    }

    void durationFormattersHandleEveryInt64()
    {
        // INT64_MIN has no positive counterpart: negating it used to overflow and recurse without end.
        constexpr std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
        constexpr std::int64_t highest = std::numeric_limits<std::int64_t>::max();
        QCOMPARE(formatDuration(Duration{lowest}), std::string("-9223372036854775808ms"));
        QCOMPARE(formatDuration(Duration{highest}), std::string("9223372036854775807ms"));
        QCOMPARE(formatDurationReadable(Duration{lowest}), std::string("-106751991167d 7h 12m 56s"));
        QCOMPARE(formatDurationReadable(Duration{highest}), std::string("106751991167d 7h 12m 56s"));
        QCOMPARE(formatDurationApprox(Duration{lowest}), std::string("-≈106751991167d 7h"));
        QCOMPARE(formatDurationApprox(Duration{highest}), std::string("≈106751991167d 7h"));
        QCOMPARE(formatDurationReadable(Duration{-90'000}), std::string("-1m 30s"));
        QCOMPARE(formatDurationApprox(Duration{-(6 * 3'600'000 + 2 * 60'000 + 40'000)}), std::string("-≈6h 3m"));
        QCOMPARE(formatDuration(Duration{-5400'000}), std::string("-90m"));
        for (std::int64_t v : {lowest, lowest + 1, std::int64_t{-1}, std::int64_t{0}, std::int64_t{499}, highest - 499, highest}) {
            QVERIFY(!formatDuration(Duration{v}).empty());
            QVERIFY(!formatDurationReadable(Duration{v}).empty());
            QVERIFY(!formatDurationApprox(Duration{v}).empty());
        }
    }

    void nonFiniteAndOverflowingTextIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* t : {".nan", ".NaN", "nan", ".inf", "-.inf", "inf", "1e400", "-1e400"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }

    void nonFiniteAndOverflowingTextIsRefused()
    {
        QFETCH(QString, text);
        const std::string t = text.toStdString();
        QVERIFY(!parseNumber(t).ok());
        QVERIFY(!parseDuration(t + "s").ok());
        QVERIFY(!parsePercent(t + "%").ok());
        QVERIFY(!parseDataSize(t + "GB").ok());
        QVERIFY(!parseRate(t + "/s").ok());
        QVERIFY(!parseDataRate(t + "GB/h").ok());
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "test_units.moc"
