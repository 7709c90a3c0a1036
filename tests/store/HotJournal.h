#pragma once
// A workspace as a crash in the middle of a save leaves it: a child process writes a large transaction
// with a tiny page cache (so pages reach the file while the journal is hot) and is killed with SIGKILL
// before it commits. SQLite rolls the journal back the next time the file is opened for writing.

#include "core/store/Database.h"
#include "core/store/Statement.h"

#include <csignal>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

namespace storetest {

/// Leaves the workspace at `path` with a hot journal: true when the child was killed mid-save and the
/// journal is there. The killed save would have added 200 revisions noted "never saved".
inline bool killMidSave(const std::filesystem::path& path)
{
    const pid_t child = ::fork();
    if (child < 0)
        return false;
    if (child == 0) {
        auto db = firedrill::Database::open(path, firedrill::DatabaseAccess::ReadWrite);
        if (!db || !db->configureForWriting() || !db->exec("PRAGMA cache_size=5") || !db->exec("BEGIN IMMEDIATE"))
            ::_exit(3);
        auto insert = db->prepare("INSERT INTO revisions (saved_at, note, topology_yaml, topology_hash) "
                                  "VALUES ('x', 'never saved', ?1, 'x')");
        if (!insert)
            ::_exit(3);
        for (int i = 0; i < 200; ++i) {
            insert->reset();
            insert->bind(1, std::string(4000, 'a'));
            if (!insert->run())
                ::_exit(3);
        }
        ::raise(SIGKILL);
        ::_exit(4);
    }
    int status = 0;
    if (::waitpid(child, &status, 0) != child)
        return false;
    std::error_code ec;
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL &&
           std::filesystem::file_size(path.string() + "-journal", ec) > 0 && !ec;
}

} // namespace storetest
