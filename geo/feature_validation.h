// Checks one geometry for import: empty, wrong type, invalid (with GEOS's reason, repaired
// with MakeValid when possible), sliver. Promotes to the layer's multi type.
#pragma once

#include <memory>
#include <string>

#include <ogr_geometry.h>

#include "geo/flat_layer.h"

namespace geo {

enum class GeometryFamily { Polygon, Line, Point, LineOrPolygon, Any };

struct GeometryCheck {
    enum class Outcome { Accepted, Repaired, Rejected };
    Outcome outcome = Outcome::Accepted;
    std::string kind;   // for Repaired/Rejected: empty_geometry, wrong_geometry_type,
                        // invalid_geometry, curved_geometry
    std::string detail; // the reason in words (GEOS's message for invalid geometries)
    std::unique_ptr<OGRGeometry> geometry; // what to store (null when rejected)
    bool sliver = false; // a needle or crumb: area under 1 m², or very thin and small
};

GeometryCheck checkGeometry(const OGRGeometry* geometry, GeometryFamily family);

// The same without copying: a geometry accepted as it is moves into the result (`geometry` is
// then null); a repaired or rejected one stays in `geometry`, as the original. When `flat` is
// given (an empty FlatLayer), it receives the flat copy of the geometry to store, made once
// for the validity check and the caller both.
GeometryCheck checkGeometry(std::unique_ptr<OGRGeometry>& geometry, GeometryFamily family,
                            FlatLayer* flat);

// Planar area of the polygon parts of any geometry (0 for points and lines), in CRS units².
double planarArea(const OGRGeometry& geometry);

} // namespace geo
