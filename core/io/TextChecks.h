#pragma once

#include "core/model/Diagnostic.h"

#include <optional>
#include <string>
#include <string_view>

namespace firedrill {

/// The encoding of text in UTF-16 or UTF-32 ("UTF-16 (little-endian)"), told by its byte-order mark or,
/// without one, by the NUL bytes mostly-ASCII text has in every other byte; nullopt otherwise.
std::optional<std::string> wideEncoding(std::string_view text);

/// Checks that text is well-formed UTF-8 without NUL bytes (a UTF-16 or UTF-32 file is named as such). Returns the first problem, located by
/// 1-based line and byte column, or nullopt when the text is clean.
std::optional<Diagnostic> checkUtf8(std::string_view text, const std::string& fileName);

/// The text without a leading UTF-8 byte-order mark.
std::string_view stripBom(std::string_view text);

} // namespace firedrill
