// An area that carries its unit in its type: square metres inside, 亩 and 公顷 on request.
#pragma once

#include <compare>

namespace geo {

class Area {
public:
    static constexpr double squareMetresPerMu = 10000.0 / 15.0; // 1 亩 = 666.67 m²
    static constexpr double squareMetresPerHectare = 10000.0;

    constexpr Area() noexcept = default;

    static constexpr Area squareMetres(double value) noexcept { return Area(value); }
    static constexpr Area mu(double value) noexcept { return Area(value * squareMetresPerMu); }
    static constexpr Area hectares(double value) noexcept {
        return Area(value * squareMetresPerHectare);
    }

    constexpr double inSquareMetres() const noexcept { return m_squareMetres; }
    constexpr double inMu() const noexcept { return m_squareMetres / squareMetresPerMu; }
    constexpr double inHectares() const noexcept { return m_squareMetres / squareMetresPerHectare; }

    constexpr Area& operator+=(Area other) noexcept {
        m_squareMetres += other.m_squareMetres;
        return *this;
    }
    friend constexpr Area operator+(Area a, Area b) noexcept { return a += b; }
    friend constexpr Area operator*(Area a, double factor) noexcept {
        return Area(a.m_squareMetres * factor);
    }
    constexpr auto operator<=>(const Area&) const noexcept = default;

private:
    constexpr explicit Area(double squareMetres) noexcept
        : m_squareMetres(squareMetres) {}
    double m_squareMetres = 0.0;
};

} // namespace geo
