// sharedArea measures the part of a parcel inside a village exactly: against GEOS's
// intersection (through OGR) for parcels of several shapes laid across random villages with
// holes and across real district boundaries, and in the cases GEOS is not needed for: a
// parcel drawn along the village line, one only touching it, one wholly inside.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <ogrsf_frmts.h>

#include "geo/feature_bands.h"
#include "geo/flat_layer.h"
#include "geo/gdal_session.h"
#include "geo/polygon_overlap.h"

namespace {

std::unique_ptr<OGRGeometry> fromWkt(const std::string& wkt) {
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
    return std::unique_ptr<OGRGeometry>(g);
}

// GEOS's area of a ∩ b.
double geosShared(const OGRGeometry& a, const OGRGeometry& b) {
    const std::unique_ptr<OGRGeometry> shared(a.Intersection(&b));
    REQUIRE(shared);
    return shared->IsEmpty() ? 0.0 : OGR_G_Area(OGRGeometry::ToHandle(shared.get()));
}

// One parcel of a few shapes around (x, y), `size` across, turned by `angle`: a square, an L
// and a square with a hole.
std::unique_ptr<OGRGeometry> parcelAt(double x, double y, double size, double angle, int shape) {
    const double c = std::cos(angle), s = std::sin(angle);
    auto ring = [&](std::initializer_list<std::pair<double, double>> points) {
        std::string wkt = "(";
        bool first = true;
        for (const auto& [u, v] : points) {
            const double px = x + size * (u * c - v * s), py = y + size * (u * s + v * c);
            wkt += (first ? "" : ",") + std::to_string(px) + " " + std::to_string(py);
            first = false;
        }
        return wkt + ")";
    };
    switch (shape % 3) {
    case 0:
        return fromWkt("POLYGON (" +
                       ring({{-.5, -.5}, {.5, -.5}, {.5, .5}, {-.5, .5}, {-.5, -.5}}) + ")");
    case 1:
        return fromWkt(
            "POLYGON (" +
            ring({{-.5, -.5}, {.5, -.5}, {.5, 0}, {0, 0}, {0, .5}, {-.5, .5}, {-.5, -.5}}) + ")");
    default:
        return fromWkt("POLYGON (" +
                       ring({{-.5, -.5}, {.5, -.5}, {.5, .5}, {-.5, .5}, {-.5, -.5}}) + "," +
                       ring({{-.2, -.2}, {-.2, .2}, {.2, .2}, {.2, -.2}, {-.2, -.2}}) + ")");
    }
}

double flatShared(const OGRGeometry& parcel, const geo::FeatureBands& village) {
    geo::FlatLayer layer;
    geo::appendFeature(layer, &parcel);
    return geo::PolygonEdges(layer, 0).sharedArea(village);
}

} // namespace

TEST_CASE("the area a parcel shares with a village equals GEOS's intersection",
          "[polygon_overlap]") {
    geo::initialiseGdal();
    SECTION("random villages with holes") {
        std::mt19937 random(11);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const double pi = std::acos(-1.0);
        for (int v = 0; v < 6; ++v) {
            // A star-like village of 300 vertices around (0, 0), with a square hole.
            std::vector<std::pair<double, double>> points;
            for (int k = 0; k < 300; ++k) {
                const double a = 2 * pi * k / 300, r = 1000 * (0.7 + 0.3 * unit(random));
                points.emplace_back(r * std::cos(a), r * std::sin(a));
            }
            points.push_back(points.front());
            std::string outer = "(";
            for (std::size_t k = 0; k < points.size(); ++k)
                outer += (k ? "," : "") + std::to_string(points[k].first) + " " +
                         std::to_string(points[k].second);
            outer += ")";
            const auto village =
                fromWkt("POLYGON (" + outer + ",(-200 -200,-200 200,200 200,200 -200,-200 -200))");
            geo::FlatLayer villages;
            geo::appendFeature(villages, village.get());
            const geo::FeatureBands bands(villages, 0);
            for (int p = 0; p < 200; ++p) {
                // Parcels across the outer line, across the hole's edge, and inside.
                const double a = 2 * pi * unit(random);
                const double r =
                    p % 4 == 0 ? 200 + 40 * (unit(random) - 0.5) : 700 + 300 * unit(random);
                const auto parcel = parcelAt(r * std::cos(a), r * std::sin(a),
                                             20 + 40 * unit(random), 2 * pi * unit(random), p);
                const double expected = geosShared(*parcel, *village);
                INFO("village " << v << " parcel " << p);
                CHECK(flatShared(*parcel, bands) ==
                      Approx(expected).margin(1e-6 * parcel->toPolygon()->get_Area()));
            }
        }
    }
    SECTION("real district boundaries") {
        const std::filesystem::path file = std::filesystem::path(TIANMU_SHARED_DATA_DIR) /
                                           "gary-yongzhou-districts/yongzhou_districts.shp";
        if (!std::filesystem::exists(file)) {
            WARN(file.string() + " is not present; skipped");
            return;
        }
        GDALDatasetUniquePtr ds = geo::openVector(file.string());
        OGRLayer* layer = ds->GetLayer(0);
        int measured = 0, across = 0;
        for (const auto& district : *layer) {
            const OGRGeometry* boundary = district->GetGeometryRef();
            geo::FlatLayer villages;
            geo::appendFeature(villages, boundary);
            const geo::FeatureBands bands(villages, 0);
            // Parcels of about 300 m (in degrees) on every 40th vertex of the boundary.
            for (std::size_t v = 0; v < villages.vertexCount(); v += 40) {
                const auto parcel = parcelAt(villages.xy[2 * v], villages.xy[2 * v + 1], 0.003,
                                             0.1 * double(v), int(v / 40));
                const double expected = geosShared(*parcel, *boundary);
                const double area = parcel->toPolygon()->get_Area();
                INFO(district->GetFID() << " vertex " << v);
                CHECK(flatShared(*parcel, bands) == Approx(expected).margin(1e-9 * area + 1e-15));
                ++measured;
                across += expected > 0.01 * area && expected < 0.99 * area;
            }
        }
        CHECK(measured > 100);
        CHECK(across > measured / 2); // most lie across the line, as meant
    }
}

TEST_CASE("a parcel drawn along the village line, touching it, or inside it", "[polygon_overlap]") {
    geo::initialiseGdal();
    const auto village = fromWkt("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))");
    geo::FlatLayer villages;
    geo::appendFeature(villages, village.get());
    const geo::FeatureBands bands(villages, 0);
    // Its west and south edges on the village line: wholly inside, as a tiling draws it.
    CHECK(flatShared(*fromWkt("POLYGON ((0 0,40 0,40 30,0 30,0 0))"), bands) == Approx(1200));
    // Its east edge on the village's west line, from outside: nothing shared.
    CHECK(flatShared(*fromWkt("POLYGON ((-40 10,0 10,0 50,-40 50,-40 10))"), bands) == 0.0);
    // A vertex on the line, the rest outside.
    CHECK(flatShared(*fromWkt("POLYGON ((1000 500,1030 480,1030 520,1000 500))"), bands) == 0.0);
    // Wholly inside, no edge near.
    CHECK(flatShared(*fromWkt("POLYGON ((100 100,200 100,150 180,100 100))"), bands) ==
          Approx(4000));
    // Across the north-east corner: a quarter inside.
    CHECK(flatShared(*fromWkt("POLYGON ((990 990,1010 990,1010 1010,990 1010,990 990))"), bands) ==
          Approx(100));
}

TEST_CASE("whether a village line runs through a parcel", "[polygon_overlap]") {
    geo::initialiseGdal();
    // Two villages: a square, and an L whose inner corner is at (500, 500).
    const auto square = fromWkt("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))");
    const auto ell = fromWkt("POLYGON ((0 0,1000 0,1000 500,500 500,500 1000,0 1000,0 0))");
    geo::FlatLayer villages;
    geo::appendFeature(villages, square.get());
    geo::appendFeature(villages, ell.get());
    const geo::FeatureBands squareBands(villages, 0), ellBands(villages, 1);
    auto runsThrough = [&](const char* wkt, const geo::FeatureBands& village) {
        geo::FlatLayer parcels;
        const auto parcel = fromWkt(wkt);
        geo::appendFeature(parcels, parcel.get());
        return geo::PolygonEdges(parcels, 0).crossedBy(village);
    };
    // Drawn along the line, inside or outside: a tiling.
    CHECK_FALSE(runsThrough("POLYGON ((0 0,40 0,40 30,0 30,0 0))", squareBands));
    CHECK_FALSE(runsThrough("POLYGON ((-40 10,0 10,0 50,-40 50,-40 10))", squareBands));
    // Along the line with a vertex of the line in the middle of the parcel's edge.
    CHECK_FALSE(runsThrough("POLYGON ((500 500,600 500,600 600,500 600,500 500))", ellBands));
    CHECK_FALSE(
        runsThrough("POLYGON ((480 400,520 400,520 500,500 500,480 500,480 400))", ellBands));
    // Wholly inside, far from the line; wholly outside.
    CHECK_FALSE(runsThrough("POLYGON ((100 100,200 100,150 180,100 100))", squareBands));
    CHECK_FALSE(runsThrough("POLYGON ((3000 100,3100 100,3050 180,3000 100))", squareBands));
    // Across the line.
    CHECK(runsThrough("POLYGON ((990 100,1010 100,1010 110,990 110,990 100))", squareBands));
    // The L's inner corner pokes into the parcel: its edges cross the parcel's.
    CHECK(runsThrough("POLYGON ((490 490,510 490,510 510,490 510,490 490))", ellBands));
    // The line starts on the parcel's edge and goes in (a T): no proper crossing.
    CHECK(runsThrough("POLYGON ((480 500,520 500,520 540,480 540,480 500))", ellBands));
    // The line runs through two opposite corners of the parcel, along its diagonal.
    geo::FlatLayer triangle;
    geo::appendFeature(triangle, fromWkt("POLYGON ((0 0,1000 0,0 1000,0 0))").get());
    const geo::FeatureBands triangleBands(triangle, 0);
    CHECK(runsThrough("POLYGON ((400 400,600 400,600 600,400 600,400 400))", triangleBands));
    // Its corner only touches the line.
    CHECK_FALSE(runsThrough("POLYGON ((600 400,700 400,700 500,600 400))", triangleBands));
}
