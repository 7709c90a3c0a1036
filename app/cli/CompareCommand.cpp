#include "AnalysisInput.h"
#include "AnalysisJson.h"
#include "Commands.h"

#include "core/analysis/StrategyComparison.h"
#include "core/io/Units.h"
#include "core/model/EnumNames.h"

#include <cstdio>
#include <iomanip>
#include <iostream>

namespace firedrill::cli {

namespace {

constexpr int kLabelWidth = 22;
constexpr int kColumnWidth = 27;

std::string money(double usd)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f USD", usd);
    return buf;
}

std::string header(const StrategyOption& o)
{
    std::string h(toName(o.strategy.kind));
    if (o.strategy.kind == StrategyKind::ActivePassiveFull && o.strategy.scaleFactor)
        h += " x" + formatNumber(*o.strategy.scaleFactor);
    if (o.current)
        h += " *";
    return h;
}

const RecoveryEstimate* estimateFor(const StrategyOption& o, DisruptionClass d)
{
    for (const auto& e : o.estimates)
        if (e.disruption == d)
            return &e;
    return nullptr;
}

std::string verdictText(const StrategyOption& o)
{
    if (o.unavailable)
        return "not possible";
    if (o.verdicts.empty())
        return "no policy";
    int breaches = 0;
    for (const auto& v : o.verdicts)
        breaches += (!v.rtoMet.value_or(true) ? 1 : 0) + (!v.rpoMet.value_or(true) ? 1 : 0);
    if (breaches == 0)
        return o.cheapestCompliant ? "met (cheapest)" : "met";
    return "breached (" + std::to_string(breaches) + ")";
}

void row(const std::string& label, const std::vector<std::string>& cells)
{
    std::cout << std::left << std::setw(kLabelWidth) << label;
    for (const auto& c : cells)
        std::cout << std::left << std::setw(kColumnWidth) << c;
    std::cout << "\n";
}

nlohmann::json optionJson(const StrategyOption& o)
{
    nlohmann::json j{{"strategy", std::string(toName(o.strategy.kind))},
                     {"current", o.current},
                     {"available", !o.unavailable.has_value()}};
    if (o.strategy.scaleFactor)
        j["scale_factor"] = *o.strategy.scaleFactor;
    if (o.unavailable) {
        j["reason"] = o.unavailable->message;
        return j;
    }
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : o.changes)
        changes.push_back(c.description);
    nlohmann::json recovery = nlohmann::json::array();
    for (const auto& e : o.estimates)
        recovery.push_back(toJson(e));
    nlohmann::json verdicts = nlohmann::json::array();
    for (const auto& v : o.verdicts)
        verdicts.push_back(toJson(v));
    j.update({{"monthly_cost", o.monthlyCost},
              {"secondary_cost", o.secondaryCost},
              {"availability", o.availability},
              {"compliant", o.compliant},
              {"cheapest_compliant", o.cheapestCompliant},
              {"changes", changes},
              {"recovery", recovery},
              {"policies", verdicts}});
    return j;
}

} // namespace

int runCompare(const CompareOptions& options)
{
    AnalysisInput in = loadForAnalysis(options.file, options.prices, options.json);
    if (in.exitCode != 0)
        return in.exitCode;
    const Topology& t = *in.document.topology;
    auto comparison = compareStrategies(t, WorkloadId{options.workload}, in.prices);
    if (!comparison) {
        std::cerr << "firedrill-cli: " << comparison.error().message << " in " << options.file << "\n";
        return ExitCode::InvalidInput;
    }
    std::optional<ParetoResult> pareto;
    if (options.pareto)
        pareto = paretoFront(t, in.prices);

    if (options.json) {
        nlohmann::json opts = nlohmann::json::array();
        for (const auto& o : comparison->options)
            opts.push_back(optionJson(o));
        nlohmann::json j{{"file", options.file},
                         {"workload", options.workload},
                         {"options", opts},
                         {"notes", comparison->notes}};
        if (comparison->cheapestCompliant)
            j["cheapest_compliant"] = std::string(toName(comparison->options[*comparison->cheapestCompliant].strategy.kind));
        if (pareto) {
            nlohmann::json points = nlohmann::json::array();
            for (const auto& p : pareto->points) {
                nlohmann::json choice = nlohmann::json::array();
                for (const auto k : p.choice)
                    choice.push_back(std::string(toName(k)));
                points.push_back({{"choice", choice},
                                  {"monthly_cost", p.monthlyCost},
                                  {"worst_region_rto", toJson(p.worstRegionRto)},
                                  {"unbounded", p.unbounded},
                                  {"on_front", p.onFront}});
            }
            j["pareto"] = {{"combinations", pareto->combinations},
                           {"truncated", pareto->truncated},
                           {"points", points},
                           {"notes", pareto->notes}};
        }
        std::cout << j.dump(2) << '\n';
        return ExitCode::Ok;
    }

    const Workload& w = *t.findWorkload(WorkloadId{options.workload});
    std::cout << "Strategies for " << w.id.str() << (w.name.empty() ? "" : " — " + w.name) << "\n\n";
    std::vector<std::string> cells;
    const auto each = [&](auto cell) {
        cells.clear();
        for (const auto& o : comparison->options)
            cells.push_back(o.unavailable ? "—" : cell(o));
        return cells;
    };
    cells.clear();
    for (const auto& o : comparison->options)
        cells.push_back(header(o));
    row("", cells);
    row("monthly cost", each([](const StrategyOption& o) { return money(o.monthlyCost); }));
    row("  secondary region", each([](const StrategyOption& o) { return money(o.secondaryCost); }));
    row("availability", each([](const StrategyOption& o) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.4f%%", o.availability * 100);
            return std::string(buf);
        }));
    for (const auto& entry : enumNames<DisruptionClass>()) {
        const DisruptionClass d = entry.value;
        row("RTO " + std::string(entry.name), each([&](const StrategyOption& o) {
                const auto* e = estimateFor(o, d);
                return !e ? std::string("?") : e->rto.unbounded ? "unbounded" : formatDurationReadable(e->rto.total);
            }));
        row("RPO " + std::string(entry.name), each([&](const StrategyOption& o) {
                const auto* e = estimateFor(o, d);
                return !e ? std::string("?") : e->rpo.unbounded ? "unbounded" : formatDurationReadable(e->rpo.total);
            }));
    }
    cells.clear();
    for (const auto& o : comparison->options)
        cells.push_back(verdictText(o));
    row("policy", cells);
    std::cout << "\n* current strategy\n";
    for (const auto& o : comparison->options) {
        std::cout << "\n" << header(o) << (o.cheapestCompliant ? "  <- cheapest that meets the policy" : "") << "\n";
        if (o.unavailable) {
            std::cout << "  not possible: " << o.unavailable->message << "\n";
            continue;
        }
        for (const auto& v : o.verdicts)
            std::cout << "  " << toName(v.policy.disruption) << ": " << v.summary << "\n";
        if (o.changes.empty())
            std::cout << "  changes: none\n";
        for (const auto& c : o.changes)
            std::cout << "  change: " << c.description << "\n";
    }
    for (const auto& n : comparison->notes)
        std::cout << "\nnote: " << n << "\n";
    if (pareto) {
        std::cout << "\nCost / region-RTO Pareto front over " << pareto->points.size() << " combination(s)\n";
        for (const auto& p : pareto->points) {
            if (!p.onFront)
                continue;
            std::string choice;
            for (std::size_t i = 0; i < p.choice.size(); ++i)
                choice += (i ? ", " : "") + t.workloads[i].id.str() + "=" + std::string(toName(p.choice[i]));
            std::cout << "  " << money(p.monthlyCost) << "  RTO " << (p.unbounded ? "unbounded" : formatDurationReadable(p.worstRegionRto))
                      << "  " << choice << "\n";
        }
        for (const auto& n : pareto->notes)
            std::cout << "  note: " << n << "\n";
    }
    return ExitCode::Ok;
}

} // namespace firedrill::cli
