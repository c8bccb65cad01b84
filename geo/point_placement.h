// Which polygon of a layer holds a point, decided as classification decides it: the even-odd
// rule of featureContains, on the very coordinates the layer stores. For edits between two
// classifications, e.g. the parcel under an asset that has just become idle, where reading a
// county's parcels into memory would cost far more than the one answer.
#pragma once

#include <ogrsf_frmts.h>

namespace geo {

// The FID of the feature of `polygons` whose polygon holds (x, y), or -1 when none does. The
// candidates come from the layer's spatial index (its bounding boxes); where overlapping
// polygons both hold the point, the first the layer gives (for a GeoPackage, the lowest FID).
// Leaves the layer without a spatial filter and with no read open.
long long featureHoldingPoint(OGRLayer& polygons, double x, double y);

} // namespace geo
