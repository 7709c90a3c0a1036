#include "OutputFile.h"

#include "TerminalSafeBuf.h"

#include "core/store/TempFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace firedrill::cli {

namespace {

Error refused(const std::filesystem::path& target, const std::string& why)
{
    return Error{"refused", "refusing to write to " + target.string() + ": " + why};
}

Error ioError(const std::string& what, int error)
{
    return Error{"io", what + " (" + std::strerror(error) + ")"};
}

/// Writes all of `text` to `fd`; 0 or the errno of the failure.
int writeAll(int fd, std::string_view text)
{
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

Result<void> writeIntoStream(const std::filesystem::path& target, std::string_view text)
{
    const int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return ioError("cannot open " + target.string(), errno);
    // A terminal (-o /dev/tty) gets the same escaped text as the human-readable output.
    const int written = ::isatty(fd) == 1 ? writeAll(fd, terminalSafe(text)) : writeAll(fd, text);
    const int closed = ::close(fd) == 0 ? 0 : errno;
    if (written != 0 || closed != 0)
        return ioError("cannot write into " + target.string(), written != 0 ? written : closed);
    return {};
}

} // namespace

Result<OutputTarget> inspectOutputTarget(const std::filesystem::path& target)
{
    if (target.empty())
        return refused(target, "no file name");
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return OutputTarget::Absent;
        return refused(target, std::strerror(errno));
    }
    if (S_ISREG(st.st_mode))
        return OutputTarget::RegularFile;
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
        return OutputTarget::Stream;
    if (S_ISDIR(st.st_mode))
        return refused(target, "it is a directory");
    if (S_ISSOCK(st.st_mode))
        return refused(target, "it is a socket");
    return refused(target, "it is a block device or other special file, which is never replaced");
}

Result<void> writeOutputFile(const std::filesystem::path& target, std::string_view text)
{
    const auto kind = inspectOutputTarget(target);
    if (!kind)
        return kind.error();
    if (*kind == OutputTarget::Stream)
        return writeIntoStream(target, text);

    TempFile::removeAbandoned(target);
    auto temp = TempFile::createNextTo(target);
    if (!temp)
        return temp.error();
    const int fd = ::open(temp->path().c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return ioError("cannot open " + temp->path().string(), errno);
    int failure = writeAll(fd, text);
    if (failure == 0 && ::fsync(fd) != 0)
        failure = errno;
    if (::close(fd) != 0 && failure == 0)
        failure = errno;
    if (failure != 0)
        return ioError("cannot write " + target.string() + "; it is unchanged", failure);
    return temp->renameTo(target);
}

} // namespace firedrill::cli
