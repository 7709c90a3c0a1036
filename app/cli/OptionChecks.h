#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace firedrill::cli {

/// Limits of the numeric command-line options (docs/cli.md). Each keeps its figures inside the
/// internal units: durations are int64 milliseconds, downtime sums int64 milliseconds over the years.
namespace limits {
inline constexpr double kMaxFailoverHours = 1'000'000;         ///< about 114 years
inline constexpr std::uint64_t kMaxYears = 100'000'000;        ///< 1e8 x 365 d in ms fits in int64
inline constexpr std::uint64_t kMaxThreads = 1024;
inline constexpr std::uint64_t kMaxSeed = UINT64_MAX;
inline constexpr std::uint64_t kMaxShards = kMaxYears;
} // namespace limits

/// A validator for a plain decimal number from `lo` to `hi`: refuses NaN, infinities, text and values
/// outside the range, with a message naming the value and the range (CLI11 prefixes the option).
CLI::Validator decimalIn(double lo, double hi, const std::string& unit = {});

/// A validator for a whole number from `lo` to `hi` written in digits only: refuses a sign, a fraction, an
/// exponent and values that do not fit, with a message naming the value and the range.
CLI::Validator wholeIn(std::uint64_t lo, std::uint64_t hi);

/// Reads a whole number written in digits only ("42"); false for anything else or beyond UINT64_MAX.
bool readWhole(const std::string& text, std::uint64_t& value);

/// Parses a shard "i/n" with 1 <= i <= n <= limits::kMaxShards, digits only.
bool parseShard(const std::string& spec, std::uint64_t& index, std::uint64_t& count);

} // namespace firedrill::cli
