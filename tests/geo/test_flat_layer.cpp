#include <catch2/catch.hpp>

#include <cpl_vsi.h>

#include "geo/error.h"
#include "geo/flat_layer.h"
#include "geo/gdal_session.h"

namespace {

void writeMemFile(const char* path, const std::string& text) {
    VSILFILE* f = VSIFOpenL(path, "wb");
    VSIFWriteL(text.data(), 1, text.size(), f);
    VSIFCloseL(f);
}

} // namespace

TEST_CASE("a layer is read into flat arrays, features in source order", "[flat_layer]") {
    geo::initialiseGdal();
    const char* path = "/vsimem/flat_layer_test.geojson";
    writeMemFile(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"DLBM":"0101"},"geometry":{"type":"Polygon","coordinates":
        [[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[4,2],[4,4],[2,2]]]}},
      {"type":"Feature","properties":{"DLBM":"0301"},"geometry":null},
      {"type":"Feature","properties":{"DLBM":"1104"},"geometry":{"type":"MultiPolygon","coordinates":
        [[[[20,20],[21,20],[21,21],[20,20]]],[[[30,30],[31,30],[31,31],[30,30]]]]}}]})");
    const geo::FlatLayer layer = geo::readFlatLayer(path, "", "DLBM");
    VSIUnlink(path);

    REQUIRE(layer.featureCount() == 3);
    CHECK(layer.kind == geo::GeometryKind::Polygons);
    CHECK(layer.category == std::vector<std::string>{"0101", "0301", "1104"});
    // Feature 0: two rings (5 + 4 vertices); feature 1: none; feature 2: two rings.
    CHECK(layer.featurePart == std::vector<std::uint32_t>{0, 2, 2, 4});
    CHECK(layer.partStart == std::vector<std::uint32_t>{0, 5, 9, 13, 17});
    CHECK(layer.vertexCount() == 17);
    CHECK(layer.extent == geo::Extent{0, 0, 31, 31});
}

TEST_CASE("reading a missing file, layer or field names what is missing", "[flat_layer]") {
    CHECK_THROWS_WITH(geo::readFlatLayer("/nonexistent/parcels.gpkg", "parcels"),
                      Catch::Contains("/nonexistent/parcels.gpkg") && Catch::Contains("not found"));
    const char* path = "/vsimem/flat_layer_fields.geojson";
    writeMemFile(path, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"A":1},"geometry":{"type":"Point","coordinates":[1,2]}}]})");
    CHECK_THROWS_AS(geo::readFlatLayer(path, "", "DLBM"), geo::InputError);
    CHECK_THROWS_WITH(geo::readFlatLayer(path, "", "DLBM"), Catch::Contains("DLBM"));
    CHECK_THROWS_WITH(geo::readFlatLayer(path, "villages"), Catch::Contains("villages"));
    const geo::FlatLayer points = geo::readFlatLayer(path);
    CHECK(points.kind == geo::GeometryKind::Points);
    VSIUnlink(path);
}

TEST_CASE("a file that is not a dataset is bad input, not a crash", "[flat_layer]") {
    const char* path = "/tmp/tianmu_not_a_dataset.gpkg";
    FILE* f = std::fopen(path, "wb");
    std::fputs("this is not a GeoPackage", f);
    std::fclose(f);
    CHECK_THROWS_AS(geo::readFlatLayer(path, "parcels"), geo::InputError);
    std::remove(path);
}
