#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace firedrill {

/// The people a drill needs; a plan lists only the roles its design calls for.
enum class DrillRole { IncidentCommander, Dba, Network, ApplicationOwner, Communications, Observer };

/// The spelling used in plan files, e.g. "incident-commander".
std::string_view roleName(DrillRole role);
/// Parses a file spelling; nullopt when unknown.
std::optional<DrillRole> roleFromName(std::string_view name);
/// A human label such as "Incident commander".
std::string_view roleLabel(DrillRole role);
/// What the role does during a drill, in one sentence.
std::string_view roleDuty(DrillRole role);
/// All roles, in the order plans list them.
std::span<const DrillRole> allRoles();

} // namespace firedrill
