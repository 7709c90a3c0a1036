#pragma once

#include "MonteCarloResult.h"

#include "core/model/Quantity.h"
#include "core/model/Topology.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace firedrill::montecarlo {

/// How often one recovery-time target of a workload was missed over the simulated years.
struct PolicyBreach
{
    DisruptionClass disruption = DisruptionClass::Region;
    Duration rtoTarget;
    std::uint64_t yearsBreached = 0;
    double probability = 0; ///< yearsBreached / years: the chance a given year breaches the target
};

/// The share of downtime one cause (a failure process owner) is responsible for.
struct DowntimeContribution
{
    std::string cause;
    double meanPerYearMs = 0;
    double share = 0; ///< of the workload's total downtime, 0..1
};

/// One bar of a regrouped downtime histogram: the years whose downtime fell in [fromMs, toMs).
struct DowntimeBar
{
    double fromMs = 0;
    double toMs = 0;
    std::uint64_t years = 0;
    double share = 0; ///< of all simulated years, 0..1
};

/// The figures people read about one workload from a Monte Carlo study: the CLI prints them and the
/// GUI shows them, so both agree.
struct AvailabilitySummary
{
    WorkloadId workload;
    std::uint64_t years = 0;
    bool hasData = false;         ///< at least one simulated year: without, no figure below means anything
    double availability = 1;      ///< implied by the mean downtime over a 365-day year; NaN without years (hasData)
    std::optional<double> nines;  ///< -log10(1 - availability); absent when there was no downtime at all
    double meanDowntimeMs = 0;
    double standardErrorMs = 0;
    double p50DowntimeMs = 0;
    double p95DowntimeMs = 0;
    double p99DowntimeMs = 0;
    std::uint64_t yearsWithDowntime = 0;
    double shareOfYearsWithDowntime = 0;    ///< yearsWithDowntime / years
    std::uint64_t yearsWithoutDowntime = 0; ///< the histogram's zero years
    std::uint64_t yearsUnderASecond = 0;    ///< some downtime, less than a second
    double shareOfYearsWithoutDowntime = 0; ///< yearsWithoutDowntime / years
    double shareOfYearsUnderASecond = 0;    ///< yearsUnderASecond / years
    std::vector<PolicyBreach> breaches;     ///< one per policy of the workload with an RTO, in topology order
    std::vector<DowntimeContribution> contributions; ///< largest share first; causes with no downtime left out
};

/// The number of nines of an availability (99.95 % gives 3.3); absent for 100 % (or more) and NaN.
std::optional<double> ninesOf(double availability);

/// The summary of workload `w` (an index into result.workloads); policies come from `topology`.
AvailabilitySummary summarizeWorkload(const MonteCarloResult& result, std::size_t w, const Topology& topology);

/// The histogram's logarithmic bins merged into `binsPerDecade` bars a decade (a divisor of
/// DowntimeHistogram::kBinsPerDecade), from the first to the last bar holding a year; zero and
/// sub-second years are not bars (see AvailabilitySummary). Empty when no year had a second of downtime.
std::vector<DowntimeBar> regroupHistogram(const DowntimeHistogram& histogram, int binsPerDecade);

} // namespace firedrill::montecarlo
