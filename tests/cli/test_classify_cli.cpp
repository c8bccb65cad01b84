// `tianmu classify` and `tianmu explain` on an imported sample project, and on parcels another
// tool left without the fields classify reads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>

#include <gdal_priv.h>

#include "geo/gdal_session.h"
#include "support/classified_project.h"
#include "support/dataset_digest.h"
#include "support/project_value.h"
#include "support/result_rows.h"
#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace {

using Run = testing::TianmuRun;

Run tianmu(const QStringList& arguments) {
    return testing::runTianmu(arguments);
}

QString samplePath(const char* relative) {
    return QString::fromStdString(testing::sourcePath("data/sample/") + relative);
}

// A copy of the sample county, in a new folder, whose parcels another tool changed with
// `change` (given the open parcels layer); its path.
template <typename Change>
std::string sampleCountyChanged(const std::string& name, Change change) {
    const std::string path = testing::temporaryDirectory() + "/" + name;
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), path);
    geo::initialiseGdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer* parcels = ds->GetLayerByName("parcels");
    REQUIRE(parcels);
    change(*parcels);
    return path;
}

// The sample county with field `field` dropped from its parcels.
std::string sampleCountyWithout(const char* field, const std::string& name) {
    return sampleCountyChanged(name, [&](OGRLayer& parcels) {
        REQUIRE(parcels.DeleteField(parcels.GetLayerDefn()->GetFieldIndex(field)) == OGRERR_NONE);
    });
}

} // namespace

TEST_CASE("tianmu classify prints zones in 亩 and explain gives the reasons", "[cli][classify]") {
    const QString project = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
    REQUIRE(tianmu({"import", "--project", project, "--as", "villages",
                    samplePath("surveyor/cgcs2000/CJDCQ.shp")})
                .exitCode == 0);
    REQUIRE(tianmu({"import", "--project", project, "--as", "parcels",
                    samplePath("surveyor/cgcs2000/DLTB.shp")})
                .exitCode == 0);
    REQUIRE(tianmu({"import", "--project", project, "--as", "rivers",
                    samplePath("surveyor/cgcs2000/HL.shp")})
                .exitCode == 0);
    REQUIRE(
        tianmu({"import", "--project", project, "--as", "dem", samplePath("dem.tif")}).exitCode ==
        0);

    const Run r = tianmu({"classify", "--project", project, "--as-of", "2026-06-30"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    for (const char* zone : {"水中", "江岸", "林间", "山上", "山下"})
        CHECK(r.out.contains(QString::fromUtf8(zone)));
    CHECK(r.out.contains(QString::fromUtf8("亩")));
    CHECK(r.err.contains("terrain statistics"));
    // The styles for QGIS, with the zones on a view joining parcels to their classes.
    CHECK(r.out.contains("written into layer_styles (views parcel_zones, village_types)"));

    const Run explain = tianmu({"explain", "--project", project, "--parcel", "430999000000000002"});
    INFO(explain.err.toStdString());
    REQUIRE(explain.exitCode == 0);
    CHECK(explain.out.contains("MATCHED"));
    // Each rule with its title from the rule file.
    CHECK(explain.out.contains(
        QString::fromUtf8("water-surface（水面：河流、湖泊、水库、坑塘、沟渠）: no")));
    CHECK(explain.out.contains("zone:"));
}

TEST_CASE("classify and explain: usage errors exit 2, bad input 3", "[cli][classify]") {
    CHECK(tianmu({"classify"}).exitCode == 2);
    CHECK(tianmu({"classify", "--project", "x.gpkg", "--as-of", "yesterday"}).exitCode == 2);
    CHECK(tianmu({"explain", "--project", "x.gpkg"}).exitCode == 2);
    // One of --parcel and --village, not both.
    const Run both =
        tianmu({"explain", "--project", "x.gpkg", "--parcel", "1", "--village", "唐家村"});
    CHECK(both.exitCode == 2);
    CHECK(both.err.contains("one of --parcel or --village"));
    const Run missing = tianmu({"classify", "--project", "/nonexistent/p.gpkg"});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains("/nonexistent/p.gpkg"));
    const Run rules = tianmu(
        {"classify", "--project", samplePath("county.gpkg"), "--rules", "/nonexistent/rules.json"});
    CHECK(rules.exitCode == 3);
    CHECK(rules.err.contains("/nonexistent/rules.json"));
}

TEST_CASE("tianmu explain --village tries every village type in order and says why",
          "[cli][classify][village_types]") {
    const std::string project = testing::classifiedSampleProject();
    const std::vector<std::string> codes =
        testing::sqlColumn(project, "SELECT VILLAGE_CODE FROM village_stats ORDER BY fid", 0);
    REQUIRE_FALSE(codes.empty());
    int holds = 0;
    for (const std::string& code : codes) {
        const Run r = tianmu({"explain", "--project", QString::fromStdString(project), "--village",
                              QString::fromStdString(code)});
        INFO(r.err.toStdString() << r.out.toStdString());
        REQUIRE(r.exitCode == 0);
        const std::string where = " FROM village_stats WHERE VILLAGE_CODE = '" + code + "'";
        const QString name =
            QString::fromStdString(testing::projectValue(project, "SELECT VILLAGE_NAME" + where));
        CHECK(r.out.startsWith("village " + name + " (" + QString::fromStdString(code) + ")"));
        // Each type of the rule file on its own line, holding exactly when classify stored it.
        const QStringList stored =
            QString::fromStdString(testing::projectValue(project, "SELECT TYPES" + where))
                .split(',', Qt::SkipEmptyParts);
        const QStringList lines = r.out.split('\n');
        int step = 0;
        for (const char* type : {"resource", "location", "traditional"}) {
            const QString prefix = QString("  %1. %2（").arg(++step).arg(type);
            const auto at = std::find_if(lines.begin(), lines.end(),
                                         [&](const QString& l) { return l.startsWith(prefix); });
            REQUIRE(at != lines.end());
            const QString line = *at;
            CHECK(line.contains(": HOLDS — ") == stored.contains(type));
            CHECK(line.contains(": no — ") == !stored.contains(type));
            holds += stored.contains(type);
        }
        CHECK(r.out.contains(stored.isEmpty() ? QString("primary type: none")
                                              : "primary type: " + stored.first()));
        CHECK_FALSE(r.out.contains("note:")); // the rule file is the classification's
    }
    CHECK(holds > 0);

    const Run unknown = tianmu(
        {"explain", "--project", QString::fromStdString(project), "--village", "no-such-village"});
    CHECK(unknown.exitCode == 3);
    CHECK(unknown.err.contains("'no-such-village'"));
    CHECK(unknown.err.contains(QString::fromUtf8("唐家村")));
}

TEST_CASE("parcels without BSM: classify warns, explain and another day's report refuse",
          "[cli][classify]") {
    // Another tool dropped the parcel id from the parcels (tianmu's import always writes it).
    const std::string path = sampleCountyWithout("BSM", "no-bsm.gpkg");
    const QString project = QString::fromStdString(path);
    const std::string ledgerRows = testing::projectValue(path, "SELECT COUNT(*) FROM transfers");
    REQUIRE(std::stoll(ledgerRows) > 0);

    // Classify still zones every parcel, and says why no parcel is transferred.
    const Run classify = tianmu({"classify", "--project", project, "--as-of", "2026-06-30"});
    INFO(classify.err.toStdString());
    REQUIRE(classify.exitCode == 0);
    CHECK(classify.out.contains("the parcels have no BSM field"));
    CHECK(classify.out.contains("no parcel counts as transferred"));
    CHECK(testing::projectValue(path, "SELECT COUNT(*) || ' ' || COUNT(BSM) || ' ' || "
                                      "COUNT(ZONE_NAME) || ' ' || SUM(TRANSFERRED) FROM "
                                      "parcel_classes") ==
          testing::projectValue(path, "SELECT COUNT(*) FROM parcels") + " 0 " +
              testing::projectValue(path, "SELECT COUNT(*) FROM parcels") + " 0");
    CHECK(testing::projectValue(path, "SELECT COUNT(*) FROM transfer_flags WHERE KIND = "
                                      "'no_parcel'") == ledgerRows);

    // Explain finds parcels by BSM: it says the field is missing, not that the id is wrong.
    const Run explain = tianmu({"explain", "--project", project, "--parcel", "430999000000000002"});
    CHECK(explain.exitCode == 3);
    CHECK(explain.err.contains("the parcels have no BSM field"));
    CHECK_FALSE(explain.err.contains("failed to prepare")); // no GDAL message leaks out
    CHECK_FALSE(explain.err.contains("has no parcel with BSM"));

    // A transfer report on another day reads the ledger's parcels by BSM: refused, no file.
    const QString out = QString::fromStdString(testing::temporaryDirectory() + "/other-day.csv");
    const Run report = tianmu({"report", "--project", project, "--kind", "transfer", "--as-of",
                               "2025-01-01", "--lang", "zh", "--out", out});
    CHECK(report.exitCode == 3);
    CHECK(report.err.contains("parcels lack BSM"));
    CHECK_FALSE(std::filesystem::exists(out.toStdString()));
}

TEST_CASE("parcels without DLBM are refused by classify, and nothing is written",
          "[cli][classify]") {
    // Without the land-use code every land-use test fails and nearly every parcel would be
    // "other": classify refuses rather than write that.
    const std::string path = sampleCountyWithout("DLBM", "no-dlbm.gpkg");
    const std::uint64_t before = testing::fileDigest(path);
    const Run r =
        tianmu({"classify", "--project", QString::fromStdString(path), "--as-of", "2026-06-30"});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains(QString::fromStdString(path)));
    CHECK(r.err.contains("the parcels have no DLBM field"));
    CHECK(r.err.contains("nothing was written"));
    CHECK(testing::fileDigest(path) == before);

    // A field named in lower case is the same field, as for OGR: classified as usual.
    const std::string lower = sampleCountyChanged("lower-dlbm.gpkg", [](OGRLayer& parcels) {
        // Through another name: GDAL takes DLBM and dlbm for one name.
        for (const auto& [from, to] :
             {std::pair{"DLBM", "LAND_USE_TMP"}, {"LAND_USE_TMP", "dlbm"}}) {
            OGRFieldDefn renamed(to, OFTString);
            REQUIRE(parcels.AlterFieldDefn(parcels.GetLayerDefn()->GetFieldIndex(from), &renamed,
                                           ALTER_NAME_FLAG) == OGRERR_NONE);
        }
    });
    const Run lowerCase =
        tianmu({"classify", "--project", QString::fromStdString(lower), "--as-of", "2026-06-30"});
    INFO(lowerCase.err.toStdString());
    CHECK(lowerCase.exitCode == 0);
    CHECK(std::stoll(testing::projectValue(
              lower, "SELECT COUNT(*) FROM parcel_classes WHERE ZONE = 'forest'")) > 0);
}
