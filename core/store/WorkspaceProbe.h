#pragma once

#include "Database.h"
#include "Migrations.h"
#include "core/model/Result.h"

#include <filesystem>

namespace firedrill {

/// A workspace file that passed every check, still open read-only.
struct ProbedWorkspace
{
    Database db;           ///< hardened read-only connection
    int schemaVersion = 0; ///< the file's user_version
};

/// Checks a file before anything writes to it, in this order: it exists and is not empty; its SQLite
/// header is sound and carries Firedrill's application_id and a schema version `migrations` know; then,
/// opened read-only and hardened, PRAGMA quick_check passes and sqlite_master holds exactly the expected
/// objects. Never writes. Error codes: not-found, empty-file, not-sqlite, not-a-workspace, newer-schema,
/// corrupt, unexpected-schema, needs-recovery (a crash left a hot journal), io.
Result<ProbedWorkspace> probeWorkspace(const std::filesystem::path& path, const Migrations& migrations);

/// True when the file starts with an SQLite header carrying Firedrill's application_id (content sniffing).
bool hasWorkspaceHeader(const std::filesystem::path& path);

} // namespace firedrill
