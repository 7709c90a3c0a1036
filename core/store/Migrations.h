#pragma once

#include "core/model/Result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace firedrill {

class Database;

/// One numbered schema step. `apply` runs inside a transaction owned by the runner, which also sets
/// user_version to `version` before committing. A released migration must never be edited: opening
/// compares a file's schema with the one these steps build.
struct Migration
{
    int version = 0;         ///< 1, 2, 3 ... in order
    std::string description; ///< for error messages, e.g. "add drill plans"
    std::function<Result<void>(Database&)> apply;
};

/// An ordered list of migrations; the workspace's is workspaceMigrations(), tests pass their own.
using Migrations = std::vector<Migration>;

/// A migration that only runs SQL text.
Migration sqlMigration(int version, std::string description, std::string sql);

/// The highest version in the list (0 when empty).
int latestVersion(const Migrations& migrations);

/// Checks that the versions are exactly 1, 2, ... N and that every step has an `apply`.
Result<void> checkMigrations(const Migrations& migrations);

/// Brings `db` from its user_version up to `target` (default: the latest), each step in its own
/// transaction. A failing step is rolled back completely and leaves user_version at the step before.
/// Returns the version reached. Refuses a database newer than the list ("newer-schema").
Result<int> migrate(Database& db, const Migrations& migrations, std::optional<int> target = std::nullopt);

} // namespace firedrill
