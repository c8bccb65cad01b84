// Village types tried one by one on a village's measures: each threshold of the default rules
// on both sides of its edge, the reasons people read, missing data, and the same verdicts from
// what classify stored for the sample's villages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "geo/classifier.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/village_types.h"
#include "support/classified_project.h"
#include "support/project_value.h"
#include "support/result_rows.h"
#include "support/sample_fixture.h"

namespace {

const geo::RuleSet& defaultRules() {
    static const geo::RuleSet rules = geo::RuleSet::load(
        testing::sourcePath("data/rules/lingling-five-zones.json"),
        geo::loadLandUseCodes(testing::sourcePath("data/landuse/gbt21010-2017.json")));
    return rules;
}

constexpr double unknown = std::numeric_limits<double>::infinity();

// A village far from everything, with little idle land and few cash crops: no type holds.
struct Village {
    double idleMu = 10.0;
    long long households = 100;
    double river = 5000.0, road = 5000.0, seat = 5000.0;
    double cashCrops = 0.05;

    std::vector<geo::VillageTypeTrace> traces() const {
        return geo::explainVillageTypes(
            defaultRules(), geo::villageMeasures(idleMu, households, river, road, seat, cashCrops));
    }
    // The ids of the types that hold, in rule-file order.
    std::vector<std::string> types() const {
        std::vector<std::string> ids;
        for (const geo::VillageTypeTrace& t : traces())
            if (t.holds())
                ids.push_back(t.typeId);
        return ids;
    }
};

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("each village type holds from the edge of its threshold on, and not before it",
          "[village_types]") {
    REQUIRE(Village{}.types().empty());
    // Resource: idle land of at least 0.5 亩 per household, or at least 100 亩 in all.
    CHECK(Village{.idleMu = 50.0, .households = 100}.types() == Ids{"resource"});
    CHECK(Village{.idleMu = 49.99, .households = 100}.types().empty());
    CHECK(Village{.idleMu = 100.0, .households = 1000}.types() == Ids{"resource"});
    CHECK(Village{.idleMu = 99.99, .households = 1000}.types().empty());
    // Without households, per household is unknown; the total still counts.
    CHECK(Village{.idleMu = 99.0, .households = 0}.types().empty());
    CHECK(Village{.idleMu = 100.0, .households = 0}.types() == Ids{"resource"});
    // Location: the centre within 500 m of a river, 300 m of a main road or 2 km of the seat.
    CHECK(Village{.river = 500.0}.types() == Ids{"location"});
    CHECK(Village{.river = 500.01}.types().empty());
    CHECK(Village{.road = 300.0}.types() == Ids{"location"});
    CHECK(Village{.road = 300.01}.types().empty());
    CHECK(Village{.seat = 2000.0}.types() == Ids{"location"});
    CHECK(Village{.seat = 2000.01}.types().empty());
    // Traditional: orchards, tea and ponds a quarter of the land or more.
    CHECK(Village{.cashCrops = 0.25}.types() == Ids{"traditional"});
    CHECK(Village{.cashCrops = 0.2499}.types().empty());
    // Several may hold; they come in rule-file order, the first being the primary.
    CHECK(Village{.idleMu = 200.0, .seat = 10.0, .cashCrops = 0.5}.types() ==
          Ids{"resource", "location", "traditional"});
}

TEST_CASE("a village type says which test holds, or why each alternative fails",
          "[village_types]") {
    SECTION("the alternative that holds, with the village's value") {
        const auto traces = Village{.idleMu = 91.25, .households = 100}.traces();
        REQUIRE(traces[0].typeId == "resource");
        CHECK(traces[0].holds());
        CHECK(traces[0].alternative == 0);
        CHECK(traces[0].why == "idle resource area per household 0.91 亩 is at least 0.5");
        // What village_stats' TYPE_RULES records for it.
        CHECK(traces[0].stored == "idle_area_mu_per_household=0.9125 ");
    }
    SECTION("every alternative's first failing test, joined") {
        const auto traces = Village{.river = 926.48, .road = 2001.4, .seat = 2234.5}.traces();
        REQUIRE(traces[1].typeId == "location");
        CHECK_FALSE(traces[1].holds());
        CHECK(traces[1].why ==
              "distance from the village centre to the nearest river 926.5 m is not at most "
              "500; and distance from the village centre to the nearest main road 2001.4 m is "
              "not at most 300; and distance from the village centre to the township seat "
              "2234.5 m is not at most 2000");
        CHECK(traces[1].stored.empty());
    }
    SECTION("a layer the project lacks: no data, and the type cannot rest on it") {
        const auto traces = Village{.road = unknown, .seat = unknown}.traces();
        CHECK_FALSE(traces[1].holds());
        CHECK(traces[1].why.find("no data for the distance from the village centre to the "
                                 "nearest main road") != std::string::npos);
        CHECK(traces[1].why.find("no data for the distance from the village centre to the "
                                 "township seat") != std::string::npos);
        // The river is known: near enough, the type holds on it alone.
        CHECK(Village{.river = 20.0, .road = unknown, .seat = unknown}.traces()[1].holds());
    }
    SECTION("a value next to its bound reads with the decimals that tell them apart") {
        CHECK(Village{.road = 300.04}.traces()[1].why.find(
                  "main road 300.04 m is not at most 300") != std::string::npos);
        CHECK(Village{.cashCrops = 0.2499}.traces()[2].why ==
              "share of orchards, tea and ponds 0.2499 is not at least 0.25");
    }
}

TEST_CASE("the stored villages of the sample give the types classify stored", "[village_types]") {
    const std::string project = testing::classifiedSampleProject();
    const GDALDatasetUniquePtr ds = geo::openVector(project);
    const std::vector<std::string> codes =
        testing::sqlColumn(project, "SELECT VILLAGE_CODE FROM village_stats ORDER BY fid", 0);
    REQUIRE(codes.size() == 4);
    int primaries = 0;
    for (const std::string& code : codes) {
        INFO(code);
        const geo::StoredVillage v = geo::readStoredVillage(*ds, code);
        CHECK(v.code == code);
        const std::string where = " FROM village_stats WHERE VILLAGE_CODE = '" + code + "'";
        CHECK(v.name == testing::projectValue(project, "SELECT VILLAGE_NAME" + where));
        // The measures as stored, compared with SQLite's own reading of the row.
        CHECK(v.measures.at("idle_area_mu") ==
              Approx(std::stod(testing::projectValue(project, "SELECT IDLE_MU" + where)))
                  .epsilon(1e-12));
        CHECK(v.measures.at("centre_seat_distance_m") ==
              Approx(std::stod(testing::projectValue(project, "SELECT SEAT_DIST_M" + where)))
                  .epsilon(1e-12));
        // The figures shown beside the types: counts, areas, and the area of every zone,
        // which add up to the village's area.
        CHECK(v.parcels == std::stoll(testing::projectValue(project, "SELECT PARCELS" + where)));
        CHECK(v.areaMu ==
              Approx(std::stod(testing::projectValue(project, "SELECT AREA_MU" + where)))
                  .epsilon(1e-12));
        CHECK(v.transferredMu ==
              Approx(std::stod(testing::projectValue(project, "SELECT TRANSFERRED_MU" + where)))
                  .epsilon(1e-12));
        REQUIRE(v.zoneMu.size() == defaultRules().zones().size());
        double zonesMu = 0.0;
        for (std::size_t z = 0; z < v.zoneMu.size(); ++z) {
            CHECK(v.zoneMu[z].first == defaultRules().zones()[z].id);
            CHECK(v.zoneMu[z].second ==
                  Approx(std::stod(testing::projectValue(
                             project, "SELECT ZONE_" + v.zoneMu[z].first + "_MU" + where)))
                      .epsilon(1e-12));
            zonesMu += v.zoneMu[z].second;
        }
        CHECK(zonesMu == Approx(v.areaMu).epsilon(1e-9));
        Ids holding;
        std::string primary;
        for (const geo::VillageTypeTrace& t : geo::explainVillageTypes(defaultRules(), v.measures))
            if (t.holds()) {
                holding.push_back(t.typeId);
                if (primary.empty())
                    primary = t.nameZh;
            }
        const std::string stored = testing::projectValue(project, "SELECT TYPES" + where);
        std::string joined;
        for (const std::string& t : holding)
            joined += (joined.empty() ? "" : ",") + t;
        CHECK(joined == stored);
        CHECK(v.types == holding);
        CHECK(primary == testing::projectValue(project, "SELECT PRIMARY_TYPE" + where));
        primaries += !primary.empty();
    }
    CHECK(primaries >= 2); // the sample has typed villages to check, not only empty answers
    // By name as well as by code.
    CHECK(geo::readStoredVillage(*ds, "唐家村").name == "唐家村");
}

TEST_CASE("an unknown village names the villages there are; an unclassified project says to "
          "classify",
          "[village_types]") {
    const GDALDatasetUniquePtr classified = geo::openVector(testing::classifiedSampleProject());
    try {
        geo::readStoredVillage(*classified, "0000");
        FAIL("no error");
    } catch (const geo::InputError& e) {
        const std::string message = e.what();
        CHECK(message.find("'0000'") != std::string::npos);
        CHECK(message.find("唐家村") != std::string::npos);
        CHECK(message.find("village_stats") != std::string::npos);
    }
    const GDALDatasetUniquePtr fresh =
        geo::openVector(testing::sourcePath("data/sample/county.gpkg"));
    try {
        geo::readStoredVillage(*fresh, "唐家村");
        FAIL("no error");
    } catch (const geo::InputError& e) {
        CHECK(std::string(e.what()).find("tianmu classify") != std::string::npos);
    }
}
