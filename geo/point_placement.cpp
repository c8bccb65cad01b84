#include "geo/point_placement.h"

#include <cmath>

#include "geo/flat_geometry.h"
#include "geo/flat_layer.h"

namespace geo {

long long featureHoldingPoint(OGRLayer& polygons, double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y))
        return -1;
    long long found = -1;
    polygons.SetSpatialFilterRect(x, y, x, y);
    polygons.ResetReading();
    FlatLayer shape;
    for (auto&& feature : polygons) {
        shape = {};
        appendFeature(shape, feature->GetGeometryRef());
        if (shape.featureCount() == 1 && featureContains(shape, 0, x, y)) {
            found = feature->GetFID();
            break;
        }
    }
    polygons.SetSpatialFilter(nullptr);
    polygons.ResetReading(); // finishes the read, which would block the caller's writes
    return found;
}

} // namespace geo
