#include "DrillRole.h"

#include <array>

namespace firedrill {

namespace {
struct RoleText
{
    DrillRole role;
    std::string_view name;
    std::string_view label;
    std::string_view duty;
};

constexpr std::array kRoles{
    RoleText{DrillRole::IncidentCommander, "incident-commander", "Incident commander",
             "Runs the drill: gives go / no-go, takes the failover decisions and declares the end."},
    RoleText{DrillRole::Dba, "dba", "Database administrator",
             "Checks backups and replicas, fails databases over or restores them, verifies the data."},
    RoleText{DrillRole::Network, "network", "Network engineer",
             "Handles traffic routing, DNS, health probes and links to other sites."},
    RoleText{DrillRole::ApplicationOwner, "application-owner", "Application owner",
             "Deploys, starts and scales the application and confirms it serves its users."},
    RoleText{DrillRole::Communications, "communications", "Communications lead",
             "Tells stakeholders and users what happens, when, and when it is over."},
    RoleText{DrillRole::Observer, "observer", "Observer",
             "Records the actual time of every step, the surprises and the action items."},
};

constexpr std::array kOrder{DrillRole::IncidentCommander, DrillRole::Dba,
                            DrillRole::Network,           DrillRole::ApplicationOwner,
                            DrillRole::Communications,    DrillRole::Observer};

const RoleText& textOf(DrillRole role)
{
    for (const auto& r : kRoles)
        if (r.role == role)
            return r;
    return kRoles.front();
}
} // namespace

std::string_view roleName(DrillRole role)
{
    return textOf(role).name;
}

std::optional<DrillRole> roleFromName(std::string_view name)
{
    for (const auto& r : kRoles)
        if (r.name == name)
            return r.role;
    return std::nullopt;
}

std::string_view roleLabel(DrillRole role)
{
    return textOf(role).label;
}

std::string_view roleDuty(DrillRole role)
{
    return textOf(role).duty;
}

std::span<const DrillRole> allRoles()
{
    return kOrder;
}

} // namespace firedrill
