// A project survives a power cut after a save: the connections tianmu writes through keep
// SQLite's full sync (the file and its rollback journal reach the disk at each commit).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include "geo/gdal_session.h"
#include "geo/project_store.h"
#include "support/dataset_digest.h"
#include "support/project_value.h"
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

namespace {

int countCommit(void* count) {
    ++*static_cast<int*>(count);
    return 0; // let it commit
}

} // namespace

TEST_CASE("a save is one transaction: GDAL's own bookkeeping does not follow it in others",
          "[durability]") {
    // Each commit syncs the file and its journal (see above): a few milliseconds each on a
    // township office's disk. GDAL defers the row-count triggers and counts of the layers it
    // made to when the file closes, each statement then a commit of its own.
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    int commits = 0;
    {
        auto store = geo::openGeoPackageProject(project);
        OGRLayer* parcels = store->layer("parcels");
        REQUIRE(parcels);
        auto* db = static_cast<sqlite3*>(parcels->GetDataset()->GetInternalHandle("SQLITE_HANDLE"));
        REQUIRE(db);
        sqlite3_commit_hook(db, countCommit, &commits);
        {
            geo::Transaction transaction(*store);
            OGRLayer& made = store->recreateLayer("made_by_gdal", wkbNone, 0,
                                                  {{"NAME", OFTString}, {"COUNT", OFTInteger}});
            OGRFeatureUniquePtr row(OGRFeature::CreateFeature(made.GetLayerDefn()));
            row->SetField("NAME", "一行");
            REQUIRE(made.CreateFeature(row.get()) == OGRERR_NONE);
            store->setProperty("saved_by", "test");
            transaction.commit();
        }
        CHECK(commits == 1);
        // The store closes here: nothing of GDAL's is left to write.
        sqlite3_commit_hook(db, countCommit, &commits);
    }
    CHECK(commits == 1);
    // And what it deferred is there: the layer's count, kept by its triggers from now on.
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer* made = ds->GetLayerByName("made_by_gdal");
    REQUIRE(made);
    CHECK(made->GetFeatureCount(FALSE) == 1);
    CHECK(testing::projectValue(project, "SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                         "'trigger' AND tbl_name = 'made_by_gdal'") == "2");
}

TEST_CASE("a failure in GDAL's deferred bookkeeping rolls the save back", "[durability]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    {
        // GDAL writes the new layer's row count when it flushes, just before the commit.
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("CREATE TRIGGER refuse BEFORE UPDATE ON gpkg_ogr_contents WHEN "
                       "NEW.table_name = 'made_by_gdal' BEGIN SELECT RAISE(ABORT, 'refused by "
                       "test'); END",
                       nullptr, nullptr);
    }
    const std::uint64_t before = testing::datasetDigest(project);
    {
        auto store = geo::openGeoPackageProject(project);
        geo::Transaction transaction(*store);
        OGRLayer& made = store->recreateLayer("made_by_gdal", wkbNone, 0, {{"NAME", OFTString}});
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(made.GetLayerDefn()));
        row->SetField("NAME", "一行");
        REQUIRE(made.CreateFeature(row.get()) == OGRERR_NONE);
        CHECK_THROWS_WITH(transaction.commit(), Catch::Contains("cannot write the project") &&
                                                    Catch::Contains("refused by test"));
    }
    CHECK(testing::datasetDigest(project) == before);
    CHECK(testing::projectValue(project, "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                         "'made_by_gdal'") == "0");
}
