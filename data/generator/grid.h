// A north-up raster grid in the county's projected coordinates (row 0 is the northern edge).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace sample {

template <typename T>
struct Grid {
    int width = 0;
    int height = 0;
    double originX = 0.0; // west edge
    double originY = 0.0; // north edge
    double pixel = 1.0;   // pixel size in metres
    std::vector<T> values;

    Grid() = default;
    Grid(int w, int h, double x0, double y0, double size, T fill = T{})
        : width(w)
        , height(h)
        , originX(x0)
        , originY(y0)
        , pixel(size)
        , values(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), fill) {}

    template <typename U>
    static Grid like(const Grid<U>& other, T fill = T{}) {
        return Grid(other.width, other.height, other.originX, other.originY, other.pixel, fill);
    }

    std::size_t index(int col, int row) const noexcept {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
               static_cast<std::size_t>(col);
    }
    T& at(int col, int row) noexcept { return values[index(col, row)]; }
    const T& at(int col, int row) const noexcept { return values[index(col, row)]; }
    bool inside(int col, int row) const noexcept {
        return col >= 0 && row >= 0 && col < width && row < height;
    }
    double centreX(int col) const noexcept { return originX + (col + 0.5) * pixel; }
    double centreY(int row) const noexcept { return originY - (row + 0.5) * pixel; }
    int colOf(double x) const noexcept {
        return static_cast<int>(std::floor((x - originX) / pixel));
    }
    int rowOf(double y) const noexcept {
        return static_cast<int>(std::floor((originY - y) / pixel));
    }

    // Bilinear value at a map position, clamped to the grid.
    double sample(double x, double y) const noexcept {
        const double fc = std::clamp((x - originX) / pixel - 0.5, 0.0, width - 1.0);
        const double fr = std::clamp((originY - y) / pixel - 0.5, 0.0, height - 1.0);
        const int c0 = std::min(static_cast<int>(fc), width - 2 < 0 ? 0 : width - 2);
        const int r0 = std::min(static_cast<int>(fr), height - 2 < 0 ? 0 : height - 2);
        const int c1 = std::min(c0 + 1, width - 1);
        const int r1 = std::min(r0 + 1, height - 1);
        const double u = fc - c0;
        const double v = fr - r0;
        const double a = static_cast<double>(at(c0, r0));
        const double b = static_cast<double>(at(c1, r0));
        const double c = static_cast<double>(at(c0, r1));
        const double d = static_cast<double>(at(c1, r1));
        return (a + (b - a) * u) * (1.0 - v) + (c + (d - c) * u) * v;
    }
    // Value of the pixel containing a map position, clamped to the grid.
    T nearest(double x, double y) const noexcept {
        return at(std::clamp(colOf(x), 0, width - 1), std::clamp(rowOf(y), 0, height - 1));
    }
};

} // namespace sample
