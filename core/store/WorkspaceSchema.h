#pragma once

#include "Migrations.h"

#include <cstdint>
#include <string_view>

namespace firedrill {

/// PRAGMA application_id of every workspace: "FDR1" in ASCII.
inline constexpr std::int32_t kWorkspaceApplicationId = 0x46445231;

/// Keys of the workspace's `meta` table.
namespace metakey {
inline constexpr std::string_view createdAt = "created_at";         ///< ISO-8601 UTC
inline constexpr std::string_view createdBy = "created_by_version"; ///< Firedrill version that created it
inline constexpr std::string_view minReaderSchema = "min_reader_schema"; ///< oldest schema reader that copes
} // namespace metakey

/// The workspace schema's migrations, oldest first. Schema 1: meta and revisions; schema 2: drill
/// plans, their versions and approval trail, schedules and drill records.
const Migrations& workspaceMigrations();

/// The schema version this build writes (the last of workspaceMigrations()).
int workspaceSchemaVersion();

/// The Firedrill version recorded in files this build writes, e.g. "0.1.0".
std::string_view firedrillVersion();

} // namespace firedrill
