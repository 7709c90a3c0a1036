#pragma once

#include "ValidationContext.h"

namespace firedrill::validation {

// The checks validate() runs, one family a file. Each appends its findings to the context.

/// Format version and name (TopologyChecks.cpp).
void checkHeader(ValidationContext& ctx);
/// Ids: present, well formed and unique across regions, sites, components, replicas, workloads and
/// scenarios (TopologyChecks.cpp).
void checkIds(ValidationContext& ctx);

/// A region's zones, pair and outage rates (RegionChecks.cpp).
void checkRegion(ValidationContext& ctx, const Region& region);
/// That `zone` exists in `region`; silent when the region is unknown (reported on its own).
void checkZone(ValidationContext& ctx, const std::string& path, const RegionId& region, int zone);

/// Placement: region, site, zone(s), link ends (PlacementChecks.cpp).
void checkPlacement(ValidationContext& ctx, const Component& c, const std::string& path);
/// Instances, autoscale, SLA, reliability figures, domains (ComponentChecks.cpp).
void checkCapacity(ValidationContext& ctx, const Component& c, const std::string& path);
/// Replicas, failover, backup, outbox, storage properties (DataChecks.cpp).
void checkData(ValidationContext& ctx, const Component& c, const std::string& path);
/// Dependencies and resilience settings (ComponentChecks.cpp).
void checkDependencies(ValidationContext& ctx, const Component& c, const std::string& path);
/// Endpoints, probe and DNS TTL (RoutingChecks.cpp).
void checkRouting(ValidationContext& ctx, const Component& c, const std::string& path);

/// Cycles of hard dependencies (ComponentChecks.cpp).
void checkDependencyCycles(ValidationContext& ctx);
/// Components that route to themselves, directly or through other routers (RoutingChecks.cpp).
void checkRoutingLoops(ValidationContext& ctx);

/// A workload's entry, members and strategy (WorkloadChecks.cpp).
void checkWorkload(ValidationContext& ctx, const Workload& w);
/// Policies: known workloads, targets, one per workload and disruption (WorkloadChecks.cpp).
void checkPolicies(ValidationContext& ctx);

/// A scenario's faults and injects (ScenarioChecks.cpp).
void checkScenario(ValidationContext& ctx, const Scenario& s);

} // namespace firedrill::validation
