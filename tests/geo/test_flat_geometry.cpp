// The flat-geometry predicates that replace GEOS on every parcel: checked on cases whose
// answer is known by construction, including the ones a tiling makes delicate.
#include <catch2/catch.hpp>

#include <ogr_geometry.h>

#include "geo/flat_geometry.h"
#include "geo/flat_layer.h"

namespace {

geo::FlatLayer layerOf(const std::vector<const char*>& wkts) {
    geo::FlatLayer layer;
    for (const char* wkt : wkts) {
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE);
        geo::appendFeature(layer, g);
        OGRGeometryFactory::destroyGeometry(g);
    }
    return layer;
}

} // namespace

TEST_CASE("neighbours sharing edges and vertices do not overlap; real overlaps are found",
          "[flat_geometry]") {
    const auto l = layerOf({
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",           // 0: a square
        "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))",        // 1: its neighbour, one shared edge
        "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))",     // 2: touches 0 at one corner only
        "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))",           // 3: overlaps 0, 1 and 2
        "POLYGON ((2 2, 4 2, 4 4, 2 4, 2 2))",               // 4: inside 0, nothing shared
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",           // 5: a copy of 0
        "POLYGON ((10 0, 10 10, 0 10, 10 0))",               // 6: a triangle inside 0 whose
                                                             //    edges join 0's own vertices
        "POLYGON ((10 10, 10 5, 10 0, 20 0, 20 10, 10 10))", // 7: like 1 with a T-junction vertex
    });
    CHECK_FALSE(geo::interiorsMayOverlap(l, 0, l, 1));
    CHECK_FALSE(geo::interiorsMayOverlap(l, 0, l, 2));
    CHECK(geo::interiorsMayOverlap(l, 0, l, 3));
    CHECK(geo::interiorsMayOverlap(l, 1, l, 3));
    CHECK(geo::interiorsMayOverlap(l, 0, l, 4));
    CHECK(geo::interiorsMayOverlap(l, 4, l, 0));
    CHECK(geo::interiorsMayOverlap(l, 0, l, 5));
    CHECK(geo::interiorsMayOverlap(l, 0, l, 6)); // no crossing, no vertex inside: the edge is
    CHECK(geo::interiorsMayOverlap(l, 6, l, 0));
    CHECK_FALSE(geo::interiorsMayOverlap(l, 0, l, 7));
}

TEST_CASE("simple rings are proven valid; bowties, pinches and spikes are not", "[flat_geometry]") {
    const auto l = layerOf({
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
        "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))",                       // bowtie
        "POLYGON ((0 0, 10 0, 5 5, 10 10, 0 10, 5 5, 0 0))",             // touches itself at 5 5
        "POLYGON ((0 0, 10 0, 10 10, 10 20, 10 10, 0 10, 0 0))",         // a spike folding back
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 2))", // a hole: left to GEOS
        "POLYGON ((0 0, 10 0, 20 0, 0 0))",                              // no area
    });
    CHECK(geo::isSimpleSingleRing(l, 0));
    for (std::size_t i = 1; i < l.featureCount(); ++i) {
        INFO("feature " << i);
        CHECK_FALSE(geo::isSimpleSingleRing(l, i));
    }
}

TEST_CASE("containment and interior points", "[flat_geometry]") {
    const auto l = layerOf({"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2))",
                            "POLYGON ((0 0, 10 0, 10 1, 1 1, 1 10, 0 10, 0 0))"}); // an L
    CHECK(geo::featureContains(l, 0, 1, 1));
    CHECK_FALSE(geo::featureContains(l, 0, 5, 5)); // in the hole
    CHECK_FALSE(geo::featureContains(l, 0, 11, 5));
    double x = 0, y = 0;
    REQUIRE(geo::interiorPoint(l, 1, x, y)); // the L's centroid is outside it
    CHECK(geo::featureContains(l, 1, x, y));
    CHECK(x == 0.5); // across the middle (y = 5) the L is 0..1 wide: not on its edge
    CHECK(y == 5.0);
    // A parcel around a pond: the centroid and every midpoint from the first corner lie in the
    // hole or on the edge; the widest stretch inside across the middle (y = 5) is 0..2.
    REQUIRE(geo::interiorPoint(l, 0, x, y));
    CHECK(geo::featureContains(l, 0, x, y));
    CHECK(x == 1.0);
    CHECK(y == 5.0);
    CHECK(geo::flatHash(l, 0) != geo::flatHash(l, 1));
    CHECK(geo::sameCoordinates(l, 0, l, 0));
    CHECK_FALSE(geo::sameCoordinates(l, 0, l, 1));
}

TEST_CASE("interior points are the same for a ring stored open or closed", "[flat_geometry]") {
    // Classification stores parcel rings open (ClassificationInputs::parcelShapes): the same
    // shapes without the vertex that repeats the first. The centroid is taken relative to the
    // first vertex, so the edge back to it adds nothing, stored or not. An L (centroid outside
    // it), a square, a triangle and a square around a pond.
    const std::vector<const char*> closed = {
        "POLYGON ((0 0, 10 0, 10 1, 1 1, 1 10, 0 10, 0 0))",
        "POLYGON ((3 4, 13 4, 13 14, 3 14, 3 4))",
        "POLYGON ((0 0, 6 0, 0 3, 0 0))",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2))",
    };
    const geo::FlatLayer withClosing = layerOf(closed);
    geo::FlatLayer open = withClosing;
    // Each ring without its last vertex.
    open.xy.clear();
    open.partStart.clear();
    for (std::size_t part = 0; part + 1 < withClosing.partStart.size(); ++part) {
        open.partStart.push_back(static_cast<std::uint32_t>(open.xy.size() / 2));
        open.xy.insert(open.xy.end(), withClosing.xy.begin() + 2 * withClosing.partStart[part],
                       withClosing.xy.begin() + 2 * (withClosing.partStart[part + 1] - 1));
    }
    open.partStart.push_back(static_cast<std::uint32_t>(open.xy.size() / 2));
    REQUIRE(open.vertexCount() + open.partStart.size() - 1 == withClosing.vertexCount());
    for (std::size_t f = 0; f < closed.size(); ++f) {
        INFO(closed[f]);
        double x = 0, y = 0, ox = 0, oy = 0;
        REQUIRE(geo::interiorPoint(withClosing, f, x, y));
        REQUIRE(geo::interiorPoint(open, f, ox, oy));
        CHECK(ox == x);
        CHECK(oy == y);
        CHECK(geo::featureContains(open, f, ox, oy));
    }
    // The square's centroid, the triangle's (the mean of its corners).
    double x = 0, y = 0;
    REQUIRE(geo::interiorPoint(open, 1, x, y));
    CHECK(x == Approx(8.0));
    CHECK(y == Approx(9.0));
    REQUIRE(geo::interiorPoint(open, 2, x, y));
    CHECK(x == Approx(2.0));
    CHECK(y == Approx(1.0));
}
