#pragma once

#include "Id.h"
#include "Quantity.h"

#include <optional>
#include <string>
#include <vector>

namespace firedrill {

/// What a fault does to its target.
/// `FaultDomain` takes out one fault domain (rack) of a compute component: the instances placed in it.
enum class FaultKind { Outage, Crash, Partition, Degradation, DependencyFailure, Corruption, Surge, FaultDomain };

/// What a fault hits: one component, a whole region, one zone of a region, or a site.
struct FaultTarget
{
    enum class Scope { Component, Region, Zone, Site };
    Scope scope = Scope::Component;
    std::string id;            ///< component, region or site id
    std::optional<int> zone;   ///< zone number when scope is Zone
    auto operator<=>(const FaultTarget&) const = default;
};

/// One fault in a scenario, starting `at` after the scenario begins.
struct Fault
{
    Duration at;
    FaultTarget target;
    FaultKind kind = FaultKind::Outage;
    std::optional<Duration> length;        ///< "for:"; absent means until the end of the scenario
    std::optional<Duration> detectedAfter; ///< corruption: when someone notices
    std::optional<Duration> latency;       ///< degradation: added latency
    std::optional<double> errorRate;       ///< degradation: share of failed requests, [0, 1]
    std::optional<double> multiplier;      ///< surge: demand multiplier
    std::optional<int> domain;             ///< fault-domain: which fault domain of the target (0-based)
    auto operator<=>(const Fault&) const = default;
};

/// A pause point for a drill run in a room: the replay stops at `at` and shows `prompt` to the team
/// ("The primary is unreachable. What do you do now?"); the trainer continues when they have answered.
struct Inject
{
    Duration at;
    std::string prompt;
    auto operator<=>(const Inject&) const = default;
};

/// A named outage story to replay.
struct Scenario
{
    ScenarioId id;
    std::string name;
    Duration duration = Duration::hours(1);
    std::optional<std::uint64_t> seed;
    std::vector<Fault> faults;
    std::vector<Inject> injects; ///< pause points, in time order
    auto operator<=>(const Scenario&) const = default;
};

} // namespace firedrill
