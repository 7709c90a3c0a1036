#pragma once

#include "core/model/Result.h"

#include <filesystem>

namespace firedrill {

/// Checks that `path` names a regular file (a symbolic link to one is fine) before anything opens it for
/// reading: a FIFO would make the reader wait for a writer for ever, a device can stream without end, and
/// a directory or socket cannot be read as a file. Looks at the file's type only (stat), opens nothing.
///
/// Error codes: not-found, not-a-file (the message names what it is: a named pipe, a device, a socket,
/// a folder, and says what to do), io.
Result<void> checkInputFile(const std::filesystem::path& path);

} // namespace firedrill
