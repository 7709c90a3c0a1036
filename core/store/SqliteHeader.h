#pragma once

#include "core/model/Result.h"

#include <cstdint>
#include <filesystem>

namespace firedrill {

/// The fields of a database file's 100-byte SQLite header that opening a workspace checks, read
/// straight from the bytes before SQLite itself touches the file.
struct SqliteHeader
{
    std::uint64_t fileSize = 0;
    std::uint32_t pageSize = 0;      ///< 512 ... 65536
    std::uint32_t declaredPages = 0; ///< in-header database size; 0 when not valid
    std::int32_t userVersion = 0;    ///< PRAGMA user_version (our schema version)
    std::int32_t applicationId = 0;  ///< PRAGMA application_id
    bool walMode = false;            ///< file format versions say write-ahead logging

    /// Reads and sanity-checks the header: "not-found", "empty-file", "not-sqlite", "corrupt" or "io".
    static Result<SqliteHeader> read(const std::filesystem::path& path);
};

} // namespace firedrill
