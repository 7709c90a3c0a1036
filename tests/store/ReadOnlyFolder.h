#pragma once
// A folder this process cannot write, however the tests run: for an ordinary user its permissions
// (0555) do it; root ignores permissions, so for root it is a read-only bind mount of the folder onto
// itself (a read-only file system stops root too). Undone when the object goes.

#include <cerrno>
#include <sched.h>
#include <cstring>
#include <string>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace storetest {

/// Makes `folder` read-only for this process while it lives.
class ReadOnlyFolder
{
public:
    explicit ReadOnlyFolder(std::string folder) : m_folder(std::move(folder))
    {
        if (::geteuid() != 0) {
            m_ok = ::chmod(m_folder.c_str(), 0555) == 0;
            m_how = "permissions 0555";
        } else if (!privateMounts() ||
                   ::mount(m_folder.c_str(), m_folder.c_str(), nullptr, MS_BIND, nullptr) != 0) {
            m_how = std::string("root, and no read-only bind mount possible: ") + std::strerror(errno);
            return;
        } else {
            m_mounted = true;
            m_ok = ::mount(nullptr, m_folder.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0;
            m_how = "a read-only bind mount";
        }
        // Only meaningful when a write is really refused now.
        m_ok = m_ok && ::access(m_folder.c_str(), W_OK) != 0;
    }
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;
    ~ReadOnlyFolder()
    {
        if (m_mounted)
            ::umount2(m_folder.c_str(), MNT_DETACH);
        else
            ::chmod(m_folder.c_str(), 0700);
    }

    /// True when the folder is read-only for this process now.
    bool ok() const { return m_ok; }
    /// How it was made read-only, or why it could not be.
    const std::string& how() const { return m_how; }

private:
    /// Mounts made from now on are this process's own (a test that dies leaves none behind).
    static bool privateMounts()
    {
        static const bool done = ::unshare(CLONE_NEWNS) == 0 &&
                                 ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
        return done;
    }

    std::string m_folder;
    std::string m_how;
    bool m_mounted = false;
    bool m_ok = false;
};

} // namespace storetest
