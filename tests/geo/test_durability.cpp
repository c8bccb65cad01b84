// A project survives a power cut after a save: the connections tianmu writes through keep
// SQLite's full sync (the file and its rollback journal reach the disk at each commit).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <ogrsf_frmts.h>

#include "geo/gdal_session.h"
#include "support/sample_fixture.h"

TEST_CASE("projects are opened for writing with SQLite's full sync", "[durability]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer* result = ds->ExecuteSQL("PRAGMA synchronous", nullptr, nullptr);
    REQUIRE(result);
    OGRFeatureUniquePtr row(result->GetNextFeature());
    REQUIRE(row);
    CHECK(row->GetFieldAsInteger(0) == 2); // FULL; OFF (0) would let a power cut corrupt it
    row.reset();
    ds->ReleaseResultSet(result);
}
