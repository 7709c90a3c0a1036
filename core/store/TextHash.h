#pragma once

#include <string>
#include <string_view>

namespace firedrill {

/// "fnv1a64:<16 hex digits>": FNV-1a (64 bit) of `text`, the checksum stored next to texts the
/// workspace keeps (cheap, and enough to notice a damaged text).
std::string textHash(std::string_view text);

} // namespace firedrill
