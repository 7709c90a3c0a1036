#pragma once

#include "RandomStream.h"

#include "core/model/Quantity.h"

namespace firedrill::sim {

/// A distribution of durations: how long until a failure, or a repair.
struct Distribution
{
    enum class Kind { Exponential, Fixed, Weibull };
    Kind kind = Kind::Fixed;
    double a = 0; ///< Exponential: mean ms; Fixed: value ms; Weibull: shape k
    double b = 0; ///< Weibull: scale ms

    static Distribution exponential(Duration mean) { return {Kind::Exponential, static_cast<double>(mean.ms), 0}; }
    static Distribution fixed(Duration value) { return {Kind::Fixed, static_cast<double>(value.ms), 0}; }
    static Distribution weibull(double shape, Duration scale) { return {Kind::Weibull, shape, static_cast<double>(scale.ms)}; }

    /// A draw in whole milliseconds (at least 1 ms for random kinds, so time always advances).
    std::int64_t sampleMs(RandomStream& random) const;
    /// The mean in milliseconds; for Weibull scale * Gamma(1 + 1/shape), not the scale.
    double meanMs() const;
};

} // namespace firedrill::sim
