// A view-sized window of a raster: band 1 resampled (bilinear) onto a grid that covers a map
// extent, for drawing. Cells outside the raster or without data are NaN.
#pragma once

#include <vector>

#include <gdal_priv.h>

#include "geo/extent.h"

namespace geo {

struct RasterWindow {
    int width = 0;
    int height = 0;
    double cellWidth = 0.0;    // map units per cell, east-west
    double cellHeight = 0.0;   // and north-south
    std::vector<float> values; // row-major, the north row first
    bool anyData = false;      // false: the extent misses the raster or it is all no-data
};

// The raster must be north-up (no rotation) and in the extent's CRS; throws geo::Error naming
// the dataset otherwise or when GDAL cannot read it.
RasterWindow readRasterWindow(GDALDataset& raster, const Extent& extent, int width, int height);

// Where a width × height grid over a map extent meets a north-up raster: the grid cells
// [c0, c1) × [r0, r1) that lie wholly inside it, and the same area in the raster's pixel
// space (fractional), so each cell maps onto the raster exactly.
struct GridWindow {
    int c0 = 0, r0 = 0, c1 = 0, r1 = 0;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int columns() const noexcept { return c1 - c0; }
    int rows() const noexcept { return r1 - r0; }
    bool empty() const noexcept { return c1 <= c0 || r1 <= r0 || x1 <= x0 || y1 <= y0; }
};
// Empty when the raster is not north-up or the grid misses it.
GridWindow gridWindow(GDALDataset& raster, const Extent& extent, int width, int height);

// Reads `band` over `window`, resampled by `resampling`, as floats into `out` (the window's
// first cell), rows `lineFloats` floats apart. Throws geo::Error when GDAL cannot read it.
void readGridWindow(GDALRasterBand& band, const GridWindow& window, GDALRIOResampleAlg resampling,
                    float* out, int lineFloats);

} // namespace geo
