// The polygon of a GeoPackage layer that holds a point, found through the layer's spatial
// index and decided by the even-odd rule classification uses.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/gdal_session.h"
#include "geo/point_placement.h"
#include "support/sample_fixture.h"

namespace {

// A GeoPackage layer of the polygons given as WKT, FIDs 1, 2, … in that order.
GDALDatasetUniquePtr polygons(const std::vector<std::string>& wkt) {
    geo::initialiseGdal();
    const std::string path = testing::temporaryDirectory() + "/polygons.gpkg";
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
        path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = ds->CreateLayer("shapes", nullptr, wkbPolygon, nullptr);
    REQUIRE(layer);
    for (const std::string& text : wkt) {
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &g) == OGRERR_NONE);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetGeometryDirectly(g);
        REQUIRE(layer->CreateFeature(f.get()) == OGRERR_NONE);
    }
    return ds;
}

} // namespace

TEST_CASE("the polygon holding a point: holes, gaps, overlaps and the layer left as it was",
          "[point_placement]") {
    auto ds = polygons({
        // 1: a square with a pond (hole) in it
        "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))",
        // 2: an L beside it, whose box covers the empty corner (150..200, 150..200)
        "POLYGON ((100 0, 200 0, 200 150, 150 150, 150 200, 100 200, 100 0))",
        // 3: the pond itself
        "POLYGON ((40 40, 60 40, 60 60, 40 60, 40 40))",
        // 4 and 5: two overlapping squares far off
        "POLYGON ((1000 1000, 1100 1000, 1100 1100, 1000 1100, 1000 1000))",
        "POLYGON ((1050 1050, 1150 1050, 1150 1150, 1050 1150, 1050 1050))",
    });
    OGRLayer& layer = *ds->GetLayerByName("shapes");
    CHECK(geo::featureHoldingPoint(layer, 10, 10) == 1);
    CHECK(geo::featureHoldingPoint(layer, 50, 50) == 3); // in the pond, not the square around it
    CHECK(geo::featureHoldingPoint(layer, 120, 180) == 2);
    CHECK(geo::featureHoldingPoint(layer, 180, 180) == -1); // in the L's box, not in the L
    CHECK(geo::featureHoldingPoint(layer, 500, 500) == -1);
    CHECK(geo::featureHoldingPoint(layer, 1075, 1075) == 4); // both hold it: the lower FID
    CHECK(geo::featureHoldingPoint(layer, 1125, 1125) == 5);
    CHECK(geo::featureHoldingPoint(layer, NAN, 10) == -1);
    // No spatial filter is left behind: the layer reads every feature again.
    CHECK(layer.GetSpatialFilter() == nullptr);
    CHECK(layer.GetFeatureCount() == 5);
}
