#pragma once

#include "core/model/Topology.h"

#include <string>
#include <vector>

namespace firedrill {

/// One component's availability as used in a composite SLA, and where it came from.
struct ComponentAvailability
{
    ComponentId id;
    double availability = 1.0; ///< fraction in [0, 1]
    std::string basis;         ///< "SLA 99.95%", "MTBF 2000h, MTTR 10m per instance, 1 of 3 instances" ...
    bool assumed = false;      ///< no SLA or MTBF/MTTR was given: counted as always up
    double gainIfPerfect = 0;  ///< how much the workload's availability would rise were this component never down
};

/// The composite availability of a workload, with the formula and the figures behind it.
struct AvailabilityReport
{
    WorkloadId workload;
    double availability = 1.0;                    ///< fraction in [0, 1]
    std::string formula;                          ///< e.g. "tm × (agw-weu × web-weu ∥ agw-neu × web-neu) × sql-ag"
    std::vector<ComponentAvailability> components; ///< every component in the formula
    bool exact = true;                            ///< false when shared components were too many to condition on
    std::vector<std::string> notes;

    /// Availability as a percentage (99.94 for 0.9994).
    double percent() const { return availability * 100.0; }
    /// Number of nines: -log10(1 - availability); 99.9% is 3.
    double nines() const;
    /// Expected downtime in a 30-day month (43,200 minutes, the month cloud SLAs are stated for).
    Duration downtimePerMonth() const;
    /// Expected downtime in a 365-day year.
    Duration downtimePerYear() const;
};

/// A component's own availability: its SLA, else MTBF / (MTBF + MTTR) per instance combined over its
/// instances or replicas (1 of n; 2 of n under quorum commit), else 1 (assumed, and said so).
ComponentAvailability componentAvailability(const Component& component);

/// Composite availability of a workload from its dependency graph: series = product, redundant
/// alternatives (endpoints behind a traffic manager or front door) = 1 - product of unavailabilities;
/// components shared by several paths are conditioned on, so the result is exact.
AvailabilityReport workloadAvailability(const Topology& topology, const Workload& workload);

/// What a report lists per component beyond its availability.
enum class ImportanceDetail { Computed, Skipped };

/// workloadAvailability(), optionally without each component's gain if it were perfect (one more
/// evaluation of the expression per component): the summary strip needs only the composite figure.
AvailabilityReport workloadAvailability(const Topology& topology, const Workload& workload, ImportanceDetail detail);

/// Expected downtime over `period` at availability `a`.
Duration expectedDowntime(double availability, Duration period);

} // namespace firedrill
