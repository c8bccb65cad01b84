// Distances from parcels to rivers, against GEOS (through OGR) as the independent measure:
// meandering river lines and a lake, parcels near, far, crossing and beyond the radius. The
// one-walk search for a parcel and its inner point must answer as the two searches alone.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <ogr_geometry.h>

#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"
#include "geo/river_distance.h"

namespace {

constexpr double x0 = 37500000.0, y0 = 2880000.0; // Gauss-Krüger sized coordinates

struct Scene {
    geo::FlatLayer rivers, parcels;
    OGRGeometryCollection riverGeometry;
    std::vector<std::unique_ptr<OGRGeometry>> parcelGeometry;
};

Scene scene() {
    geo::initialiseGdal();
    Scene s;
    std::mt19937 random(1129);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // Three meandering rivers of 25 m segments, and a lake.
    for (int r = 0; r < 3; ++r) {
        OGRLineString line;
        double x = x0, y = y0 + 1500.0 * r, heading = 0.3 * r;
        for (int k = 0; k < 240; ++k) {
            line.addPoint(x, y);
            heading += (unit(random) - 0.5) * 0.5;
            x += 25.0 * std::cos(heading);
            y += 25.0 * std::sin(heading);
        }
        geo::appendFeature(s.rivers, &line);
        s.riverGeometry.addGeometry(&line);
    }
    OGRLinearRing lakeRing;
    for (int k = 0; k <= 36; ++k)
        lakeRing.addPoint(x0 + 3000.0 + 300.0 * std::cos(k * M_PI / 18),
                          y0 + 4000.0 + 200.0 * std::sin(k * M_PI / 18));
    OGRPolygon lake;
    lake.addRing(&lakeRing);
    geo::appendFeature(s.rivers, &lake);
    s.riverGeometry.addGeometry(&lake);
    // Parcels: rotated rectangles of 20-80 m anywhere around, some far beyond the radius, and
    // large ones (up to 1.5 km) whose corners and inner points are nearest to different rivers.
    for (int p = 0; p < 800; ++p) {
        const double cx = x0 - 2000.0 + 9000.0 * unit(random);
        const double cy = y0 - 2000.0 + 9000.0 * unit(random);
        const double size = p < 600 ? 60.0 : 1500.0;
        const double w = 20.0 + size * unit(random), h = 20.0 + size * unit(random);
        const double a = M_PI * unit(random), c = std::cos(a), sn = std::sin(a);
        OGRLinearRing ring;
        for (const auto& [u, v] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}})
            ring.addPoint(cx + c * u * w / 2 - sn * v * h / 2, cy + sn * u * w / 2 + c * v * h / 2);
        auto polygon = std::make_unique<OGRPolygon>();
        polygon->addRing(&ring);
        geo::appendFeature(s.parcels, polygon.get());
        s.parcelGeometry.push_back(std::move(polygon));
    }
    return s;
}

} // namespace

TEST_CASE("parcel and point distances to rivers equal GEOS's, within the radius",
          "[river_distance]") {
    const Scene s = scene();
    const double radius = 2500.0;
    const geo::RiverDistance rivers(s.rivers, radius);
    int near = 0, touching = 0, beyond = 0;
    for (std::size_t f = 0; f < s.parcels.featureCount(); ++f) {
        INFO("parcel " << f);
        const double expected = s.parcelGeometry[f]->Distance(&s.riverGeometry);
        const double got = rivers.distance(s.parcels, f);
        if (expected < radius - 1e-6) {
            CHECK(got == Approx(expected).margin(1e-6));
            near += expected > 0;
            touching += expected == 0;
        } else if (expected > radius + 1e-6) {
            CHECK(std::isinf(got));
            ++beyond;
        }
        double x = 0, y = 0;
        REQUIRE(geo::interiorPoint(s.parcels, f, x, y));
        OGRPoint inside(x, y);
        const double pointExpected = inside.Distance(&s.riverGeometry);
        double nearest[2] = {NAN, NAN};
        const double pointGot = rivers.distance(x, y, nearest);
        if (pointExpected < radius - 1e-6) {
            CHECK(pointGot == Approx(pointExpected).margin(1e-6));
            CHECK(std::hypot(nearest[0] - x, nearest[1] - y) == Approx(pointGot).margin(1e-6));
            OGRPoint onRiver(nearest[0], nearest[1]);
            CHECK(onRiver.Distance(&s.riverGeometry) < 1e-6); // the point is on a river
        } else if (pointExpected > radius + 1e-6) {
            CHECK(std::isinf(pointGot));
        }
    }
    CHECK(near > 100); // the scene has each case
    CHECK(touching > 5);
    CHECK(beyond > 20);
}

TEST_CASE("one walk for a parcel and its inner point answers as the two searches",
          "[river_distance]") {
    const Scene s = scene();
    const geo::RiverDistance rivers(s.rivers, 2500.0);
    for (std::size_t f = 0; f < s.parcels.featureCount(); ++f) {
        INFO("parcel " << f);
        double x = 0, y = 0;
        REQUIRE(geo::interiorPoint(s.parcels, f, x, y));
        double alone[2] = {NAN, NAN}, both[2] = {NAN, NAN};
        // The one walk first: the searches alone would leave it their answer as its hint.
        const double polygonBoth = rivers.distanceAndNearest(s.parcels, f, x, y, both);
        const double polygonAlone = rivers.distance(s.parcels, f);
        const double pointAlone = rivers.distance(x, y, alone);
        CHECK(
            (polygonBoth == polygonAlone || (std::isinf(polygonBoth) && std::isinf(polygonAlone))));
        if (std::isfinite(pointAlone)) {
            CHECK(both[0] == alone[0]);
            CHECK(both[1] == alone[1]);
        } else {
            CHECK(std::isnan(both[0]));
            CHECK(std::isnan(both[1]));
        }
    }
}
