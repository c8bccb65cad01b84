// Writes tianmu's map style into a project's layer_styles table, QGIS's convention for styles
// kept in a GeoPackage (or PostGIS), so that QGIS opens the project coloured: parcels by land
// use, villages with their boundaries and names, rivers, roads, and the classification
// themes on spatial views joining the geometries to the result tables (parcel_zones:
// parcels ⋈ parcel_classes; village_types: villages ⋈ village_stats).
#pragma once

#include <string>
#include <vector>

#include "app/render/map_style.h"

namespace app {

struct QgisStyleSummary {
    std::vector<std::string> styled;  // "table: style name", one per row written
    std::vector<std::string> views;   // views (re)created
    std::vector<std::string> skipped; // "layer: reason" for layers the project lacks

    bool operator==(const QgisStyleSummary&) const = default;
};

// The owner tianmu writes in layer_styles; only rows with this owner are ever replaced.
inline constexpr const char* qgisStyleOwner = "tianmu";

// Replaces tianmu's rows of layer_styles (creating the table as QGIS does when missing) and
// the views, in one transaction; rows other users or QGIS made are kept, and when a user made
// their own default style for a layer, tianmu's style for it is not made the default. Layers
// the project lacks are skipped; a joined theme whose table is missing (not classified yet)
// gets no view. Throws geo::InputError when the project cannot be opened for writing,
// geo::Error when writing fails (nothing is changed then).
QgisStyleSummary writeQgisStyles(const std::string& projectPath, const MapStyle& style);

} // namespace app
