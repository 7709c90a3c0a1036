#include "RandomStream.h"

#include <cmath>

namespace firedrill::sim {

namespace {
std::uint64_t splitmix(std::uint64_t& x)
{
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}
} // namespace

std::uint64_t hashName(std::string_view text)
{
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull;
    }
    return h;
}

std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t x = a ^ (b * 0x9E3779B97F4A7C15ull);
    return splitmix(x);
}

RandomStream::RandomStream(std::uint64_t seed, std::string_view name) : RandomStream(mixSeed(seed, hashName(name))) {}

RandomStream::RandomStream(std::uint64_t seed)
{
    std::uint64_t x = seed;
    for (auto& s : m_s)
        s = splitmix(x);
}

std::uint64_t RandomStream::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double RandomStream::uniform()
{
    // 53 random bits in (0, 1].
    return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53;
}

double RandomStream::exponential(double mean)
{
    return -mean * std::log(uniform());
}

double RandomStream::weibull(double shape, double scale)
{
    return scale * std::pow(-std::log(uniform()), 1.0 / shape);
}

} // namespace firedrill::sim
