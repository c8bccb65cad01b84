// Areas on the ellipsoid of a layer's datum (PROJ's geodesic routines), the way 三调 TBMJ
// and every area tianmu reports are defined, independent of the map projection.
#pragma once

#include <memory>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include "geo/area.h"

namespace geo {

class GeodesicAreaCalculator {
public:
    // `crs` is the CRS of the geometries passed to area(); a projected CRS is unprojected to
    // its own geographic CRS, so the datum's ellipsoid is the one used. Throws InputError
    // for a CRS without an ellipsoid (engineering or unknown CRS).
    explicit GeodesicAreaCalculator(const OGRSpatialReference& crs);
    ~GeodesicAreaCalculator();
    GeodesicAreaCalculator(GeodesicAreaCalculator&&) noexcept;
    GeodesicAreaCalculator& operator=(GeodesicAreaCalculator&&) noexcept;

    // Area of polygons and multipolygons (holes subtracted); zero for other geometry types.
    Area area(const OGRGeometry& geometry) const;
    // Area of one ring given as x/y arrays in the calculator's CRS, always non-negative.
    Area ringArea(const double* xs, const double* ys, int count) const;
    // Length in metres of the geodesics through the given points (a measured line).
    double lineLength(const double* xs, const double* ys, int count) const;
    // The point in longitude/latitude degrees of the CRS's own geographic CRS.
    bool toGeographic(double x, double y, double& lon, double& lat) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace geo
