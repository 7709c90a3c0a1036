#include "InputPath.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/stat.h>

namespace firedrill {

namespace {

/// What a file that is not a regular file is, in words, or empty for a regular file.
std::string kindOf(mode_t mode)
{
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a named pipe (FIFO)";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "a special file";
}

} // namespace

Result<void> checkInputFile(const std::filesystem::path& path)
{
    const std::string name = path.string();
    struct stat info
    {
    };
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            return Error{"not-found", name + " does not exist. Check the path."};
        return Error{"io", "Cannot read " + name + ": " + std::strerror(error) + "."};
    }
    const std::string kind = kindOf(info.st_mode);
    if (kind.empty())
        return {};
    if (S_ISDIR(info.st_mode))
        return Error{"not-a-file", name + " is a folder, not a file. Give the path of a topology (.yaml) or "
                                          "workspace (.firedrill) file inside it."};
    return Error{"not-a-file", name + " is " + kind +
                                   ", not a regular file; Firedrill reads topologies and workspaces only from "
                                   "regular files (reading this would wait or stream without end). Save the "
                                   "content to a file first and give that file's path."};
}

} // namespace firedrill
