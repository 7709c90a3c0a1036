#include "ComponentKind.h"

#include "EnumNames.h"

#include <array>

namespace firedrill {

std::string_view kindName(ComponentKind kind)
{
    return toName(kind);
}

std::optional<ComponentKind> kindFromName(std::string_view name)
{
    return fromName<ComponentKind>(name);
}

std::string_view kindLabel(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::TrafficManager: return "Traffic Manager";
    case ComponentKind::FrontDoor: return "Front Door";
    case ComponentKind::ApplicationGateway: return "Application Gateway";
    case ComponentKind::LoadBalancer: return "Load Balancer";
    case ComponentKind::AppService: return "App Service";
    case ComponentKind::VirtualMachine: return "Virtual Machine";
    case ComponentKind::VmScaleSet: return "VM Scale Set";
    case ComponentKind::SqlDatabase: return "SQL Database";
    case ComponentKind::SqlServerAg: return "SQL Server Always On group";
    case ComponentKind::StorageAccount: return "Storage Account";
    case ComponentKind::ServiceBus: return "Service Bus";
    case ComponentKind::Queue: return "Queue";
    case ComponentKind::Cache: return "Cache";
    case ComponentKind::VpnGateway: return "VPN Gateway";
    case ComponentKind::ExpressRoute: return "ExpressRoute";
    case ComponentKind::Users: return "Users";
    }
    return "?";
}

KindFamily kindFamily(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::TrafficManager:
    case ComponentKind::FrontDoor: return KindFamily::GlobalRouting;
    case ComponentKind::ApplicationGateway:
    case ComponentKind::LoadBalancer: return KindFamily::RegionalRouting;
    case ComponentKind::AppService:
    case ComponentKind::VirtualMachine:
    case ComponentKind::VmScaleSet: return KindFamily::Compute;
    case ComponentKind::SqlDatabase:
    case ComponentKind::SqlServerAg:
    case ComponentKind::StorageAccount:
    case ComponentKind::Cache: return KindFamily::Data;
    case ComponentKind::ServiceBus:
    case ComponentKind::Queue: return KindFamily::Messaging;
    case ComponentKind::VpnGateway:
    case ComponentKind::ExpressRoute: return KindFamily::Link;
    case ComponentKind::Users: return KindFamily::Clients;
    }
    return KindFamily::Compute;
}

std::span<const ComponentKind> allKinds()
{
    static const auto kinds = [] {
        std::array<ComponentKind, 16> out{};
        std::size_t i = 0;
        for (const auto& entry : enumNames<ComponentKind>())
            out[i++] = entry.value;
        return out;
    }();
    return {kinds.data(), kinds.size()};
}

bool isGlobal(ComponentKind kind)
{
    return kindFamily(kind) == KindFamily::GlobalRouting;
}

bool isLink(ComponentKind kind)
{
    return kindFamily(kind) == KindFamily::Link;
}

bool holdsData(ComponentKind kind)
{
    return kind == ComponentKind::SqlDatabase || kind == ComponentKind::SqlServerAg ||
           kind == ComponentKind::StorageAccount || kind == ComponentKind::ServiceBus ||
           kind == ComponentKind::Queue || kind == ComponentKind::VirtualMachine;
}

} // namespace firedrill
