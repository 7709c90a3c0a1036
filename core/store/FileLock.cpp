#include "FileLock.h"

#include "Provenance.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace firedrill {

namespace {

constexpr std::string_view kFirstLine = "firedrill-lock 1";

std::string errnoText(int error)
{
    return std::strerror(error);
}

/// Reads at most 4 KiB: a lock file is a few short lines.
std::string readSmall(int fd)
{
    std::string text(4096, '\0');
    const ssize_t got = pread(fd, text.data(), text.size(), 0);
    text.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return text;
}

bool writeAll(int fd, const std::string& text)
{
    if (ftruncate(fd, 0) != 0)
        return false;
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t wrote = pwrite(fd, text.data() + done, text.size() - done, static_cast<off_t>(done));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return false;
        done += static_cast<std::size_t>(wrote);
    }
    return true;
}

/// True when `fd` is still the file at `path` (a previous holder may have unlinked it meanwhile).
bool sameFile(int fd, const std::filesystem::path& path)
{
    struct stat opened
    {
    };
    struct stat named
    {
    };
    return fstat(fd, &opened) == 0 && lstat(path.c_str(), &named) == 0 && opened.st_dev == named.st_dev &&
           opened.st_ino == named.st_ino;
}

} // namespace

std::string LockHolder::describe() const
{
    return user + " on host " + host + " (process " + std::to_string(pid) + ") since " + since;
}

std::filesystem::path FileLock::lockPathFor(const std::filesystem::path& target)
{
    // Keyed on the resolved file, not the spelling: a symlink, a relative or a `..` path to the same
    // workspace must meet the same lock file.
    std::error_code ec;
    std::filesystem::path lock = std::filesystem::weakly_canonical(std::filesystem::absolute(target, ec), ec);
    if (ec || lock.empty())
        lock = target;
    lock += ".lock";
    return lock;
}

std::optional<LockHolder> FileLock::parse(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kFirstLine)
        return std::nullopt;
    LockHolder holder;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        const std::string key = line.substr(0, eq);
        const std::string value = line.substr(eq + 1);
        if (key == "user")
            holder.user = value;
        else if (key == "host")
            holder.host = value;
        else if (key == "pid")
            holder.pid = std::strtol(value.c_str(), nullptr, 10);
        else if (key == "since")
            holder.since = value;
    }
    return holder;
}

Result<FileLock> FileLock::acquire(const std::filesystem::path& target)
{
    const std::filesystem::path lockPath = lockPathFor(target);
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0) {
            const int error = errno;
            return Error{"io", "Could not create the lock file " + lockPath.string() + " (" +
                                   errnoText(error) + "). Open " + target.string() +
                                   " read-only, or copy it to a folder you may write to."};
        }
        int rc = 0;
        do
            rc = flock(fd, LOCK_EX | LOCK_NB);
        while (rc != 0 && errno == EINTR);
        if (rc != 0) {
            const int error = errno;
            const std::string text = readSmall(fd);
            ::close(fd);
            if (error != EWOULDBLOCK)
                return Error{"io", "Could not lock " + lockPath.string() + " (" + errnoText(error) + ")."};
            const auto holder = parse(text);
            const std::string who = holder ? "by " + holder->describe() : "by another Firedrill";
            return Error{"locked", target.string() + " is already open " + who +
                                       ". Close it there first, or open it read-only."};
        }
        if (!sameFile(fd, lockPath)) {
            ::close(fd); // the previous holder removed this lock file as we opened it: start again
            continue;
        }
        const std::string text = std::string(kFirstLine) + "\nuser=" + currentUserName() +
                                 "\nhost=" + currentHostName() + "\npid=" + std::to_string(getpid()) +
                                 "\nsince=" + utcTimestampNow() + "\n";
        if (!writeAll(fd, text)) {
            const int error = errno;
            ::unlink(lockPath.c_str());
            ::close(fd);
            return Error{"io", "Could not write the lock file " + lockPath.string() + " (" +
                                   errnoText(error) + "). Check that the disk is not full."};
        }
        return FileLock(fd, lockPath);
    }
    return Error{"locked", target.string() + " is being opened and closed by another Firedrill. Try again."};
}

FileLock::FileLock(FileLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path))
{
}

FileLock& FileLock::operator=(FileLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

FileLock::~FileLock()
{
    release();
}

void FileLock::release()
{
    if (m_fd < 0)
        return;
    // Unlink while still holding the lock, so nobody can take over a file that is about to vanish.
    if (sameFile(m_fd, m_path))
        ::unlink(m_path.c_str());
    ::close(m_fd);
    m_fd = -1;
    m_path.clear();
}

} // namespace firedrill
