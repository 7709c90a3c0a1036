// libFuzzer harness: bytes -> a file -> Workspace::open (read-only, then for editing) and a save.

#include "FuzzChecks.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

/// A private folder for this process (in /dev/shm when available, so inputs never touch the disk).
std::filesystem::path workFile()
{
    static const std::filesystem::path file = [] {
        std::error_code ec;
        std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec)
                                         ? std::filesystem::path("/dev/shm")
                                         : std::filesystem::temp_directory_path();
        std::filesystem::path dir = base / ("firedrill-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        return dir / "input.firedrill";
    }();
    return file;
}

void removeWorkFolder()
{
    std::error_code ec;
    std::filesystem::remove_all(workFile().parent_path(), ec);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    (void)workFile();
    std::atexit(removeWorkFolder);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string broken = firedrill::fuzz::checkWorkspaceOpen(data, size, workFile());
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz_workspace_open: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
