// YAML 1.1 merge keys ('<<: *defaults', '<<: [*a, *b]') and line endings other than LF.
#include "TopologyText.h"

using namespace firedrill;

namespace {

const Diagnostic* withMessage(const LoadResult& r, const std::string& phrase)
{
    const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(phrase) != std::string::npos; });
    return it == r.diagnostics.end() ? nullptr : &*it;
}

} // namespace

class TestYamlMerge : public QObject
{
    Q_OBJECT
private slots:
    void mergeKeyCopiesTheAnchoredMap()
    {
        const std::string text = "firedrill: 1\n"
                                 "name: t\n"
                                 "regions:\n"
                                 "  - &base {id: weu, zones: 3, pair: neu}\n"
                                 "  - <<: *base\n"
                                 "    id: neu\n"
                                 "    pair: weu\n"
                                 "components:\n"
                                 "  - {id: a, kind: app-service, region: neu, zone: 3}\n";
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY2(r.ok(), dump(r).constData());
        QVERIFY2(r.diagnostics.empty(), dump(r).constData()); // no "unknown key '<<'" any more
        const Region& neu = r.topology->regions[1];
        QCOMPARE(neu.id.str(), std::string("neu"));    // explicit keys win...
        QCOMPARE(neu.pair->str(), std::string("weu")); // ...even written after the merge key
        QCOMPARE(neu.zones, 3);                        // the rest comes from the anchored map
        // Written back without merge keys, every key in place.
        const std::string written = writeTopologyYaml(*r.topology);
        const auto again = readTopologyYaml(written, "w.yaml");
        QVERIFY2(again.ok(), dump(again).constData());
        QCOMPARE(again.topology->regions, r.topology->regions);
    }

    void earlierMapsInAListWin()
    {
        const std::string text = "firedrill: 1\n"
                                 "name: t\n"
                                 "defaults:\n"
                                 "  - &small {instances: 1, capacity_rps: 10}\n"
                                 "  - &large {instances: 8, capacity_rps: 500, cost: 9}\n"
                                 "regions:\n"
                                 "  - {id: weu}\n"
                                 "components:\n"
                                 "  - {<<: [*small, *large], id: a, kind: app-service, region: weu}\n";
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY(r.topology);
        const Component& a = r.topology->components.front();
        QCOMPARE(*a.instances, 1);
        QCOMPARE(*a.capacityRps, 10.0);
        QCOMPARE(*a.cost, 9.0); // given only by the later map
    }

    void diagnosticsPointAtTheMergedText()
    {
        // The bad value is written in the anchored map (line 4): that is where the error points.
        const std::string text = "firedrill: 1\n"
                                 "name: t\n"
                                 "regions:\n"
                                 "  - &base {id: weu, zones: many}\n"
                                 "  - {<<: *base, id: neu}\n";
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY(!r.ok());
        const Diagnostic* d = withMessage(r, "'many' is not a whole number");
        QVERIFY2(d, dump(r).constData());
        QCOMPARE(d->where.line, 4);
        QCOMPARE(d->where.column, 28);
    }

    void mergeValueMustBeAMap()
    {
        for (const char* value : {"5", "[*a, 3]", "~"}) {
            const std::string text = std::string("firedrill: 1\nx: &a {k: 1}\nregions:\n  - {<<: ") + value + ", id: weu}\n";
            const auto r = readTopologyYaml(text, "t.yaml");
            QVERIFY(!r.ok());
            QVERIFY2(!withCode(r, "bad-merge").empty(), dump(r).constData());
            QVERIFY2(withMessage(r, "expected an alias to a map, such as '<<: *defaults'"), dump(r).constData());
        }
        // A quoted "<<" is an ordinary key.
        const auto quoted = readTopologyYaml("firedrill: 1\nname: t\n\"<<\": 1\n", "t.yaml");
        QVERIFY(withMessage(quoted, "unknown key '<<'"));
    }

    void mergedAliasesStillCountTowardTheLimit()
    {
        // Billion laughs through merge keys: each level merges the one below twice over.
        std::string text = "a0: &a0 {k: [x, x, x, x, x, x, x, x, x, x]}\n";
        for (int i = 1; i < 9; ++i)
            text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " {<<: *a" + std::to_string(i - 1) +
                    ", l: [*a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
                    std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) +
                    ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
                    std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]}\n";
        const auto r = readTopologyYaml(text, "t.yaml");
        QVERIFY(!withCode(r, "too-large").empty());
    }

    void classicMacLineEndingsAreLineBreaks()
    {
        std::string text = "firedrill: 1\nname: t\nregions:\n  - id: weu\n    zones: 3\n"
                           "components:\n  - id: a\n    kind: app-service\n    region: weu\n    zone: 4\n";
        std::replace(text.begin(), text.end(), '\n', '\r');
        const auto r = readTopologyYaml(text, "mac.yaml");
        QVERIFY(r.topology);
        QCOMPARE(r.topology->regions.front().zones, 3);
        const auto unknown = withCode(r, "unknown-zone");
        QCOMPARE(unknown.size(), std::size_t(1));
        QCOMPARE(unknown.front().where.line, 10); // lines are counted at each CR
        // CR LF is unchanged.
        std::string windows = "firedrill: 1\r\nname: t\r\nregions:\r\n  - {id: weu}\r\n";
        QVERIFY2(readTopologyYaml(windows, "w.yaml").ok(), "CR LF");
    }
};

QTEST_GUILESS_MAIN(TestYamlMerge)
#include "test_yaml_merge.moc"
