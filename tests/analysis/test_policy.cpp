// Policy check: each target met or breached, by how much, and which term dominates.
#include "core/analysis/PolicyCheck.h"
#include "core/io/TopologyFile.h"

#include <QtTest>

#include <algorithm>
#include <optional>
#include <string>

using namespace firedrill;

namespace {
std::optional<Topology> sample(const char* name)
{
    auto r = loadTopologyYamlFile(std::string(FIREDRILL_SAMPLES_DIR "/") + name);
    if (!r.ok())
        return std::nullopt;
    return std::move(r.topology);
}

const PolicyVerdict* verdictFor(const std::vector<PolicyVerdict>& verdicts, DisruptionClass d)
{
    const auto it = std::find_if(verdicts.begin(), verdicts.end(),
                                 [&](const PolicyVerdict& v) { return v.policy.disruption == d; });
    return it == verdicts.end() ? nullptr : &*it;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

constexpr Duration s(std::int64_t v) { return Duration::seconds(v); }
constexpr Duration m(std::int64_t v) { return Duration::minutes(v); }
constexpr Duration h(std::int64_t v) { return Duration::hours(v); }
} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT
private slots:
    void breachedByTheManualDecision()
    {
        const auto t = sample("two-region.yaml");
        QVERIFY(t);
        const Workload& w = *t->findWorkload(WorkloadId{"sites"});
        const auto verdicts = checkPolicies(*t, w, estimateRecovery(*t, w));
        const PolicyVerdict* v = verdictFor(verdicts, DisruptionClass::Region);
        QVERIFY(v);
        // RTO target 15m; estimate max(7m40s traffic, 10s + 15m + 30s data) = 15m40s: breached by 40s.
        QCOMPARE(v->rtoMet, std::optional<bool>(false));
        QCOMPARE(v->rtoMargin, Duration{-s(40).ms});
        QCOMPARE(v->rtoDominant, std::string("decision"));
        // RPO target 1m; replica lag 5s: met with 55s to spare.
        QCOMPARE(v->rpoMet, std::optional<bool>(true));
        QCOMPARE(v->rpoMargin, s(55));
        QCOMPARE(v->rpoDominant, std::string("replication lag"));
        QVERIFY2(contains(v->summary, "RTO breached by 40s"), v->summary.c_str());
        QVERIFY2(contains(v->summary, "decision (15m) dominates"), v->summary.c_str());
        QVERIFY2(contains(v->summary, "RPO met with 55s to spare"), v->summary.c_str());
    }

    void metWithMarginAndExactly()
    {
        const auto t = sample("two-region.yaml");
        QVERIFY(t);
        const Workload& w = *t->findWorkload(WorkloadId{"sites"});
        const auto verdicts = checkPolicies(*t, w, estimateRecovery(*t, w));
        const PolicyVerdict* v = verdictFor(verdicts, DisruptionClass::Corruption);
        QVERIFY(v);
        // RTO target 8h; decision 15m + restore 3 TB / 500 GB/h = 6h: 6h15m, 1h45m to spare.
        QCOMPARE(v->rtoMet, std::optional<bool>(true));
        QCOMPARE(v->rtoMargin, h(1) + m(45));
        QCOMPARE(v->rtoDominant, std::string("restore"));
        QVERIFY2(contains(v->summary, "RTO met with 1h 45m to spare"), v->summary.c_str());
        QVERIFY2(contains(v->summary, "restore (6h) dominates"), v->summary.c_str());
        // RPO target 15m; log backups every 15m: met exactly.
        QCOMPARE(v->rpoMet, std::optional<bool>(true));
        QCOMPARE(v->rpoMargin, Duration{});
        QVERIFY2(contains(v->summary, "RPO met exactly"), v->summary.c_str());
    }

    void breachedByTheRestore()
    {
        const auto t = sample("local-failures.yaml");
        QVERIFY(t);
        const Workload& w = *t->findWorkload(WorkloadId{"intake"});
        const auto verdicts = checkPolicies(*t, w, estimateRecovery(*t, w));
        const PolicyVerdict* v = verdictFor(verdicts, DisruptionClass::Corruption);
        QVERIFY(v);
        // RTO target 4h; restore 500 GB / 100 GB/h = 5h: breached by 1h, the restore dominates.
        QCOMPARE(v->rtoMet, std::optional<bool>(false));
        QCOMPARE(v->rtoMargin, Duration{-h(1).ms});
        QVERIFY2(contains(v->summary, "RTO breached by 1h (estimate 5h, target 4h): restore (5h) dominates"),
                 v->summary.c_str());
    }

    void unboundedEstimateBreachesEveryTarget()
    {
        const auto t = sample("dr-single-region.yaml");
        QVERIFY(t);
        const Workload& w = *t->findWorkload(WorkloadId{"orders"});
        const auto verdicts = checkPolicies(*t, w, estimateRecovery(*t, w));
        const PolicyVerdict* v = verdictFor(verdicts, DisruptionClass::Region);
        QVERIFY(v);
        // Target 24h, but a single region returns only when the region does.
        QCOMPARE(v->rtoMet, std::optional<bool>(false));
        QVERIFY(v->rtoUnbounded);
        QCOMPARE(v->rpoMet, std::optional<bool>(false));
        QVERIFY(v->rpoUnbounded);
        QVERIFY2(contains(v->summary, "no recovery without outside help"), v->summary.c_str());
    }

    void policyWithoutTargets()
    {
        Policy p;
        p.disruption = DisruptionClass::Zone;
        RecoveryEstimate e;
        e.disruption = DisruptionClass::Zone;
        e.rto.total = m(5);
        e.rto.terms.push_back({"detection", m(5), "five minutes"});
        const auto v = checkPolicy(p, e);
        QVERIFY(!v.rtoMet.has_value());
        QVERIFY(!v.rpoMet.has_value());
        QCOMPARE(v.summary, std::string("no target set"));
        QCOMPARE(v.rtoDominant, std::string("detection"));
    }

    void onlyThatWorkloadsPoliciesInFileOrder()
    {
        const auto t = sample("gas-trading.yaml");
        QVERIFY(t);
        const Workload& w = *t->findWorkload(WorkloadId{"settlement"});
        const auto given = checkPolicies(*t, w, estimateRecovery(*t, w));
        // settlement has 4 of the file's 9 policies: instance, zone, region, dependency.
        QCOMPARE(given.size(), std::size_t{4});
        QCOMPARE(given[0].policy.disruption, DisruptionClass::Instance);
        QCOMPARE(given[3].policy.disruption, DisruptionClass::Dependency);
        for (const auto& v : given)
            QCOMPARE(v.policy.workload, WorkloadId{"settlement"});
        // Missing estimates are computed: the same verdicts from an empty list.
        QVERIFY(checkPolicies(*t, w, {}) == given);
    }

    void everySamplePolicyHasASummary()
    {
        for (const char* name : {"two-region.yaml", "gas-trading.yaml", "dr-redeploy.yaml", "vm-dr.yaml",
                                 "dr-reduced-shop.yaml", "local-failures.yaml"}) {
            const auto t = sample(name);
            QVERIFY(t);
            std::size_t count = 0;
            for (const auto& w : t->workloads)
                for (const auto& v : checkPolicies(*t, w, estimateRecovery(*t, w))) {
                    ++count;
                    QVERIFY2(!v.summary.empty(), name);
                    QVERIFY2(v.rtoMet.has_value() == v.policy.rto.has_value(), name);
                    QVERIFY2(v.rpoMet.has_value() == v.policy.rpo.has_value(), name);
                    if (v.rtoMet && !v.rtoUnbounded)
                        QCOMPARE(*v.rtoMet, v.rtoMargin.ms >= 0);
                }
            QCOMPARE(count, t->policies.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "test_policy.moc"
