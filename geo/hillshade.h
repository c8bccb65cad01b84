// Relief shading of an elevation grid: how much light each cell's surface catches from a sun
// at a given azimuth and altitude (Horn's 3×3 slope and aspect). The map's relief layer draws
// it over the parcels, so hills read at a glance without hiding the zone colours.
#pragma once

#include <vector>

namespace geo {

struct HillshadeOptions {
    double azimuthDegrees = 315.0; // where the light comes from, clockwise from north
    double altitudeDegrees = 45.0; // the sun's height above the horizon
    double zFactor = 1.0;          // vertical exaggeration (elevation units per map unit)
};

// `elevation` is width×height, row-major with the top (north) row first; cells are
// cellWidth × cellHeight map units. Returns the cosine of the angle between each cell's
// surface normal and the sun, clamped to 0 (in shadow) .. 1 (facing the sun); flat ground gets
// sin(altitude). NaN elevations (no data) give NaN; a missing neighbour, or one beyond the grid's
// edge, is replaced by the cell itself.
std::vector<float> hillshade(const std::vector<float>& elevation, int width, int height,
                             double cellWidth, double cellHeight,
                             const HillshadeOptions& options = {});

} // namespace geo
