// Writes a generated county to disk: the project-style GeoPackage and DEM, and the files a
// surveyor would deliver (GBK shapefiles, GBK CSV and XLSX ledgers) with a few deliberately
// broken features listed in a manifest.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "county.h"

namespace sample {

struct WriteOptions {
    std::string directory;
    bool surveyorFiles = true; // the shapefile / CSV / XLSX deliveries and the manifest
    std::uint64_t seed = 0;    // recorded in the manifest
    int requestedParcels = 0;  // recorded in the manifest
};

// Writes everything; throws std::runtime_error naming the file on failure. Files are
// written under a temporary name and renamed, so a failed run leaves no half-written output.
void writeCounty(const County& county, const WriteOptions& options,
                 const std::map<std::string, std::string>& landUseNames);

} // namespace sample
