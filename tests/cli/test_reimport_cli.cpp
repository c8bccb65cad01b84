// Importing into a project that is already classified, as a planner re-imports a corrected
// delivery: what the import replaces is said, results made from replaced parcels go (they
// would colour and count the wrong parcels), results made before any other import are marked
// outdated until the next classify, and reports say so; as they do when the rule file changed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gdal_priv.h>

#include "support/project_value.h"
#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace {

namespace fs = std::filesystem;
using Run = testing::TianmuRun;

QString surveyor(const char* relative) {
    return QString::fromStdString(testing::sourcePath("data/sample/surveyor/") + relative);
}

// A copy of the committed sample county, classified by the built tianmu (with its QGIS
// styles and views).
std::string classifiedCopy() {
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    fs::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    const Run r = testing::runTianmu(
        {"classify", "--project", QString::fromStdString(project), "--as-of", "2026-06-30"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return project;
}

std::string value(const std::string& project, const std::string& sql) {
    return testing::projectValue(project, sql);
}

std::string property(const std::string& project, const std::string& key) {
    return value(project, "SELECT value FROM tianmu_project WHERE key = '" + key + "'");
}

const char* const resultTables[] = {"parcel_classes", "idle_items",         "transfer_flags",
                                    "village_stats",  "village_mismatches", "parcel_class_codes",
                                    "zones",          "village_reasons"};

// Everything classify wrote, as one string: equal before and after means untouched.
std::string results(const std::string& project) {
    std::string all;
    for (const char* table : resultTables)
        all += std::string(table) + ":" +
               value(project, "SELECT count(*) FROM " + std::string(table)) + " ";
    return all + value(project, "SELECT group_concat(BSM || ZONE || IFNULL(ZONE_RULE, ''), ',') "
                                "FROM (SELECT * FROM parcel_classes ORDER BY fid)");
}

} // namespace

TEST_CASE("new parcels remove the classification made from the old ones, and nothing else",
          "[cli][import]") {
    const std::string project = classifiedCopy();
    const QString p = QString::fromStdString(project);
    // parcel_classes (over parcel_class_codes), and the QGIS views parcel_zones, village_types
    REQUIRE(value(project, "SELECT count(*) FROM sqlite_master WHERE type = 'view'") == "3");
    // Every table classify added to the sample, but the project's bookkeeping and the styles'
    // table (which also holds the layers' own styles), is one the removal knows: a new results
    // table must be added there.
    const std::string sampleTables = testing::projectValue(
        testing::sourcePath("data/sample/county.gpkg"),
        "SELECT ',' || group_concat(table_name, ',') || ',' FROM gpkg_contents");
    CHECK(value(project,
                "SELECT group_concat(table_name, ',') FROM (SELECT table_name FROM gpkg_contents "
                "WHERE table_name NOT IN ('audit_log', 'import_issues', 'tianmu_imports', "
                "'tianmu_project', 'layer_styles') AND '" +
                    sampleTables + "' NOT LIKE '%,' || table_name || ',%' ORDER BY table_name)") ==
          "idle_items,parcel_class_codes,parcel_classes,parcel_zones,transfer_flags,"
          "village_mismatches,village_reasons,village_stats,village_types,zones");
    REQUIRE(value(project, "SELECT count(*) FROM layer_styles WHERE f_table_name IN "
                           "('parcel_zones', 'village_types')") != "0");
    const std::string parcelsBefore = value(project, "SELECT count(*) FROM parcels");
    const std::string othersBefore = value(
        project, "SELECT (SELECT count(*) FROM villages) || '/' || (SELECT count(*) FROM rivers) "
                 "|| '/' || (SELECT count(*) FROM transfers) || '/' || (SELECT count(*) FROM "
                 "assets) || '/' || (SELECT count(*) FROM funds)");
    const std::string baseStyles = value(
        project, "SELECT count(*) FROM layer_styles WHERE f_table_name NOT IN ('parcel_zones', "
                 "'village_types')");

    SECTION("a refused import changes nothing: the classification stays") {
        const std::string before = results(project);
        const Run r = testing::runTianmu({"import", "--project", p, "--as", "parcels", "--strict",
                                          surveyor("cgcs2000/DLTB.shp")});
        CHECK(r.exitCode == 3);
        CHECK(results(project) == before);
        CHECK(value(project, "SELECT count(*) FROM sqlite_master WHERE type = 'view'") == "3");
    }

    SECTION("an accepted import says what it replaced and removes the results") {
        {
            // A style a QGIS user saved for the results table itself.
            GDALDatasetUniquePtr ds(
                GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            REQUIRE(ds);
            ds->ExecuteSQL("INSERT INTO layer_styles (f_table_catalog, f_table_schema, "
                           "f_table_name, f_geometry_column, styleName, styleQML) VALUES "
                           "('', '', 'parcel_classes', '', 'mine', '<qgis/>')",
                           nullptr, nullptr);
        }
        REQUIRE(value(project, "SELECT count(*) FROM layer_styles WHERE f_table_name = "
                               "'parcel_classes'") == "1");
        const Run r = testing::runTianmu(
            {"import", "--project", p, "--as", "parcels", surveyor("cgcs2000/DLTB.shp")});
        INFO(r.out.toStdString() << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.contains(QString::fromStdString("warning: parcels had " + parcelsBefore +
                                                    " features; this import replaces them")));
        CHECK(r.out.contains("warning: the classification (rules lingling-five-zones ("));
        CHECK(r.out.contains("as of 2026-06-30) described the parcels this import replaces, so "
                             "it was removed with its tables and QGIS views; run tianmu "
                             "classify again"));
        for (const char* table : resultTables) {
            INFO(table);
            CHECK(value(project, "SELECT count(*) FROM sqlite_master WHERE name = '" +
                                     std::string(table) + "'") == "0");
            CHECK(value(project, "SELECT count(*) FROM gpkg_contents WHERE table_name = '" +
                                     std::string(table) + "'") == "0");
        }
        // The views that read them, and their registrations and styles, went with them.
        CHECK(value(project, "SELECT count(*) FROM sqlite_master WHERE type = 'view'") == "0");
        CHECK(value(project, "SELECT count(*) FROM gpkg_contents WHERE table_name IN "
                             "('parcel_zones', 'village_types')") == "0");
        CHECK(value(project, "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name IN "
                             "('parcel_zones', 'village_types')") == "0");
        CHECK(value(project, "SELECT count(*) FROM layer_styles WHERE f_table_name IN "
                             "('parcel_zones', 'village_types', 'parcel_classes')") == "0");
        CHECK(property(project, "classified_as_of").empty());
        // Nothing else was touched.
        CHECK(value(project,
                    "SELECT (SELECT count(*) FROM villages) || '/' || (SELECT count(*) FROM "
                    "rivers) || '/' || (SELECT count(*) FROM transfers) || '/' || (SELECT "
                    "count(*) FROM assets) || '/' || (SELECT count(*) FROM funds)") ==
              othersBefore);
        CHECK(value(project, "SELECT count(*) FROM layer_styles WHERE f_table_name NOT IN "
                             "('parcel_zones', 'village_types')") == baseStyles);
        // A report now asks for a classification instead of counting the old one.
        const Run report = testing::runTianmu(
            {"report", "--project", p, "--kind", "transfer", "--out",
             QString::fromStdString(fs::path(project).parent_path().string() + "/t.csv")});
        CHECK(report.exitCode == 3);
        CHECK(report.err.contains("classify"));

        // Classified again, every parcel's row is its own (by FID) and the views are back.
        const Run again = testing::runTianmu({"classify", "--project", p, "--as-of", "2026-06-30"});
        INFO(again.err.toStdString());
        REQUIRE(again.exitCode == 0);
        CHECK(value(project, "SELECT count(*) FROM parcels") ==
              value(project, "SELECT count(*) FROM parcel_classes"));
        CHECK(value(project, "SELECT count(*) FROM parcels p JOIN parcel_classes c ON c.fid = "
                             "p.fid WHERE c.BSM IS NOT p.BSM") == "0");
        CHECK(value(project, "SELECT count(*) FROM sqlite_master WHERE type = 'view'") == "3");
    }
}

TEST_CASE("any other import marks the classification outdated until the next classify, and "
          "reports say so",
          "[cli][import]") {
    const std::string project = classifiedCopy();
    const QString p = QString::fromStdString(project);
    const QString csv =
        QString::fromStdString(fs::path(project).parent_path().string() + "/transfer.csv");
    const std::string before = results(project);
    CHECK(property(project, "imported_since_classify").empty());
    Run r = testing::runTianmu({"report", "--project", p, "--kind", "transfer", "--out", csv});
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.err.contains("predates"));

    r = testing::runTianmu(
        {"import", "--project", p, "--as", "rivers", surveyor("cgcs2000/HL.shp")});
    INFO(r.out.toStdString() << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains("warning: rivers had "));
    CHECK(r.out.contains("as of 2026-06-30) was made before this import of rivers; run tianmu "
                         "classify again to bring zones, idle items and transfers up to date"));
    r = testing::runTianmu({"import", "--project", p, "--as", "dem",
                            QString::fromStdString(testing::sourcePath("data/sample/dem.tif"))});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains("was made before this import of dem"));
    r = testing::runTianmu(
        {"import", "--project", p, "--as", "rivers", surveyor("cgcs2000/HL.shp")});
    REQUIRE(r.exitCode == 0);
    // The results are kept as they were, and the project knows what came after them.
    CHECK(results(project) == before);
    CHECK(property(project, "imported_since_classify") == "rivers,dem");

    r = testing::runTianmu({"report", "--project", p, "--kind", "transfer", "--out", csv});
    REQUIRE(r.exitCode == 0); // the report is still made, from the classification as it was
    CHECK(r.err.contains("warning: the classification (as of 2026-06-30) predates the import "
                         "of rivers, dem; the report shows the classification as it was: run "
                         "tianmu classify first"));

    r = testing::runTianmu({"classify", "--project", p, "--as-of", "2026-06-30"});
    REQUIRE(r.exitCode == 0);
    CHECK(property(project, "imported_since_classify").empty());
    r = testing::runTianmu({"report", "--project", p, "--kind", "transfer", "--out", csv});
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.err.contains("predates"));
}

TEST_CASE("a first import says nothing about replacing or classifications", "[cli][import]") {
    const QString p = QString::fromStdString(testing::temporaryDirectory() + "/new.gpkg");
    const Run r = testing::runTianmu(
        {"import", "--project", p, "--as", "villages", surveyor("cgcs2000/CJDCQ.shp")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.out.contains("replaces"));
    CHECK_FALSE(r.out.contains("classif"));
}

TEST_CASE("a rule file changed after the classification is named by reports until the next "
          "classify",
          "[cli][classify]") {
    const std::string dir = testing::temporaryDirectory();
    const std::string project = dir + "/county.gpkg";
    const std::string rules = dir + "/rules.json";
    fs::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    fs::copy_file(testing::sourcePath("data/rules/lingling-five-zones.json"), rules);
    const QString p = QString::fromStdString(project);
    const QStringList classify = {
        "classify", "--project", p, "--rules", QString::fromStdString(rules),
        "--as-of",  "2026-06-30"};
    const QStringList report = {"report",
                                "--project",
                                p,
                                "--kind",
                                "transfer",
                                "--out",
                                QString::fromStdString(dir + "/t.csv")};
    REQUIRE(testing::runTianmu(classify).exitCode == 0);
    Run r = testing::runTianmu(report);
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.err.contains("rule file"));

    // The planner widens the riverbank to 150 m, and makes a report without classifying.
    {
        std::ifstream in(rules);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::size_t at = text.find(R"("river_distance_m": {"max": 120})");
        REQUIRE(at != std::string::npos);
        text.replace(at, 32, R"("river_distance_m": {"max": 150})");
        std::ofstream(rules, std::ios::trunc) << text;
    }
    r = testing::runTianmu(report);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(QString::fromStdString("warning: the rule file " + rules +
                                                " was changed after the classification (as of "
                                                "2026-06-30)")));
    REQUIRE(testing::runTianmu(classify).exitCode == 0);
    r = testing::runTianmu(report);
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.err.contains("rule file"));
    // The file is recorded by its absolute path, whatever path classify was given.
    CHECK(property(project, "classified_rules_file") == fs::absolute(rules).string());
    // Moved elsewhere (the file gone), nothing is claimed.
    fs::remove(rules);
    r = testing::runTianmu(report);
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.err.contains("rule file"));
}
