#include "Database.h"

#include "Statement.h"

#include <cerrno>
#include <cstring>
#include <sqlite3.h>
#include <utility>

namespace firedrill {

namespace {

/// Tight limits: a workspace's schema and values are ours, so anything far beyond them is hostile.
void applyLimits(sqlite3* db)
{
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 256 * 1024 * 1024);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1'000'000);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 200);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 50);
    sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 16);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
}

/// Hardening recommended by SQLite for files from untrusted sources, applied before anything is read.
int harden(sqlite3* db)
{
    const std::pair<int, int> options[] = {
        {SQLITE_DBCONFIG_DEFENSIVE, 1},
        {SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0},
        {SQLITE_DBCONFIG_ENABLE_TRIGGER, 0},
        {SQLITE_DBCONFIG_ENABLE_VIEW, 0},
        {SQLITE_DBCONFIG_DQS_DDL, 0},
        {SQLITE_DBCONFIG_DQS_DML, 0},
        {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0},
    };
    for (const auto& [option, value] : options) {
        const int rc = sqlite3_db_config(db, option, value, nullptr);
        if (rc != SQLITE_OK)
            return rc;
    }
    applyLimits(db);
    sqlite3_busy_timeout(db, 3000);
    return sqlite3_exec(db, "PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON; PRAGMA mmap_size=0;",
                        nullptr, nullptr, nullptr);
}

/// The errno of the last failed system call on the database file or its journal (SQLite keeps it per
/// file; the connection's own copy is often 0 by the time the error surfaces), else the connection's.
int lastErrno(sqlite3* db)
{
    int error = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &error) == SQLITE_OK && error != 0)
        return error;
    sqlite3_file* journal = nullptr;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK && journal &&
        journal->pMethods) {
        error = 0;
        if (journal->pMethods->xFileControl(journal, SQLITE_FCNTL_LAST_ERRNO, &error) == SQLITE_OK && error != 0)
            return error;
    }
    return sqlite3_system_errno(db);
}

std::string fileLabel(sqlite3* db)
{
    const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
    if (!name || !*name)
        return "the in-memory database";
    return name;
}

} // namespace

Database::Database(sqlite3* db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        (void)close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database()
{
    (void)close();
}

Result<Database> Database::open(const std::filesystem::path& path, DatabaseAccess access)
{
    const int flags = access == DatabaseAccess::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    return openWith(path.string(), flags, path);
}

Result<Database> Database::openMemory()
{
    return openWith(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, {});
}

Result<Database> Database::openWith(const std::string& name, int flags, std::filesystem::path path)
{
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(name.c_str(), &raw, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc == SQLITE_OK)
        rc = harden(raw);
    if (rc != SQLITE_OK) {
        Error error = raw ? makeError(raw, rc, "opening") : Error{"io", "Could not open " + name + "."};
        if (error.code == "sql" || error.code == "io")
            error.message = "Could not open " + name + ": " + sqlite3_errstr(rc) + ".";
        sqlite3_close_v2(raw);
        return error;
    }
    return Database(raw, std::move(path));
}

Result<void> Database::exec(std::string_view sql)
{
    // sqlite3_exec needs a terminated string; copying is fine for the short statements we run.
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return makeError(m_db, rc, "running SQL");
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) const
{
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return makeError(m_db, rc, "preparing SQL");
    }
    if (!stmt)
        return Error{"sql", "Empty SQL statement for " + fileLabel(m_db) + "."};
    return Statement(stmt);
}

Result<std::int64_t> Database::pragmaInt(std::string_view pragma) const
{
    auto stmt = prepare("PRAGMA " + std::string(pragma));
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{"sql",
                     "PRAGMA " + std::string(pragma) + " returned no value for " + fileLabel(m_db) + "."};
    return stmt->columnInt64(0);
}

Result<void> Database::configureForWriting()
{
    // Passing through PERSIST makes SQLite delete, under its own lock, a journal that a writer killed
    // before the journal became hot left behind (a hot one is rolled back before this runs).
    if (auto persist = exec("PRAGMA journal_mode=PERSIST"); !persist)
        return persist;
    auto stmt = prepare("PRAGMA journal_mode=DELETE");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row || stmt->columnText(0) != "delete")
        return Error{"io", "Could not switch " + fileLabel(m_db) +
                               " to the rollback journal. Close other programs using it and try again."};
    return exec("PRAGMA synchronous=FULL");
}

Result<void> Database::backupTo(Database& destination) const
{
    sqlite3_backup* backup = sqlite3_backup_init(destination.m_db, "main", m_db, "main");
    if (!backup)
        return makeError(destination.m_db, sqlite3_extended_errcode(destination.m_db),
                         "copying the workspace");
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 50; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(100);
    }
    const int finish = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return makeError(destination.m_db, rc, "copying the workspace");
    if (finish != SQLITE_OK)
        return makeError(destination.m_db, finish, "copying the workspace");
    return {};
}

Result<void> Database::close()
{
    if (!m_db)
        return {};
    sqlite3* db = std::exchange(m_db, nullptr);
    const int rc = sqlite3_close(db);
    if (rc != SQLITE_OK) {
        Error error = makeError(db, rc, "closing");
        sqlite3_close_v2(db); // closes once the leaked statements are finalized
        return error;
    }
    return {};
}

bool Database::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

Error Database::makeError(sqlite3* db, int rc, std::string_view what)
{
    const std::string file = fileLabel(db);
    const bool current = db && sqlite3_extended_errcode(db) == rc;
    const std::string detail = current ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const std::string action(what);
    // A write refused for lack of room (ENOSPC, a quota, a file size limit) comes back as an I/O error.
    const int system = db ? lastErrno(db) : 0;
    if ((rc & 0xff) == SQLITE_IOERR && (system == ENOSPC || system == EDQUOT || system == EFBIG))
        return {"disk-full", file + ": " + action + " failed: there is not enough disk space (" +
                                 std::strerror(system) + "). Free some space, or write to another disk."};
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
        return {"corrupt", file + " is damaged (" + action + ": " + detail +
                               "). Restore it from a backup or from an exported YAML file."};
    case SQLITE_NOTADB:
        return {"not-sqlite", file + " is not an SQLite database, so it is not a Firedrill workspace."};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {"busy", file + " is busy: another program is using it (" + action + ": " + detail +
                            "). Close the other program and try again."};
    case SQLITE_READONLY:
        if (rc == SQLITE_READONLY_ROLLBACK)
            return {"needs-recovery",
                    file + " was not closed cleanly: a crash left an unfinished save in " + file +
                        "-journal. Open it for editing once to recover it, and do not delete "
                        "the journal file."};
        return {"read-only", file + " cannot be written (" + detail +
                                 "). Check its permissions, or use Save As to write a copy elsewhere."};
    case SQLITE_FULL:
        return {"disk-full", file + ": " + action + " failed: there is not enough disk space (" + detail +
                                 "). Free some space, or write to another disk."};
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
        return {"io", file + ": " + action + " failed: " + detail +
                          ". Check that the disk is not full and that you may read and write its folder."};
    default:
        return {"sql", file + ": " + action + " failed: " + detail + "."};
    }
}

} // namespace firedrill
