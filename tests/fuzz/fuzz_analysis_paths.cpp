// libFuzzer harness: bytes -> YAML topology -> analysis, replays and a small Monte Carlo, on designs
// that validate, however extreme.

#include "FuzzChecks.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string broken = firedrill::fuzz::checkAnalysisPaths(data, size);
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz_analysis_paths: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
