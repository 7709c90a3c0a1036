#include "WorkspaceSchema.h"

#include "Database.h"
#include "Provenance.h"
#include "Statement.h"

#include <string>

#ifndef FIREDRILL_STORE_APP_VERSION
#define FIREDRILL_STORE_APP_VERSION "0.0.0-dev"
#endif

namespace firedrill {

namespace {

// Schema 1. Later features (scenarios, run results, drill plans, approvals, drill records) add their
// tables in further migrations; nothing here may change once released.
constexpr std::string_view kSchema1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    saved_at      TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    app_version   TEXT NOT NULL DEFAULT '',
    topology_yaml TEXT NOT NULL,
    topology_hash TEXT NOT NULL
);
)sql";

Result<void> applySchema1(Database& db)
{
    if (auto id = db.exec("PRAGMA application_id = " + std::to_string(kWorkspaceApplicationId)); !id)
        return id.error();
    if (auto tables = db.exec(kSchema1); !tables)
        return tables.error();
    auto insert = db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    const std::string createdAt = utcTimestampNow();
    const std::pair<std::string_view, std::string_view> rows[] = {
        {metakey::createdAt, createdAt},
        {metakey::createdBy, firedrillVersion()},
        {metakey::minReaderSchema, "1"},
    };
    for (const auto& [key, value] : rows) {
        insert->reset();
        insert->bind(1, key).bind(2, value);
        if (auto done = insert->run(); !done)
            return done.error();
    }
    return {};
}

} // namespace

const Migrations& workspaceMigrations()
{
    static const Migrations migrations = {
        Migration{1, "workspace metadata and topology revisions", applySchema1},
    };
    return migrations;
}

int workspaceSchemaVersion()
{
    return latestVersion(workspaceMigrations());
}

std::string_view firedrillVersion()
{
    return FIREDRILL_STORE_APP_VERSION;
}

} // namespace firedrill
