#pragma once

#include "core/model/Result.h"

#include <filesystem>

namespace firedrill {

/// An empty, uniquely named file next to a target, for building a file that then replaces the target
/// atomically. Removed (with any SQLite journal beside it) unless renamed into place.
class TempFile
{
public:
    /// Creates `<target>.tmp-<pid>-<random>` in the target's folder, with the usual permissions (umask).
    static Result<TempFile> createNextTo(const std::filesystem::path& target);
    /// Removes the temporary files (and their journals) a killed writer left next to `target`; returns how
    /// many. Only for a caller holding `target`'s lock: every writer of such files holds it while it writes.
    static int removeStale(const std::filesystem::path& target);
    /// Removes the temporary files (and journals) next to `target` whose writer is gone: regular files
    /// named `<target>.tmp-<pid>...` whose process no longer exists on this host. Safe without a lock (a
    /// live writer's pid is alive); returns how many were removed.
    static int removeAbandoned(const std::filesystem::path& target);

    TempFile(TempFile&& other) noexcept;
    TempFile& operator=(TempFile&& other) noexcept;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile();

    /// Renames the file over `target` (atomic on one file system) and syncs the folder.
    Result<void> renameTo(const std::filesystem::path& target);
    /// The temporary file's path.
    const std::filesystem::path& path() const { return m_path; }

private:
    explicit TempFile(std::filesystem::path path) : m_path(std::move(path)) {}
    void remove();

    std::filesystem::path m_path;
};

} // namespace firedrill
