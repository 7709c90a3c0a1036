#include "TextChecks.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace firedrill {

namespace {

/// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t sequenceLength(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80)
        return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0)
            lo = 0xA0; // no overlong forms
        if (b0 == 0xED)
            hi = 0x9F; // no UTF-16 surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        if (b0 == 0xF4)
            hi = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    return len;
}

} // namespace

std::optional<std::string> wideEncoding(std::string_view text)
{
    const auto starts = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv))
        return "UTF-32 (little-endian)";
    if (starts("\0\0\xFE\xFF"sv))
        return "UTF-32 (big-endian)";
    if (starts("\xFF\xFE"sv))
        return "UTF-16 (little-endian)";
    if (starts("\xFE\xFF"sv))
        return "UTF-16 (big-endian)";
    // Without a byte-order mark: text that is mostly ASCII has a NUL in every other byte, on the odd
    // bytes in little-endian and on the even ones in big-endian. Judged on the first 256 bytes.
    const std::size_t pairs = std::min<std::size_t>(text.size(), 256) / 2;
    if (pairs < 2)
        return std::nullopt;
    std::size_t evenNul = 0, oddNul = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        evenNul += text[2 * i] == '\0' ? 1u : 0u;
        oddNul += text[2 * i + 1] == '\0' ? 1u : 0u;
    }
    if (evenNul == 0 && oddNul * 2 >= pairs)
        return "UTF-16 (little-endian)";
    if (oddNul == 0 && evenNul * 2 >= pairs)
        return "UTF-16 (big-endian)";
    return std::nullopt;
}

std::optional<Diagnostic> checkUtf8(std::string_view text, const std::string& fileName)
{
    if (const auto wide = wideEncoding(text))
        return Diagnostic{Severity::Error, "wrong-encoding",
                          "the file is " + *wide + " text; Firedrill reads UTF-8 only: save it with UTF-8 encoding",
                          "", {fileName, 1, 1}};
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\0')
            return Diagnostic{Severity::Error, "nul-byte",
                              "the file contains a NUL byte; expected UTF-8 text (is this a binary file?)",
                              "", {fileName, line, column}};
        const std::size_t len = sequenceLength(text, i);
        if (len == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
            return Diagnostic{Severity::Error, "invalid-utf8",
                              std::string("invalid UTF-8 byte ") + hex + "; expected UTF-8 text", "",
                              {fileName, line, column}};
        }
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return std::nullopt;
}

std::string_view stripBom(std::string_view text)
{
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

} // namespace firedrill
