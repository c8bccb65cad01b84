#include "geo/geodesic_area.h"

#include <cmath>
#include <vector>

#include <geodesic.h>

#include "geo/error.h"
#include "geo/gdal_handles.h"

namespace geo {

struct GeodesicAreaCalculator::Impl {
    geod_geodesic geodesic{};
    CoordinateTransformationPtr toGeographic; // null when the CRS is geographic
};

GeodesicAreaCalculator::GeodesicAreaCalculator(const OGRSpatialReference& crs)
    : m_impl(std::make_unique<Impl>()) {
    OGRErr err = OGRERR_NONE;
    const double a = crs.GetSemiMajor(&err);
    const double invF = crs.GetInvFlattening(&err);
    if (err != OGRERR_NONE || !(a > 0.0))
        throw InputError("the coordinate reference system has no ellipsoid, so areas cannot be "
                         "computed; assign a geographic or projected CRS");
    geod_init(&m_impl->geodesic, a, invF > 0.0 ? 1.0 / invF : 0.0);

    if (!crs.IsGeographic()) {
        OGRSpatialReference geographic;
        geographic.CopyGeogCSFrom(&crs);
        geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference source(crs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_impl->toGeographic.reset(OGRCreateCoordinateTransformation(&source, &geographic));
        if (!m_impl->toGeographic)
            throw InputError("cannot unproject from the layer's CRS to its geographic CRS");
    }
}

GeodesicAreaCalculator::~GeodesicAreaCalculator() = default;
GeodesicAreaCalculator::GeodesicAreaCalculator(GeodesicAreaCalculator&&) noexcept = default;
GeodesicAreaCalculator&
GeodesicAreaCalculator::operator=(GeodesicAreaCalculator&&) noexcept = default;

Area GeodesicAreaCalculator::ringArea(const double* xs, const double* ys, int count) const {
    if (count < 3)
        return {};
    // Reused per thread: a million parcels need no million pairs of allocations.
    thread_local std::vector<double> lon, lat;
    lon.assign(xs, xs + count);
    lat.assign(ys, ys + count);
    if (m_impl->toGeographic && !m_impl->toGeographic->Transform(count, lon.data(), lat.data()))
        throw Error("coordinates could not be unprojected for an area computation");
    // geod_polygonarea closes the ring itself: drop a repeated closing vertex.
    int n = count;
    if (n > 1 && lon[0] == lon[static_cast<std::size_t>(n - 1)] &&
        lat[0] == lat[static_cast<std::size_t>(n - 1)])
        --n;
    double area = 0.0;
    double perimeter = 0.0;
    geod_polygonarea(&m_impl->geodesic, lat.data(), lon.data(), n, &area, &perimeter);
    return Area::squareMetres(std::fabs(area));
}

double GeodesicAreaCalculator::lineLength(const double* xs, const double* ys, int count) const {
    if (count < 2)
        return 0.0;
    std::vector<double> lon(xs, xs + count);
    std::vector<double> lat(ys, ys + count);
    if (m_impl->toGeographic && !m_impl->toGeographic->Transform(count, lon.data(), lat.data()))
        throw Error("coordinates could not be unprojected for a length computation");
    double length = 0.0;
    for (std::size_t i = 1; i < lon.size(); ++i) {
        double s12 = 0.0, azi1 = 0.0, azi2 = 0.0;
        geod_inverse(&m_impl->geodesic, lat[i - 1], lon[i - 1], lat[i], lon[i], &s12, &azi1, &azi2);
        length += s12;
    }
    return length;
}

bool GeodesicAreaCalculator::toGeographic(double x, double y, double& lon, double& lat) const {
    lon = x;
    lat = y;
    return !m_impl->toGeographic || m_impl->toGeographic->Transform(1, &lon, &lat);
}

Area GeodesicAreaCalculator::area(const OGRGeometry& geometry) const {
    auto ringOf = [this](const OGRLinearRing& ring) {
        const int n = ring.getNumPoints();
        thread_local std::vector<double> xs, ys;
        xs.resize(static_cast<std::size_t>(n));
        ys.resize(static_cast<std::size_t>(n));
        ring.getPoints(xs.data(), sizeof(double), ys.data(), sizeof(double));
        return ringArea(xs.data(), ys.data(), n).inSquareMetres();
    };
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon: {
        const OGRPolygon& polygon = *geometry.toPolygon();
        if (polygon.IsEmpty())
            return {};
        double total = ringOf(*polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
            total -= ringOf(*polygon.getInteriorRing(i));
        return Area::squareMetres(total);
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        Area total;
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            total += area(*part);
        return total;
    }
    default:
        return {};
    }
}

} // namespace geo
