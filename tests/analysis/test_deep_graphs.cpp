// Valid but hostile inputs: dependency chains and router chains tens of thousands deep must be analysed
// without exhausting the stack (every graph walk uses an explicit stack), with the figures a short chain gives.
#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/CostModel.h"
#include "core/analysis/PolicyCheck.h"
#include "core/analysis/RecoveryEstimator.h"
#include "core/analysis/ServiceStructure.h"
#include "core/analysis/SpofAnalysis.h"
#include "core/analysis/WorkloadScope.h"
#include "core/io/PriceTableReader.h"
#include "core/io/TopologyFile.h"
#include "core/model/Validator.h"

#include "common/ChainTopology.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>

using namespace firedrill;

namespace {

std::string header()
{
    return "firedrill: 1\nname: Deep\nregions:\n  - {id: weu, name: West Europe, zones: 0}\ncomponents:\n";
}

std::string footer()
{
    return "workloads:\n"
           "  - {id: deep, name: Deep, entry: c0, demand_rps: 100, write_fraction: 0.1}\n"
           "policies:\n"
           "  - {workload: deep, disruption: region, rto: 1h, rpo: 5m}\n";
}

/// c0 -> c1 -> ... -> c(n-1), hard dependencies; each an app service with two instances and the given SLA.
std::string dependencyChain(int n, const std::string& sla)
{
    return header() + test::dependencyChainComponents(n, sla) + footer();
}

/// Traffic managers c0 -> c1 -> ... -> c(n-1), each routing to the next; with `spare`, every router also
/// routes to its own app service a<i>, so the structure nests two levels per router. The last routes to app.
std::string routerChain(int n, bool spare, const std::string& routerSla, const std::string& appSla)
{
    std::string text = header();
    for (int i = 0; i < n; ++i) {
        const std::string next = i + 1 < n ? "c" + std::to_string(i + 1) : "app";
        text += "  - {id: c" + std::to_string(i) + ", kind: traffic-manager, routing: priority, sla: " + routerSla +
                ", endpoints: [" + next + (spare ? ", a" + std::to_string(i) : "") + "]}\n";
        if (spare)
            text += "  - {id: a" + std::to_string(i) + ", kind: app-service, region: weu, instances: 2, capacity_rps: 10, sla: " +
                    appSla + "}\n";
    }
    text += "  - {id: app, kind: app-service, region: weu, instances: 2, capacity_rps: 10, sla: " + appSla + "}\n";
    return text + footer();
}

Topology load(const std::string& text)
{
    auto r = readTopologyYaml(text, "deep.yaml");
    if (!r.ok())
        qFatal("the generated topology does not validate");
    return *r.topology;
}

bool noErrors(const Topology& t)
{
    const auto diagnostics = validate(t);
    return std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

/// Everything `firedrill-cli analyze --pairs` computes for one workload; the availability report in `out`.
void analyzeAll(const Topology& t, AvailabilityReport& out)
{
    const Workload& w = t.workloads.front();
    const auto availability = workloadAvailability(t, w);
    const auto cost = workloadCost(t, w, builtInPriceTable());
    const auto failover = failoverCost(t, w, builtInPriceTable(), Duration::hours(24));
    const auto estimates = estimateRecovery(t, w);
    const auto verdicts = checkPolicies(t, w, estimates);
    SpofOptions options;
    options.pairs = true;
    const auto spof = findSinglePointsOfFailure(t, options);
    const auto total = topologyCost(t, builtInPriceTable());
    QVERIFY2(!estimates.empty(), "recovery estimates");
    QCOMPARE(verdicts.size(), std::size_t{1});
    QVERIFY(std::isfinite(cost.total) && std::isfinite(total.total) && std::isfinite(failover.total));
    QVERIFY(spof.domainsChecked >= 1);
    out = availability;
}

} // namespace

class TestDeepGraphs : public QObject
{
    Q_OBJECT
private slots:
    void dependencyChainOf50000()
    {
        constexpr int n = 50'000;
        const Topology t = load(dependencyChain(n, "99.99%"));
        QVERIFY(noErrors(t));
        QCOMPARE(workloadComponents(t, t.workloads.front()).size(), std::size_t(n));
        AvailabilityReport report;
        analyzeAll(t, report);
        // A series chain of n components, each available a: a^n (0.9999^50000 = e^-5.00025 = 0.6735%).
        QVERIFY(report.exact);
        QCOMPARE(report.components.size(), std::size_t(n));
        QVERIFY(std::fabs(report.availability - std::pow(0.9999, n)) < 1e-12);
        QVERIFY(report.formula.rfind("c0 × c1 × c2", 0) == 0);
        // Every component limits the chain to its own capacity: 2 instances x 100 req/s.
        QCOMPARE(servedCapacity(t, t.workloads.front(), LossSet{}), 200.0);
        // Losing the only region takes the workload down.
        const auto spof = findSinglePointsOfFailure(t);
        QCOMPARE(spof.singles.size(), std::size_t{1});
        QCOMPARE(spof.singles.front().lost.size(), std::size_t(n));
    }

    void routerChainOf20000()
    {
        constexpr int n = 20'000;
        const Topology t = load(routerChain(n, false, "99.999%", "99.9%"));
        QVERIFY(noErrors(t));
        AvailabilityReport report;
        analyzeAll(t, report);
        // Every router is in series with the next: a^n x b.
        QVERIFY(std::fabs(report.availability - std::pow(0.99999, n) * 0.999) < 1e-9); // n roundings apart
        QCOMPARE(servedCapacity(t, t.workloads.front(), LossSet{}), 20.0);
    }

    void routerChainWithSparesNestsDeeply()
    {
        // Each router: a x (1 - (1 - next) x (1 - b)): the structure is 2n levels deep.
        constexpr int n = 20'000;
        const Topology t = load(routerChain(n, true, "99.99%", "90%"));
        QVERIFY(noErrors(t));
        const WorkloadStructure s = workloadStructure(t, t.workloads.front());
        QCOMPARE(s.leaves.size(), std::size_t(2 * n + 1));
        QCOMPARE(s.expression.size(), std::size_t(4 * n + 1)); // per router: All, leaf, Any, spare; then app
        const WorkloadStructure copy = s; // copies and destroys without recursion
        QCOMPARE(copy.expression.size(), s.expression.size());
        std::vector<bool> up(s.leaves.size(), true);
        QVERIFY(evaluate(s.expression, up));
        up[s.leaves.size() - 1] = false; // a0, the first router's spare, alone does not matter: c1 serves
        QVERIFY(evaluate(s.expression, up));
        up[0] = false; // the first router does
        QVERIFY(!evaluate(s.expression, up));

        double expected = 0.9999 * (1.0 - 0.1 * 0.1); // the last router, to the app or its spare
        for (int i = n - 2; i >= 0; --i)
            expected = 0.9999 * (1.0 - (1.0 - expected) * (1.0 - 0.9));
        AvailabilityReport report;
        analyzeAll(t, report);
        QVERIFY(std::fabs(report.availability - expected) < 1e-12);
        QVERIFY(report.formula.rfind("c0 × (c1 × (c2 × ", 0) == 0);
        // Capacity adds up over the endpoints: n spares and the app, 20 req/s each.
        QCOMPARE(servedCapacity(t, t.workloads.front(), LossSet{}), 20.0 * (n + 1));
    }
};

QTEST_GUILESS_MAIN(TestDeepGraphs)
#include "test_deep_graphs.moc"
