// Terrain per parcel from a DEM: elevation and slope statistics over exactly the pixels each
// polygon covers, in one pass over the raster (read by strips, parcels burnt by scanline).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "geo/flat_layer.h"

namespace geo {

class DemInMemory;

// The terrain under one polygon. Elevations are in the DEM's vertical unit (metres).
struct TerrainStatistics {
    // DEM pixels whose centre is inside the polygon, nodata excluded. 0 means the polygon holds
    // no valid pixel centre: the other fields are then those of the pixel under the centroid
    // of its largest ring, or NaN when that pixel is nodata or off the raster.
    std::uint32_t pixels = 0;
    double meanElevation = std::numeric_limits<double>::quiet_NaN();
    double minElevation = std::numeric_limits<double>::quiet_NaN();
    double maxElevation = std::numeric_limits<double>::quiet_NaN();
    double meanSlope = std::numeric_limits<double>::quiet_NaN(); // degrees

    // Field by field, NaN equal to NaN, so that a default value equals itself.
    friend bool operator==(const TerrainStatistics& a, const TerrainStatistics& b) noexcept {
        const auto same = [](double x, double y) {
            return x == y || (x != x && y != y);
        };
        return a.pixels == b.pixels && same(a.meanElevation, b.meanElevation) &&
               same(a.minElevation, b.minElevation) && same(a.maxElevation, b.maxElevation) &&
               same(a.meanSlope, b.meanSlope);
    }
};

struct TerrainOptions {
    int threads = 0;   // workers burning strips; 0 = one per hardware thread
    int stripRows = 0; // rows per strip; 0 = chosen from the raster width and block height
    // Called on the calling thread after each strip with the fraction done; return false to
    // cancel, and the function then returns an empty vector.
    std::function<bool(double)> progress;
    // When given (prepared from the same DEM), every row the sweep reads is also stored in it:
    // a caller that samples the DEM afterwards need not decode it a second time.
    DemInMemory* keepElevations = nullptr;
};

// Statistics for every feature of `polygons` (same order, same count), computed from band 1
// of `dem`, which must be north-up (no rotation) in a projected CRS (or none: units taken
// as metres); `polygons` must be in the DEM's CRS.
//
// The rule for a pixel: its centre (xc, yc) is inside when a horizontal ray from it to the
// west crosses the feature's rings an odd number of times (even-odd over all rings, so holes
// and overlapping parts cancel). An edge from (x0, y0) to (x1, y1), y0 < y1, crosses the row
// at yc when y0 <= yc < y1, at x0 + (yc - y0) * ((x1 - x0) / (y1 - y0)), and counts when that
// x <= xc. So a centre exactly on a boundary belongs to the parcel on its east and north
// side: parcels that tile an area count each pixel exactly once.
//
// Slope is Horn's: the gradient from the 3x3 neighbourhood, with the pixel size in metres.
// Where a neighbour is off the raster or nodata, each row (column) of the neighbourhood uses
// the one-sided difference it still has, and rows (columns) with none are left out, so a
// plane gives its exact slope right up to the edges.
//
// The DEM is read once, strip by strip, on the calling thread, while `threads` workers burn
// the previous strip; GDAL is never used from the workers. Throws InputError naming the
// DEM when it cannot be read, is rotated, or is in geographic coordinates, and when
// `polygons` is not a polygon layer.
std::vector<TerrainStatistics> computeTerrainStatistics(GDALDataset& dem, const FlatLayer& polygons,
                                                        const TerrainOptions& options = {});

// The same, opening the DEM at `demPath` (a file, or e.g. "GPKG:project.gpkg:dem").
std::vector<TerrainStatistics> computeTerrainStatistics(const std::string& demPath,
                                                        const FlatLayer& polygons,
                                                        const TerrainOptions& options = {});

} // namespace geo
