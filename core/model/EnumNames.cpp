#include "EnumNames.h"

#include <array>

namespace firedrill {

namespace {
template <class E, std::size_t N>
std::span<const EnumName<E>> table(const std::array<EnumName<E>, N>& entries)
{
    return {entries.data(), entries.size()};
}
} // namespace

template <>
std::span<const EnumName<SiteKind>> enumNames<SiteKind>()
{
    static constexpr std::array<EnumName<SiteKind>, 2> t{{
        {SiteKind::OnPremises, "on-premises"},
        {SiteKind::OtherCloud, "other-cloud"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<RoutingMethod>> enumNames<RoutingMethod>()
{
    static constexpr std::array<EnumName<RoutingMethod>, 3> t{{
        {RoutingMethod::Priority, "priority"},
        {RoutingMethod::Weighted, "weighted"},
        {RoutingMethod::Performance, "performance"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<ReplicaRole>> enumNames<ReplicaRole>()
{
    static constexpr std::array<EnumName<ReplicaRole>, 2> t{{
        {ReplicaRole::Primary, "primary"},
        {ReplicaRole::Secondary, "secondary"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<ReplicationMode>> enumNames<ReplicationMode>()
{
    static constexpr std::array<EnumName<ReplicationMode>, 2> t{{
        {ReplicationMode::Synchronous, "synchronous"},
        {ReplicationMode::Asynchronous, "asynchronous"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<FailoverMode>> enumNames<FailoverMode>()
{
    static constexpr std::array<EnumName<FailoverMode>, 3> t{{
        {FailoverMode::Automatic, "automatic"},
        {FailoverMode::Manual, "manual"},
        {FailoverMode::None, "none"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<StorageRedundancy>> enumNames<StorageRedundancy>()
{
    static constexpr std::array<EnumName<StorageRedundancy>, 6> t{{
        {StorageRedundancy::Lrs, "LRS"},
        {StorageRedundancy::Zrs, "ZRS"},
        {StorageRedundancy::Grs, "GRS"},
        {StorageRedundancy::RaGrs, "RA-GRS"},
        {StorageRedundancy::Gzrs, "GZRS"},
        {StorageRedundancy::RaGzrs, "RA-GZRS"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<DependencyKind>> enumNames<DependencyKind>()
{
    static constexpr std::array<EnumName<DependencyKind>, 2> t{{
        {DependencyKind::Hard, "hard"},
        {DependencyKind::Soft, "soft"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<StrategyKind>> enumNames<StrategyKind>()
{
    static constexpr std::array<EnumName<StrategyKind>, 5> t{{
        {StrategyKind::SingleRegion, "single-region"},
        {StrategyKind::RedeployFromBackup, "redeploy-from-backup"},
        {StrategyKind::ActivePassiveDb, "active-passive-db"},
        {StrategyKind::ActivePassiveFull, "active-passive-full"},
        {StrategyKind::ActiveActive, "active-active"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<DisruptionClass>> enumNames<DisruptionClass>()
{
    static constexpr std::array<EnumName<DisruptionClass>, 5> t{{
        {DisruptionClass::Instance, "instance"},
        {DisruptionClass::Zone, "zone"},
        {DisruptionClass::Region, "region"},
        {DisruptionClass::Dependency, "dependency"},
        {DisruptionClass::Corruption, "corruption"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<FaultKind>> enumNames<FaultKind>()
{
    static constexpr std::array<EnumName<FaultKind>, 8> t{{
        {FaultKind::Outage, "outage"},
        {FaultKind::Crash, "crash"},
        {FaultKind::Partition, "partition"},
        {FaultKind::Degradation, "degradation"},
        {FaultKind::DependencyFailure, "dependency-failure"},
        {FaultKind::Corruption, "corruption"},
        {FaultKind::Surge, "surge"},
        {FaultKind::FaultDomain, "fault-domain"},
    }};
    return table(t);
}

template <>
std::span<const EnumName<ComponentKind>> enumNames<ComponentKind>()
{
    static constexpr std::array<EnumName<ComponentKind>, 16> t{{
        {ComponentKind::TrafficManager, "traffic-manager"},
        {ComponentKind::FrontDoor, "front-door"},
        {ComponentKind::ApplicationGateway, "application-gateway"},
        {ComponentKind::LoadBalancer, "load-balancer"},
        {ComponentKind::AppService, "app-service"},
        {ComponentKind::VirtualMachine, "vm"},
        {ComponentKind::VmScaleSet, "vm-scale-set"},
        {ComponentKind::SqlDatabase, "sql-database"},
        {ComponentKind::SqlServerAg, "sql-server-ag"},
        {ComponentKind::StorageAccount, "storage-account"},
        {ComponentKind::ServiceBus, "service-bus"},
        {ComponentKind::Queue, "queue"},
        {ComponentKind::Cache, "cache"},
        {ComponentKind::VpnGateway, "vpn-gateway"},
        {ComponentKind::ExpressRoute, "expressroute"},
        {ComponentKind::Users, "users"},
    }};
    return table(t);
}

} // namespace firedrill
