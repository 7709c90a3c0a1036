#pragma once

#include "core/model/Result.h"

#include <filesystem>
#include <optional>
#include <string>

namespace firedrill {

/// Who holds a workspace open, as written in its lock file.
struct LockHolder
{
    std::string user;
    std::string host;
    long pid = 0;
    std::string since; ///< ISO-8601 UTC

    /// "alice on host build-7 (process 4242) since 2024-05-01T12:00:00.000Z".
    std::string describe() const;
};

/// An exclusive, non-blocking flock() on the side file `<target>.lock`, which names its holder.
/// The kernel drops the lock when the process dies, so a lock file nobody holds is stale and is taken over.
/// Each FileLock is a separate open file description: a second FileLock in the same process is refused too.
class FileLock
{
public:
    /// Takes the lock for `target`; fails with "locked" naming the holder, or "io".
    static Result<FileLock> acquire(const std::filesystem::path& target);
    /// The side file used for `target`: its resolved path (symlinks, `.` and `..` followed) with ".lock"
    /// appended, so every path that names the same file names the same lock.
    static std::filesystem::path lockPathFor(const std::filesystem::path& target);
    /// Parses the text of a lock file; nullopt when it is not one.
    static std::optional<LockHolder> parse(const std::string& text);

    FileLock() = default;
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

    /// Removes the lock file and drops the lock (the destructor does it too).
    void release();
    /// True while the lock is held.
    bool isHeld() const { return m_fd >= 0; }
    /// The lock file's path (empty when not held).
    const std::filesystem::path& lockPath() const { return m_path; }

private:
    FileLock(int fd, std::filesystem::path path) : m_fd(fd), m_path(std::move(path)) {}

    int m_fd = -1;
    std::filesystem::path m_path;
};

} // namespace firedrill
