// parcel_classes is a view over parcel_class_codes and the tables that keep each code's name
// once: every column it showed as a table is there, each name is the one its source holds, a
// project an older tianmu classified (parcel_classes a table) is still read, edited and
// classified again, and a failed classify leaves the view and its tables as they were.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include "geo/classifier.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/project_edit.h"
#include "geo/project_edit_session.h"
#include "geo/project_store.h"
#include "support/classified_project.h"
#include "support/edit_options.h"
#include "support/project_value.h"
#include "support/result_rows.h"
#include "support/sample_fixture.h"

namespace {

using testing::projectValue;
using testing::sqlColumn;

// Every column of parcel_classes, in order, as the table had them and readers expect them.
const std::vector<std::string> classColumns = {
    "fid",           "PARCEL_FID",  "BSM",          "DLBM",         "ZONE",          "ZONE_NAME",
    "SUGGESTED_USE", "ZONE_RULE",   "VILLAGE_CODE", "VILLAGE_NAME", "VILLAGE_RULE",  "IDLE",
    "IDLE_RULE",     "TRANSFERRED", "LZFS",         "LZHTBM",       "TRANSFER_RULE", "AREA_MU",
    "MEAN_ELEV",     "MEAN_SLOPE",  "REL_ELEV",     "RIVER_DIST",   "RIVER_HEIGHT"};

// Every row of parcel_classes, all columns with their storage class, in fid order.
std::vector<std::string> allRows(const std::string& project) {
    std::string columns;
    for (const std::string& c : classColumns)
        columns += (columns.empty() ? "" : " || '|' || ") + std::string("quote(\"") + c +
                   "\") || typeof(\"" + c + "\")";
    return sqlColumn(project, "SELECT " + columns + " FROM parcel_classes ORDER BY fid");
}

// The zone names and uses of the default rule file, read from the file itself.
std::map<std::string, std::pair<std::string, std::string>> zonesOfRuleFile() {
    std::ifstream in(testing::sourcePath("data/rules/lingling-five-zones.json"));
    const nlohmann::json rules = nlohmann::json::parse(in);
    std::map<std::string, std::pair<std::string, std::string>> zones;
    for (const auto& z : rules.at("zones"))
        zones[z.at("id").get<std::string>()] = {z.at("name").at("zh").get<std::string>(),
                                                z.at("suggested_use").at("zh").get<std::string>()};
    return zones;
}

// Turns a classified project into one as an older tianmu left it: parcel_classes a table
// with every column, and none of the tables behind today's view.
void makeOldFormat(const std::string& project) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    for (const char* sql :
         {"CREATE TABLE old_classes AS SELECT * FROM parcel_classes",
          "DROP VIEW IF EXISTS parcel_zones",
          "DELETE FROM gpkg_contents WHERE table_name = 'parcel_zones'",
          "DELETE FROM gpkg_geometry_columns WHERE table_name = 'parcel_zones'",
          "DROP VIEW parcel_classes", "DROP TABLE parcel_class_codes", "DROP TABLE zones",
          "DROP TABLE village_reasons",
          "DELETE FROM gpkg_contents WHERE table_name IN ('parcel_classes', "
          "'parcel_class_codes', 'zones', 'village_reasons')",
          "DELETE FROM gpkg_ogr_contents WHERE table_name IN ('parcel_class_codes', 'zones', "
          "'village_reasons')"})
        ds->ExecuteSQL(sql, nullptr, nullptr);
    ds.reset();
    // GDAL makes the table as older tianmu did (fid the primary key), then it is filled.
    ds.reset(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    OGRLayer* old = ds->GetLayerByName("old_classes");
    REQUIRE(old == nullptr); // not registered: only SQLite knows it
    char fidOption[] = "FID=fid";
    char* options[] = {fidOption, nullptr};
    OGRLayer* table = ds->CreateLayer("parcel_classes", nullptr, wkbNone, options);
    REQUIRE(table);
    for (std::size_t i = 1; i < classColumns.size(); ++i) {
        const std::string& c = classColumns[i];
        const OGRFieldType type = c == "PARCEL_FID"                   ? OFTInteger64
                                  : c == "IDLE" || c == "TRANSFERRED" ? OFTInteger
                                  : c == "AREA_MU" || c.starts_with("MEAN") ||
                                          c.starts_with("RE") || c.starts_with("RIVER")
                                      ? OFTReal
                                      : OFTString;
        OGRFieldDefn field(c.c_str(), type);
        REQUIRE(table->CreateField(&field) == OGRERR_NONE);
    }
    REQUIRE(table->SyncToDisk() == OGRERR_NONE);
    ds->ExecuteSQL("INSERT INTO parcel_classes SELECT * FROM old_classes", nullptr, nullptr);
    ds->ExecuteSQL("DROP TABLE old_classes", nullptr, nullptr);
}

} // namespace

TEST_CASE("parcel_classes shows every column it had, each name from where it is kept",
          "[classifier][parcel_classes]") {
    const std::string& project = testing::classifiedSampleProject();
    CHECK(sqlColumn(project, "SELECT name FROM pragma_table_info('parcel_classes')") ==
          classColumns);
    CHECK(projectValue(project, "SELECT type FROM sqlite_master WHERE name = 'parcel_classes'") ==
          "view");
    // GDAL (and so QGIS and the window) lists it as a table of the project, keyed by fid.
    {
        GDALDatasetUniquePtr ds = geo::openVector(project);
        OGRLayer* layer = ds->GetLayerByName("parcel_classes");
        REQUIRE(layer);
        CHECK(std::string(layer->GetFIDColumn()) == "fid");
        CHECK(layer->GetLayerDefn()->GetFieldCount() == int(classColumns.size()) - 1);
        CHECK(layer->GetFeatureCount() == ds->GetLayerByName("parcels")->GetFeatureCount());
        const OGRFeatureDefn* defn = layer->GetLayerDefn();
        CHECK(defn->GetFieldDefn(defn->GetFieldIndex("IDLE"))->GetType() == OFTInteger);
        CHECK(defn->GetFieldDefn(defn->GetFieldIndex("AREA_MU"))->GetType() == OFTReal);
        CHECK(defn->GetFieldDefn(defn->GetFieldIndex("ZONE_NAME"))->GetType() == OFTString);
    }
    // The table classify writes holds codes, not the names they stand for.
    const std::vector<std::string> written =
        sqlColumn(project, "SELECT name FROM pragma_table_info('parcel_class_codes')");
    for (const char* name :
         {"BSM", "DLBM", "ZONE_NAME", "SUGGESTED_USE", "VILLAGE_NAME", "VILLAGE_RULE"}) {
        INFO(name);
        CHECK(std::find(written.begin(), written.end(), name) == written.end());
    }

    // Each name against its own source, row by row.
    CHECK(projectValue(project, "SELECT COUNT(*) FROM parcel_classes c JOIN parcels p ON p.fid = "
                                "c.PARCEL_FID WHERE c.BSM IS NOT p.BSM OR c.DLBM IS NOT "
                                "p.DLBM") == "0");
    const auto zones = zonesOfRuleFile();
    REQUIRE(zones.size() >= 5);
    const auto rows = sqlColumn(project, "SELECT ZONE || '|' || ZONE_NAME || '|' || SUGGESTED_USE "
                                         "FROM parcel_classes WHERE ZONE IS NOT NULL");
    REQUIRE(rows.size() > 3000);
    std::size_t matching = 0;
    for (const std::string& row : rows) {
        const std::string zone = row.substr(0, row.find('|'));
        const auto z = zones.find(zone);
        if (z != zones.end() && row == zone + "|" + z->second.first + "|" + z->second.second)
            ++matching;
    }
    CHECK(matching == rows.size());
    CHECK(projectValue(project, "SELECT COUNT(*) FROM parcel_classes WHERE ZONE IS NULL AND "
                                "(ZONE_NAME IS NOT NULL OR SUGGESTED_USE IS NOT NULL)") == "0");
    // A parcel's village name is its village boundary's (ZLDWMC of the village with its code),
    // and every parcel says how its village was decided.
    CHECK(projectValue(project,
                       "SELECT COUNT(*) FROM parcel_classes c WHERE VILLAGE_NAME IS NOT "
                       "(SELECT ZLDWMC FROM villages v WHERE v.ZLDWDM = c.VILLAGE_CODE)") == "0");
    CHECK(projectValue(project, "SELECT COUNT(*) FROM parcel_classes WHERE VILLAGE_RULE IS "
                                "NULL OR VILLAGE_RULE = ''") == "0");
    CHECK(projectValue(project, "SELECT COUNT(DISTINCT VILLAGE_NAME) FROM parcel_classes") ==
          projectValue(project, "SELECT COUNT(*) FROM villages"));
}

TEST_CASE("a project classified by an older tianmu is edited and classified again",
          "[classifier][parcel_classes]") {
    const std::string project = testing::copyOfClassifiedProject();
    const std::vector<std::string> before = allRows(project);
    makeOldFormat(project);
    REQUIRE(projectValue(project, "SELECT type FROM sqlite_master WHERE name = "
                                  "'parcel_classes'") == "table");
    REQUIRE(allRows(project) == before);

    // Marking a parcel idle writes to the old table itself.
    const long long fid = std::stoll(projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE IDLE = 0 ORDER BY fid LIMIT 1"));
    {
        auto session = geo::ProjectEditSession::open(project, testing::sampleEditOptions());
        session->apply(geo::MarkIdle{{fid}, true});
        session->save();
    }
    CHECK(projectValue(project, "SELECT IDLE || IDLE_RULE FROM parcel_classes WHERE fid = " +
                                    std::to_string(fid)) == "1manual");

    // Classified again, parcel_classes is the view, with the same rows as before the edit
    // (the edit went into the survey's idle flag too, so that parcel is idle now).
    testing::classifyAsOfSampleDay(project);
    CHECK(projectValue(project, "SELECT type FROM sqlite_master WHERE name = "
                                "'parcel_classes'") == "view");
    const std::vector<std::string> after = allRows(project);
    REQUIRE(after.size() == before.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < after.size(); ++i)
        differing += after[i] != before[i];
    CHECK(differing == 1);
    CHECK(projectValue(project, "SELECT IDLE FROM parcel_classes WHERE fid = " +
                                    std::to_string(fid)) == "1");
}

TEST_CASE("an edit of the view's project writes to parcel_class_codes and shows in the view",
          "[classifier][parcel_classes]") {
    const std::string project = testing::copyOfClassifiedProject();
    const long long fid = std::stoll(projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE IDLE = 0 ORDER BY fid LIMIT 1"));
    const std::string names =
        "SELECT BSM || ZONE_NAME || VILLAGE_NAME || VILLAGE_RULE FROM parcel_classes WHERE fid = " +
        std::to_string(fid);
    const std::string namesBefore = projectValue(project, names);
    {
        auto session = geo::ProjectEditSession::open(project, testing::sampleEditOptions());
        session->apply(geo::MarkIdle{{fid}, true});
        session->save();
    }
    CHECK(projectValue(project, "SELECT IDLE || IDLE_RULE FROM parcel_class_codes WHERE fid = " +
                                    std::to_string(fid)) == "1manual");
    CHECK(projectValue(project, "SELECT IDLE || IDLE_RULE FROM parcel_classes WHERE fid = " +
                                    std::to_string(fid)) == "1manual");
    CHECK(projectValue(project, names) == namesBefore);
    // The idle ledger's row for it carries the names the view shows.
    CHECK(
        projectValue(
            project,
            "SELECT COUNT(*) FROM idle_items i JOIN parcel_classes c ON "
            "i.ITEM_ID = c.BSM AND i.ZONE = c.ZONE_NAME AND "
            "i.SUGGESTED_USE = c.SUGGESTED_USE AND i.VILLAGE_NAME = c.VILLAGE_NAME WHERE c.fid = " +
                std::to_string(fid)) == "1");
}

TEST_CASE("a view replaced in a transaction that rolls back is as it was",
          "[project_store][parcel_classes]") {
    const std::string project = testing::copyOfClassifiedProject();
    const std::vector<std::string> before = allRows(project);
    {
        auto store = geo::openGeoPackageProject(project);
        geo::Transaction t(*store);
        store->replaceView("parcel_classes", "SELECT fid, ZONE FROM parcel_class_codes", "probe",
                           "read-only");
        store->dropTables({"zones"});
        // no commit: the transaction rolls back
    }
    CHECK(allRows(project) == before);
    CHECK(projectValue(project, "SELECT description FROM gpkg_contents WHERE table_name = "
                                "'parcel_classes'") != "probe");
    {
        auto store = geo::openGeoPackageProject(project);
        geo::Transaction t(*store);
        store->replaceView("probe_view", "SELECT fid, ZONE FROM parcel_class_codes", "probe",
                           "read-only");
        t.commit();
    }
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer* probe = ds->GetLayerByName("probe_view");
    REQUIRE(probe);
    CHECK(probe->GetFeatureCount() == ds->GetLayerByName("parcels")->GetFeatureCount());
    ds.reset();
    // A bad SELECT is refused with the view's name, inside the caller's transaction.
    auto store = geo::openGeoPackageProject(project);
    geo::Transaction t(*store);
    CHECK_THROWS_WITH(store->replaceView("broken", "SELEC nothing", "x", "read-only"),
                      Catch::Contains("cannot write the view broken"));
}

TEST_CASE("edits of parcel_classes through GDAL, as QGIS makes them, fail with where they belong",
          "[classifier][parcel_classes]") {
    const std::string project = testing::copyOfClassifiedProject();
    const std::vector<std::string> before = allRows(project);
    const std::string codesBefore = projectValue(
        project, "SELECT COUNT(*) || ' ' || SUM(IDLE) || ' ' || group_concat(ZONE, '') FROM "
                 "parcel_class_codes");
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("parcel_classes");
    REQUIRE(layer);
    const geo::GdalMessageCollector quiet; // the failures below are expected
    auto refusal = [&](OGRErr err) {
        CHECK(err != OGRERR_NONE);
        return std::string(CPLGetLastErrorMsg());
    };
    const OGRFeatureUniquePtr first(layer->GetNextFeature());
    REQUIRE(first);
    first->SetField("ZONE", "water");
    first->SetField("IDLE", first->GetFieldAsInteger("IDLE") == 1 ? 0 : 1);
    CPLErrorReset();
    const std::string updated = refusal(layer->SetFeature(first.get()));
    CHECK_THAT(updated, Catch::Contains("cannot be edited here") &&
                            Catch::Contains("Edit this project") && Catch::Contains("编辑本项目"));
    CPLErrorReset();
    CHECK_THAT(refusal(layer->DeleteFeature(first->GetFID())),
               Catch::Contains("cannot be edited here"));
    OGRFeature added(layer->GetLayerDefn());
    added.SetField("ZONE", "water");
    CPLErrorReset();
    CHECK_THAT(refusal(layer->CreateFeature(&added)), Catch::Contains("cannot be edited here"));
    ds.reset();
    // Nothing changed, in the view or in the table behind it.
    CHECK(allRows(project) == before);
    CHECK(projectValue(project, "SELECT COUNT(*) || ' ' || SUM(IDLE) || ' ' || "
                                "group_concat(ZONE, '') FROM parcel_class_codes") == codesBefore);
}
