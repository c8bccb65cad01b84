#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "geo/error.h"
#include "geo/geodesic_area.h"

namespace {

OGRSpatialReference crs(int epsg) {
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// Area of the ellipsoid between the equator and latitude phi, per radian of longitude
// (closed form of the authalic integral), for GRS80.
double zoneArea(double phi) {
    const double a = 6378137.0;
    const double f = 1.0 / 298.257222101;
    const double e2 = f * (2 - f);
    const double e = std::sqrt(e2);
    const double b2 = a * a * (1 - e2);
    const double s = std::sin(phi);
    return b2 * (s / (2 * (1 - e2 * s * s)) + std::log((1 + e * s) / (1 - e * s)) / (4 * e));
}

} // namespace

TEST_CASE("a one-degree cell at 26°N has the ellipsoid's closed-form area", "[geodesic_area]") {
    const geo::GeodesicAreaCalculator calc(crs(4490)); // CGCS2000 geographic
    OGRLinearRing ring;
    // Dense vertices along the parallels, so geodesic edges follow them closely.
    for (int i = 0; i <= 100; ++i)
        ring.addPoint(111.0 + i * 0.01, 26.0);
    for (int i = 0; i <= 100; ++i)
        ring.addPoint(112.0 - i * 0.01, 27.0);
    ring.closeRings();
    OGRPolygon cell;
    cell.addRing(&ring);
    const double deg = std::numbers::pi / 180.0;
    const double expected = (zoneArea(27 * deg) - zoneArea(26 * deg)) * deg;
    CHECK(calc.area(cell).inSquareMetres() == Approx(expected).epsilon(1e-6));
    CHECK(calc.area(cell).inSquareMetres() == Approx(11'090e6).epsilon(0.01)); // about 11 090 km²
}

TEST_CASE("Gauss-Kruger squares shrink by the scale factor on the ellipsoid", "[geodesic_area]") {
    const geo::GeodesicAreaCalculator calc(crs(4525)); // CGCS2000 3° zone 37, CM 111°E
    auto square = [](double x, double y, double side) {
        OGRLinearRing r;
        r.addPoint(x, y);
        r.addPoint(x + side, y);
        r.addPoint(x + side, y + side);
        r.addPoint(x, y + side);
        r.closeRings();
        OGRPolygon p;
        p.addRing(&r);
        return p;
    };
    // On the central meridian the scale is 1: a 1 km square is 1 km².
    CHECK(calc.area(square(37'499'500.0, 2'880'000.0, 1000.0)).inSquareMetres() ==
          Approx(1e6).epsilon(2e-6));
    // 100 km east of it the projection enlarges by k = 1 + E²/2R²: the true area is smaller.
    const double k = 1.0 + 1e10 / (2 * 6375e3 * 6375e3);
    CHECK(calc.area(square(37'599'500.0, 2'880'000.0, 1000.0)).inSquareMetres() ==
          Approx(1e6 / (k * k)).epsilon(2e-5));
    // A polygon with a hole: the hole is subtracted.
    OGRPolygon holed = square(37'499'000.0, 2'880'000.0, 2000.0);
    OGRLinearRing hole;
    hole.addPoint(37'499'500.0, 2'880'500.0);
    hole.addPoint(37'499'500.0, 2'881'500.0);
    hole.addPoint(37'500'500.0, 2'881'500.0);
    hole.addPoint(37'500'500.0, 2'880'500.0);
    hole.closeRings();
    holed.addRing(&hole);
    CHECK(calc.area(holed).inMu() == Approx(3e6 / 666.6666667).epsilon(1e-5));
}

TEST_CASE("a CRS without an ellipsoid cannot give areas", "[geodesic_area]") {
    OGRSpatialReference local;
    local.SetLocalCS("site grid");
    CHECK_THROWS_AS(geo::GeodesicAreaCalculator(local), geo::InputError);
}
