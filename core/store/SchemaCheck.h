#pragma once

#include "Migrations.h"
#include "core/model/Result.h"

namespace firedrill {

class Database;

/// Compares the objects in `db`'s sqlite_master with those `migrations` build up to `version` (built
/// afresh in memory): any trigger or view, any unknown or altered table or index, or a missing one is
/// refused with "unexpected-schema". SQLite's own statistics tables are allowed.
Result<void> checkSchemaObjects(const Database& db, int version, const Migrations& migrations);

} // namespace firedrill
