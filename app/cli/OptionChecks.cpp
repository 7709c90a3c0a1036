#include "OptionChecks.h"

#include "core/io/Units.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace firedrill::cli {

namespace {

std::string wholeText(std::uint64_t v)
{
    // Thousands separators make the limits readable: 100,000,000.
    std::string digits = std::to_string(v);
    for (auto i = static_cast<long>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::string rangeText(double lo, double hi, const std::string& unit)
{
    return "from " + formatNumber(lo) + " to " + wholeText(static_cast<std::uint64_t>(hi)) +
           (unit.empty() ? "" : " " + unit);
}

} // namespace

bool readWhole(const std::string& text, std::uint64_t& value)
{
    if (text.empty() || text.size() > 20)
        return false;
    for (const char ch : text)
        if (ch < '0' || ch > '9')
            return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && ptr == text.data() + text.size();
}

CLI::Validator decimalIn(double lo, double hi, const std::string& unit)
{
    const std::string range = rangeText(lo, hi, unit);
    return CLI::Validator(
        [lo, hi, range](std::string& text) -> std::string {
            const auto v = parseNumber(text);
            if (!v || !std::isfinite(*v) || *v < lo || *v > hi)
                return "'" + text + "' is not a number " + range;
            return {};
        },
        "NUMBER " + range);
}

CLI::Validator wholeIn(std::uint64_t lo, std::uint64_t hi)
{
    const std::string range = "from " + wholeText(lo) + " to " + wholeText(hi);
    return CLI::Validator(
        [lo, hi, range](std::string& text) -> std::string {
            std::uint64_t v = 0;
            if (!readWhole(text, v) || v < lo || v > hi)
                return "'" + text + "' is not a whole number " + range;
            return {};
        },
        "WHOLE NUMBER " + range);
}

bool parseShard(const std::string& spec, std::uint64_t& index, std::uint64_t& count)
{
    const auto slash = spec.find('/');
    if (slash == std::string::npos)
        return false;
    std::uint64_t i = 0;
    std::uint64_t n = 0;
    if (!readWhole(spec.substr(0, slash), i) || !readWhole(spec.substr(slash + 1), n))
        return false;
    if (i < 1 || n < 1 || i > n || n > limits::kMaxShards)
        return false;
    index = i - 1;
    count = n;
    return true;
}

} // namespace firedrill::cli
