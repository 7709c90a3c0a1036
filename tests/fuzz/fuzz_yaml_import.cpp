// libFuzzer harness: bytes -> the YAML topology import (parse, map, validate) and a canonical round trip.

#include "FuzzChecks.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string broken = firedrill::fuzz::checkYamlImport(data, size);
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz_yaml_import: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
