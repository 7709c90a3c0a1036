#include "TextHash.h"

#include <cstdint>
#include <cstdio>

namespace firedrill {

std::string textHash(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    char out[32];
    std::snprintf(out, sizeof out, "fnv1a64:%016llx", static_cast<unsigned long long>(hash));
    return out;
}

} // namespace firedrill
