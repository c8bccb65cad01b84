// Smooth pseudo-random fields (value noise and its fractal sum) for terrain and land-use
// patches; deterministic from a seed, continuous, values in [0, 1].
#pragma once

#include <cstdint>

namespace sample {

class NoiseField {
public:
    // `wavelength` is the size of the largest feature in the same unit as the coordinates.
    NoiseField(std::uint64_t seed, double wavelength, int octaves = 4) noexcept
        : m_seed(seed)
        , m_wavelength(wavelength)
        , m_octaves(octaves) {}

    double at(double x, double y) const noexcept;

private:
    double octave(double x, double y, std::uint64_t seed) const noexcept;

    std::uint64_t m_seed;
    double m_wavelength;
    int m_octaves;
};

} // namespace sample
