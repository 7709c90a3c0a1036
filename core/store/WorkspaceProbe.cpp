#include "WorkspaceProbe.h"

#include "SchemaCheck.h"
#include "SqliteHeader.h"
#include "Statement.h"
#include "WorkspaceSchema.h"

#include <cstdio>
#include <string>

namespace firedrill {

namespace {

std::string hex32(std::int32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(value));
    return text;
}

/// The identity and version checks, shared by the raw header and the pragmas.
Result<void> checkIdentity(const std::string& name, std::int64_t applicationId, std::int64_t userVersion,
                           const Migrations& migrations)
{
    if (applicationId != kWorkspaceApplicationId) {
        const std::string which =
            applicationId == 0
                ? std::string()
                : " (its application id is " + hex32(static_cast<std::int32_t>(applicationId)) + ")";
        return Error{"not-a-workspace", name + " is an SQLite database but not a Firedrill workspace" +
                                            which +
                                            ". Open a .firedrill file, or import a topology from YAML."};
    }
    const int known = latestVersion(migrations);
    if (userVersion > known)
        return Error{"newer-schema", name + " was written by a newer Firedrill (schema " +
                                         std::to_string(userVersion) + "); this version reads up to schema " +
                                         std::to_string(known) + ". Update Firedrill to open it."};
    if (userVersion < 1)
        return Error{"corrupt", name + " is damaged: it is marked as a Firedrill workspace but has no schema "
                                       "version. Restore it from a backup."};
    return {};
}

Result<void> quickCheck(const Database& db)
{
    auto stmt = db.prepare("PRAGMA quick_check(5)");
    if (!stmt)
        return stmt.error();
    std::string problems;
    int rows = 0;
    auto done = stmt->forEachRow([&](const Statement& row) {
        const std::string line = row.columnText(0);
        ++rows;
        if (line != "ok")
            problems += (problems.empty() ? "" : "; ") + line.substr(0, 200);
    });
    if (!done)
        return done.error();
    if (rows == 1 && problems.empty())
        return {};
    return Error{"corrupt", db.path().string() + " is damaged: SQLite's integrity check failed (" + problems +
                                "). Restore it from a backup or from an exported YAML file."};
}

} // namespace

Result<ProbedWorkspace> probeWorkspace(const std::filesystem::path& path, const Migrations& migrations)
{
    if (auto valid = checkMigrations(migrations); !valid)
        return valid.error();
    const std::string name = path.string();

    auto header = SqliteHeader::read(path);
    if (!header)
        return header.error();
    if (auto identity = checkIdentity(name, header->applicationId, header->userVersion, migrations);
        !identity)
        return identity.error();

    auto db = Database::open(path, DatabaseAccess::ReadOnly);
    if (!db)
        return db.error();
    auto applicationId = db->pragmaInt("application_id");
    if (!applicationId)
        return applicationId.error();
    auto userVersion = db->pragmaInt("user_version");
    if (!userVersion)
        return userVersion.error();
    if (auto identity = checkIdentity(name, *applicationId, *userVersion, migrations); !identity)
        return identity.error();

    if (auto sound = quickCheck(*db); !sound)
        return sound.error();
    const int version = static_cast<int>(*userVersion);
    if (auto schema = checkSchemaObjects(*db, version, migrations); !schema)
        return schema.error();
    return ProbedWorkspace{std::move(db).value(), version};
}

bool hasWorkspaceHeader(const std::filesystem::path& path)
{
    auto header = SqliteHeader::read(path);
    return header && header->applicationId == kWorkspaceApplicationId;
}

} // namespace firedrill
