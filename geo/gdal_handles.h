// Owning handles for the GDAL and PROJ objects GDAL's own headers give no alias for.
#pragma once

#include <memory>

#include <ogr_spatialref.h>

namespace geo {

struct CoordinateTransformationDeleter {
    void operator()(OGRCoordinateTransformation* ct) const noexcept {
        OGRCoordinateTransformation::DestroyCT(ct);
    }
};
using CoordinateTransformationPtr =
    std::unique_ptr<OGRCoordinateTransformation, CoordinateTransformationDeleter>;

} // namespace geo
