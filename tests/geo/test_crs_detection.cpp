// CRS detection: .prj identified in PROJ's database and checked against the coordinates,
// inference from coordinates, overrides, and datum shifts. Expected EPSG codes were looked up
// independently with `projinfo "<name>"` (PROJ 9.1).
#include <catch2/catch.hpp>

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

#include <cpl_conv.h>
#include <gdal_priv.h>

#include "geo/crs_detection.h"
#include "geo/gdal_session.h"
#include "support/sample_fixture.h"

namespace {

// ESRI WKT as ArcGIS writes it (projinfo EPSG:N -o WKT1_ESRI).
const std::string cgcs2000Cm111 =
    R"(PROJCS["CGCS2000_3_Degree_GK_CM_111E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",)"
    R"(DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],)"
    R"(UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],)"
    R"(PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],)"
    R"(PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],)"
    R"(PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";
const std::string xian1980Zone37 =
    R"(PROJCS["Xian_1980_3_Degree_GK_Zone_37",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",)"
    R"(SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],)"
    R"(UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],)"
    R"(PARAMETER["False_Easting",37500000.0],PARAMETER["False_Northing",0.0],)"
    R"(PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],)"
    R"(PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";
// Xian 1980 CM 111E (EPSG:2382): the zone's meridian, but no zone number in the false easting.
const std::string xian1980Cm111 =
    R"(PROJCS["Xian_1980_3_Degree_GK_CM_111E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",)"
    R"(SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],)"
    R"(UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],)"
    R"(PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],)"
    R"(PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],)"
    R"(PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]])";

// A village in Hunan, around 111.6°E 26.1°N, in three ways of writing it.
const geo::Extent zone37Extent{37'557'601.0, 2'883'230.0, 37'571'094.0, 2'886'739.0};
const geo::Extent sixDigitExtent{557'601.0, 2'883'230.0, 571'094.0, 2'886'739.0};
const geo::Extent lonLatExtent{111.55, 26.05, 111.70, 26.10};

geo::CrsInput input(const std::string& prj, const geo::Extent& extent) {
    geo::CrsInput in;
    in.prjText = prj;
    in.extent = extent;
    return in;
}

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
    for (const std::string& w : warnings)
        if (w.find(text) != std::string::npos)
            return true;
    return false;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The bounding box a .shp records in its header (bytes 36-67, little-endian doubles): it is
// there even when the .shx is missing and GDAL refuses the layer.
geo::Extent shpHeaderExtent(const std::string& path) {
    const std::string header = readText(path).substr(0, 100);
    REQUIRE(header.size() == 100);
    std::array<double, 4> box{};
    std::memcpy(box.data(), header.data() + 36, sizeof box);
    return {box[0], box[1], box[2], box[3]};
}

// A shapefile as tianmu meets it: the .prj's text (empty without one) and the extent.
geo::CrsInput shapefile(const std::string& pathWithoutSuffix) {
    const std::string prj = pathWithoutSuffix + ".prj";
    return input(std::filesystem::exists(prj) ? readText(prj) : std::string(),
                 shpHeaderExtent(pathWithoutSuffix + ".shp"));
}

bool haveRealData() {
    return std::filesystem::is_directory(TIANMU_SHARED_DATA_DIR);
}

std::string real(const std::string& relative) {
    return std::string(TIANMU_SHARED_DATA_DIR) + "/" + relative;
}

} // namespace

TEST_CASE("ESRI .prj names are identified from PROJ's database", "[crs_detection]") {
    CHECK(geo::identifyEpsg(cgcs2000Cm111) == 4546);
    CHECK(geo::identifyEpsg(xian1980Zone37) == 2361);
    CHECK(geo::identifyEpsg(xian1980Cm111) == 2382);
    CHECK(geo::identifyEpsg("\xEF\xBB\xBF\r\n" + xian1980Zone37 + "\r\n") == 2361); // BOM, CRLF
    CHECK(geo::identifyEpsg("EPSG:4525") == 4525);
    CHECK(geo::identifyEpsg("") == 0);
    CHECK(geo::identifyEpsg("PROJCS[\"broken\",GEOGCS[") == 0);
    CHECK(geo::identifyEpsg("/etc/passwd") == 0); // text, never a path to open
}

TEST_CASE("a .prj that fits its coordinates decides", "[crs_detection]") {
    const geo::CrsDecision d = geo::detectCrs(input(cgcs2000Cm111, sixDigitExtent));
    CHECK(d.epsg == 4546);
    CHECK(d.name == "CGCS2000 / 3-degree Gauss-Kruger CM 111E");
    CHECK(d.decidedBy == "prj");
    CHECK_FALSE(d.needsConfirmation);
    CHECK(d.warnings.empty());

    // Running 1.5° past the zone's edge (113.5°E): reported, still trusted.
    const geo::CrsDecision wide =
        geo::detectCrs(input(cgcs2000Cm111, {557'601.0, 2'883'230.0, 750'000.0, 2'886'739.0}));
    CHECK(wide.epsg == 4546);
    CHECK(wide.decidedBy == "prj");
    CHECK(mentions(wide.warnings, "Part of the layer"));

    const geo::CrsDecision xian = geo::detectCrs(input(xian1980Zone37, zone37Extent));
    CHECK(xian.epsg == 2361);
    CHECK(xian.decidedBy == "prj");
    // PROJ has only a ballpark conversion from Xian 1980 to CGCS2000: the planner is warned.
    CHECK(mentions(xian.warnings, "no datum shift"));
}

TEST_CASE("a .prj whose area does not contain the coordinates is reported", "[crs_detection]") {
    SECTION("zone 37 coordinates under a CM 111E .prj without the zone: .prj datum, zone from "
            "coordinates") {
        const geo::CrsDecision d = geo::detectCrs(input(xian1980Cm111, zone37Extent));
        CHECK(d.epsg == 2361); // Xian 1980 / 3-degree Gauss-Kruger zone 37
        CHECK(d.decidedBy == "coordinates");
        CHECK(d.needsConfirmation);
        CHECK(mentions(d.warnings, "EPSG:2382"));
        CHECK(mentions(d.warnings, "not trusted"));
        CHECK(mentions(d.warnings, "no datum shift"));
    }
    SECTION("a geographic Xian 1980 .prj on zone-prefixed coordinates") {
        const geo::CrsDecision d = geo::detectCrs(
            input(R"(GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,)"
                  R"(298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]])",
                  zone37Extent));
        CHECK(d.epsg == 2361);
        CHECK(d.decidedBy == "coordinates");
        CHECK(mentions(d.warnings, "EPSG:4610"));
    }
    SECTION("a CGCS2000 CM 111E .prj on zone-prefixed coordinates") {
        const geo::CrsDecision d = geo::detectCrs(input(cgcs2000Cm111, zone37Extent));
        CHECK(d.epsg == 4525);
        CHECK(d.decidedBy == "coordinates");
        CHECK(mentions(d.warnings, "not trusted"));
    }
    SECTION("a projected .prj on lon/lat coordinates in China") {
        const geo::CrsDecision d = geo::detectCrs(input(xian1980Zone37, lonLatExtent));
        CHECK(d.epsg == 4490);
        CHECK(d.decidedBy == "coordinates");
        CHECK(mentions(d.warnings, "EPSG:2361"));
    }
}

TEST_CASE("eight-digit eastings name their Gauss-Kruger zone", "[crs_detection]") {
    SECTION("3-degree zone 37") {
        const geo::CrsDecision d = geo::detectCrs(input("", zone37Extent));
        CHECK(d.epsg == 4525); // CGCS2000 / 3-degree Gauss-Kruger zone 37
        CHECK(d.name == "CGCS2000 / 3-degree Gauss-Kruger zone 37");
        CHECK(d.decidedBy == "coordinates");
        CHECK(d.needsConfirmation);
        CHECK(d.reason.find("37") != std::string::npos);
        CHECK(d.warnings.empty());
    }
    SECTION("6-degree zone 19 (central meridian 111°E)") {
        const geo::CrsDecision d =
            geo::detectCrs(input("", {19'557'601.0, 2'883'230.0, 19'571'094.0, 2'886'739.0}));
        CHECK(d.epsg == 4497); // CGCS2000 / Gauss-Kruger zone 19
        CHECK(d.decidedBy == "coordinates");
    }
    SECTION("a prefix that is no Chinese zone") {
        const geo::CrsDecision d =
            geo::detectCrs(input("", {24'557'601.0, 2'883'230.0, 24'571'094.0, 2'886'739.0}));
        CHECK(d.epsg == 0);
        CHECK(d.decidedBy == "unknown");
        CHECK(d.reason.find("24") != std::string::npos);
    }
    SECTION("zone 37 eastings with northings far from China") {
        const geo::CrsDecision d =
            geo::detectCrs(input("", {37'557'601.0, 100.0, 37'571'094.0, 900.0}));
        CHECK(d.epsg == 0);
    }
}

TEST_CASE("six-digit eastings need the central meridian from --crs or the project",
          "[crs_detection]") {
    SECTION("alone: unknown, and the reason says how to fix it") {
        const geo::CrsDecision d = geo::detectCrs(input("", sixDigitExtent));
        CHECK(d.epsg == 0);
        CHECK(d.decidedBy == "unknown");
        CHECK(d.reason.find("central meridian") != std::string::npos);
        CHECK(d.reason.find("--crs EPSG:") != std::string::npos);
        CHECK(d.reason.find("EPSG:4546") != std::string::npos);
    }
    SECTION("with a reference layer in the project") {
        geo::CrsInput in = input("", sixDigitExtent);
        in.referenceEpsg = 4546;
        const geo::CrsDecision d = geo::detectCrs(in);
        CHECK(d.epsg == 4546);
        CHECK(d.decidedBy == "reference layer");
        CHECK(d.needsConfirmation);
    }
    SECTION("with a reference layer in a CRS that cannot hold them") {
        geo::CrsInput in = input("", sixDigitExtent);
        in.referenceEpsg = 4525; // zone 37 with its prefix: 6-digit eastings are 37 000 km west
        const geo::CrsDecision d = geo::detectCrs(in);
        CHECK(d.epsg == 0);
        CHECK(d.reason.find("EPSG:4525") != std::string::npos);
    }
    SECTION("with --crs") {
        geo::CrsInput in = input("", sixDigitExtent);
        in.overrideEpsg = 4546;
        in.referenceEpsg = 4549;
        const geo::CrsDecision d = geo::detectCrs(in);
        CHECK(d.epsg == 4546);
        CHECK(d.decidedBy == "override");
        CHECK_FALSE(d.needsConfirmation);
        CHECK(d.warnings.empty());
    }
}

TEST_CASE("longitude and latitude in China are taken as CGCS2000", "[crs_detection]") {
    const geo::CrsDecision d = geo::detectCrs(input("", lonLatExtent));
    CHECK(d.epsg == 4490);
    CHECK(d.decidedBy == "coordinates");
    CHECK(d.needsConfirmation);
    CHECK_FALSE(d.reason.empty());

    const geo::CrsDecision paris = geo::detectCrs(input("", {2.25, 48.81, 2.42, 48.90}));
    CHECK(paris.epsg == 0);
    CHECK(paris.decidedBy == "unknown");
    CHECK(paris.reason.find("outside China") != std::string::npos);
}

TEST_CASE("an explicit --crs overrides the .prj, with warnings when they disagree",
          "[crs_detection]") {
    geo::CrsInput in = input(xian1980Zone37, zone37Extent);
    in.overrideEpsg = 4525;
    geo::CrsDecision d = geo::detectCrs(in);
    CHECK(d.epsg == 4525);
    CHECK(d.decidedBy == "override");
    CHECK(mentions(d.warnings, "EPSG:2361"));

    in.overrideEpsg = 4546; // CM 111E without zone: the zone 37 eastings are off its area
    d = geo::detectCrs(in);
    CHECK(d.epsg == 4546);
    CHECK(mentions(d.warnings, "area of use"));

    in.overrideEpsg = 999'999;
    d = geo::detectCrs(in);
    CHECK(d.epsg == 0);
    CHECK(d.reason.find("EPSG:999999") != std::string::npos);
}

TEST_CASE("weird input gives an unknown CRS with a reason, never an exception", "[crs_detection]") {
    const double huge = -std::numeric_limits<double>::max();
    for (const geo::CrsInput& in : {
             input("", {huge, huge, huge, huge}),
             input(xian1980Zone37, {huge, huge, huge, huge}),
             input("", geo::Extent{}),
             input("nonsense", {0, 0, 1, 1}),
             input("", {std::numeric_limits<double>::quiet_NaN(), 0, 1, 1}),
             input("", {-1e6, -1e6, 1e6, 1e6}),
         }) {
        geo::CrsDecision d;
        REQUIRE_NOTHROW(d = geo::detectCrs(in));
        CHECK(d.epsg == 0);
        CHECK(d.decidedBy == "unknown");
        CHECK_FALSE(d.reason.empty());
    }
    // An identified .prj on an empty layer cannot be checked, but is not contradicted either.
    const geo::CrsDecision empty = geo::detectCrs(input(xian1980Zone37, geo::Extent{}));
    CHECK(empty.epsg == 2361);
    CHECK(empty.decidedBy == "prj");
}

TEST_CASE("PROJ knows no datum shift from Xian 1980 or Beijing 1954 to CGCS2000",
          "[crs_detection]") {
    CHECK_FALSE(geo::hasDatumShift(4610, 4490)); // Xian 1980
    CHECK_FALSE(geo::hasDatumShift(2361, 4490)); // Xian 1980 / 3-degree GK zone 37
    CHECK_FALSE(geo::hasDatumShift(4214, 4490)); // Beijing 1954
    CHECK(geo::hasDatumShift(4214, 4326));       // Beijing 1954 to WGS 84: regional EPSG shifts
    CHECK(geo::hasDatumShift(4525, 4490));       // same datum: exact
    CHECK_FALSE(geo::hasDatumShift(999'999, 4490));
}

TEST_CASE("the sample county's surveyor deliveries", "[crs_detection]") {
    const std::string surveyor = testing::smallCounty().directory + "/surveyor/";
    const geo::CrsDecision cgcs = geo::detectCrs(shapefile(surveyor + "cgcs2000/DLTB"));
    CHECK(cgcs.epsg == 4525);
    CHECK(cgcs.decidedBy == "prj");
    CHECK(cgcs.warnings.empty());

    const geo::CrsDecision xian = geo::detectCrs(shapefile(surveyor + "xian80/DLTB"));
    CHECK(xian.epsg == 2361);
    CHECK(xian.decidedBy == "prj");
    CHECK(mentions(xian.warnings, "Xian 1980"));

    const geo::CrsDecision none = geo::detectCrs(shapefile(surveyor + "noprj/DLTB"));
    CHECK(none.epsg == 4525);
    CHECK(none.decidedBy == "coordinates");
    CHECK(none.needsConfirmation);
}

TEST_CASE("real files: robustness folder", "[crs_detection]") {
    if (!haveRealData()) {
        WARN("no shared real data at " TIANMU_SHARED_DATA_DIR);
        return;
    }
    SECTION("a Beijing 1954 GK .prj over lon/lat points in the Americas is not trusted") {
        const auto in = shapefile(real("robustness/mapshaper/test/data/issues/193/gauss_kruger"));
        CHECK(geo::identifyEpsg(in.prjText) == 2435); // Beijing 1954 / 3-degree GK CM 114E
        const geo::CrsDecision d = geo::detectCrs(in);
        CHECK(d.epsg == 0);
        CHECK(mentions(d.warnings, "EPSG:2435"));
        CHECK(mentions(d.warnings, "not trusted"));
        CHECK(d.reason.find("outside China") != std::string::npos);
    }
    SECTION("a WGS 84 .prj over coordinates that are no degrees") {
        const geo::CrsDecision d =
            geo::detectCrs(shapefile(real("robustness/mapshaper/test/data/dbf/ldid/chinese")));
        CHECK(d.epsg == 0);
        CHECK(mentions(d.warnings, "EPSG:4326"));
    }
    SECTION("an \"Unknown\" projection") {
        const auto in = shapefile(real("robustness/mapshaper/test/data/issues/193/three_points"));
        CHECK(geo::identifyEpsg(in.prjText) == 0);
        const geo::CrsDecision d = geo::detectCrs(in);
        CHECK(d.epsg == 0);
        CHECK(mentions(d.warnings, "Unknown"));
    }
    SECTION("a malformed .prj over lon/lat covering China") {
        const auto in = shapefile(real("robustness/ncl_chinamap/cnmap"));
        CHECK(geo::identifyEpsg(in.prjText) == 0);
        const geo::CrsDecision d = geo::detectCrs(in);
        CHECK(d.epsg == 4490);
        CHECK(d.decidedBy == "coordinates");
        CHECK(mentions(d.warnings, "cannot be read"));
    }
    SECTION("a coordinate of -1.797e308") {
        const auto in = shapefile(real("robustness/mapshaper/test/data/issues/invalid_coords/"
                                       "invalid_coordinates"));
        REQUIRE(in.extent.minX < -1e307);
        geo::CrsDecision d;
        REQUIRE_NOTHROW(d = geo::detectCrs(in));
        CHECK(d.epsg == 0);
        CHECK(d.reason.find("range") != std::string::npos);
    }
    SECTION("the DLTB toy: a Xian 1980 CM 102E .prj, coordinates drawn around (500 000, 0)") {
        const auto in = shapefile(real("robustness/ae102_dltb_toy/DLTB"));
        CHECK(geo::identifyEpsg(in.prjText) == 2379); // Xian 1980 / 3-degree GK CM 102E
        // Northings of a few hundred metres put it on the equator, outside the CRS's area.
        const geo::CrsDecision d = geo::detectCrs(in);
        CHECK(d.epsg == 0);
        CHECK(mentions(d.warnings, "EPSG:2379"));
        geo::CrsInput forced = in;
        forced.overrideEpsg = 2379;
        const geo::CrsDecision overridden = geo::detectCrs(forced);
        CHECK(overridden.epsg == 2379);
        CHECK(mentions(overridden.warnings, "area of use"));
        CHECK(mentions(overridden.warnings, "no datum shift"));
    }
    SECTION("European .prj files that fit their data") {
        CHECK(geo::detectCrs(shapefile(real("robustness/mapshaper/test/data/issues/"
                                            "518_519_shp_reading/data_corruption_error")))
                  .epsg == 3006); // SWEREF99 TM
        // RT90 2.5 gon V, used for all Sweden, runs 1.5° past the zone EPSG records for it:
        // trusted, with a warning.
        const geo::CrsDecision rt90 = geo::detectCrs(shapefile(
            real("robustness/mapshaper/test/data/issues/518_519_shp_reading/max_callstack_error")));
        CHECK(rt90.epsg == 3021);
        CHECK(rt90.decidedBy == "prj");
        CHECK(mentions(rt90.warnings, "Part of the layer"));
    }
}

TEST_CASE("real files: North Carolina is identified, never taken for China", "[crs_detection]") {
    if (!haveRealData()) {
        WARN("no shared real data at " TIANMU_SHARED_DATA_DIR);
        return;
    }
    const auto streams = shapefile(real("nc-dem-streams/streams"));
    const geo::CrsDecision s = geo::detectCrs(streams);
    CHECK(s.epsg == 3358); // NAD83(HARN) / North Carolina
    CHECK(s.decidedBy == "prj");
    CHECK(s.warnings.empty());
    // Without the .prj, six-digit eastings with northings of 215 km are not a Chinese zone.
    CHECK(geo::detectCrs(geo::CrsInput{"", streams.extent, {}, {}}).epsg == 0);

    const auto lakes = shapefile(real("nc-dem-streams/lakes"));
    CHECK(geo::detectCrs(lakes).epsg == 4326);
    CHECK(geo::detectCrs(geo::CrsInput{"", lakes.extent, {}, {}}).epsg == 0);

    geo::initialiseGdal();
    const GDALDatasetUniquePtr dem(GDALDataset::Open(
        real("nc-dem-streams/elev_ned_30m.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(dem);
    REQUIRE(dem->GetSpatialRef());
    char* wkt = nullptr;
    dem->GetSpatialRef()->exportToWkt(&wkt);
    geo::CrsInput in;
    in.prjText = wkt;
    CPLFree(wkt);
    std::array<double, 6> gt{};
    REQUIRE(dem->GetGeoTransform(gt.data()) == CE_None);
    in.extent.include(gt[0], gt[3]);
    in.extent.include(gt[0] + gt[1] * dem->GetRasterXSize(), gt[3] + gt[5] * dem->GetRasterYSize());
    const geo::CrsDecision d = geo::detectCrs(in);
    CHECK(d.epsg == 32119); // NAD83 / North Carolina, under GRASS's name "Lambert Conformal Conic"
    CHECK(d.decidedBy == "prj");
}

TEST_CASE("real files: Chinese lon/lat without .prj", "[crs_detection]") {
    if (!haveRealData()) {
        WARN("no shared real data at " TIANMU_SHARED_DATA_DIR);
        return;
    }
    for (const char* layer : {"gary-yongzhou-districts/yongzhou_districts", "gbk-nanjing/320100"}) {
        INFO(layer);
        const geo::CrsDecision d = geo::detectCrs(shapefile(real(layer)));
        CHECK(d.epsg == 4490);
        CHECK(d.decidedBy == "coordinates");
        CHECK(d.needsConfirmation);
    }
    // WGS 84 .prj on China's rivers: the .prj decides.
    CHECK(geo::detectCrs(shapefile(real("robustness/ncl_chinamap/rivers"))).epsg == 4326);
}
