#pragma once

#include "core/model/Result.h"

#include <filesystem>
#include <string_view>

namespace firedrill::cli {

/// What a path the command line was told to write names.
enum class OutputTarget {
    Absent,      ///< nothing yet (or a dangling symbolic link): a new file is made
    RegularFile, ///< a file that is replaced atomically
    Stream,      ///< a FIFO or character device (/dev/stdout, /dev/null): written into, never replaced
};

/// Looks at `target` (following symbolic links). Directories, sockets and block devices are refused
/// with an error of code "refused"; so is anything that cannot be looked at.
Result<OutputTarget> inspectOutputTarget(const std::filesystem::path& target);

/// Writes `text` as `target`, the one way firedrill-cli writes files. A regular or absent target gets a
/// new file built under an exclusive temporary name beside it (O_EXCL, O_NOFOLLOW: a planted symbolic
/// link is never followed), synced and renamed into place; on any failure the temporary file is removed
/// and the target is unchanged. Temporary files of this target left by killed runs are removed first.
/// A FIFO or character device is written into directly (a terminal through terminalSafe()); a failed write (ENOSPC on /dev/full) is an
/// error. Refused targets give an error of code "refused", failed writes one of code "io".
Result<void> writeOutputFile(const std::filesystem::path& target, std::string_view text);

} // namespace firedrill::cli
