// `tianmu render` as a user runs it: images written and readable, each bad input a clear
// message with exit code 3 (or 2 for usage) and no file left behind.
#include <catch2/catch.hpp>

#include <QFile>
#include <QImage>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "geo/gdal_session.h"
#include "support/classified_sample.h"
#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace {

using Run = testing::TianmuRun;

QString project() {
    return QString::fromStdString(testing::classifiedSampleCounty());
}

QString outPath(const char* name) {
    return QString::fromStdString(testing::temporaryDirectory() + "/" + name);
}

} // namespace

TEST_CASE("tianmu render writes a PNG of each theme and a PDF", "[cli][render]") {
    for (const char* theme : {"zones", "landuse", "transfer", "idle", "village-type"}) {
        const QString out = outPath("map.png");
        const Run r = testing::runTianmu({"render", "--project", project(), "--out", out, "--theme",
                                          theme, "--size", "400x300", "--legend", "--labels"});
        INFO(theme << ": " << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        const QImage image(out);
        REQUIRE(image.size() == QSize(400, 300));
        CHECK(image.pixel(200, 150) != image.pixel(1, 1)); // a map, not a blank page
    }
    const QString pdf = outPath("map.pdf");
    const Run r = testing::runTianmu({"render", "--project", project(), "--out", pdf, "--village",
                                      "4309991002010000000", "--dpi", "150"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == "%PDF-");
}

TEST_CASE("tianmu render: usage errors exit 2, bad input 3, nothing half-written",
          "[cli][render]") {
    CHECK(testing::runTianmu({"render"}).exitCode == 2);
    CHECK(testing::runTianmu({"render", "--project", project(), "--out", outPath("a.jpg")})
              .exitCode == 2);
    CHECK(testing::runTianmu(
              {"render", "--project", project(), "--out", outPath("a.png"), "--size", "10x10"})
              .exitCode == 2);
    const Run theme = testing::runTianmu(
        {"render", "--project", project(), "--out", outPath("a.png"), "--theme", "colours"});
    CHECK(theme.exitCode == 2);
    CHECK(theme.err.contains("zones, landuse"));
    CHECK(testing::runTianmu({"render", "--help"}).exitCode == 0);

    const Run village = testing::runTianmu(
        {"render", "--project", project(), "--out", outPath("v.png"), "--village", "999"});
    CHECK(village.exitCode == 3);
    CHECK(village.err.contains("999"));
    CHECK_FALSE(QFile::exists(outPath("v.png")));

    const Run missing = testing::runTianmu(
        {"render", "--project", "/nonexistent/p.gpkg", "--out", outPath("m.png")});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains("/nonexistent/p.gpkg"));

    // A style with an unknown field and a bad colour: the file and the entry are named.
    const QString style = outPath("broken.json");
    QFile broken(style);
    REQUIRE(broken.open(QIODevice::WriteOnly));
    broken.write(R"({"kind": "theme", "name": "broken", "title": {"zh": "坏", "en": "Broken"},
        "layer": "parcels", "field": "NO_SUCH_FIELD",
        "default": {"fill": "#cccccc", "label": {"zh": "其他", "en": "Other"}},
        "categories": [{"match": "1", "fill": "bluish", "label": {"zh": "一", "en": "One"}}]})");
    broken.close();
    const Run bad = testing::runTianmu(
        {"render", "--project", project(), "--out", outPath("s.png"), "--style", style});
    CHECK(bad.exitCode == 3);
    CHECK(bad.err.contains("broken.json"));
    CHECK(bad.err.contains("NO_SUCH_FIELD"));
    CHECK_FALSE(QFile::exists(outPath("s.png")));

    const Run unwritable =
        testing::runTianmu({"render", "--project", project(), "--out", "/nonexistent/dir/map.png"});
    CHECK(unwritable.exitCode == 3);
    CHECK(unwritable.err.contains("/nonexistent/dir/map.png"));
}

TEST_CASE("tianmu render --relief shades the map from the project's DEM", "[cli][render]") {
    const QString flat = outPath("flat.png"), shaded = outPath("shaded.png");
    for (const QString& out : {flat, shaded}) {
        QStringList args{"render", "--project", project(), "--out", out, "--size", "400x300"};
        if (out == shaded)
            args << "--relief";
        const Run r = testing::runTianmu(args);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK_FALSE(r.err.contains("no DEM"));
    }
    const QImage a(flat), b(shaded);
    REQUIRE(a.size() == b.size());
    int darker = 0, lighter = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            darker += qGray(b.pixel(x, y)) + 8 < qGray(a.pixel(x, y));
            lighter += qGray(b.pixel(x, y)) > qGray(a.pixel(x, y)) + 8;
        }
    INFO(darker << " pixels darker, " << lighter << " lighter");
    CHECK(darker > 1000); // slopes facing away from the light
    CHECK(lighter > 100); // and slopes facing it
}

TEST_CASE("tianmu render --basemap draws a local raster under the map, or says why not",
          "[cli][render]") {
    // A one-colour orthophoto stand-in in Web Mercator covering the whole sample district.
    const std::string dir = testing::temporaryDirectory();
    const QString basemap = QString::fromStdString(dir + "/ortho.tif");
    const QString plain = QString::fromStdString(dir + "/plain.tif");
    {
        geo::initialiseGdal();
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr ds(
            gtiff->Create(basemap.toStdString().c_str(), 200, 200, 1, GDT_Byte, nullptr));
        REQUIRE(ds);
        OGRSpatialReference mercator;
        mercator.importFromEPSG(3857);
        ds->SetSpatialRef(&mercator);
        // 40 km × 40 km around the district (its centre is near 12423000, 3008000).
        double gt[6] = {12403000.0, 200.0, 0.0, 3028000.0, 0.0, -200.0};
        ds->SetGeoTransform(gt);
        ds->GetRasterBand(1)->Fill(200);
    }

    const QString with = outPath("with.png"), without = outPath("without.png");
    for (const QString& out : {with, without}) {
        QStringList args{"render", "--project", project(), "--out", out, "--size", "400x300"};
        if (out == with)
            args << "--basemap" << basemap;
        const Run r = testing::runTianmu(args);
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    }
    // The map's corner lies outside the district: background without, the raster's grey with.
    const QImage a(with), b(without);
    CHECK(qGray(a.pixel(2, 2)) == 200);
    CHECK(qGray(b.pixel(2, 2)) != 200);

    // A file that is not there: exit 3, its name in the message, no image written.
    const QString out = outPath("never.png");
    const Run missing =
        testing::runTianmu({"render", "--project", project(), "--out", out, "--basemap", plain});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains("plain.tif"));
    CHECK_FALSE(QFile::exists(out));
}
