#pragma once

#include "ComponentKind.h"
#include "Id.h"
#include "Quantity.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace firedrill {

/// How a traffic manager or front door chooses among its endpoints.
enum class RoutingMethod { Priority, Weighted, Performance };

/// Health probe settings: a target is marked down after `toleratedFailures` consecutive failed probes.
struct Probe
{
    Duration interval = Duration::seconds(30);
    Duration timeout = Duration::seconds(10);
    int toleratedFailures = 3;
    auto operator<=>(const Probe&) const = default;
};

/// One endpoint behind a traffic manager or front door.
struct Endpoint
{
    ComponentId target;
    std::optional<int> priority; ///< lower is preferred (priority routing)
    std::optional<int> weight;   ///< share of traffic (weighted routing)
    auto operator<=>(const Endpoint&) const = default;
};

/// Automatic scaling bounds for compute.
struct Autoscale
{
    int min = 1;
    int max = 1;
    Duration scaleOutTime = Duration::minutes(5);
    auto operator<=>(const Autoscale&) const = default;
};

/// Leader election of a worker tier: one instance holds a lease and works, the others wait to take it.
struct LeaderElection
{
    Duration lease = Duration::seconds(30); ///< a follower takes over this long after the holder is lost
    auto operator<=>(const LeaderElection&) const = default;
};

/// Where a card sits on the diagram: its top-left corner in scene units, relative to the top-left of the
/// card area of the lane, site or band that holds it. Absent: the card is laid out automatically.
struct CardPosition
{
    int x = 0;
    int y = 0;
    auto operator<=>(const CardPosition&) const = default;
};

/// The largest coordinate a card position may have (scene units).
inline constexpr int kMaxCardCoordinate = 1000000;

/// The role a database replica plays.
enum class ReplicaRole { Primary, Secondary };
/// How a secondary replica receives writes.
enum class ReplicationMode { Synchronous, Asynchronous };

/// One copy of a database (an Always On replica, a geo-replica, a failover-group member).
struct Replica
{
    ComponentId id;
    RegionId region;
    std::optional<int> zone;
    ReplicaRole role = ReplicaRole::Secondary;
    std::optional<ReplicationMode> sync; ///< secondaries only
    std::optional<Duration> lag;         ///< typical asynchronous lag
    bool readable = false;               ///< serves read-only traffic (RA-GRS, readable secondaries)
    std::optional<CardPosition> position; ///< where its card sits on the diagram (secondaries)
    auto operator<=>(const Replica&) const = default;
};

/// Whether a failover happens by itself or needs a person to decide.
enum class FailoverMode { Automatic, Manual, None };

/// Failover behaviour of a replicated data component.
struct Failover
{
    FailoverMode mode = FailoverMode::Automatic;      ///< within the region (zone / instance loss)
    std::optional<Duration> detection;                ///< time to notice the primary is gone
    std::optional<Duration> promotion;                ///< time to promote a secondary
    std::optional<FailoverMode> crossRegion;          ///< to another region
    std::optional<Duration> decision;                 ///< human decision time for a manual failover
    std::optional<Duration> gracePeriod;              ///< failover group: wait before automatic failover
    auto operator<=>(const Failover&) const = default;
};

/// Backup schedule and restore speed.
struct Backup
{
    std::optional<Duration> full;          ///< interval between full backups
    std::optional<Duration> differential;  ///< interval between differential backups
    std::optional<Duration> log;           ///< interval between log backups
    std::optional<Duration> retention;
    std::optional<DataRate> restoreRate;
    std::optional<RegionId> copyTo;        ///< backups copied to this region
    bool pointInTime = false;              ///< point-in-time restore is available
    auto operator<=>(const Backup&) const = default;
};

/// Storage account redundancy options.
enum class StorageRedundancy { Lrs, Zrs, Grs, RaGrs, Gzrs, RaGzrs };

/// A durable client-side queue that buffers outgoing messages while the broker is unreachable.
struct Outbox
{
    std::optional<int> capacity;         ///< messages it can hold
    std::optional<double> drainRate;     ///< messages per second once the broker is back
    auto operator<=>(const Outbox&) const = default;
};

/// Retry and circuit-breaker behaviour of a caller.
struct Resilience
{
    std::optional<int> retries;
    std::optional<Duration> retryDelay;
    std::optional<double> retryBackoff;   ///< each wait is this many times the previous one (absent: 1)
    std::optional<int> breakerThreshold;  ///< consecutive failures that open the breaker
    std::optional<Duration> breakerOpen;  ///< how long it stays open
    std::optional<double> breakerErrorRate; ///< share of failing calls that opens it (absent: only outright failure)
    auto operator<=>(const Resilience&) const = default;
};

/// Whether losing a dependency stops the caller (hard) or only degrades it (soft).
enum class DependencyKind { Hard, Soft };

/// A call from one component to another.
struct Dependency
{
    ComponentId target;
    DependencyKind kind = DependencyKind::Hard;
    auto operator<=>(const Dependency&) const = default;
};

/// One end of a link component: a region or an on-premises site.
using LinkEnd = std::variant<RegionId, SiteId>;

/// A component of a topology. Kind-specific properties are optional and absent when not given.
struct Component
{
    ComponentId id;
    ComponentKind kind = ComponentKind::AppService;
    std::string name;

    // Placement
    std::optional<RegionId> region;
    std::optional<SiteId> site;
    std::optional<int> zone;             ///< pinned to one zone
    std::vector<int> zones;              ///< spread over these zones (zone-redundant)
    std::optional<int> faultDomains;
    std::optional<int> updateDomains;

    // Capacity and reliability
    std::optional<int> instances;
    std::optional<double> capacityRps;   ///< per instance
    std::optional<Autoscale> autoscale;
    std::optional<LeaderElection> leaderElection; ///< compute only
    std::optional<Percent> sla;
    std::optional<Duration> mtbf;
    std::optional<Duration> mttr;
    std::optional<Duration> startupTime; ///< boot / restart time of a new instance
    std::optional<double> cost;          ///< USD per month, all instances

    std::vector<Dependency> dependsOn;
    std::optional<Resilience> resilience;

    // Routing
    std::optional<RoutingMethod> routing;
    std::optional<Probe> probe;
    std::optional<Duration> dnsTtl;
    std::vector<Endpoint> endpoints;

    // Data
    std::optional<DataSize> size;
    std::optional<double> writeRate;     ///< writes per second
    std::optional<StorageRedundancy> redundancy;
    std::optional<Duration> geoLag;      ///< typical geo-replication lag (GRS is asynchronous, no SLA)
    std::optional<int> disks;            ///< VM disks (page blobs) held; each geo-replicates on its own
    bool quorumCommit = false;           ///< primary and at least one secondary confirm each write
    std::vector<Replica> replicas;
    std::optional<Failover> failover;
    std::optional<Backup> backup;

    // Messaging
    std::optional<Outbox> outbox;

    // Links
    std::vector<LinkEnd> between;
    std::optional<Duration> latency;

    // Diagram
    std::optional<CardPosition> position; ///< where its card sits; absent: laid out automatically

    auto operator<=>(const Component&) const = default;
};

} // namespace firedrill
