// Policy presets: the built-in targets, turning a preset into policies, and the one-line text form that
// user-edited presets are kept in.
#include "core/analysis/PolicyPresets.h"

#include <QtTest>

using namespace firedrill;

class TestPolicyPresets : public QObject
{
    Q_OBJECT

private slots:
    void builtInPresetsAreOrderedStrictestFirst()
    {
        const auto& presets = builtInPolicyPresets();
        QCOMPARE(presets.size(), std::size_t(3));
        QCOMPARE(presets[0].id, std::string("mission-critical"));
        QCOMPARE(presets[1].id, std::string("business-critical"));
        QCOMPARE(presets[2].id, std::string("non-critical"));
        // Region targets: 1h / 5m, 4h / 1h, 24h / 24h.
        auto region = [](const PolicyPreset& p) {
            for (const auto& t : p.targets)
                if (t.disruption == DisruptionClass::Region)
                    return t;
            return PolicyTarget{};
        };
        QCOMPARE(region(presets[0]).rto, std::optional(Duration::hours(1)));
        QCOMPARE(region(presets[0]).rpo, std::optional(Duration::minutes(5)));
        QCOMPARE(region(presets[1]).rto, std::optional(Duration::hours(4)));
        QCOMPARE(region(presets[1]).rpo, std::optional(Duration::hours(1)));
        QCOMPARE(region(presets[2]).rto, std::optional(Duration::hours(24)));
        // Every target of a stricter preset is at most the looser one's.
        for (std::size_t i = 0; i + 1 < presets.size(); ++i)
            for (const auto& strict : presets[i].targets)
                for (const auto& loose : presets[i + 1].targets)
                    if (strict.disruption == loose.disruption && strict.rto && loose.rto)
                        QVERIFY(*strict.rto <= *loose.rto);
    }

    void policiesFromPresetNameTheWorkload()
    {
        const auto policies = policiesFromPreset(builtInPolicyPresets()[2], WorkloadId{"shop"});
        QCOMPARE(policies.size(), std::size_t(4)); // non-critical sets no dependency target
        for (const auto& p : policies)
            QCOMPARE(p.workload, WorkloadId{"shop"});
        QCOMPARE(policies[0].disruption, DisruptionClass::Instance);
        QCOMPARE(policies[0].rto, std::optional(Duration::hours(1)));
        QVERIFY(!policies[0].rpo);
    }

    void textRoundTrips()
    {
        for (const auto& preset : builtInPolicyPresets()) {
            const std::string text = policyTargetsText(preset.targets);
            const auto back = parsePolicyTargets(text);
            QVERIFY2(back.ok(), text.c_str());
            QCOMPARE(*back, preset.targets);
        }
        QCOMPARE(policyTargetsText(builtInPolicyPresets()[0].targets).substr(0, 40),
                 std::string("instance: rto 1m, rpo 0s; zone: rto 5m, "));
    }

    void textIsForgivingAboutSpacesAndOrder()
    {
        const auto t = parsePolicyTargets("  region:rto 2h ,rpo 30m;instance: rto 45s ");
        QVERIFY(t.ok());
        QCOMPARE(t->size(), std::size_t(2));
        QCOMPARE((*t)[0].disruption, DisruptionClass::Region);
        QCOMPARE((*t)[0].rto, std::optional(Duration::hours(2)));
        QCOMPARE((*t)[0].rpo, std::optional(Duration::minutes(30)));
        QCOMPARE((*t)[1].rto, std::optional(Duration::seconds(45)));
        QVERIFY(parsePolicyTargets("").ok());
    }

    void badTextSaysWhatIsWrong()
    {
        auto e = parsePolicyTargets("planet: rto 1h");
        QVERIFY(!e.ok());
        QVERIFY(e.error().message.find("not a disruption class") != std::string::npos);
        e = parsePolicyTargets("zone: rto soon");
        QVERIFY(!e.ok());
        QVERIFY(e.error().message.rfind("zone: ", 0) == 0);
        e = parsePolicyTargets("zone: eta 5m");
        QVERIFY(e.error().message.find("rto or rpo") != std::string::npos);
        e = parsePolicyTargets("zone: rto 5m; zone: rpo 0s");
        QVERIFY(e.error().message.find("twice") != std::string::npos);
        QVERIFY(!parsePolicyTargets("zone rto 5m").ok());
    }
};

QTEST_GUILESS_MAIN(TestPolicyPresets)
#include "test_policy_presets.moc"
