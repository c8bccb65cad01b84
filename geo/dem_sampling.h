// The DEM's elevation at many points (e.g. the river point nearest each parcel): the pixel
// each point falls in, read strip by strip in row order instead of one read per point, with
// the DEM's no-data and scale/offset applied as terrain statistics apply them.
#pragma once

#include <array>
#include <vector>

#include <gdal_priv.h>

namespace geo {

// Per point (x, y in the DEM's CRS): the elevation of the pixel it lies in, or NaN when it
// lies off the raster (or a point is NaN) or the pixel has no data. `dem` must be north-up.
// Throws geo::InputError naming `name` when GDAL cannot read it.
std::vector<double> sampleDem(GDALDataset& dem, const std::string& name,
                              const std::vector<std::array<double, 2>>& points);

} // namespace geo
