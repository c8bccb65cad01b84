// Each village's distances from its centre to the nearest main road and township seat, and the
// location type (区位优势型) they give under the default rules: villages placed so that each
// threshold decides, distances checked against GEOS; and the grade filter on a project's roads.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include "geo/classification_inputs.h"
#include "geo/classifier.h"
#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"
#include "geo/project_store.h"
#include "geo/river_distance.h"
#include "geo/rule_set.h"
#include "geo/village_profile.h"
#include "support/classified_project.h"
#include "support/project_value.h"
#include "support/sample_fixture.h"

namespace {

std::unique_ptr<OGRGeometry> fromWkt(const std::string& wkt) {
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
    return std::unique_ptr<OGRGeometry>(g);
}

const geo::RuleSet& defaults() {
    static const geo::RuleSet rules = geo::RuleSet::load(
        testing::sourcePath("data/rules/lingling-five-zones.json"),
        geo::loadLandUseCodes(testing::sourcePath("data/landuse/gbt21010-2017.json")));
    return rules;
}

} // namespace

TEST_CASE("villages near a main road or the township seat are of the location type",
          "[village_profile]") {
    geo::initialiseGdal();
    geo::ClassificationInputs in;
    const std::vector<std::string> villages = {
        "POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))",          // by the main road
        "POLYGON ((1000 0,2000 0,2000 1000,1000 1000,1000 0))", // 1 km from the seat
        "POLYGON ((5000 0,6000 0,6000 1000,5000 1000,5000 0))", // far from both
    };
    std::vector<std::unique_ptr<OGRGeometry>> shapes;
    for (std::size_t v = 0; v < villages.size(); ++v) {
        shapes.push_back(fromWkt(villages[v]));
        geo::appendFeature(in.villageShapes, shapes.back().get());
        in.villages.push_back({"43099910000" + std::to_string(v), "村" + std::to_string(v), 10});
    }
    const auto road = fromWkt("LINESTRING (-500 700,900 760)");
    geo::appendFeature(in.roads, road.get());
    in.hasRoads = true;
    in.seats = {{2500.0, 600.0}};
    in.hasSeats = true;

    const geo::VillageAssignment assignment;
    const geo::TransferStatus transfers;
    const geo::RiverDistance noRivers(in.rivers);
    const std::vector<geo::VillageProfile> profiles =
        geo::profileVillages(in, defaults(), assignment, {}, {}, transfers, noRivers);
    REQUIRE(profiles.size() == 3);
    for (std::size_t v = 0; v < 3; ++v) {
        INFO("village " << v);
        double x = 0, y = 0;
        REQUIRE(geo::interiorPoint(in.villageShapes, v, x, y));
        const OGRPoint centre(x, y);
        CHECK(profiles[v].centreRoadDistance == Approx(centre.Distance(road.get())).epsilon(1e-12));
        CHECK(profiles[v].centreSeatDistance == Approx(std::hypot(2500.0 - x, 600.0 - y)));
        CHECK_FALSE(std::isfinite(profiles[v].centreRiverDistance)); // no rivers
    }
    // The thresholds of the default rules: a main road within 300 m, the seat within 2 km.
    REQUIRE(profiles[0].centreRoadDistance <= 300);
    REQUIRE(profiles[0].centreSeatDistance > 2000); // 2,002.5 m: just beyond
    CHECK(profiles[0].primaryType == "location");
    CHECK(profiles[0].typeReasons.find("centre_road_distance_m=") != std::string::npos);
    REQUIRE(profiles[1].centreRoadDistance > 300);
    REQUIRE(profiles[1].centreSeatDistance <= 2000);
    CHECK(profiles[1].primaryType == "location");
    CHECK(profiles[1].typeReasons.find("centre_seat_distance_m=") != std::string::npos);
    CHECK(profiles[2].types.empty());

    SECTION("without roads and seats the measures are unknown and decide nothing") {
        geo::ClassificationInputs bare = in;
        bare.roads = {};
        bare.hasRoads = false;
        bare.seats.clear();
        bare.hasSeats = false;
        const auto unknown =
            geo::profileVillages(bare, defaults(), assignment, {}, {}, transfers, noRivers);
        for (const geo::VillageProfile& p : unknown) {
            CHECK_FALSE(std::isfinite(p.centreRoadDistance));
            CHECK_FALSE(std::isfinite(p.centreSeatDistance));
            CHECK(p.types.empty());
        }
    }
}

TEST_CASE("only roads of the rule file's main grades count", "[village_profile]") {
    geo::initialiseGdal();
    const std::string project = testing::temporaryDirectory() + "/roads.gpkg";
    std::filesystem::remove(project);
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(driver->Create(project.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        OGRLayer* parcels = ds->CreateLayer("parcels", nullptr, wkbPolygon, nullptr);
        OGRFieldDefn bsm("BSM", OFTString);
        REQUIRE(parcels->CreateField(&bsm) == OGRERR_NONE);
        OGRFeature parcel(parcels->GetLayerDefn());
        parcel.SetField("BSM", "P1");
        parcel.SetGeometry(fromWkt("POLYGON ((0 0,10 0,10 10,0 10,0 0))").get());
        REQUIRE(parcels->CreateFeature(&parcel) == OGRERR_NONE);
        OGRLayer* roads = ds->CreateLayer("roads", nullptr, wkbLineString, nullptr);
        OGRFieldDefn grade("DLDJ", OFTString);
        REQUIRE(roads->CreateField(&grade) == OGRERR_NONE);
        for (const auto& [g, wkt] : {std::pair{"县道", "LINESTRING (0 100,100 100)"},
                                     std::pair{"村道", "LINESTRING (0 20,100 20)"},
                                     std::pair{"省道", "LINESTRING (0 300,100 300)"}}) {
            OGRFeature f(roads->GetLayerDefn());
            f.SetField("DLDJ", g);
            f.SetGeometry(fromWkt(wkt).get());
            REQUIRE(roads->CreateFeature(&f) == OGRERR_NONE);
        }
    }
    auto store = geo::openGeoPackageProject(project);
    const geo::RuleSet& rules = defaults();
    REQUIRE(rules.mainRoadGrades == std::vector<std::string>{"国道", "省道", "县道"});
    const geo::ClassificationInputs main = geo::readClassificationInputs(
        *store, {}, "ZT", "XZZJ", {}, 0.0, geo::ParcelReading::Fastest, rules.roadGradeField,
        rules.mainRoadGrades);
    CHECK(main.hasRoads);
    CHECK(main.roadsBelowGrade == 1); // the 村道
    CHECK(main.roads.featureCount() == 2);
    const geo::RiverDistance roads(main.roads, 50000.0);
    CHECK(roads.distance(50, 0) == Approx(100)); // the 县道, not the 村道 at 20 m
    // Without grades, every road.
    const geo::ClassificationInputs all = geo::readClassificationInputs(*store, {}, "ZT", "XZZJ");
    CHECK(all.roads.featureCount() == 3);
    CHECK(all.roadsBelowGrade == 0);
    // Grades on a field the roads lack: every road, and the inputs say so.
    const geo::ClassificationInputs missing = geo::readClassificationInputs(
        *store, {}, "ZT", "XZZJ", {}, 0.0, geo::ParcelReading::Fastest, "GRADE", {"县道"});
    CHECK(missing.roads.featureCount() == 3);
    CHECK(missing.roadGradeMissing);
}

TEST_CASE("the sample's villages get their distances to the imported main road and township "
          "seat",
          "[village_profile]") {
    geo::initialiseGdal();
    const std::string project = testing::classifiedSampleProject(); // roads and seats imported
    const geo::FlatLayer villages = geo::readFlatLayer(project, "villages", "ZLDWDM");
    GDALDatasetUniquePtr ds = geo::openVector(project);
    std::vector<std::array<double, 2>> seats;
    for (const auto& f : *ds->GetLayerByName("seats"))
        seats.push_back(
            {f->GetGeometryRef()->toPoint()->getX(), f->GetGeometryRef()->toPoint()->getY()});
    // The main roads by the default rules' grades: the sample's one 县道 (the 乡道 do not count).
    std::vector<std::unique_ptr<OGRGeometry>> mainRoads;
    for (const auto& f : *ds->GetLayerByName("roads"))
        if (std::string(f->GetFieldAsString("DLDJ")) == "县道")
            mainRoads.emplace_back(f->GetGeometryRef()->clone());
    REQUIRE(seats.size() == 1);
    REQUIRE(mainRoads.size() == 1);
    REQUIRE(ds->GetLayerByName("roads")->GetFeatureCount() == 3);
    REQUIRE(villages.featureCount() == 4);
    for (std::size_t v = 0; v < villages.featureCount(); ++v) {
        INFO(villages.category[v]);
        double x = 0, y = 0;
        REQUIRE(geo::interiorPoint(villages, v, x, y));
        const std::string where =
            " FROM village_stats WHERE VILLAGE_CODE = '" + villages.category[v] + "'";
        CHECK(std::stod(testing::projectValue(project, "SELECT SEAT_DIST_M" + where)) ==
              Approx(std::hypot(seats[0][0] - x, seats[0][1] - y)));
        const OGRPoint centre(x, y);
        CHECK(std::stod(testing::projectValue(project, "SELECT ROAD_DIST_M" + where)) ==
              Approx(centre.Distance(mainRoads[0].get())));
    }
}
