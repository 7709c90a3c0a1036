#pragma once

#include <cstdint>
#include <string_view>

namespace firedrill::sim {

/// A seeded pseudo-random stream (xoshiro256**). Each model draws from its own stream, derived from
/// the run's seed and the model's name, so adding a component never changes another component's draws.
class RandomStream
{
public:
    /// A stream for `name` under the run seed `seed`.
    RandomStream(std::uint64_t seed, std::string_view name);
    /// A stream from a raw 64-bit seed.
    explicit RandomStream(std::uint64_t seed = 0);

    /// 64 random bits.
    std::uint64_t next();
    /// Uniform in (0, 1]: never 0, so log() is safe.
    double uniform();
    /// Exponentially distributed with the given mean.
    double exponential(double mean);
    /// Weibull distributed with shape k and scale lambda (its mean is lambda * Gamma(1 + 1/k)).
    double weibull(double shape, double scale);

private:
    std::uint64_t m_s[4] = {};
};

/// A 64-bit hash of text (FNV-1a), for deriving stream seeds from names.
std::uint64_t hashName(std::string_view text);
/// A well-mixed 64-bit value from two inputs (SplitMix64 finaliser over their combination).
std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b);

} // namespace firedrill::sim
