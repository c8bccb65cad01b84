// Compact polygons: coordinates kept to the centimetre, and hit tests (point → parcel,
// box → parcels) that agree with GDAL/GEOS predicates on the generated county's parcels.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/compact_polygons.h"
#include "geo/gdal_session.h"
#include "support/sample_fixture.h"

namespace {

struct Parcels {
    geo::CompactPolygons polygons;
    std::vector<std::unique_ptr<OGRGeometry>> geometries; // the same features, as GDAL has them
};

const Parcels& parcels() {
    static const Parcels loaded = [] {
        Parcels p;
        GDALDatasetUniquePtr ds =
            geo::openVector(testing::smallCounty().directory + "/county.gpkg");
        OGRLayer* layer = ds->GetLayerByName("parcels");
        OGREnvelope e;
        REQUIRE(layer->GetExtent(&e) == OGRERR_NONE);
        p.polygons = geo::CompactPolygons(e.MinX, e.MinY);
        for (const auto& feature : *layer) {
            p.polygons.add(feature->GetFID(), feature->GetGeometryRef());
            p.geometries.emplace_back(feature->GetGeometryRef()->clone());
        }
        p.polygons.finish();
        return p;
    }();
    return loaded;
}

double next(std::uint64_t& state) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
}

} // namespace

TEST_CASE("compact polygons keep every vertex to the centimetre and fit the memory budget",
          "[compact_polygons]") {
    const Parcels& p = parcels();
    REQUIRE(p.polygons.size() == p.geometries.size());
    REQUIRE(p.polygons.size() > 1000);
    double worst = 0;
    for (std::size_t f = 0; f < p.polygons.size(); f += 7) {
        const OGRPolygon* polygon = p.geometries[f]->getGeometryType() == wkbPolygon
                                        ? p.geometries[f]->toPolygon()
                                        : p.geometries[f]->toMultiPolygon()->getGeometryRef(0);
        const OGRLinearRing* ring = polygon->getExteriorRing();
        const std::uint32_t first = p.polygons.vertexBegin(p.polygons.ringBegin(f));
        for (int v = 0; v + 1 < ring->getNumPoints(); ++v) {
            worst =
                std::max(worst, std::fabs(p.polygons.x(first + std::uint32_t(v)) - ring->getX(v)));
            worst =
                std::max(worst, std::fabs(p.polygons.y(first + std::uint32_t(v)) - ring->getY(v)));
        }
    }
    CHECK(worst <= 0.005 + 1e-9); // half a centimetre: rounding to the nearest centimetre
    const double perParcel = double(p.polygons.memoryBytes()) / double(p.polygons.size());
    INFO(perParcel << " bytes per parcel");
    CHECK(perParcel < 400.0); // the budget for drawing data, before any reserve()
}

TEST_CASE("point hit tests agree with GEOS containment", "[compact_polygons]") {
    const Parcels& p = parcels();
    const geo::Extent extent = p.polygons.extent();
    std::uint64_t state = 99;
    int inside = 0;
    for (int q = 0; q < 400; ++q) {
        const double x = extent.minX + next(state) * extent.width();
        const double y = extent.minY + next(state) * extent.height();
        const OGRPoint point(x, y);
        std::set<long long> expected;
        for (std::size_t f = 0; f < p.geometries.size(); ++f)
            if (p.geometries[f]->Contains(&point))
                expected.insert(static_cast<long long>(f));
        const long long found = p.polygons.featureAt(x, y);
        if (expected.empty()) {
            CHECK(found == -1);
        } else {
            ++inside;
            CHECK(expected.count(found) == 1);
        }
    }
    CHECK(inside > 100); // the test saw parcels, not only gaps
}

TEST_CASE("a point just outside a parcel finds it within the tolerance, not beyond",
          "[compact_polygons]") {
    const Parcels& p = parcels();
    // A point 3 m east of the easternmost vertex of the whole layer.
    const geo::Extent extent = p.polygons.extent();
    const double x = extent.maxX + 3.0, y = (extent.minY + extent.maxY) / 2;
    CHECK(p.polygons.featureAt(x, y, 1.0) == -1);
    double best = 1e300;
    for (std::size_t f = 0; f < p.geometries.size(); ++f) {
        const OGRPoint point(x, y);
        best = std::min(best, p.geometries[f]->Distance(&point));
    }
    const long long near = p.polygons.featureAt(x, y, best + 1.0);
    REQUIRE(near >= 0);
    const OGRPoint point(x, y);
    CHECK(p.geometries[static_cast<std::size_t>(near)]->Distance(&point) ==
          Approx(best).margin(0.02));
}

TEST_CASE("box hit tests agree with GEOS intersection", "[compact_polygons]") {
    const Parcels& p = parcels();
    const geo::Extent extent = p.polygons.extent();
    std::uint64_t state = 7;
    for (int q = 0; q < 60; ++q) {
        const double x = extent.minX + next(state) * extent.width();
        const double y = extent.minY + next(state) * extent.height();
        const double s = 5 + next(state) * 300; // metres: from inside one parcel to dozens
        const geo::Extent box{x, y, x + s, y + s * 0.6};
        OGRPolygon rectangle;
        OGRLinearRing ring;
        ring.addPoint(box.minX, box.minY);
        ring.addPoint(box.maxX, box.minY);
        ring.addPoint(box.maxX, box.maxY);
        ring.addPoint(box.minX, box.maxY);
        ring.closeRings();
        rectangle.addRing(&ring);
        std::vector<std::uint32_t> expected;
        for (std::size_t f = 0; f < p.geometries.size(); ++f)
            if (p.geometries[f]->Intersects(&rectangle))
                expected.push_back(static_cast<std::uint32_t>(f));
        CHECK(p.polygons.featuresIn(box) == expected);
    }
}

TEST_CASE("WKB is read in place for polygons, through GDAL otherwise, and never past its end",
          "[compact_polygons][wkb]") {
    // A square with a hole, as a multipolygon with Z, big-endian: exercises every branch.
    OGRMultiPolygon multi;
    OGRPolygon polygon;
    OGRLinearRing outer, hole;
    for (auto [x, y] : {std::pair{0.0, 0.0}, {10.0, 0.0}, {10.0, 10.0}, {0.0, 10.0}, {0.0, 0.0}})
        outer.addPoint(x, y, 5.0);
    for (auto [x, y] : {std::pair{4.0, 4.0}, {6.0, 4.0}, {6.0, 6.0}, {4.0, 6.0}, {4.0, 4.0}})
        hole.addPoint(x, y, 5.0);
    polygon.addRing(&outer);
    polygon.addRing(&hole);
    multi.addGeometry(&polygon);
    std::vector<unsigned char> wkb(static_cast<std::size_t>(multi.WkbSize()));
    REQUIRE(multi.exportToWkb(wkbXDR, wkb.data(), wkbVariantIso) == OGRERR_NONE);

    geo::CompactPolygons polygons;
    polygons.addWkb(7, wkb.data(), wkb.size());
    // A curve polygon goes through GDAL and arrives as its linear approximation.
    OGRCurvePolygon curved;
    OGRCircularString arc;
    arc.addPoint(20, 0);
    arc.addPoint(25, 5);
    arc.addPoint(20, 10);
    arc.addPoint(15, 5);
    arc.addPoint(20, 0);
    curved.addRingDirectly(&arc);
    std::vector<unsigned char> curve(static_cast<std::size_t>(curved.WkbSize()));
    REQUIRE(curved.exportToWkb(wkbNDR, curve.data(), wkbVariantIso) == OGRERR_NONE);
    curved.removeRing(0, false); // the ring is on the stack
    polygons.addWkb(8, curve.data(), curve.size());
    // Every truncation of the first WKB: no crash, no read past the end, a slot kept.
    for (std::size_t cut = 0; cut < wkb.size(); ++cut)
        polygons.addWkb(100 + std::int64_t(cut), wkb.data(), cut);
    polygons.finish();

    REQUIRE(polygons.size() == 2 + wkb.size());
    CHECK(polygons.fid(0) == 7);
    CHECK(polygons.ringEnd(0) - polygons.ringBegin(0) == 2);
    CHECK(polygons.contains(0, 1, 1));
    CHECK_FALSE(polygons.contains(0, 5, 5)); // in the hole
    CHECK(polygons.contains(1, 20, 5));
    CHECK(polygons.featureExtent(1).maxX == Approx(25.0).margin(0.01));
}
