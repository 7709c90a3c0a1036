#pragma once

#include "Database.h"
#include "FileLock.h"
#include "Migrations.h"
#include "WorkspaceSchema.h"
#include "core/model/Result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace firedrill {

/// Whether a workspace is opened for editing (locked, migrated) or only inspected (no lock, no writes).
enum class OpenMode { ReadWrite, ReadOnly };

/// One saved revision of the topology, without its text.
struct RevisionInfo
{
    std::int64_t id = 0;
    std::string savedAt; ///< ISO-8601 UTC
    std::string note;
    std::string author;     ///< login name of whoever saved it
    std::string appVersion; ///< Firedrill version that saved it
};

/// A `.firedrill` workspace at the SQL level: one SQLite file holding topology revisions as YAML text
/// (and, later, everything else a workspace records). Works with text, so it needs no YAML code;
/// Workspace adds the Topology conversion. Movable, not copyable.
class WorkspaceFile
{
public:
    /// Builds a new workspace with one revision in a temporary file next to `path`, then renames it over
    /// `path` (atomic), replacing any file there (callers confirm overwriting first). Refuses ("locked")
    /// when someone has `path` open.
    static Result<WorkspaceFile> create(const std::filesystem::path& path, std::string_view topologyYaml,
                                        const std::string& note,
                                        const Migrations& migrations = workspaceMigrations());
    /// Opens an existing workspace after probeWorkspace()'s checks. ReadWrite takes the lock, removes the
    /// temporary files of a Save As to this path that was killed, recovers an interrupted save and migrates
    /// an older schema forward; ReadOnly does none of that. ReadWrite is refused ("read-only") before
    /// anything is touched when this process may not write the file or create files in its folder (file
    /// permissions, a read-only file system, an immutable file): the message says which.
    static Result<WorkspaceFile> open(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWrite,
                                      const Migrations& migrations = workspaceMigrations());

    WorkspaceFile(WorkspaceFile&& other) noexcept = default;
    WorkspaceFile& operator=(WorkspaceFile&& other) noexcept;
    WorkspaceFile(const WorkspaceFile&) = delete;
    WorkspaceFile& operator=(const WorkspaceFile&) = delete;
    ~WorkspaceFile();

    /// Appends a revision in one transaction; returns its id.
    Result<std::int64_t> appendRevision(std::string_view topologyYaml, const std::string& note);
    /// All revisions, oldest first.
    Result<std::vector<RevisionInfo>> revisions() const;
    /// The id of the newest revision ("no-revisions" when there is none).
    Result<std::int64_t> latestRevision() const;
    /// The YAML text of a revision, checked against its stored hash ("no-such-revision", "corrupt").
    Result<std::string> revisionText(std::int64_t id) const;
    /// A value of the meta table, e.g. metakey::createdAt ("not-found" when absent).
    Result<std::string> metaValue(std::string_view key) const;
    /// Copies the workspace to `path` (SQLite backup API into a temporary file, then rename); from then on
    /// this object refers to, and holds the lock of, the new file, open for editing (also when this one
    /// was open read-only).
    Result<void> saveAs(const std::filesystem::path& path);
    /// Closes the file and removes the lock file (the destructor does it too).
    Result<void> close();

    /// The absolute, canonical path of the file.
    const std::filesystem::path& path() const { return m_path; }
    /// How the file was opened.
    OpenMode mode() const { return m_mode; }
    /// True when opening rolled back a save that a crash had interrupted (a hot journal was found).
    bool recoveredInterruptedSave() const { return m_recovered; }
    /// The file's schema version (user_version).
    int schemaVersion() const { return m_schemaVersion; }
    /// The connection, for later features that keep their own tables in the workspace.
    Database& database() { return m_db; }
    /// The connection, read-only use.
    const Database& database() const { return m_db; }

    /// Fails with "closed" or "read-only" ("Cannot <action>: <file> was opened read-only ...") when the
    /// workspace cannot be written now.
    Result<void> requireWritable(std::string_view action) const;

private:
    WorkspaceFile(std::filesystem::path path, FileLock lock, Database db, OpenMode mode, int schemaVersion);
    static Result<std::int64_t> insertRevision(Database& db, std::string_view topologyYaml,
                                               const std::string& note);

    std::filesystem::path m_path;
    FileLock m_lock; ///< declared before m_db: the connection closes before the lock is dropped
    Database m_db;
    OpenMode m_mode = OpenMode::ReadOnly;
    int m_schemaVersion = 0;
    bool m_recovered = false;
};

} // namespace firedrill
