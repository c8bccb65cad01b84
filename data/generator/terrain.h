// Terrain first: a DEM with a main valley, hills and side valleys, then the rivers that
// water would follow down it (priority-flood filling, D8 flow, accumulation), and the
// per-pixel measures land use depends on.
#pragma once

#include <cstdint>
#include <vector>

#include "county.h"
#include "grid.h"

namespace sample {

struct Terrain {
    Grid<float> elevation;        // metres
    Grid<float> slope;            // degrees
    Grid<float> upstreamArea;     // km² draining through each pixel
    Grid<float> riverDistance;    // metres to the nearest stream pixel
    Grid<float> heightAboveRiver; // metres above the stream pixel nearest to it
    std::vector<River> rivers;    // stream segments between confluences, unnamed
    double mainRiverArea = 0.0;   // km² at the outlet of the largest river
};

// A DEM of `columns` × `rows` pixels of `pixel` metres, north-west corner at (x0, y0).
Terrain makeTerrain(int columns, int rows, double pixel, double x0, double y0, std::uint64_t seed);

// Chamfer distance (metres) from every pixel to the nearest pixel where `source` is true;
// `nearest` receives the index of that source pixel (or SIZE_MAX when there is none).
Grid<float> distanceTo(const Grid<std::uint8_t>& source, std::vector<std::size_t>* nearest);

} // namespace sample
