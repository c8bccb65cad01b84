#include "noise.h"

#include <cmath>

#include "random.h"

namespace sample {
namespace {

double smooth(double t) noexcept {
    return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

double lattice(std::uint64_t seed, long long i, long long j) noexcept {
    return unitOf(hashOf(seed, static_cast<std::uint64_t>(i), static_cast<std::uint64_t>(j)));
}

} // namespace

double NoiseField::octave(double x, double y, std::uint64_t seed) const noexcept {
    const double fx = std::floor(x);
    const double fy = std::floor(y);
    const auto i = static_cast<long long>(fx);
    const auto j = static_cast<long long>(fy);
    const double u = smooth(x - fx);
    const double v = smooth(y - fy);
    const double a = lattice(seed, i, j);
    const double b = lattice(seed, i + 1, j);
    const double c = lattice(seed, i, j + 1);
    const double d = lattice(seed, i + 1, j + 1);
    return (a + (b - a) * u) * (1.0 - v) + (c + (d - c) * u) * v;
}

double NoiseField::at(double x, double y) const noexcept {
    double sum = 0.0;
    double weight = 1.0;
    double total = 0.0;
    double scale = 1.0 / m_wavelength;
    for (int o = 0; o < m_octaves; ++o) {
        sum += weight * octave(x * scale, y * scale, m_seed + static_cast<std::uint64_t>(o));
        total += weight;
        weight *= 0.5;
        scale *= 2.03; // not exactly 2, so octaves do not line up on the lattice
    }
    return sum / total;
}

} // namespace sample
