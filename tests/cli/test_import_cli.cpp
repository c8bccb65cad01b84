// `tianmu info` and `tianmu import` run as a planner runs them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace {

using Run = testing::TianmuRun;

Run tianmu(const QStringList& arguments) {
    return testing::runTianmu(arguments);
}

QString surveyor(const char* relative) {
    return QString::fromStdString(testing::sourcePath("data/sample/surveyor/") + relative);
}

} // namespace

TEST_CASE("tianmu info shows the decided encoding, CRS and decoded Chinese samples",
          "[cli][info]") {
    const Run r = tianmu({"info", surveyor("noprj/DLTB.shp")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains("CP936"));
    CHECK(r.out.contains("EPSG:4525"));
    CHECK(r.out.contains("please confirm"));
    CHECK(r.out.contains(QString::fromUtf8("水田")));
    CHECK(r.out.contains("1 invalid_geometry"));
    CHECK(r.out.contains("1 empty_geometry"));

    const Run json = tianmu({"info", "--json", surveyor("cgcs2000/DLTB.shp")});
    REQUIRE(json.exitCode == 0);
    const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(doc["encoding"].toObject()["name"].toString() == "CP936");
    const QJsonObject layer = doc["layers"].toArray().first().toObject();
    CHECK(layer["crs"].toObject()["epsg"].toInt() == 4525);
    CHECK(layer["crs"].toObject()["decided_by"].toString() == "prj");
}

TEST_CASE("tianmu import writes the project and the report; rejects are listed, not fatal",
          "[cli][import]") {
    const std::string dir = testing::temporaryDirectory();
    const QString project = QString::fromStdString(dir + "/county.gpkg");
    const QString report = QString::fromStdString(dir + "/report.json");
    Run r =
        tianmu({"import", "--project", project, "--as", "villages", surveyor("noprj/CJDCQ.shp")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    r = tianmu({"import", "--project", project, "--as", "parcels", "--report", report,
                surveyor("noprj/DLTB.shp")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains("2 rejected"));
    CHECK(r.err.contains("%]")); // progress on stderr
    QFile file(report);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject counts = doc["counts"].toObject();
    CHECK(counts["read"].toInt() == counts["imported"].toInt() + counts["rejected"].toInt());
    CHECK(doc["issues"].toArray().size() >= 5);
    CHECK(doc["crs"].toObject()["needs_confirmation"].toBool());
}

TEST_CASE("import usage errors exit 2, bad input 3 with the file named", "[cli][import]") {
    const std::string dir = testing::temporaryDirectory();
    const QString project = QString::fromStdString(dir + "/county.gpkg");
    CHECK(tianmu({"import", "--project", project, surveyor("noprj/DLTB.shp")}).exitCode == 2);
    CHECK(tianmu({"import", "--project", project, "--as", "fields", surveyor("noprj/DLTB.shp")})
              .exitCode == 2);
    CHECK(tianmu({"import", "--project", project, "--as", "parcels", "--crs", "4525",
                  surveyor("noprj/DLTB.shp")})
              .exitCode == 2);
    const Run missing =
        tianmu({"import", "--project", project, "--as", "parcels", "/nonexistent/DLTB.shp"});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains("/nonexistent/DLTB.shp"));
    const Run strict = tianmu({"import", "--project", project, "--as", "parcels", "--strict",
                               surveyor("noprj/DLTB.shp")});
    CHECK(strict.exitCode == 3);
    CHECK(strict.err.contains("--strict"));
    CHECK_FALSE(std::filesystem::exists(project.toStdString()));
    // Into a project that exists: rolled back, with tianmu's message only (GDAL once printed
    // its failure to restore triggers on the table the rollback removed).
    REQUIRE(
        tianmu({"import", "--project", project, "--as", "villages", surveyor("cgcs2000/CJDCQ.shp")})
            .exitCode == 0);
    const Run rolledBack = tianmu({"import", "--project", project, "--as", "parcels", "--strict",
                                   surveyor("cgcs2000/DLTB.shp")});
    CHECK(rolledBack.exitCode == 3);
    CHECK(rolledBack.err.contains("--strict"));
    CHECK_FALSE(rolledBack.err.contains("ERROR"));
    CHECK(tianmu({"info"}).exitCode == 2);
    CHECK(tianmu({"info", "/nonexistent/x.shp"}).exitCode == 3);
}

TEST_CASE("an empty file, a shapefile without its .dbf: refused with the fix", "[cli][import]") {
    const std::string dir = testing::temporaryDirectory();
    std::ofstream(dir + "/empty.csv").flush();
    const QString project = QString::fromStdString(dir + "/p.gpkg");
    Run r = tianmu({"import", "--project", project, "--as", "transfers",
                    QString::fromStdString(dir + "/empty.csv")});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("is empty"));
    for (const char* ext : {".shp", ".shx"})
        std::filesystem::copy_file(testing::sourcePath("data/sample/surveyor/cgcs2000/DLTB") + ext,
                                   dir + "/DLTB" + ext);
    r = tianmu({"import", "--project", project, "--as", "parcels",
                QString::fromStdString(dir + "/DLTB.shp")});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("has no .dbf"));
    CHECK_FALSE(std::filesystem::exists(project.toStdString()));
}

TEST_CASE("a feature PROJ cannot place fails the import with tianmu's message, not GDAL's",
          "[cli][import]") {
    // B lies so far outside the Gauss-Kruger zone that its area cannot be computed, which
    // fails on a worker thread: the planner must see the reason once, in tianmu's words,
    // without GDAL's own "ERROR 1: Point outside of projection domain" lines.
    const std::string dir = testing::temporaryDirectory();
    std::ofstream(dir + "/far.geojson")
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"BSM":"A","DLBM":"0101"},"geometry":{"type":"Polygon","coordinates":)"
        << R"([[[37500000,2900000],[37500100,2900000],[37500100,2900100],[37500000,2900100],[37500000,2900000]]]}},)"
        << R"({"type":"Feature","properties":{"BSM":"B","DLBM":"0101"},"geometry":{"type":"Polygon","coordinates":)"
        << R"([[[1e20,1e20],[1.0001e20,1e20],[1.0001e20,1.0001e20],[1e20,1.0001e20],[1e20,1e20]]]}}]})";
    const Run r =
        tianmu({"import", "--project", QString::fromStdString(dir + "/p.gpkg"), "--as", "parcels",
                "--crs", "EPSG:4525", QString::fromStdString(dir + "/far.geojson")});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains("could not be unprojected"));
    CHECK_FALSE(r.err.contains("ERROR 1"));
    CHECK_FALSE(std::filesystem::exists(dir + "/p.gpkg"));
}
