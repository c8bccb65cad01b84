// A GeoPackage layer's R-tree spatial index (the gpkg_rtree_index extension) built in one go
// from boxes known in advance: the nodes of SQLite's R*Tree are packed and written directly,
// which takes about a second for a million features where inserting them one by one (GDAL's
// way when a layer is filled first) takes a quarter of a minute. GeoPackage-only: used by the
// GeoPackage project store, never outside it.
#pragma once

#include <string>
#include <vector>

#include "geo/project_store.h"

namespace geo {

// Creates rtree_<table>_<column> on the open SQLite connection `sqliteHandle` (a sqlite3*,
// normally inside the caller's transaction), fills it with `boxes` (null boxes are skipped,
// as the GeoPackage triggers skip empty geometries), adds the triggers of the GeoPackage
// specification that keep it in step with later edits, and registers the extension. The
// table must have no spatial index yet. Throws Error with SQLite's message.
void buildGeoPackageRtree(void* sqliteHandle, const std::string& table, const std::string& column,
                          const std::string& fidColumn, std::vector<IndexedBox> boxes);

} // namespace geo
