// Views tianmu writes (parcel_classes, and the joins it makes for QGIS styles) are read-only:
// SQLite refuses to change a view, but GDAL reports that only as "failed to prepare SQL:
// UPDATE …", after QGIS has let its user edit the layer. These triggers make every insert,
// update and delete through the view fail with a message that says where the edit belongs.
#pragma once

#include <string>
#include <vector>

namespace geo {

// The SQL statements creating three INSTEAD OF triggers on `view` (insert, update, delete),
// each aborting its statement with `message`. SQLite drops them with the view.
std::vector<std::string> readOnlyViewTriggers(const std::string& view, const std::string& message);

} // namespace geo
