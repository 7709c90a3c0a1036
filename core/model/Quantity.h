#pragma once

#include <compare>
#include <cstdint>

namespace firedrill {

/// A span of simulated or configured time with millisecond resolution.
struct Duration
{
    std::int64_t ms = 0;

    static constexpr Duration milliseconds(std::int64_t v) { return Duration{v}; }
    static constexpr Duration seconds(std::int64_t v) { return Duration{v * 1000}; }
    static constexpr Duration minutes(std::int64_t v) { return Duration{v * 60'000}; }
    static constexpr Duration hours(std::int64_t v) { return Duration{v * 3'600'000}; }
    static constexpr Duration days(std::int64_t v) { return Duration{v * 86'400'000}; }

    /// The duration in (fractional) seconds.
    constexpr double toSeconds() const { return static_cast<double>(ms) / 1000.0; }
    /// The duration in (fractional) hours.
    constexpr double toHours() const { return static_cast<double>(ms) / 3'600'000.0; }

    constexpr Duration operator+(Duration o) const { return Duration{ms + o.ms}; }
    constexpr Duration operator-(Duration o) const { return Duration{ms - o.ms}; }
    auto operator<=>(const Duration&) const = default;
};

/// A percentage such as an SLA, stored as written (99.95 means 99.95 %).
struct Percent
{
    double value = 0.0;

    /// The fraction in [0, 1] this percentage stands for.
    constexpr double fraction() const { return value / 100.0; }
    auto operator<=>(const Percent&) const = default;
};

/// An amount of data in gigabytes. Firedrill uses decimal units: 1 TB = 1,000 GB.
struct DataSize
{
    double gigabytes = 0.0;
    auto operator<=>(const DataSize&) const = default;
};

/// A data transfer rate in gigabytes per hour (restore and copy speeds).
struct DataRate
{
    double gigabytesPerHour = 0.0;
    auto operator<=>(const DataRate&) const = default;
};

} // namespace firedrill
