#pragma once

#include "core/model/Result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;

namespace firedrill {

class Statement;

/// Whether a connection may write.
enum class DatabaseAccess { ReadOnly, ReadWrite };

/// One SQLite connection (RAII). Every connection is hardened for untrusted files: defensive mode, no
/// trusted schema, cell size checks, no memory mapping, triggers and views disabled, tight limits.
class Database
{
public:
    /// Opens an existing file; never creates one.
    static Result<Database> open(const std::filesystem::path& path, DatabaseAccess access);
    /// A private in-memory database (used to build reference schemas and in tests).
    static Result<Database> openMemory();

    Database() = default;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more statements, discarding any rows.
    Result<void> exec(std::string_view sql);
    /// Prepares exactly one statement.
    Result<Statement> prepare(std::string_view sql) const;
    /// Reads a pragma that returns one integer, e.g. "user_version".
    Result<std::int64_t> pragmaInt(std::string_view pragma) const;
    /// Sets the rollback journal (journal_mode=DELETE) and synchronous=FULL: one file on disk, durable
    /// commits. Removes a journal that is not hot (left by a writer killed early in a save).
    Result<void> configureForWriting();
    /// Copies the whole database into `destination` with the SQLite backup API.
    Result<void> backupTo(Database& destination) const;
    /// Closes the connection now (the destructor also does); reports a failure to close.
    Result<void> close();

    /// True while the connection is open.
    bool isOpen() const { return m_db != nullptr; }
    /// True when the connection was opened read-only.
    bool isReadOnly() const;
    /// The rowid of the last successful INSERT on this connection.
    std::int64_t lastInsertRowId() const;
    /// The file this connection reads (empty for in-memory databases).
    const std::filesystem::path& path() const { return m_path; }
    /// The raw handle, for code in core/store only.
    sqlite3* handle() const { return m_db; }

    /// Builds an Error for result code `rc` on `db`: the code says what kind of failure it is
    /// ("corrupt", "not-sqlite", "busy", "io", "sql"), the message names the file and the action.
    static Error makeError(sqlite3* db, int rc, std::string_view what);

private:
    Database(sqlite3* db, std::filesystem::path path);
    static Result<Database> openWith(const std::string& name, int flags, std::filesystem::path path);

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
};

} // namespace firedrill
