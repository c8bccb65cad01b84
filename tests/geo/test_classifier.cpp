// The sample county end to end: import the surveyor's delivery, classify, and check the
// results against what the generator planted and against the facts stored with each parcel.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <numbers>
#include <set>
#include <thread>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "geo/classifier.h"
#include "geo/dem_import.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/importer.h"
#include "support/classified_project.h"
#include "support/dataset_digest.h"
#include "support/project_value.h"
#include "support/sample_fixture.h"

namespace {

std::string delivered(const std::string& relative) {
    return testing::smallCounty().directory + "/surveyor/" + relative;
}

void importAll(const std::string& project, bool withDem) {
    auto run = [&](const std::string& layer, const std::string& source) {
        geo::ImportOptions o;
        o.project = project;
        o.layer = layer;
        o.source = source;
        o.profilesDirectory = testing::sourcePath("data/profiles");
        return layer == "dem" ? geo::importDem(o) : geo::importIntoProject(o);
    };
    run("villages", delivered("cgcs2000/CJDCQ.shp"));
    run("parcels", delivered("cgcs2000/DLTB.shp"));
    run("rivers", delivered("cgcs2000/HL.shp"));
    run("transfers", delivered("transfers.csv"));
    run("assets", delivered("assets.csv"));
    run("funds", delivered("funds.xlsx"));
    if (withDem)
        run("dem", testing::smallCounty().directory + "/dem.tif");
}

geo::ClassifyOptions options(const std::string& project, const std::string& rules = {}) {
    geo::ClassifyOptions o;
    o.project = project;
    o.rules = rules.empty() ? testing::sourcePath("data/rules/lingling-five-zones.json") : rules;
    o.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
    o.asOf = "2026-06-30"; // the generator's reference day
    return o;
}

const std::string& classifiedProject() {
    static const std::string project = [] {
        const std::string p = testing::temporaryDirectory() + "/county.gpkg";
        importAll(p, true);
        geo::classifyProject(options(p));
        return p;
    }();
    return project;
}

} // namespace

TEST_CASE("every imported parcel gets a zone, a village and the rule that decided them",
          "[classifier]") {
    auto ds = geo::openVector(classifiedProject());
    OGRLayer* results = ds->GetLayerByName("parcel_classes");
    REQUIRE(results);
    CHECK(results->GetFeatureCount() == ds->GetLayerByName("parcels")->GetFeatureCount());
    long long withoutVillage = 0;
    for (const auto& f : *results) {
        const std::string zone = f->GetFieldAsString("ZONE");
        const std::string dlbm = f->GetFieldAsString("DLBM");
        INFO(f->GetFieldAsString("BSM") << " " << dlbm << " " << zone);
        REQUIRE_FALSE(zone.empty());
        REQUIRE_FALSE(std::string(f->GetFieldAsString("ZONE_RULE")).empty());
        if (dlbm.rfind("03", 0) == 0) // riverbank comes first in the default rules
            CHECK((zone == "forest" || zone == "riverbank"));
        if (dlbm == "1101" || dlbm == "1104")
            CHECK(zone == "water");
        if (zone == "lowland") { // decided by the facts stored beside it
            CHECK(f->GetFieldAsDouble("MEAN_SLOPE") < 10.0);
            CHECK(f->GetFieldAsDouble("RIVER_HEIGHT") < 25.0);
        }
        if (zone == "riverbank")
            CHECK(f->GetFieldAsDouble("RIVER_DIST") <= 120.0);
        if (std::string(f->GetFieldAsString("VILLAGE_RULE")).find("lies in no village") !=
            std::string::npos) {
            ++withoutVillage;
        }
        // every parcel's village is named, this one's by its code
        CHECK_FALSE(std::string(f->GetFieldAsString("VILLAGE_NAME")).empty());
    }
    CHECK(withoutVillage == 1); // the parcel planted outside every village, placed by its ZLDWDM
    CHECK(ds->GetLayerByName("village_mismatches")->GetFeatureCount() == 0);
    // A parcel's class row has the parcel's FID, so it is found through the primary key
    // (identify, the QGIS views), with no index to build.
    const std::string& project = classifiedProject();
    CHECK(testing::projectValue(project, "SELECT COUNT(*) FROM parcel_classes WHERE fid IS NOT "
                                         "PARCEL_FID") == "0");
    CHECK(testing::projectValue(project, "SELECT COUNT(*) FROM parcels p JOIN parcel_classes c "
                                         "ON c.fid = p.fid") ==
          std::to_string(ds->GetLayerByName("parcels")->GetFeatureCount()));
    CHECK(testing::projectValue(project, "SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                         "'index' AND tbl_name = 'parcel_class_codes'") == "0");
}

TEST_CASE("a parcel's class row has the parcel's FID, also where the parcels' FIDs have gaps",
          "[classifier]") {
    const std::string project = testing::copyOfClassifiedProject();
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        // Parcels deleted here and there (and the first): FIDs no longer count 1, 2, 3, …
        ds->ExecuteSQL("DELETE FROM parcels WHERE fid % 7 = 3 OR fid = 1", nullptr, nullptr);
    }
    testing::classifyAsOfSampleDay(project);
    GDALDatasetUniquePtr ds = geo::openVector(project);
    OGRLayer& parcels = *ds->GetLayerByName("parcels");
    OGRLayer& classes = *ds->GetLayerByName("parcel_classes");
    REQUIRE(classes.GetFeatureCount() == parcels.GetFeatureCount());
    long long checked = 0;
    for (auto&& parcel : parcels) {
        OGRFeatureUniquePtr row(classes.GetFeature(parcel->GetFID()));
        REQUIRE(row);
        CHECK(row->GetFieldAsInteger64("PARCEL_FID") == parcel->GetFID());
        CHECK(std::string(row->GetFieldAsString("BSM")) == parcel->GetFieldAsString("BSM"));
        ++checked;
    }
    CHECK(checked > 1000);
    CHECK_FALSE(OGRFeatureUniquePtr(classes.GetFeature(1)));
}

TEST_CASE("the ledger problems the generator planted are found, and only real ones",
          "[classifier]") {
    std::ifstream in(testing::smallCounty().directory + "/manifest.json");
    const nlohmann::json manifest = nlohmann::json::parse(in);
    const std::set<std::string> overlapping = manifest["ledger_flags"]["overlapping_contracts"];
    const std::set<std::string> mismatched =
        manifest["ledger_flags"]["area_mismatch_over_5_percent"];
    std::set<std::string> foundOverlaps, foundMismatches;
    auto ds = geo::openVector(classifiedProject());
    for (const auto& f : *ds->GetLayerByName("transfer_flags")) {
        const std::string kind = f->GetFieldAsString("KIND");
        if (kind == "overlapping_contracts")
            foundOverlaps.insert(f->GetFieldAsString("DKBM"));
        if (kind == "area_mismatch")
            foundMismatches.insert(f->GetFieldAsString("DKBM"));
    }
    CHECK(foundOverlaps == overlapping);
    CHECK(foundMismatches == mismatched);
}

TEST_CASE("idle three-assets: flagged and idle-type land, idle assets, idle funds",
          "[classifier]") {
    const auto& county = testing::smallCounty().county;
    long long idleParcels = 0, idleAssets = 0, idleFunds = 0;
    for (const auto& p : county.parcels)
        idleParcels += (p.idle || p.dlbm == "1201" || p.dlbm == "1206") ? 1 : 0;
    for (const auto& a : county.assets)
        idleAssets += a.status == "闲置" ? 1 : 0;
    for (const auto& f : county.funds)
        idleFunds += f.idle > 0 ? 1 : 0;
    std::map<std::string, long long> byCategory;
    auto ds = geo::openVector(classifiedProject());
    for (const auto& f : *ds->GetLayerByName("idle_items")) {
        ++byCategory[f->GetFieldAsString("CATEGORY")];
        if (std::string(f->GetFieldAsString("CATEGORY")) == "asset")
            CHECK_FALSE(std::string(f->GetFieldAsString("VILLAGE_NAME")).empty());
    }
    // The repaired bowtie keeps its flag; the duplicate and the empty record were rejected
    // on import, and the sliver copies its parcel's attributes.
    CHECK(byCategory["resource"] >= idleParcels - 1);
    CHECK(byCategory["resource"] <= idleParcels + 1);
    CHECK(byCategory["asset"] == idleAssets);
    CHECK(byCategory["fund"] == idleFunds);
}

TEST_CASE("each idle asset is placed on the parcel GDAL finds around its point", "[classifier]") {
    auto ds = geo::openVector(classifiedProject());
    OGRLayer* parcels = ds->GetLayerByName("parcels");
    OGRLayer* assets = ds->GetLayerByName("assets");
    REQUIRE(parcels);
    REQUIRE(assets);
    // The idle assets' rows, in ledger order (as classification writes them).
    std::vector<std::string> rules;
    for (const auto& f : *ds->GetLayerByName("idle_items"))
        if (std::string(f->GetFieldAsString("CATEGORY")) == "asset")
            rules.emplace_back(f->GetFieldAsString("RULE"));
    std::size_t k = 0, onParcel = 0;
    const std::string marker = "; on parcel ";
    for (const auto& a : *assets) {
        if (std::string(a->GetFieldAsString("ZT")) != "闲置")
            continue;
        REQUIRE(k < rules.size());
        const std::string& rule = rules[k++];
        const auto at = rule.find(marker);
        const std::string placed = at == std::string::npos ? "" : rule.substr(at + marker.size());
        OGRGeometry* point = a->GetGeometryRef();
        if (!point) {
            CHECK(placed.empty());
            continue;
        }
        // GDAL's answer: the parcels whose polygon contains the point, or touches it (a point
        // on a shared edge belongs to one of the two; which one is not GEOS's to say).
        std::set<std::string> containing, touching;
        parcels->SetSpatialFilter(point);
        for (const auto& p : *parcels) {
            const OGRGeometry* polygon = p->GetGeometryRef();
            if (polygon && polygon->Contains(point))
                containing.insert(p->GetFieldAsString("BSM"));
            if (polygon && polygon->Intersects(point))
                touching.insert(p->GetFieldAsString("BSM"));
        }
        parcels->SetSpatialFilter(nullptr);
        INFO(a->GetFieldAsString("ZCBM") << " " << rule);
        if (touching.empty())
            CHECK(placed.empty());
        else if (containing.size() == 1 && touching.size() == 1)
            CHECK(placed == *containing.begin());
        else
            CHECK(touching.count(placed) == 1);
        onParcel += placed.empty() ? 0U : 1U;
    }
    CHECK(k == rules.size());
    CHECK(onParcel > 0);
}

TEST_CASE("villages get aggregates and types with reasons", "[classifier]") {
    auto ds = geo::openVector(classifiedProject());
    OGRLayer* stats = ds->GetLayerByName("village_stats");
    REQUIRE(stats);
    CHECK(stats->GetFeatureCount() ==
          static_cast<GIntBig>(testing::smallCounty().county.villages.size()));
    for (const auto& f : *stats) {
        double zones = 0.0;
        for (const char* z : {"water", "riverbank", "forest", "hill", "lowland", "built", "other"})
            zones += f->GetFieldAsDouble((std::string("ZONE_") + z + "_MU").c_str());
        CHECK(zones == Approx(f->GetFieldAsDouble("AREA_MU")).epsilon(1e-9)); // zones add up
        CHECK(f->GetFieldAsDouble("TRANSFERRED_MU") > 0.0);
        if (!std::string(f->GetFieldAsString("PRIMARY_TYPE")).empty())
            CHECK_FALSE(std::string(f->GetFieldAsString("TYPE_RULES")).empty());
    }
}

TEST_CASE("re-running replaces the results; a broken rule file writes nothing", "[classifier]") {
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    importAll(project, false); // no DEM: terrain rules are skipped with a warning
    const auto first = geo::classifyProject(options(project));
    CHECK(std::any_of(first.warnings.begin(), first.warnings.end(),
                      [](const std::string& w) { return w.find("no DEM") != std::string::npos; }));
    const auto second = geo::classifyProject(options(project));
    CHECK(second.parcels == first.parcels);
    auto count = [&] {
        auto ds = geo::openVector(project);
        return ds->GetLayerByName("parcel_classes")->GetFeatureCount();
    };
    CHECK(count() == first.parcels);

    const auto before = testing::datasetDigest(project);
    const std::string broken = testing::temporaryDirectory() + "/broken.json";
    std::ofstream(broken)
        << R"({"zones": [{"id": "a"}], "rules": [{"id": "r", "zone": "a", "when": {"land_use": ["0199"]}}]})";
    CHECK_THROWS_AS(geo::classifyProject(options(project, broken)), geo::InputError);
    CHECK(testing::datasetDigest(project) == before);
}

TEST_CASE("explain shows the chain for a parcel, and names a missing one", "[classifier]") {
    auto ds = geo::openVector(classifiedProject());
    OGRLayer* results = ds->GetLayerByName("parcel_classes");
    results->SetAttributeFilter("ZONE = 'hill' AND DLBM LIKE '01%'");
    OGRFeatureUniquePtr hill(results->GetNextFeature());
    REQUIRE(hill);
    const std::string bsm = hill->GetFieldAsString("BSM");
    const auto e = geo::explainParcel(classifiedProject(),
                                      testing::sourcePath("data/rules/lingling-five-zones.json"),
                                      testing::sourcePath("data/landuse/gbt21010-2017.json"), bsm);
    CHECK(e.zone == "hill");
    CHECK(e.ruleId == "hill-steep-cropland");
    CHECK(e.trace.back().result == geo::RuleTrace::Result::Matched);
    CHECK(e.trace.size() == 5);
    CHECK_THROWS_WITH(geo::explainParcel(classifiedProject(),
                                         testing::sourcePath("data/rules/lingling-five-zones.json"),
                                         testing::sourcePath("data/landuse/gbt21010-2017.json"),
                                         "nope"),
                      Catch::Contains("no parcel with BSM nope"));
}

TEST_CASE("a cancelled classification throws Cancelled and keeps the previous results",
          "[classifier]") {
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    importAll(project, true);
    geo::classifyProject(options(project));
    const auto before = testing::datasetDigest(project);
    for (const char* stopAt : {"terrain statistics", "zones", "saving"}) {
        geo::ClassifyOptions o = options(project);
        o.asOf = "2030-01-01";
        std::string last;
        o.progress = [&](const std::string& step, double) {
            last = step;
        };
        o.cancelled = [&] {
            return last == stopAt;
        };
        INFO(stopAt);
        CHECK_THROWS_AS(geo::classifyProject(o), geo::Cancelled);
        CHECK(testing::datasetDigest(project) == before);
    }
    // The saving reports its rows as they go in, and a cancellation part-way through them
    // rolls back: the sample county's 3,550 rows go in more than one batch.
    {
        geo::ClassifyOptions o = options(project);
        o.asOf = "2030-01-01";
        std::vector<double> saving;
        o.progress = [&](const std::string& step, double fraction) {
            if (step == "saving")
                saving.push_back(fraction);
        };
        o.cancelled = [&] {
            return saving.size() >= 2;
        };
        CHECK_THROWS_AS(geo::classifyProject(o), geo::Cancelled);
        CHECK(testing::datasetDigest(project) == before);
        REQUIRE(saving.size() == 2);
        CHECK(saving[0] == 0.85);
        CHECK(saving[1] > 0.85);
        CHECK(saving[1] < 0.98); // rows were still to come
    }
    // Cancelled while the zones are worked out on their own thread and the rows wait for them:
    // only that thread is told, so the cancellation must come back through the rows.
    geo::ClassifyOptions o = options(project);
    o.asOf = "2030-01-01";
    const std::thread::id caller = std::this_thread::get_id();
    o.cancelled = [&] {
        return std::this_thread::get_id() != caller;
    };
    CHECK_THROWS_AS(geo::classifyProject(o), geo::Cancelled);
    CHECK(testing::datasetDigest(project) == before);
}

namespace {

constexpr double east = 37500000.0, north = 2900000.0;

// The elevation of the sloping DEM below at (x, y).
double slopeElevation(double x, double y) {
    return 100.0 + 0.05 * (x - east) + 0.1 * (y - north);
}

// A river along y = 3 with the given GeoJSON properties, and a DEM rising 5 m per 100 m east
// and 10 m per 100 m north (6.4°, under the hill rule's 10°). The cropland parcel's south-west
// corner is 200 m from the river (beyond the riverbank rule), its middle 300 m further east:
// above the river at the point nearest the parcel it stands about 38 m (hill, from 25 m);
// above the river point south of its middle only about 23 m. Returns the project, classified.
std::string slopeProject(const std::string& riverProperties, geo::ClassifySummary& summary) {
    geo::initialiseGdal();
    const std::string dir = testing::temporaryDirectory();
    const std::string dem = dir + "/dem.tif";
    {
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr raster(gtiff->Create(dem.c_str(), 120, 80, 1, GDT_Float32, nullptr));
        double transform[6] = {east - 200.0, 10.0, 0.0, north + 600.0, 0.0, -10.0};
        raster->SetGeoTransform(transform);
        OGRSpatialReference crs;
        crs.importFromEPSG(4525);
        raster->SetSpatialRef(&crs);
        std::vector<float> z(120 * 80);
        for (int row = 0; row < 80; ++row)
            for (int col = 0; col < 120; ++col)
                z[static_cast<std::size_t>(row * 120 + col)] = static_cast<float>(slopeElevation(
                    transform[0] + 10.0 * (col + 0.5), transform[3] - 10.0 * (row + 0.5)));
        REQUIRE(raster->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 120, 80, z.data(), 120, 80,
                                                   GDT_Float32, 0, 0) == CE_None);
    }
    auto point = [&](double x, double y) {
        return "[" + std::to_string(east + x) + "," + std::to_string(north + y) + "]";
    };
    std::ofstream(dir + "/parcels.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
        << R"({"BSM":"SLOPE","DLBM":"0103","ZLDWDM":"431102001001"},"geometry":{"type":"Polygon",)"
        << R"("coordinates":[[)" << point(2, 203) << "," << point(602, 233) << ","
        << point(602, 263) << "," << point(2, 233) << "," << point(2, 203) << "]]}}]}";
    std::string river;
    for (double x = -97.0; x <= 803.0; x += 50.0)
        river += (river.empty() ? "" : ",") + point(x, 3);
    std::ofstream(dir + "/river.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
        << riverProperties << R"(,"geometry":{"type":"LineString","coordinates":[)" << river
        << "]}}]}";
    const std::string project = dir + "/p.gpkg";
    auto run = [&](const std::string& layer, const std::string& source) {
        geo::ImportOptions o;
        o.project = project;
        o.layer = layer;
        o.source = source;
        o.crs = "EPSG:4525";
        o.profilesDirectory = testing::sourcePath("data/profiles");
        return layer == "dem" ? geo::importDem(o) : geo::importIntoProject(o);
    };
    run("parcels", dir + "/parcels.geojson");
    run("rivers", dir + "/river.geojson");
    run("dem", dem);
    summary = geo::classifyProject(options(project));
    return project;
}

bool warned(const geo::ClassifySummary& summary, const std::string& part) {
    return std::any_of(summary.warnings.begin(), summary.warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("height above the river is taken at the river point nearest to the parcel",
          "[classifier]") {
    geo::ClassifySummary summary;
    const std::string project = slopeProject(R"({"DJ":4})", summary);
    // The river counts (grade 4) and the DEM is there: nothing is said of either. (The project
    // has no roads and seats, which the village types' warnings name.)
    CHECK_FALSE(warned(summary, "river"));
    CHECK_FALSE(warned(summary, "DEM"));
    auto ds = geo::openVector(project);
    OGRFeatureUniquePtr parcel(ds->GetLayerByName("parcel_classes")->GetNextFeature());
    REQUIRE(parcel);
    CHECK(parcel->GetFieldAsDouble("RIVER_DIST") == Approx(200.0).margin(1e-9));
    // The river point nearest to the parcel, (2, 3), lies in the pixel centred on (5, 5).
    const double riverElevation = slopeElevation(east + 5.0, north + 5.0);
    CHECK(parcel->GetFieldAsDouble("RIVER_HEIGHT") ==
          Approx(parcel->GetFieldAsDouble("MEAN_ELEV") - riverElevation).margin(1e-4));
    CHECK(parcel->GetFieldAsDouble("RIVER_HEIGHT") > 30.0);
    CHECK(std::string(parcel->GetFieldAsString("ZONE")) == "hill");
    // The terrain the row stores, from the DEM's pixels whose centres lie inside the
    // parallelogram (between its south edge y = 203 + (x - 2) / 20 and its north edge 30 m
    // above, for 2 < x < 602): their mean, and the height above the lowest of them (the parcel
    // is its village's only one).
    double sum = 0.0, lowest = std::numeric_limits<double>::infinity();
    int inside = 0;
    for (int row = 0; row < 80; ++row)
        for (int col = 0; col < 120; ++col) {
            const double x = -200.0 + 10.0 * (col + 0.5), y = 600.0 - 10.0 * (row + 0.5);
            const double south = 203.0 + (x - 2.0) / 20.0;
            if (x <= 2.0 || x >= 602.0 || y <= south || y >= south + 30.0)
                continue;
            const double z = static_cast<float>(slopeElevation(east + x, north + y));
            sum += z;
            lowest = std::min(lowest, z);
            ++inside;
        }
    REQUIRE(inside > 100);
    const double mean = sum / inside;
    CHECK(parcel->GetFieldAsDouble("MEAN_ELEV") == Approx(mean).margin(1e-6));
    CHECK(parcel->GetFieldAsDouble("REL_ELEV") == Approx(mean - lowest).margin(1e-6));
    CHECK(parcel->GetFieldAsDouble("REL_ELEV") > 1.0);
    // 6.4° everywhere on this plane: atan(hypot(0.05, 0.1)).
    CHECK(parcel->GetFieldAsDouble("MEAN_SLOPE") ==
          Approx(std::atan(std::hypot(0.05, 0.1)) * 180.0 / std::numbers::pi).margin(1e-3));
}

TEST_CASE("rivers without the rules' grade field all count; rivers below the grade are left out",
          "[classifier]") {
    geo::ClassifySummary summary;
    SECTION("no DJ field: the river counts, and the summary says so") {
        const std::string project = slopeProject(R"({"NAME":"潇水"})", summary);
        CHECK(warned(summary, "the rivers have no DJ field, so every river counts, not only "
                              "those with DJ of at least 3"));
        auto ds = geo::openVector(project);
        OGRFeatureUniquePtr parcel(ds->GetLayerByName("parcel_classes")->GetNextFeature());
        CHECK(parcel->GetFieldAsDouble("RIVER_DIST") == Approx(200.0).margin(1e-9));
        CHECK(std::string(parcel->GetFieldAsString("ZONE")) == "hill");
    }
    SECTION("a brook of grade 1: no river for the rules, and the summary says why") {
        const std::string project = slopeProject(R"({"DJ":1})", summary);
        CHECK(warned(summary, "no river has DJ of at least 3, so rules on river distance were "
                              "skipped"));
        CHECK_FALSE(warned(summary, "the project has no rivers"));
        auto ds = geo::openVector(project);
        OGRFeatureUniquePtr parcel(ds->GetLayerByName("parcel_classes")->GetNextFeature());
        CHECK_FALSE(parcel->IsFieldSetAndNotNull(parcel->GetFieldIndex("RIVER_DIST")));
        CHECK(std::string(parcel->GetFieldAsString("ZONE")) == "lowland");
    }
}

TEST_CASE("a status or funds field the ledgers lack is named in a warning, with their fields",
          "[classifier]") {
    const std::string project = testing::copyOfClassifiedSampleCounty();
    geo::ClassifyOptions o;
    o.project = project;
    o.landUseCodes = testing::sourcePath("data/landuse/gbt21010-2017.json");
    o.asOf = "2026-06-30";
    o.rules = testing::sourcePath("data/rules/lingling-five-zones.json");
    const geo::ClassifySummary right = geo::classifyProject(o);
    CHECK(right.idleAssets > 0);
    CHECK(right.idleFunds > 0);
    CHECK_FALSE(warned(right, "asset ledger"));
    CHECK_FALSE(warned(right, "funds table"));

    // The same rules naming fields the ledgers do not have.
    std::ifstream in(o.rules);
    nlohmann::json rules = nlohmann::json::parse(in);
    rules["idle"]["asset_status_field"] = "STATUS";
    rules["idle"]["fund_idle_field"] = "IDLE_FUNDS";
    o.rules = testing::temporaryDirectory() + "/other-fields.json";
    std::ofstream(o.rules) << rules.dump(2);
    const geo::ClassifySummary wrong = geo::classifyProject(o);
    CHECK(wrong.idleAssets == 0);
    CHECK(wrong.idleFunds == 0);
    CHECK(warned(wrong, "the asset ledger has no field STATUS (the rule file's "
                        "idle.asset_status_field), so no asset counts as idle; its fields are "));
    CHECK(warned(wrong, "ZT"));
    CHECK(warned(wrong, "the funds table has no field IDLE_FUNDS (the rule file's "
                        "idle.fund_idle_field), so no village has idle funds; its fields are "));
    CHECK(warned(wrong, "XZZJ"));
}

TEST_CASE("a failure part-way through saving keeps the previous results", "[classifier]") {
    const std::string project = testing::temporaryDirectory() + "/county.gpkg";
    importAll(project, true);
    const auto first = geo::classifyProject(options(project));
    // A trigger refuses the second result table, after the million-row one is written.
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open_v2(project.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
        CHECK(sqlite3_exec(db,
                           "CREATE TRIGGER planted_failure BEFORE INSERT ON gpkg_contents WHEN "
                           "NEW.table_name = 'idle_items' BEGIN SELECT RAISE(ABORT, 'planted "
                           "failure'); END",
                           nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    const auto before = testing::datasetDigest(project);
    geo::ClassifyOptions later = options(project);
    later.asOf = "2030-01-01"; // other transfers: other rows, were any saved
    CHECK_THROWS_WITH(geo::classifyProject(later), Catch::Contains("planted failure"));
    CHECK(testing::datasetDigest(project) == before);
    auto ds = geo::openVector(project);
    CHECK(ds->GetLayerByName("parcel_classes")->GetFeatureCount() == first.parcels);
}

TEST_CASE("a DEM too large to hold in memory gives the same results, sampled through GDAL",
          "[classifier]") {
    auto rows = [](const std::string& project) {
        auto ds = geo::openVector(project);
        OGRLayer* classes = ds->GetLayerByName("parcel_classes");
        std::vector<std::string> all;
        for (const auto& f : *classes) {
            std::string row;
            for (int k = 0; k < f->GetFieldCount(); ++k)
                row +=
                    std::string(f->IsFieldSetAndNotNull(k) ? f->GetFieldAsString(k) : "NULL") + "|";
            all.push_back(row);
        }
        return all;
    };
    const std::string held = testing::temporaryDirectory() + "/county.gpkg";
    importAll(held, true);
    const std::string streamed = testing::temporaryDirectory() + "/county.gpkg";
    std::filesystem::copy_file(held, streamed);
    geo::classifyProject(options(held));
    geo::ClassifyOptions o = options(streamed);
    o.demInMemoryPixels = 0;
    geo::classifyProject(o);
    const auto expected = rows(held);
    REQUIRE(expected.size() > 1000);
    CHECK(rows(streamed) == expected);
    // The heights above the river were worked out both ways.
    auto ds = geo::openVector(streamed);
    OGRLayer* classes = ds->GetLayerByName("parcel_classes");
    classes->SetAttributeFilter("RIVER_HEIGHT IS NOT NULL");
    CHECK(classes->GetFeatureCount() > 1000);
}
