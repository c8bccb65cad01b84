// Opening source files for import or inspection with their attribute bytes untouched, and
// finding the CRS text they carry.
#pragma once

#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace geo {

// Opens a vector source so that attribute bytes arrive as stored (tianmu decodes them).
// Throws InputError naming the file and the likely fix when it cannot be opened.
GDALDatasetUniquePtr openSourceRaw(const std::string& path);

// The CRS text of a layer: a shapefile's .prj as written, else the layer's CRS as WKT;
// empty when there is none.
std::string sourceCrsText(const std::string& path, OGRLayer& layer);

} // namespace geo
