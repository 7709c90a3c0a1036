// Hostile input never crashes or hangs, and each kind is refused with its own clear message.
#include "TopologyText.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <fstream>
#include <iterator>

using namespace firedrill;

namespace {

/// A "billion laughs" (tests/data/hostile): 9 levels of 9 aliases, 377 bytes that a naive walk expands to
/// 10^10 nodes.
std::string billionLaughs()
{
    std::ifstream in(FIREDRILL_TEST_DATA_DIR "/hostile/billion-laughs.yaml", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

LoadResult readHostile(const std::string& text, const ReadLimits& limits = {})
{
    return readTopologyYaml(text, "hostile.yaml", limits);
}

} // namespace

class TestYamlHostile : public QObject
{
    Q_OBJECT
private slots:
    void nonFiniteAndOverflowingNumbersAreErrorsAtTheirPlace_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* field, const char* value, const char* message) {
            QTest::addRow("%s %s", field, value) << QString::fromLatin1(field) << QString::fromLatin1(value)
                                                  << QString::fromLatin1(message);
        };
        for (const char* v : {".nan", ".inf", "-.inf", ".NaN", ".Inf", "1e400"})
            for (const char* f : {"cost", "capacity_rps"})
                row(f, v, "is not a number");
        row("cost", "1e308", "is too large");
        row("capacity_rps", "1e16", "is too large");
        row("instances", "99999999999", "'99999999999' is too large; expected a whole number from -2147483648 to 2147483647");
        row("instances", "2147483648", "'2147483648' is too large; expected a whole number from -2147483648 to 2147483647");
        row("instances", "-2147483649", "'-2147483649' is too small; expected a whole number from -2147483648 to 2147483647");
        row("instances", ".inf", "is not a whole number");
        row("sla", ".nan%", "is not a percentage");
        row("mtbf", ".inf", "is not a duration");
        row("mtbf", "1e300d", "'1e300d' is too long; a duration may be at most 104166666d");
        row("mtbf", "9.3e15ms", "'9.3e15ms' is too long; a duration may be at most 104166666d");
        row("mttr", "99999999999999d", "'99999999999999d' is too long; a duration may be at most 104166666d");
        row("mtbf", "1e99999d", "is not a duration");
        row("size", "1e300GB", "is too large");
        row("size", ".infGB", "is not a size");
        row("write_rate", "1e300/s", "is too large");
    }

    void nonFiniteAndOverflowingNumbersAreErrorsAtTheirPlace()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const std::string prefix = "firedrill: 1\nname: N\nregions:\n  - {id: weu, zones: 0}\ncomponents:\n"
                                   "  - {id: web, kind: app-service, region: weu, " + field.toStdString() + ": ";
        const auto r = readHostile(prefix + value.toStdString() + "}\n");
        QVERIFY(!r.ok());
        const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::Error && d.message.find(message.toStdString()) != std::string::npos;
        });
        QVERIFY2(it != r.diagnostics.end(), qPrintable(QString::fromStdString(r.diagnostics.front().message)));
        QCOMPARE(it->where.file, std::string("hostile.yaml"));
        QCOMPARE(it->where.line, 6);
        QCOMPARE(it->where.column, int(prefix.size() - prefix.rfind('\n')));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("billion laughs") << QByteArray::fromStdString(billionLaughs()) << QStringLiteral("too-large")
                                        << QStringLiteral("aliases included");
        QTest::newRow("alias cycle") << QByteArray("a: &x [1, *x]\n") << QStringLiteral("alias-cycle")
                                     << QStringLiteral("cycle");
        QTest::newRow("map alias cycle") << QByteArray("a: &x {b: *x}\n") << QStringLiteral("alias-cycle")
                                         << QStringLiteral("cycle");
        QTest::newRow("undefined alias") << QByteArray("a: *nowhere\n") << QString() << QStringLiteral("");
        QTest::newRow("deep flow nesting") << QByteArray(QByteArray("a: ") + QByteArray(400, '[') + QByteArray(400, ']'))
                                           << QStringLiteral("too-deep") << QStringLiteral("deeper than 64");
        QByteArray block;
        for (int i = 0; i < 100; ++i)
            block += QByteArray(i * 2, ' ') + "k" + QByteArray::number(i) + ":\n";
        QTest::newRow("deep block nesting") << block << QStringLiteral("too-deep") << QStringLiteral("deeper than 64");
        QTest::newRow("duplicate key") << QByteArray("firedrill: 1\nname: a\nname: b\n") << QStringLiteral("duplicate-key")
                                       << QStringLiteral("first given at line 2");
        QTest::newRow("invalid utf-8") << QByteArray("firedrill: 1\nname: \"caf\xC3\x28\"\n") << QStringLiteral("invalid-utf8")
                                       << QStringLiteral("invalid UTF-8");
        QTest::newRow("overlong utf-8") << QByteArray("name: \xC0\xAF\n") << QStringLiteral("invalid-utf8")
                                        << QStringLiteral("0xC0");
        QTest::newRow("utf-16 surrogate") << QByteArray("name: \xED\xA0\x80\n") << QStringLiteral("invalid-utf8")
                                          << QStringLiteral("invalid UTF-8");
        QTest::newRow("nul byte") << QByteArray("firedrill: 1\0", 13) << QStringLiteral("nul-byte")
                                  << QStringLiteral("binary");
        QTest::newRow("lone comma (loops forever in LoadAll)")
            << QByteArray(",") << QStringLiteral("syntax") << QStringLiteral("unexpected ',' outside any [list] or {map}");
        QTest::newRow("lone comma on its own line")
            << QByteArray("\n  ,\n") << QStringLiteral("syntax") << QStringLiteral("hostile.yaml:2:3: error: YAML syntax error: unexpected ','");
        QTest::newRow("utf-16 with a byte-order mark")
            << QByteArray("\xFF\xFE" "f\0i\0r\0:\0 \0" "1\0\n\0", 16) << QStringLiteral("wrong-encoding")
            << QStringLiteral("UTF-16 (little-endian) text; Firedrill reads UTF-8 only: save it with UTF-8 encoding");
        QTest::newRow("utf-16 big-endian without a byte-order mark")
            << QByteArray("\0f\0i\0r\0:\0 \0" "1\0\n", 14) << QStringLiteral("wrong-encoding")
            << QStringLiteral("UTF-16 (big-endian)");
        QTest::newRow("utf-32 with a byte-order mark") << QByteArray("\xFF\xFE\0\0" "f\0\0\0", 8)
                                                       << QStringLiteral("wrong-encoding") << QStringLiteral("UTF-32");
        QTest::newRow("several documents") << QByteArray("firedrill: 1\n---\nfiredrill: 1\n")
                                           << QStringLiteral("multiple-documents") << QStringLiteral("more than one");
        QTest::newRow("root is a list") << QByteArray("- a\n- b\n") << QStringLiteral("bad-root")
                                        << QStringLiteral("must be a map");
        QTest::newRow("root is a scalar") << QByteArray("hello\n") << QStringLiteral("bad-root")
                                          << QStringLiteral("must be a map");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty-document") << QStringLiteral("empty");
        QTest::newRow("only a comment") << QByteArray("# nothing\n") << QStringLiteral("empty-document")
                                        << QStringLiteral("empty");
        QTest::newRow("complex key") << QByteArray("? [a, b]\n: c\n") << QStringLiteral("complex-key")
                                     << QStringLiteral("plain text");
        QTest::newRow("unterminated flow") << QByteArray("a: [1, 2\n") << QStringLiteral("syntax")
                                           << QStringLiteral("YAML syntax error");
        QTest::newRow("tab indentation") << QByteArray("a:\n\t- b\n") << QString() << QString();
        QTest::newRow("binary junk") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00", 10) << QStringLiteral("invalid-utf8")
                                     << QString();
    }
    void hostile()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(QString, phrase);
        QElapsedTimer timer;
        timer.start();
        const auto r = readHostile(text.toStdString());
        QVERIFY(!r.ok());
        QVERIFY(!r.diagnostics.empty());
        QVERIFY(hasErrors(r.diagnostics));
        if (!code.isEmpty())
            QVERIFY2(!withCode(r, code.toStdString()).empty(), dump(r).constData());
        if (!phrase.isEmpty())
            QVERIFY2(dump(r).contains(phrase.toUtf8()), dump(r).constData());
        for (const auto& d : r.diagnostics)
            QCOMPARE(d.where.file, std::string("hostile.yaml"));
    }

    void errorsPointAtTheProblem()
    {
        auto r = readHostile("firedrill: 1\nname: a\nname: b\n");
        QCOMPARE(r.diagnostics[0].where.line, 3);
        QCOMPARE(r.diagnostics[0].where.column, 1);
        r = readHostile("firedrill: 1\nname: \"ok\"\ndescription: \"caf\xC3\x28\"\n");
        QCOMPARE(r.diagnostics[0].where.line, 3);
        QCOMPARE(r.diagnostics[0].where.column, 18);
    }

    void fileSizeIsCappedBeforeReading()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("big.yaml")).toStdString();
        {
            std::ofstream out(path);
            out << "firedrill: 1\ndescription: \"" << std::string(2000, 'x') << "\"\n";
        }
        ReadLimits limits;
        limits.maxBytes = 1000;
        const auto r = loadTopologyYamlFile(path, limits);
        QCOMPARE(withCode(r, "too-large").size(), std::size_t(1));
        QVERIFY(dump(r).contains("limit is 1000 bytes"));
        // The same cap applies to text handed over directly.
        QCOMPARE(withCode(readHostile(std::string(2000, ' '), limits), "too-large").size(), std::size_t(1));
    }

    void aliasLimitIsConfigurable()
    {
        ReadLimits limits;
        limits.maxNodes = 50;
        const std::string text = "a: &a [1,2,3,4,5,6,7,8,9,10]\nb: [*a, *a, *a, *a, *a]\n";
        QCOMPARE(withCode(readHostile(text, limits), "too-large").size(), std::size_t(1));
        limits.maxNodes = 1000;
        QVERIFY(withCode(readHostile(text, limits), "too-large").empty());
    }

    void missingFile()
    {
        const auto r = loadTopologyYamlFile("/nonexistent/dir/topology.yaml");
        QCOMPARE(withCode(r, "not-found").size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestYamlHostile)
#include "test_yaml_hostile.moc"
