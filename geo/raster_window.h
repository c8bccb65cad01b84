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

} // namespace geo
