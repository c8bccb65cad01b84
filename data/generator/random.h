// Deterministic randomness for the generator. The standard distributions are not used on
// purpose: their output differs between standard libraries, and the sample must be the same
// bytes of content everywhere for a given seed.
#pragma once

#include <cstdint>

namespace sample {

constexpr std::uint64_t mix(std::uint64_t z) noexcept {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A hash of several integers: the seed of one edge, one cell or one village.
constexpr std::uint64_t hashOf(std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) noexcept {
    return mix(mix(mix(a) ^ b) ^ (c * 0x632be59bd9b4e019ULL));
}

// A value in [0, 1) from a hash.
constexpr double unitOf(std::uint64_t h) noexcept {
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

class Rng {
public:
    explicit constexpr Rng(std::uint64_t seed) noexcept
        : m_state(seed) {}

    constexpr std::uint64_t next() noexcept {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix(m_state);
    }
    constexpr double uniform() noexcept { return unitOf(next()); }
    constexpr double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
    // An integer in [lo, hi].
    constexpr int between(int lo, int hi) noexcept {
        return lo + static_cast<int>(uniform() * static_cast<double>(hi - lo + 1));
    }
    constexpr bool chance(double p) noexcept { return uniform() < p; }

private:
    std::uint64_t m_state;
};

} // namespace sample
