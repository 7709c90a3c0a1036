#include "TempFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <random>
#include <signal.h>
#include <string>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace firedrill {

namespace {

std::string randomSuffix()
{
    static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof kChars - 2);
    std::string out;
    for (int i = 0; i < 8; ++i)
        out += kChars[pick(device)];
    return out;
}

/// The pid in `name` if it is `<prefix><digits>` followed by the end or '-'.
std::optional<pid_t> writerPid(const std::string& name, const std::string& prefix)
{
    if (name.rfind(prefix, 0) != 0)
        return std::nullopt;
    std::size_t i = prefix.size();
    long long pid = 0;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9' && pid < 100'000'000)
        pid = pid * 10 + (name[i++] - '0');
    if (i == prefix.size() || pid <= 0 || pid >= 100'000'000 || (i < name.size() && name[i] != '-'))
        return std::nullopt;
    return static_cast<pid_t>(pid);
}

/// Makes a rename durable: the folder entry itself must reach the disk.
void syncFolder(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Result<TempFile> TempFile::createNextTo(const std::filesystem::path& target)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        std::filesystem::path candidate = target;
        candidate += ".tmp-" + std::to_string(getpid()) + "-" + randomSuffix();
        const int fd = ::open(candidate.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd >= 0) {
            ::close(fd);
            return TempFile(std::move(candidate));
        }
        if (errno != EEXIST) {
            const int error = errno;
            return Error{"io", "Could not create a temporary file next to " + target.string() + " (" +
                                   std::strerror(error) + "). Check that you may write to that folder."};
        }
    }
    return Error{"io", "Could not find a free temporary file name next to " + target.string() + "."};
}

int TempFile::removeStale(const std::filesystem::path& target)
{
    const std::string prefix = target.filename().string() + ".tmp-";
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(target.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.is_regular_file(ec) && ::unlink(entry.path().c_str()) == 0)
            ++removed;
    }
    return removed;
}

int TempFile::removeAbandoned(const std::filesystem::path& target)
{
    const std::string prefix = target.filename().string() + ".tmp-";
    int removed = 0;
    std::error_code ec;
    const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto pid = writerPid(entry.path().filename().string(), prefix);
        if (!pid || !entry.is_regular_file(ec) || entry.is_symlink(ec))
            continue;
        if (::kill(*pid, 0) == 0 || errno != ESRCH)
            continue; // alive, or not ours to ask about: keep it
        if (::unlink(entry.path().c_str()) == 0)
            ++removed;
    }
    return removed;
}

TempFile::TempFile(TempFile&& other) noexcept : m_path(std::exchange(other.m_path, {})) {}

TempFile& TempFile::operator=(TempFile&& other) noexcept
{
    if (this != &other) {
        remove();
        m_path = std::exchange(other.m_path, {});
    }
    return *this;
}

TempFile::~TempFile()
{
    remove();
}

Result<void> TempFile::renameTo(const std::filesystem::path& target)
{
    if (::rename(m_path.c_str(), target.c_str()) != 0) {
        const int error = errno;
        return Error{"io", "Could not move the new file into place as " + target.string() + " (" +
                               std::strerror(error) + "). The previous file, if any, is unchanged."};
    }
    m_path.clear();
    syncFolder(target.parent_path());
    return {};
}

void TempFile::remove()
{
    if (m_path.empty())
        return;
    std::filesystem::path journal = m_path;
    journal += "-journal";
    ::unlink(m_path.c_str());
    ::unlink(journal.c_str());
    m_path.clear();
}

} // namespace firedrill
