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

// Schema 2: drill plans (docs/drill.md). Plan contents are appended as versions, never rewritten; the
// approval trail is append-only (the store offers no way to change or remove an entry).
constexpr std::string_view kSchema2 = R"sql(
CREATE TABLE drill_plans (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT NOT NULL,
    workload   TEXT NOT NULL,
    scenario   TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE drill_plan_versions (
    id        INTEGER PRIMARY KEY,
    plan_id   TEXT NOT NULL REFERENCES drill_plans (id),
    revision  INTEGER NOT NULL,
    saved_at  TEXT NOT NULL,
    author    TEXT NOT NULL DEFAULT '',
    plan_yaml TEXT NOT NULL,
    plan_hash TEXT NOT NULL
);
CREATE INDEX drill_plan_versions_by_plan ON drill_plan_versions (plan_id, revision);
CREATE TABLE drill_approvals (
    id         INTEGER PRIMARY KEY,
    plan_id    TEXT NOT NULL REFERENCES drill_plans (id),
    position   INTEGER NOT NULL,
    revision   INTEGER NOT NULL,
    action     TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    who        TEXT NOT NULL,
    at         TEXT NOT NULL,
    comment    TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
);
CREATE TABLE drill_schedules (
    id          TEXT PRIMARY KEY NOT NULL,
    plan_id     TEXT NOT NULL REFERENCES drill_plans (id),
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    start       TEXT NOT NULL,
    recurrence  TEXT NOT NULL,
    length_ms   INTEGER NOT NULL,
    location    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE drill_schedule_participants (
    schedule_id TEXT NOT NULL REFERENCES drill_schedules (id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL,
    PRIMARY KEY (schedule_id, position)
);
CREATE TABLE drill_records (
    id            INTEGER PRIMARY KEY,
    plan_id       TEXT NOT NULL REFERENCES drill_plans (id),
    plan_revision INTEGER NOT NULL,
    saved_at      TEXT NOT NULL,
    fault_start   TEXT NOT NULL,
    measured_rto_ms INTEGER,
    measured_rpo_ms INTEGER
);
CREATE TABLE drill_record_steps (
    record_id   INTEGER NOT NULL REFERENCES drill_records (id),
    step        INTEGER NOT NULL,
    started_ms  INTEGER,
    finished_ms INTEGER,
    outcome     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, step)
);
CREATE TABLE drill_record_notes (
    record_id INTEGER NOT NULL REFERENCES drill_records (id),
    kind      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (record_id, kind, position)
);
CREATE TABLE drill_action_items (
    record_id INTEGER NOT NULL REFERENCES drill_records (id),
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    owner     TEXT NOT NULL DEFAULT '',
    due       TEXT,
    done      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (record_id, position)
);
)sql";

} // namespace

const Migrations& workspaceMigrations()
{
    static const Migrations migrations = {
        Migration{1, "workspace metadata and topology revisions", applySchema1},
        sqlMigration(2, "drill plans, approvals, schedules and records", std::string(kSchema2)),
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
