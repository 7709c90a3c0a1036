#pragma once

#include <cstddef>

namespace firedrill {

/// Bounds that keep hostile or damaged YAML from exhausting time or memory.
struct ReadLimits
{
    std::size_t maxBytes = std::size_t{32} * 1024 * 1024; ///< larger files are refused before parsing
    int maxDepth = 64;                          ///< nesting of maps and sequences
    std::size_t maxNodes = 10'000'000;          ///< nodes after expanding aliases (100,000 components need ~3 million)
};

} // namespace firedrill
