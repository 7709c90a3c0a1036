#pragma once

#include "WorkspaceFile.h"
#include "core/model/Result.h"
#include "core/model/Topology.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace firedrill {

/// A `.firedrill` workspace: the document of record. Each save appends a revision holding the topology as
/// canonical YAML; history is never rewritten. Movable, not copyable; closes and unlocks on destruction.
///
/// Error codes: not-found, empty-file, not-sqlite, not-a-workspace, newer-schema, corrupt,
/// unexpected-schema, needs-recovery, locked, read-only, no-such-revision, invalid-topology, io.
class Workspace
{
public:
    /// Creates a workspace whose first revision is `topology` (atomic: temporary file, then rename),
    /// replacing any file at `path`; "locked" when another Workspace has it open.
    static Result<Workspace> create(const std::filesystem::path& path, const Topology& topology,
                                    const std::string& note);
    /// Opens a workspace after checking it (see probeWorkspace()); ReadWrite also locks it.
    static Result<Workspace> open(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWrite);
    /// Sniffs the header: an SQLite file carrying Firedrill's application_id. Reads 100 bytes, writes
    /// nothing.
    static bool isWorkspaceFile(const std::filesystem::path& path);

    /// The topology of the newest revision. A topology that does not validate is still returned (run
    /// validate() for its problems); only one that cannot be built at all is an error.
    Result<Topology> currentTopology() const;
    /// Appends a revision with `note`; returns its id.
    Result<std::int64_t> save(const Topology& topology, const std::string& note);
    /// Every revision, oldest first.
    Result<std::vector<RevisionInfo>> revisions() const;
    /// The topology as it was saved in `revision`.
    Result<Topology> topologyAt(std::int64_t revision) const;
    /// Makes `revision` current again by appending a copy noted "Restored revision N"; returns the new id.
    Result<std::int64_t> restore(std::int64_t revision);
    /// Writes a copy to `path` atomically; the workspace then refers to (and locks) the new file.
    Result<void> saveAs(const std::filesystem::path& path);
    /// Closes and unlocks now, reporting any failure (the destructor does it silently).
    Result<void> close();

    /// The workspace's absolute file path.
    const std::filesystem::path& path() const { return m_file.path(); }
    /// The schema version of the file.
    int schemaVersion() const { return m_file.schemaVersion(); }
    /// How the workspace was opened.
    OpenMode mode() const { return m_file.mode(); }
    /// The SQL-level file, for features that keep their own tables in the workspace.
    WorkspaceFile& file() { return m_file; }
    /// The SQL-level file, read-only use.
    const WorkspaceFile& file() const { return m_file; }

private:
    explicit Workspace(WorkspaceFile file) : m_file(std::move(file)) {}
    Result<Topology> parse(std::int64_t revision, const std::string& text) const;

    WorkspaceFile m_file;
};

} // namespace firedrill
