// Distances from parcels to rivers, against GEOS (through OGR) as the independent measure:
// meandering river lines and a lake, parcels near, far, crossing and beyond the radius. The
// river point nearest to a parcel must lie on a river, at the parcel's distance.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include <ogr_geometry.h>

#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"
#include "geo/river_distance.h"

namespace {

constexpr double originX = 37500000.0, originY = 2880000.0; // Gauss-Krüger sized coordinates

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
        double x = originX, y = originY + 1500.0 * r, heading = 0.3 * r;
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
        lakeRing.addPoint(originX + 3000.0 + 300.0 * std::cos(k * M_PI / 18),
                          originY + 4000.0 + 200.0 * std::sin(k * M_PI / 18));
    OGRPolygon lake;
    lake.addRing(&lakeRing);
    geo::appendFeature(s.rivers, &lake);
    s.riverGeometry.addGeometry(&lake);
    // Parcels: rotated rectangles of 20-80 m anywhere around, some far beyond the radius, and
    // large ones (up to 1.5 km) whose corners and inner points are nearest to different rivers.
    // Every eighth has a hole; every eighth is a jagged star of 70 vertices instead (more
    // edges than the searches keep boxes for, so they are measured vertex by vertex).
    for (int p = 0; p < 800; ++p) {
        const double cx = originX - 2000.0 + 9000.0 * unit(random);
        const double cy = originY - 2000.0 + 9000.0 * unit(random);
        const double size = p < 600 ? 60.0 : 1500.0;
        const double w = 20.0 + size * unit(random), h = 20.0 + size * unit(random);
        const double a = M_PI * unit(random), c = std::cos(a), sn = std::sin(a);
        auto polygon = std::make_unique<OGRPolygon>();
        OGRLinearRing ring;
        if (p % 8 == 7) {
            for (int k = 0; k < 70; ++k) {
                const double r = (0.3 + 0.7 * unit(random)) * std::max(w, h) / 2;
                ring.addPoint(cx + r * std::cos(a + k * M_PI / 35),
                              cy + r * std::sin(a + k * M_PI / 35));
            }
            ring.closeRings();
        } else {
            for (const auto& [u, v] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}})
                ring.addPoint(cx + c * u * w / 2 - sn * v * h / 2,
                              cy + sn * u * w / 2 + c * v * h / 2);
        }
        polygon->addRing(&ring);
        if (p % 8 == 3) {
            OGRLinearRing hole;
            for (const auto& [u, v] : {std::pair{-1, -1}, {-1, 1}, {1, 1}, {1, -1}, {-1, -1}})
                hole.addPoint(cx + c * u * w / 6 - sn * v * h / 6,
                              cy + sn * u * w / 6 + c * v * h / 6);
            polygon->addRing(&hole);
        }
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

TEST_CASE("a parcel's nearest river point lies on a river at the parcel's distance",
          "[river_distance]") {
    const Scene s = scene();
    const double radius = 2500.0;
    const geo::RiverDistance rivers(s.rivers, radius);
    int found = 0, touching = 0;
    for (std::size_t f = 0; f < s.parcels.featureCount(); ++f) {
        INFO("parcel " << f);
        double nearest[2] = {0, 0};
        const double got = rivers.distanceAndNearest(s.parcels, f, nearest);
        CHECK((got == rivers.distance(s.parcels, f) ||
               (std::isinf(got) && std::isinf(rivers.distance(s.parcels, f)))));
        if (!std::isfinite(got)) {
            CHECK(std::isnan(nearest[0]));
            CHECK(std::isnan(nearest[1]));
            continue;
        }
        ++found;
        touching += got == 0;
        const OGRPoint onRiver(nearest[0], nearest[1]);
        CHECK(onRiver.Distance(&s.riverGeometry) < 1e-6);
        CHECK(onRiver.Distance(s.parcelGeometry[f].get()) == Approx(got).margin(1e-6));
    }
    CHECK(found > 300);
    CHECK(touching > 5);
}

TEST_CASE("a river through a parcel is nearest where it enters; in a lake, on the parcel",
          "[river_distance]") {
    geo::initialiseGdal();
    geo::FlatLayer rivers, parcels;
    OGRLineString river; // west to east, two segments, entering the square at originX + 100
    river.addPoint(originX, originY + 50.0);
    river.addPoint(originX + 150.0, originY + 50.0);
    river.addPoint(originX + 400.0, originY + 50.0);
    geo::appendFeature(rivers, &river);
    OGRLinearRing lakeRing;
    for (const auto& [x, y] :
         {std::pair{1000.0, 0.0}, {1400.0, 0.0}, {1400.0, 400.0}, {1000.0, 400.0}, {1000.0, 0.0}})
        lakeRing.addPoint(originX + x, originY + y);
    OGRPolygon lake;
    lake.addRing(&lakeRing);
    geo::appendFeature(rivers, &lake);
    auto square = [&](double west, double south, double side) {
        OGRLinearRing ring;
        for (const auto& [x, y] :
             {std::pair{0.0, 0.0}, {side, 0.0}, {side, side}, {0.0, side}, {0.0, 0.0}})
            ring.addPoint(originX + west + x, originY + south + y);
        OGRPolygon polygon;
        polygon.addRing(&ring);
        geo::appendFeature(parcels, &polygon);
    };
    square(100.0, 0.0, 100.0);   // crossed by the river from originX + 100 to originX + 200
    square(170.0, 80.0, 20.0);   // 30 m north of the river, over the second segment
    square(1100.0, 100.0, 50.0); // in the lake
    const geo::RiverDistance distances(rivers, 2000.0);
    double nearest[2] = {NAN, NAN};
    CHECK(distances.distanceAndNearest(parcels, 0, nearest) == 0.0);
    CHECK(nearest[0] == Approx(originX + 100.0).margin(1e-6));
    CHECK(nearest[1] == Approx(originY + 50.0).margin(1e-6));
    CHECK(distances.distanceAndNearest(parcels, 1, nearest) == Approx(30.0).margin(1e-9));
    CHECK(nearest[0] >= originX + 170.0 - 1e-9);
    CHECK(nearest[0] <= originX + 190.0 + 1e-9);
    CHECK(nearest[1] == Approx(originY + 50.0).margin(1e-9));
    CHECK(distances.distanceAndNearest(parcels, 2, nearest) == 0.0);
    CHECK(nearest[0] == originX + 1100.0); // its first vertex, on the water
    CHECK(nearest[1] == originY + 100.0);
}

TEST_CASE("neighbours searched together answer as each alone, in any order", "[river_distance]") {
    Scene s = scene();
    const double radius = 2500.0;
    const geo::RiverDistance rivers(s.rivers, radius);
    // Patches of 12 x 12 jittered 25 m parcels, stored row by row (neighbours together, as a
    // space-filling curve has them): over the rivers' start, across the middle river, by the
    // lake and in it, far out, and one straddling the search radius.
    s.parcels = {};
    s.parcelGeometry.clear();
    std::mt19937 random(30);
    std::uniform_real_distribution<double> jitter(-4.0, 4.0);
    for (const auto& [px, py] : {std::pair{-150.0, -150.0},
                                 {2000.0, 1400.0},
                                 {2850.0, 3750.0},
                                 {3050.0, 3950.0},
                                 {1500.0, -1800.0},
                                 {-2650.0, 1000.0}}) {
        for (int row = 0; row < 12; ++row)
            for (int col = 0; col < 12; ++col) {
                OGRLinearRing ring;
                for (const auto& [u, v] : {std::pair{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}})
                    ring.addPoint(originX + px + 25.0 * (col + u) + (u ? jitter(random) : 0.0),
                                  originY + py + 25.0 * (row + v) + (v ? jitter(random) : 0.0));
                auto polygon = std::make_unique<OGRPolygon>();
                polygon->addRing(&ring);
                geo::appendFeature(s.parcels, polygon.get());
                s.parcelGeometry.push_back(std::move(polygon));
            }
    }
    const std::size_t n = s.parcels.featureCount();
    std::vector<std::uint32_t> stored(n);
    std::iota(stored.begin(), stored.end(), 0U);
    std::vector<std::uint32_t> shuffled = stored;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
    std::vector<double> distances(n, -1.0), again(n, -1.0);
    std::vector<std::array<double, 2>> nearest(n), nearestAgain(n);
    rivers.distances(s.parcels, stored, distances, nearest);
    rivers.distances(s.parcels, shuffled, again, nearestAgain);
    int near = 0, touching = 0, beyond = 0;
    for (std::size_t f = 0; f < n; ++f) {
        INFO("parcel " << f);
        const double expected = s.parcelGeometry[f]->Distance(&s.riverGeometry);
        const double alone = rivers.distance(s.parcels, f);
        CHECK((distances[f] == alone || (std::isinf(distances[f]) && std::isinf(alone))));
        CHECK((again[f] == alone || (std::isinf(again[f]) && std::isinf(alone))));
        if (!std::isfinite(alone)) {
            CHECK(expected > radius - 1e-6);
            CHECK(std::isnan(nearest[f][0]));
            ++beyond;
            continue;
        }
        CHECK(alone == Approx(expected).margin(1e-6));
        near += alone > 0;
        touching += alone == 0;
        CHECK(nearest[f] == nearestAgain[f]); // the same point, whatever the order
        double single[2] = {NAN, NAN};        // and searched on its own
        CHECK(rivers.distanceAndNearest(s.parcels, f, single) == alone);
        CHECK(single[0] == nearest[f][0]);
        CHECK(single[1] == nearest[f][1]);
        const OGRPoint onRiver(nearest[f][0], nearest[f][1]);
        CHECK(onRiver.Distance(&s.riverGeometry) < 1e-6);
        CHECK(onRiver.Distance(s.parcelGeometry[f].get()) == Approx(alone).margin(1e-6));
    }
    CHECK(near > 300); // each case is there
    CHECK(touching > 20);
    CHECK(beyond > 20);
}
