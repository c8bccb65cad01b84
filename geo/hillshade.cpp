#include "geo/hillshade.h"

#include <cmath>
#include <cstddef>
#include <numbers>

namespace geo {

std::vector<float> hillshade(const std::vector<float>& elevation, int width, int height,
                             double cellWidth, double cellHeight, const HillshadeOptions& options) {
    const auto at = [&](int col, int row) {
        return elevation[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
                         static_cast<std::size_t>(col)];
    };
    constexpr double degree = std::numbers::pi / 180.0;
    // The unit vector towards the sun (east, north, up). The light a cell catches is its unit
    // normal, (-dz/dx, -dz/dy, 1) / |…|, dotted with it: no trigonometry per cell.
    const double altitude = options.altitudeDegrees * degree;
    const double azimuth = options.azimuthDegrees * degree;
    const double sunEast = std::cos(altitude) * std::sin(azimuth);
    const double sunNorth = std::cos(altitude) * std::cos(azimuth);
    const double sunUp = std::sin(altitude);

    std::vector<float> shade(elevation.size(), std::nanf(""));
    for (int row = 0; row < height; ++row)
        for (int col = 0; col < width; ++col) {
            const float centre = at(col, row);
            if (std::isnan(centre))
                continue;
            // The neighbour at (dc, dr), or the centre where there is none.
            const auto z = [&](int dc, int dr) -> double {
                const int c = col + dc, r = row + dr;
                if (c < 0 || r < 0 || c >= width || r >= height)
                    return centre;
                const float v = at(c, r);
                return std::isnan(v) ? centre : v;
            };
            // Gradients towards east and towards north (rows run south).
            const double east =
                ((z(1, -1) + 2 * z(1, 0) + z(1, 1)) - (z(-1, -1) + 2 * z(-1, 0) + z(-1, 1))) /
                (8.0 * cellWidth);
            const double north =
                ((z(-1, -1) + 2 * z(0, -1) + z(1, -1)) - (z(-1, 1) + 2 * z(0, 1) + z(1, 1))) /
                (8.0 * cellHeight);
            const double gx = options.zFactor * east, gy = options.zFactor * north;
            const double lit =
                (sunUp - gx * sunEast - gy * sunNorth) / std::sqrt(1.0 + gx * gx + gy * gy);
            shade[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(col)] = static_cast<float>(std::max(0.0, lit));
        }
    return shade;
}

} // namespace geo
