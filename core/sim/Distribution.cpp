#include "Distribution.h"

#include <algorithm>
#include <cmath>

namespace firedrill::sim {

std::int64_t Distribution::sampleMs(RandomStream& random) const
{
    switch (kind) {
    case Kind::Fixed: return static_cast<std::int64_t>(std::llround(a));
    case Kind::Exponential: return std::max<std::int64_t>(1, std::llround(random.exponential(a)));
    case Kind::Weibull: return std::max<std::int64_t>(1, std::llround(random.weibull(a, b)));
    }
    return 0;
}

double Distribution::meanMs() const
{
    switch (kind) {
    case Kind::Fixed:
    case Kind::Exponential: return a;
    case Kind::Weibull: return b * std::tgamma(1.0 + 1.0 / a);
    }
    return 0;
}

} // namespace firedrill::sim
