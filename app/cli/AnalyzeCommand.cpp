#include "AnalysisInput.h"
#include "AnalysisJson.h"
#include "Commands.h"

#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace firedrill::cli {

namespace {

std::string money(double usd)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", usd);
    std::string s = buf;
    // thousands separators on the integer part
    const auto dot = s.find('.');
    for (auto i = static_cast<long>(dot) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return s + " USD";
}

std::string percent(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f%%", fraction * 100.0);
    return buf;
}

std::string estimateText(const TimeEstimate& e)
{
    return e.unbounded ? "unbounded" : formatDurationReadable(e.total);
}

void printEstimate(const char* what, const TimeEstimate& e)
{
    std::cout << "        " << what << " " << estimateText(e);
    if (!e.terms.empty() && e.combination != "sum")
        std::cout << " (" << e.combination << ")";
    std::cout << "\n";
    for (const auto& t : e.terms)
        std::cout << "          + " << t.label << " " << formatDurationReadable(t.value) << ": " << t.detail << "\n";
    for (const auto& n : e.notes)
        std::cout << "          note: " << n << "\n";
}

void printWorkload(const Topology& t, const Workload& w, const PriceTable& prices, const AnalyzeOptions& o,
                   nlohmann::json& out)
{
    const auto availability = workloadAvailability(t, w);
    const auto cost = workloadCost(t, w, prices);
    const auto failover = failoverCost(t, w, prices, Duration{static_cast<std::int64_t>(std::llround(o.failoverHours * 3.6e6))});
    const auto estimates = estimateRecovery(t, w);
    const auto verdicts = checkPolicies(t, w, estimates);
    const std::string strategy = w.strategy ? std::string(toName(w.strategy->kind)) : "single-region";

    if (o.json) {
        nlohmann::json recovery = nlohmann::json::array();
        for (const auto& e : estimates)
            recovery.push_back(toJson(e));
        nlohmann::json policies = nlohmann::json::array();
        for (const auto& v : verdicts)
            policies.push_back(toJson(v));
        out.push_back({{"id", w.id.str()},
                       {"name", w.name},
                       {"strategy", strategy},
                       {"demand_rps", w.demandRps},
                       {"availability", toJson(availability)},
                       {"cost", toJson(cost)},
                       {"failover_cost", toJson(failover)},
                       {"recovery", recovery},
                       {"policies", policies}});
        return;
    }
    std::cout << "\nWorkload " << w.id.str() << (w.name.empty() ? "" : " — " + w.name) << " (" << strategy << ", "
              << formatNumber(w.demandRps) << " req/s)\n";
    std::cout << "  Availability  " << percent(availability.availability);
    if (!std::isinf(availability.nines()))
        std::cout << " (" << formatNumber(std::round(availability.nines() * 100) / 100) << " nines)";
    std::cout << " · expected downtime " << formatDurationReadable(availability.downtimePerMonth()) << " a month, "
              << formatDurationReadable(availability.downtimePerYear()) << " a year\n";
    std::cout << "    formula: " << availability.formula << "\n";
    for (const auto& c : availability.components)
        std::cout << "    " << c.id.str() << " " << percent(c.availability) << " — " << c.basis << "\n";
    for (const auto& n : availability.notes)
        std::cout << "    note: " << n << "\n";

    std::cout << "  Cost          " << money(cost.total) << " a month (secondary region " << money(cost.secondaryShare)
              << ")\n";
    for (const auto& l : cost.lines)
        std::cout << "    " << l.component.str() << (l.replica ? "/" + l.replica->str() : "") << " "
                  << money(l.monthly) << (l.secondary ? " [secondary]" : "") << " — " << l.basis << "\n";
    std::cout << "    failover for " << formatDurationReadable(failover.duration) << ": +" << money(failover.total)
              << " (" << money(failover.extraPerHour) << " an hour)\n";

    std::cout << "  Estimated recovery\n";
    for (const auto& e : estimates) {
        std::cout << "    " << toName(e.disruption) << ": " << e.situation << "\n";
        printEstimate("RTO", e.rto);
        printEstimate("RPO", e.rpo);
        std::cout << "        RPO expected " << formatDurationReadable(e.rpoExpected) << "\n";
    }
    std::cout << "  Policies\n";
    if (verdicts.empty())
        std::cout << "    none set\n";
    for (const auto& v : verdicts)
        std::cout << "    " << toName(v.policy.disruption) << ": " << v.summary << "\n";
}

} // namespace

int runAnalyze(const AnalyzeOptions& options)
{
    AnalysisInput in = loadForAnalysis(options.file, options.prices, options.json);
    if (in.exitCode != 0)
        return in.exitCode;
    const Topology& t = *in.document.topology;
    if (!options.workload.empty() && !t.findWorkload(WorkloadId{options.workload})) {
        std::cerr << "firedrill-cli: there is no workload '" << options.workload << "' in " << options.file << "\n";
        return ExitCode::InvalidInput;
    }
    if (!options.json)
        std::cout << t.name << "\n";
    nlohmann::json workloads = nlohmann::json::array();
    for (const auto& w : t.workloads)
        if (options.workload.empty() || w.id.str() == options.workload)
            printWorkload(t, w, in.prices, options, workloads);

    SpofOptions spofOptions;
    spofOptions.pairs = options.pairs;
    if (!options.workload.empty())
        spofOptions.workload = WorkloadId{options.workload};
    const auto spof = findSinglePointsOfFailure(t, spofOptions);
    const auto total = topologyCost(t, in.prices);
    if (options.json) {
        std::cout << nlohmann::json{{"file", options.file},
                                    {"name", t.name},
                                    {"prices", {{"date", in.prices.date()}, {"source", in.prices.source()}, {"currency", in.prices.currency()}}},
                                    {"workloads", workloads},
                                    {"single_points_of_failure", toJson(spof)},
                                    {"cost", toJson(total)}}
                         .dump(2)
                  << '\n';
        return ExitCode::Ok;
    }
    std::cout << "\nSingle points of failure (" << spof.domainsChecked << " failure domains checked)\n";
    if (spof.singles.empty())
        std::cout << "  none\n";
    const auto printFindings = [](const std::vector<SpofFinding>& list) {
        for (const auto& f : list) {
            std::string label;
            for (const auto& d : f.domains)
                label += (label.empty() ? "" : " + ") + d.label();
            std::cout << "  " << label << "\n";
            for (const auto& i : f.impacts)
                std::cout << "    " << i.explanation << "\n";
            if (!f.lost.empty()) {
                std::cout << "    lost:";
                for (const auto& c : f.lost)
                    std::cout << " " << c.str();
                std::cout << "\n";
            }
        }
    };
    printFindings(spof.singles);
    if (spof.pairsChecked) {
        std::cout << "Pairs of failures that matter\n";
        if (spof.pairs.empty())
            std::cout << "  none\n";
        printFindings(spof.pairs);
    }
    for (const auto& n : spof.notes)
        std::cout << "  note: " << n << "\n";
    std::cout << "\nTotal cost " << money(total.total) << " a month";
    if (!total.secondaryRegions.empty())
        std::cout << " (secondary regions " << money(total.secondaryShare) << ")";
    std::string source = in.prices.source();
    while (!source.empty() && std::isspace(static_cast<unsigned char>(source.back())))
        source.pop_back();
    std::cout << "\n  prices (" << in.prices.date() << "): " << source << "\n";
    return ExitCode::Ok;
}

} // namespace firedrill::cli
