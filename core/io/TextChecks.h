#pragma once

#include "core/model/Diagnostic.h"

#include <optional>
#include <string>
#include <string_view>

namespace firedrill {

/// Checks that text is well-formed UTF-8 without NUL bytes. Returns the first problem, located by
/// 1-based line and byte column, or nullopt when the text is clean.
std::optional<Diagnostic> checkUtf8(std::string_view text, const std::string& fileName);

/// The text without a leading UTF-8 byte-order mark.
std::string_view stripBom(std::string_view text);

} // namespace firedrill
