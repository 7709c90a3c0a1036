#include "Units.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <limits>
#include <system_error>

namespace firedrill {

namespace {

Error unitError(std::string_view text, std::string_view expected)
{
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string message = "'";
    message.append(text).append("' is not ").append(expected);
    return Error{"bad-value", message};
}

/// Reads the longest number at the front of `text`; returns its length (0 when there is none).
std::size_t leadingNumber(std::string_view text, double& value)
{
    const auto* begin = text.data();
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (ec != std::errc())
        return 0;
    return static_cast<std::size_t>(ptr - begin);
}

bool startsLikeNumber(std::string_view text)
{
    return !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-' ||
                             text[0] == '.' || text[0] == '+');
}

struct UnitScale
{
    std::string_view unit;
    double scale;
};

/// Parses "<number><unit>" where unit is one of `units`; returns number * scale.
Result<double> parseScaled(std::string_view text, const UnitScale* units, std::size_t count,
                           std::string_view expected)
{
    std::string_view rest = text;
    if (!rest.empty() && rest.front() == '+')
        rest.remove_prefix(1);
    double number = 0;
    const std::size_t len = startsLikeNumber(rest) ? leadingNumber(rest, number) : 0;
    if (len == 0)
        return unitError(text, expected);
    std::string_view unit = rest.substr(len);
    while (!unit.empty() && unit.front() == ' ')
        unit.remove_prefix(1);
    for (std::size_t i = 0; i < count; ++i)
        if (units[i].unit == unit) {
            const double v = number * units[i].scale;
            if (!std::isfinite(v))
                return unitError(text, expected);
            return v;
        }
    return unitError(text, expected);
}

} // namespace

Result<double> parseNumber(std::string_view text)
{
    std::string_view t = text;
    if (!t.empty() && t.front() == '+')
        t.remove_prefix(1);
    if (!startsLikeNumber(t))
        return unitError(text, "a number");
    double value = 0;
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(value))
        return unitError(text, "a number");
    return value;
}

Result<int> parseInteger(std::string_view text)
{
    std::string_view t = text;
    if (!t.empty() && t.front() == '+')
        t.remove_prefix(1);
    int value = 0;
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (!t.empty() && ec == std::errc::result_out_of_range && ptr == t.data() + t.size()) {
        // All digits, but beyond what an int holds: say so rather than call it no number at all.
        std::string message = "'";
        message.append(text)
            .append(t.front() == '-' ? "' is too small" : "' is too large")
            .append("; expected a whole number from ")
            .append(std::to_string(std::numeric_limits<int>::min()))
            .append(" to ")
            .append(std::to_string(std::numeric_limits<int>::max()));
        return Error{"out-of-range", message};
    }
    if (t.empty() || ec != std::errc() || ptr != t.data() + t.size())
        return unitError(text, "a whole number");
    return value;
}

Result<Duration> parseDuration(std::string_view text)
{
    // Far beyond any real duration, and well inside the int64 milliseconds a Duration holds, so sums of a
    // few durations cannot overflow.
    static constexpr double kMaxDurationMs = 9.0e15;
    static constexpr std::string_view expected = "a duration such as 30s, 15m, 1.5h, 2d, 250ms or 1h30m";
    static constexpr std::array<UnitScale, 5> units{{
        {"ms", 1.0}, {"s", 1e3}, {"m", 60e3}, {"h", 3600e3}, {"d", 86400e3}}};
    std::string_view rest = text;
    bool negative = false;
    if (!rest.empty() && rest.front() == '-') {
        negative = true;
        rest.remove_prefix(1);
    }
    if (rest == "0")
        return Duration{};
    double totalMs = 0;
    bool any = false;
    while (!rest.empty()) {
        double number = 0;
        const std::size_t len = (!rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == '.'))
                                    ? leadingNumber(rest, number)
                                    : 0;
        if (len == 0)
            return unitError(text, expected);
        rest.remove_prefix(len);
        std::size_t unitLen = 0;
        while (unitLen < rest.size() && std::isalpha(static_cast<unsigned char>(rest[unitLen])))
            ++unitLen;
        const std::string_view unit = rest.substr(0, unitLen);
        rest.remove_prefix(unitLen);
        bool found = false;
        for (const auto& u : units)
            if (u.unit == unit) {
                totalMs += number * u.scale;
                found = true;
            }
        if (!found)
            return unitError(text, expected);
        any = true;
    }
    if (!any)
        return unitError(text, expected);
    if (!std::isfinite(totalMs) || totalMs > kMaxDurationMs) {
        // Every part was a number with a unit: the only thing wrong is the size.
        std::string message = "'";
        message.append(text).append("' is too long; a duration may be at most ")
            .append(std::to_string(static_cast<std::int64_t>(kMaxDurationMs / 86400e3)))
            .append("d (about 285,000 years)");
        return Error{"out-of-range", message};
    }
    const double rounded = std::round(totalMs);
    if (std::fabs(rounded - totalMs) > 1e-6) {
        std::string message = "'";
        message.append(text).append("' is finer than a millisecond; expected ").append(expected);
        return Error{"bad-value", message};
    }
    const auto ms = static_cast<std::int64_t>(rounded);
    return Duration{negative ? -ms : ms};
}

Result<Percent> parsePercent(std::string_view text)
{
    static constexpr std::array<UnitScale, 1> units{{{"%", 1.0}}};
    auto v = parseScaled(text, units.data(), units.size(), "a percentage such as 99.95%");
    if (!v)
        return v.error();
    return Percent{*v};
}

Result<DataSize> parseDataSize(std::string_view text)
{
    static constexpr std::array<UnitScale, 4> units{{{"MB", 1e-3}, {"GB", 1.0}, {"TB", 1e3}, {"PB", 1e6}}};
    auto v = parseScaled(text, units.data(), units.size(), "a size such as 500GB or 3TB");
    if (!v)
        return v.error();
    return DataSize{*v};
}

Result<double> parseRate(std::string_view text)
{
    static constexpr std::array<UnitScale, 3> units{{{"/s", 1.0}, {"/m", 1.0 / 60.0}, {"/h", 1.0 / 3600.0}}};
    return parseScaled(text, units.data(), units.size(), "a rate such as 50/s, 300/m or 10/h");
}

Result<DataRate> parseDataRate(std::string_view text)
{
    static constexpr std::array<UnitScale, 6> units{{{"MB/s", 3.6},
                                                     {"GB/s", 3600.0},
                                                     {"MB/h", 1e-3},
                                                     {"GB/h", 1.0},
                                                     {"TB/h", 1e3},
                                                     {"TB/d", 1e3 / 24.0}}};
    auto v = parseScaled(text, units.data(), units.size(), "a transfer rate such as 500GB/h, 2TB/h or 100MB/s");
    if (!v)
        return v.error();
    return DataRate{*v};
}

std::string formatNumber(double value)
{
    if (value == 0.0)
        return "0"; // also folds -0
    std::array<char, 64> buf{};
    const auto [ptr, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    return ec == std::errc() ? std::string(buf.data(), ptr) : std::string("0");
}

namespace {

constexpr std::array<std::pair<std::uint64_t, std::string_view>, 4> kDurationUnits{{
    {86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}}};

/// The size of a duration without its sign; exact for every int64, INT64_MIN included (no negation overflow).
std::uint64_t magnitude(Duration d)
{
    return d.ms < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(d.ms) : static_cast<std::uint64_t>(d.ms);
}

std::string sign(Duration d)
{
    return d.ms < 0 ? "-" : "";
}

std::string readableMagnitude(std::uint64_t ms)
{
    if (ms < 60'000)
        return formatNumber(static_cast<double>(ms) / 1000.0) + "s";
    std::string out;
    std::uint64_t rest = ms / 1000 * 1000 + (ms % 1000 >= 500 ? 1000 : 0); // whole seconds from a minute up
    for (const auto& [scale, unit] : kDurationUnits) {
        if (rest >= scale) {
            if (!out.empty())
                out += ' ';
            out.append(std::to_string(rest / scale)).append(unit);
            rest %= scale;
        }
    }
    return out;
}

} // namespace

std::string formatDuration(Duration d)
{
    if (d.ms == 0)
        return "0s";
    const std::uint64_t ms = magnitude(d);
    for (const auto& [scale, unit] : kDurationUnits)
        if (ms % scale == 0)
            return sign(d) + std::to_string(ms / scale) + std::string(unit);
    return sign(d) + std::to_string(ms) + "ms";
}

std::string formatDurationReadable(Duration d)
{
    return sign(d) + readableMagnitude(magnitude(d));
}

std::string formatDurationApprox(Duration d)
{
    const std::uint64_t ms = magnitude(d);
    static constexpr std::array<std::uint64_t, 4> scales{86'400'000, 3'600'000, 60'000, 1000};
    for (std::size_t i = 0; i + 1 < scales.size(); ++i) { // days, hours, minutes
        if (ms < scales[i])
            continue;
        const std::uint64_t step = scales[i + 1];
        const std::uint64_t rounded = ms / step * step + (ms % step >= step / 2 ? step : 0);
        const std::uint64_t wholeSeconds = ms / 1000 * 1000 + (ms % 1000 >= 500 ? 1000 : 0);
        const std::string text = readableMagnitude(rounded);
        return sign(d) + (rounded == wholeSeconds ? text : "≈" + text);
    }
    return sign(d) + readableMagnitude(ms);
}

std::string formatPercent(Percent p)
{
    return formatNumber(p.value) + "%";
}

std::string formatDataSize(DataSize s)
{
    const double gb = s.gigabytes;
    const double tb = gb / 1000.0;
    if (gb >= 1000.0 && tb == std::floor(tb) && tb * 1000.0 == gb)
        return formatNumber(tb) + "TB";
    return formatNumber(gb) + "GB";
}

std::string formatRate(double perSecond)
{
    // Prefer the unit in which the rate is a whole number ("10/h" rather than "0.002777.../s"),
    // as long as it reads back as exactly the same value.
    static constexpr std::array<std::pair<double, std::string_view>, 3> units{{{1.0, "/s"}, {60.0, "/m"}, {3600.0, "/h"}}};
    for (const auto& [scale, unit] : units) {
        const double count = std::round(perSecond * scale);
        if (count != 0.0 && count / scale == perSecond)
            return formatNumber(count) + std::string(unit);
    }
    return formatNumber(perSecond) + "/s";
}

std::string formatDataRate(DataRate r)
{
    return formatNumber(r.gigabytesPerHour) + "GB/h";
}

} // namespace firedrill
