#include "StrategyComparison.h"

#include "AvailabilityReport.h"
#include "CostModel.h"

#include <algorithm>
#include <limits>

namespace firedrill {

namespace {

Strategy strategyFor(StrategyKind kind, const Workload& w)
{
    Strategy s;
    s.kind = kind;
    if (w.strategy) {
        s.primary = w.strategy->primary;
        s.secondary = w.strategy->secondary;
        s.redeployTime = w.strategy->redeployTime;
        if (kind == StrategyKind::ActivePassiveFull)
            s.scaleFactor = w.strategy->scaleFactor;
    }
    if (kind == StrategyKind::ActivePassiveFull && !s.scaleFactor)
        s.scaleFactor = kDefaultScaleFactor;
    return s;
}

const RecoveryEstimate* regionEstimate(const std::vector<RecoveryEstimate>& estimates)
{
    for (const auto& e : estimates)
        if (e.disruption == DisruptionClass::Region)
            return &e;
    return nullptr;
}

/// True when (cost, time, unbounded) of `q` dominates that of `p`: no worse in both, better in one.
bool dominates(double qCost, Duration qTime, bool qUnbounded, double pCost, Duration pTime, bool pUnbounded)
{
    const bool noWorse = qCost <= pCost && (!qUnbounded || pUnbounded) &&
                         (qUnbounded == pUnbounded ? qTime <= pTime : !qUnbounded);
    const bool better = qCost < pCost || (pUnbounded && !qUnbounded) || (qUnbounded == pUnbounded && qTime < pTime);
    return noWorse && better;
}

} // namespace

const std::vector<StrategyKind>& comparedStrategies()
{
    static const std::vector<StrategyKind> kinds{StrategyKind::RedeployFromBackup, StrategyKind::ActivePassiveDb,
                                                 StrategyKind::ActivePassiveFull, StrategyKind::ActiveActive};
    return kinds;
}

Result<StrategyComparison> compareStrategies(const Topology& topology, const WorkloadId& workload,
                                             const PriceTable& prices)
{
    const Workload* w = topology.findWorkload(workload);
    if (!w)
        return Error{"unknown-workload", "there is no workload '" + workload.str() + "'"};
    StrategyComparison out;
    out.workload = workload;
    for (const StrategyKind kind : comparedStrategies()) {
        StrategyOption option;
        option.strategy = strategyFor(kind, *w);
        option.current = w->strategy && w->strategy->kind == kind;
        auto plan = applyStrategy(topology, workload, option.strategy);
        if (!plan) {
            option.unavailable = plan.error();
            out.options.push_back(std::move(option));
            continue;
        }
        const Topology& t = plan->result;
        const Workload& applied = *t.findWorkload(workload);
        option.changes = plan->changes;
        const CostReport cost = workloadCost(t, applied, prices);
        option.monthlyCost = cost.total;
        option.secondaryCost = cost.secondaryShare;
        option.availability = workloadAvailability(t, applied).availability;
        option.estimates = estimateRecovery(t, applied);
        option.verdicts = checkPolicies(t, applied, option.estimates);
        option.compliant = std::all_of(option.verdicts.begin(), option.verdicts.end(), [](const PolicyVerdict& v) {
            return v.rtoMet.value_or(true) && v.rpoMet.value_or(true);
        });
        out.options.push_back(std::move(option));
    }
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < out.options.size(); ++i) {
        const auto& o = out.options[i];
        if (!o.unavailable && o.compliant && o.monthlyCost < best) {
            best = o.monthlyCost;
            out.cheapestCompliant = i;
        }
    }
    if (out.cheapestCompliant)
        out.options[*out.cheapestCompliant].cheapestCompliant = true;
    else
        out.notes.push_back("no strategy meets every policy target of '" + workload.str() + "'");
    return out;
}

ParetoResult paretoFront(const Topology& topology, const PriceTable& prices, std::size_t maxCombinations)
{
    ParetoResult out;
    const std::size_t n = topology.workloads.size();
    const std::size_t k = comparedStrategies().size();
    std::size_t total = 1;
    bool overflow = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (total > maxCombinations / k + 1)
            overflow = true;
        total = overflow ? total : total * k;
    }
    out.combinations = overflow ? std::numeric_limits<std::size_t>::max() : total;
    std::vector<std::vector<StrategyKind>> choices;
    if (overflow || total > maxCombinations) {
        out.truncated = true;
        out.notes.push_back("too many combinations to enumerate (" + std::to_string(k) + "^" + std::to_string(n) +
                            "); only the four uniform choices were evaluated");
        for (const StrategyKind kind : comparedStrategies())
            choices.emplace_back(n, kind);
    } else {
        for (std::size_t index = 0; index < total; ++index) {
            std::vector<StrategyKind> choice;
            std::size_t rest = index;
            for (std::size_t i = 0; i < n; ++i) {
                choice.push_back(comparedStrategies()[rest % k]);
                rest /= k;
            }
            choices.push_back(std::move(choice));
        }
    }
    for (const auto& choice : choices) {
        Topology t = topology;
        bool applicable = true;
        for (std::size_t i = 0; i < n && applicable; ++i) {
            auto plan = applyStrategy(t, topology.workloads[i].id, strategyFor(choice[i], topology.workloads[i]));
            if (!plan)
                applicable = false;
            else
                t = std::move(plan->result);
        }
        if (!applicable)
            continue;
        ParetoPoint p;
        p.choice = choice;
        p.monthlyCost = topologyCost(t, prices).total;
        for (const auto& w : t.workloads) {
            const auto estimates = estimateRecovery(t, w);
            if (const RecoveryEstimate* e = regionEstimate(estimates)) {
                p.unbounded = p.unbounded || e->rto.unbounded;
                p.worstRegionRto = std::max(p.worstRegionRto, e->rto.total);
                p.rpoUnbounded = p.rpoUnbounded || e->rpo.unbounded;
                p.worstRegionRpo = std::max(p.worstRegionRpo, e->rpo.total);
            }
        }
        out.points.push_back(std::move(p));
    }
    for (auto& p : out.points) {
        p.onFront = std::none_of(out.points.begin(), out.points.end(), [&](const ParetoPoint& q) {
            return dominates(q.monthlyCost, q.worstRegionRto, q.unbounded, p.monthlyCost, p.worstRegionRto,
                             p.unbounded);
        });
        p.onRpoFront = std::none_of(out.points.begin(), out.points.end(), [&](const ParetoPoint& q) {
            return dominates(q.monthlyCost, q.worstRegionRpo, q.rpoUnbounded, p.monthlyCost, p.worstRegionRpo,
                             p.rpoUnbounded);
        });
    }
    return out;
}

} // namespace firedrill
