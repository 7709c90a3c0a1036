#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace firedrill {

/// Every kind of building block a topology can contain.
enum class ComponentKind {
    TrafficManager,
    FrontDoor,
    ApplicationGateway,
    LoadBalancer,
    AppService,
    VirtualMachine,
    VmScaleSet,
    SqlDatabase,
    SqlServerAg,
    StorageAccount,
    ServiceBus,
    Queue,
    Cache,
    VpnGateway,
    ExpressRoute,
    Users,
};

/// Broad families of kinds; rules and later views group components by them.
enum class KindFamily { GlobalRouting, RegionalRouting, Compute, Data, Messaging, Link, Clients };

/// The spelling used in topology files, e.g. "sql-server-ag".
std::string_view kindName(ComponentKind kind);
/// Parses a file spelling; nullopt when unknown.
std::optional<ComponentKind> kindFromName(std::string_view name);
/// A human label such as "SQL Server Always On group".
std::string_view kindLabel(ComponentKind kind);
/// The family a kind belongs to.
KindFamily kindFamily(ComponentKind kind);
/// All kinds, in palette order.
std::span<const ComponentKind> allKinds();

/// True when components of this kind live outside any region (DNS-level routing).
bool isGlobal(ComponentKind kind);
/// True when the kind joins two regions or sites rather than living in one.
bool isLink(ComponentKind kind);
/// True when the kind holds data that replication, backups and corruption apply to.
bool holdsData(ComponentKind kind);

} // namespace firedrill
