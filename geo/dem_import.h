// Importing a DEM (any GDAL raster) into the project: its CRS decided like a vector layer's,
// warped to the project CRS when it differs, stored as the project's `dem` raster.
#pragma once

#include <string>

#include "geo/importer.h"

namespace geo {

// Throws InputError when the raster cannot be read or its CRS cannot be decided; the
// project is then left as it was. Throws Cancelled, changing nothing, when
// `options.cancelled` says so before the raster is written.
ImportSummary importDem(const ImportOptions& options);

} // namespace geo
