#include "WorkspaceFile.h"

#include "Provenance.h"
#include "SqliteHeader.h"
#include "Statement.h"
#include "TempFile.h"
#include "TextHash.h"
#include "Transaction.h"
#include "WorkspaceProbe.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <system_error>
#include <utility>

namespace firedrill {

namespace {

/// The absolute path with symlinks resolved as far as they exist, so one file has one lock file.
Result<std::filesystem::path> resolvedTarget(const std::filesystem::path& path)
{
    std::error_code ec;
    auto resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
    if (ec)
        return Error{"io", "Could not resolve the path " + path.string() + ": " + ec.message() + "."};
    if (!std::filesystem::is_directory(resolved.parent_path(), ec))
        return Error{"io", "The folder " + resolved.parent_path().string() +
                               " does not exist. Choose an existing folder."};
    if (std::filesystem::is_directory(resolved, ec))
        return Error{"io", resolved.string() + " is a folder. Choose a file name."};
    return resolved;
}

/// Device, inode, size and modification time: enough to notice the file was replaced between checks.
struct FileIdentity
{
    struct stat info
    {
    };
    bool valid = false;

    static FileIdentity of(const std::filesystem::path& path)
    {
        FileIdentity id;
        id.valid = ::stat(path.c_str(), &id.info) == 0;
        return id;
    }
    bool sameAs(const FileIdentity& o) const
    {
        return valid && o.valid && info.st_dev == o.info.st_dev && info.st_ino == o.info.st_ino &&
               info.st_size == o.info.st_size && info.st_mtim.tv_sec == o.info.st_mtim.tv_sec &&
               info.st_mtim.tv_nsec == o.info.st_mtim.tv_nsec;
    }
};

/// Refuses ("read-only") a file this process may not change: the file must be writable, and its folder
/// too, for the lock file and SQLite's journal. Effective ids, as the writes themselves use (root may write
/// a file whose mode is 0444, but nobody writes on a read-only file system).
Result<void> checkWritable(const std::filesystem::path& path)
{
    const auto refuse = [&](int error, const std::string& what) {
        const std::string why = error == EROFS ? "it is on a read-only file system"
                                : error == EPERM ? "the " + what + " is marked immutable"
                                                 : "the " + what + "'s permissions do not allow changes";
        return Error{"read-only", path.string() + " cannot be changed: " + why + " (" + std::strerror(error) +
                                      "). Open it read-only, or use Save As to write a copy elsewhere."};
    };
    if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0 && errno != ENOENT)
        return refuse(errno, "file");
    const std::filesystem::path folder = path.parent_path();
    if (::faccessat(AT_FDCWD, folder.c_str(), W_OK, AT_EACCESS) != 0 && errno != ENOENT)
        return refuse(errno, "folder");
    return {};
}

/// Rolls back an interrupted save: a read-write connection replays the hot journal on its first read.
Result<void> recoverHotJournal(const std::filesystem::path& path)
{
    auto db = Database::open(path, DatabaseAccess::ReadWrite);
    if (!db)
        return db.error();
    if (auto version = db->pragmaInt("user_version"); !version)
        return version.error();
    return db->close();
}

/// A failure while the new file was built in its temporary file (removed again): said of `target`, the
/// file the user named, not of the temporary one; nothing at `target` was changed.
Error notWritten(const std::filesystem::path& target, const Error& cause)
{
    if (cause.code == "disk-full")
        return Error{"disk-full", "Not enough disk space to write " + target.string() +
                                      "; nothing was changed. Free some space, or save it on another disk."};
    return Error{cause.code, "Could not write " + target.string() + "; nothing was changed. (" + cause.message +
                                 ")"};
}

Result<Database> openForWriting(const std::filesystem::path& path)
{
    auto db = Database::open(path, DatabaseAccess::ReadWrite);
    if (!db)
        return db.error();
    if (auto configured = db->configureForWriting(); !configured)
        return configured.error();
    return db;
}

} // namespace

WorkspaceFile::WorkspaceFile(std::filesystem::path path, FileLock lock, Database db, OpenMode mode,
                             int schemaVersion)
    : m_path(std::move(path)), m_lock(std::move(lock)), m_db(std::move(db)), m_mode(mode),
      m_schemaVersion(schemaVersion)
{
}

WorkspaceFile& WorkspaceFile::operator=(WorkspaceFile&& other) noexcept
{
    if (this != &other) {
        (void)close();
        m_path = std::move(other.m_path);
        m_db = std::move(other.m_db);
        m_lock = std::move(other.m_lock);
        m_mode = other.m_mode;
        m_schemaVersion = other.m_schemaVersion;
        m_recovered = other.m_recovered;
    }
    return *this;
}

WorkspaceFile::~WorkspaceFile()
{
    (void)close();
}

Result<WorkspaceFile> WorkspaceFile::create(const std::filesystem::path& path, std::string_view topologyYaml,
                                            const std::string& note, const Migrations& migrations)
{
    if (auto valid = checkMigrations(migrations); !valid)
        return valid.error();
    auto target = resolvedTarget(path);
    if (!target)
        return target.error();
    auto lock = FileLock::acquire(*target);
    if (!lock)
        return lock.error();
    (void)TempFile::removeStale(*target);
    auto temp = TempFile::createNextTo(*target);
    if (!temp)
        return temp.error();

    int version = 0;
    {
        auto db = openForWriting(temp->path());
        if (!db)
            return notWritten(*target, db.error());
        auto migrated = migrate(*db, migrations);
        if (!migrated)
            return notWritten(*target, migrated.error());
        version = *migrated;
        if (auto first = insertRevision(*db, topologyYaml, note); !first)
            return notWritten(*target, first.error());
        if (auto closed = db->close(); !closed)
            return notWritten(*target, closed.error());
    }
    if (auto moved = temp->renameTo(*target); !moved)
        return moved.error();
    auto db = openForWriting(*target);
    if (!db)
        return db.error();
    return WorkspaceFile(*target, std::move(lock).value(), std::move(db).value(), OpenMode::ReadWrite,
                         version);
}

Result<WorkspaceFile> WorkspaceFile::open(const std::filesystem::path& path, OpenMode mode,
                                          const Migrations& migrations)
{
    if (auto valid = checkMigrations(migrations); !valid)
        return valid.error();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Error{"not-found",
                     path.string() + " does not exist. Check the path, or create a new workspace."};
    const std::filesystem::path canonical = std::filesystem::canonical(path, ec);
    if (ec)
        return Error{"io", "Could not resolve the path " + path.string() + ": " + ec.message() + "."};

    FileLock lock;
    if (mode == OpenMode::ReadWrite) {
        if (auto writable = checkWritable(canonical); !writable)
            return writable.error();
        auto taken = FileLock::acquire(canonical);
        if (!taken)
            return taken.error();
        lock = std::move(taken).value();
        (void)TempFile::removeStale(canonical); // left by a Save As to this path that was killed
    }
    // In write-ahead-log mode SQLite leaves -wal and -shm files beside the file even when only reading,
    // and a file refused later (damaged, foreign) would keep them: refused before SQLite sees it.
    if (auto header = SqliteHeader::read(canonical); header && header->walMode)
        return Error{"wal-mode", canonical.string() + " was left in write-ahead-log mode by another program; "
                                                      "Firedrill reads only one-file workspaces. Run "
                                                      "sqlite3 on it with PRAGMA journal_mode=DELETE, then open it "
                                                      "again."};
    auto probed = probeWorkspace(canonical, migrations);
    bool recovered = false;
    if (!probed && probed.error().code == "needs-recovery" && mode == OpenMode::ReadWrite) {
        if (auto rolledBack = recoverHotJournal(canonical); !rolledBack)
            return rolledBack.error();
        recovered = true;
        probed = probeWorkspace(canonical, migrations);
    }
    if (!probed)
        return probed.error();
    if (mode == OpenMode::ReadOnly)
        return WorkspaceFile(canonical, {}, std::move(probed->db), mode, probed->schemaVersion);

    const FileIdentity checked = FileIdentity::of(canonical);
    (void)probed->db.close();
    auto db = Database::open(canonical, DatabaseAccess::ReadWrite);
    if (!db)
        return db.error();
    if (db->isReadOnly()) // SQLite fell back to reading: a write would fail only at Save
        return Error{"read-only", canonical.string() + " cannot be changed: the system lets Firedrill only read "
                                                       "it. Open it read-only, or use Save As to write a copy "
                                                       "elsewhere."};
    if (!checked.sameAs(FileIdentity::of(canonical)))
        return Error{"io", canonical.string() + " was changed by another program while it was being opened. "
                                                "Try again."};
    if (auto configured = db->configureForWriting(); !configured)
        return configured.error();
    auto version = migrate(*db, migrations);
    if (!version)
        return version.error();
    WorkspaceFile file(canonical, std::move(lock), std::move(db).value(), mode, *version);
    file.m_recovered = recovered;
    return file;
}

Result<std::int64_t> WorkspaceFile::insertRevision(Database& db, std::string_view topologyYaml,
                                                   const std::string& note)
{
    auto transaction = Transaction::begin(db);
    if (!transaction)
        return transaction.error();
    auto insert = db.prepare("INSERT INTO revisions (saved_at, note, author, app_version, topology_yaml, "
                             "topology_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    insert->bind(1, utcTimestampNow())
        .bind(2, note)
        .bind(3, currentUserName())
        .bind(4, firedrillVersion())
        .bind(5, topologyYaml)
        .bind(6, textHash(topologyYaml));
    if (auto done = insert->run(); !done)
        return done.error();
    const std::int64_t id = db.lastInsertRowId();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return id;
}

Result<void> WorkspaceFile::requireWritable(std::string_view action) const
{
    if (!m_db.isOpen())
        return Error{"closed", "Cannot " + std::string(action) + ": the workspace is closed."};
    if (m_mode == OpenMode::ReadOnly)
        return Error{"read-only", "Cannot " + std::string(action) + ": " + m_path.string() +
                                      " was opened read-only. Open it for editing, or use Save As."};
    return {};
}

Result<std::int64_t> WorkspaceFile::appendRevision(std::string_view topologyYaml, const std::string& note)
{
    if (auto writable = requireWritable("save"); !writable)
        return writable.error();
    return insertRevision(m_db, topologyYaml, note);
}

Result<std::vector<RevisionInfo>> WorkspaceFile::revisions() const
{
    auto stmt = m_db.prepare("SELECT id, saved_at, note, author, app_version FROM revisions ORDER BY id");
    if (!stmt)
        return stmt.error();
    std::vector<RevisionInfo> out;
    auto done = stmt->forEachRow([&](const Statement& row) {
        out.push_back({row.columnInt64(0), row.columnText(1), row.columnText(2), row.columnText(3), row.columnText(4)});
    });
    if (!done)
        return done.error();
    return out;
}

Result<std::int64_t> WorkspaceFile::latestRevision() const
{
    auto stmt = m_db.prepare("SELECT max(id) FROM revisions");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row || stmt->isNull(0))
        return Error{"no-revisions", m_path.string() + " holds no saved topology yet."};
    return stmt->columnInt64(0);
}

Result<std::string> WorkspaceFile::revisionText(std::int64_t id) const
{
    auto stmt = m_db.prepare("SELECT topology_yaml, topology_hash FROM revisions WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{"no-such-revision", m_path.string() + " has no revision " + std::to_string(id) + "."};
    std::string text = stmt->columnText(0);
    if (textHash(text) != stmt->columnText(1))
        return Error{"corrupt", "Revision " + std::to_string(id) + " of " + m_path.string() +
                                    " is damaged (its checksum does not match). Restore another revision or "
                                    "a backup."};
    return text;
}

Result<std::string> WorkspaceFile::metaValue(std::string_view key) const
{
    auto stmt = m_db.prepare("SELECT value FROM meta WHERE key = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{"not-found", m_path.string() + " records no " + std::string(key) + "."};
    return stmt->columnText(0);
}

Result<void> WorkspaceFile::saveAs(const std::filesystem::path& path)
{
    // A workspace open read-only (held elsewhere, or not writable) is copied too: the copy is editable.
    if (!m_db.isOpen())
        return Error{"closed", "Cannot save a copy: the workspace is closed."};
    auto target = resolvedTarget(path);
    if (!target)
        return target.error();
    std::error_code ec;
    if (std::filesystem::equivalent(*target, m_path, ec))
        return {}; // already there: nothing to copy
    auto lock = FileLock::acquire(*target);
    if (!lock)
        return lock.error();
    (void)TempFile::removeStale(*target);
    auto temp = TempFile::createNextTo(*target);
    if (!temp)
        return temp.error();
    {
        auto copy = openForWriting(temp->path());
        if (!copy)
            return notWritten(*target, copy.error());
        if (auto copied = m_db.backupTo(*copy); !copied)
            return notWritten(*target, copied.error());
        if (auto closed = copy->close(); !closed)
            return notWritten(*target, closed.error());
    }
    if (auto moved = temp->renameTo(*target); !moved)
        return moved.error();
    auto db = openForWriting(*target);
    if (!db)
        return db.error();
    (void)m_db.close();
    m_db = std::move(db).value();
    m_lock = std::move(lock).value(); // drops the old file's lock and removes its lock file
    m_path = *target;
    m_mode = OpenMode::ReadWrite;
    return {};
}

Result<void> WorkspaceFile::close()
{
    auto closed = m_db.close();
    m_lock.release();
    return closed;
}

} // namespace firedrill
