// Which village each parcel belongs to: by location, checked against its ZLDWDM, with the
// reason stored per parcel. Two square villages side by side; the parcels' places and codes
// are chosen so that each case (agrees, no code, disagrees, outside every village) occurs in
// both halves of the parcel list (the assignment runs on two threads, one per half).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"
#include "geo/village_profile.h"

namespace {

std::unique_ptr<OGRGeometry> square(double x, double y, double size) {
    OGRLinearRing ring;
    ring.addPoint(x, y);
    ring.addPoint(x + size, y);
    ring.addPoint(x + size, y + size);
    ring.addPoint(x, y + size);
    ring.closeRings();
    auto polygon = std::make_unique<OGRPolygon>();
    polygon->addRing(&ring);
    return polygon;
}

// A parcel of 10 m at (x, y) with the given ZLDWDM.
struct Planted {
    double x, y;
    std::string code;
};

const std::string west = "430999100001", east = "430999100002"; // 12-digit village codes

geo::ClassificationInputs county(const std::vector<Planted>& parcels) {
    geo::ClassificationInputs in;
    in.villages = {{west + "0000000", "西村", 10}, {east + "0000000", "东村", 10}};
    geo::appendFeature(in.villageShapes, square(0, 0, 1000).get());
    geo::appendFeature(in.villageShapes, square(1000, 0, 1000).get());
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        geo::ParcelRecord r;
        r.fid = static_cast<long long>(i + 1);
        r.id = "P" + std::to_string(i + 1);
        r.villageCode = parcels[i].code;
        in.parcels.push_back(r);
        geo::appendFeature(in.parcelShapes, square(parcels[i].x, parcels[i].y, 10).get());
    }
    return in;
}

} // namespace

TEST_CASE("each parcel's village and the reason for it, in both halves of the county",
          "[villages]") {
    geo::initialiseGdal();
    // The same eight cases in the first half and, in reverse order, in the second: the second
    // thread meets the disagreements in another order, and one only it sees.
    std::vector<Planted> planted;
    for (int half = 0; half < 2; ++half) {
        const double y = 100.0 + 400.0 * half;
        std::vector<Planted> cases = {
            {100, y, west + "0000000"},  // in the west, says west
            {1500, y, east + "0000000"}, // in the east, says east
            {200, y, ""},                // in the west, no code
            {300, y, east + "0000000"},  // in the west, says east
            {400, y, east + "1111111"},  // the same disagreement, another parcel
            {1600, y, west + "0000000"}, // in the east, says west
            {5000, y, east + "0000000"}, // outside both, says east
            {5100, y, "999999"},         // outside both, unknown code
        };
        if (half == 1) {
            std::reverse(cases.begin(), cases.end());
            cases.push_back({1700, y, west + "3333333"}); // in the east, says another west code
        }
        planted.insert(planted.end(), cases.begin(), cases.end());
    }
    const geo::ClassificationInputs in = county(planted);

    for (const bool locationWins : {true, false}) {
        INFO("location wins: " << locationWins);
        const geo::VillageAssignment a = geo::assignVillages(in, locationWins);
        REQUIRE(a.village.size() == planted.size());
        std::vector<std::string> disagreeing; // BSMs, as the mismatch list must give them
        for (std::size_t i = 0; i < planted.size(); ++i) {
            const Planted& p = planted[i];
            INFO("parcel " << in.parcels[i].id << " at " << p.x << ", " << p.y << " says "
                           << p.code);
            const int located = p.x < 1000 ? 0 : p.x < 2000 ? 1 : -1;
            const int coded = p.code.rfind(west, 0) == 0 ? 0 : p.code.rfind(east, 0) == 0 ? 1 : -1;
            if (located >= 0 && (p.code.empty() || located == coded)) {
                CHECK(a.village[i] == located);
                CHECK(a.rule(i) ==
                      (p.code.empty() ? "location (no ZLDWDM)" : "location, agrees with ZLDWDM"));
            } else if (located >= 0) {
                disagreeing.push_back(in.parcels[i].id);
                CHECK(a.village[i] == (locationWins ? located : coded));
                CHECK(a.rule(i) == (locationWins
                                        ? "location; ZLDWDM " + p.code + " disagrees"
                                        : "ZLDWDM; its location is in " +
                                              in.villages[static_cast<std::size_t>(located)].code));
            } else if (coded >= 0) {
                CHECK(a.village[i] == coded);
                CHECK(a.rule(i) == "ZLDWDM (the parcel lies in no village)");
            } else {
                CHECK(a.village[i] == -1);
                CHECK(a.rule(i) == "no village: outside every village and no known ZLDWDM");
            }
        }
        REQUIRE(a.mismatches.size() == disagreeing.size());
        for (std::size_t k = 0; k < disagreeing.size(); ++k)
            CHECK(a.mismatches[k].parcel == disagreeing[k]);
    }
}

TEST_CASE("a parcel across the village line goes to the village holding its larger part",
          "[villages]") {
    geo::initialiseGdal();
    geo::ClassificationInputs in = county({});
    auto add = [&](const char* wkt, const std::string& code) {
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE);
        geo::appendFeature(in.parcelShapes, g);
        OGRGeometryFactory::destroyGeometry(g);
        geo::ParcelRecord r;
        r.fid = static_cast<long long>(in.parcels.size() + 1);
        r.id = "P" + std::to_string(r.fid);
        r.villageCode = code;
        in.parcels.push_back(r);
    };
    // A "C" open to the east: its bar (600 m²) lies in the west village, its spine and arms
    // (3,800 m²) in the east. The point a parcel is usually located by lies on the bar.
    add("POLYGON ((940 495,1000 495,1000 400,1100 400,1100 410,1010 410,1010 590,1100 590,"
        "1100 600,1000 600,1000 505,940 505,940 495))",
        west + "0000000");
    // Half in each, its inner point on the line (which the east village holds: a point on a
    // polygon's west edge is inside it): equal shares stay with that village.
    add("POLYGON ((990 100,1010 100,1010 110,990 110,990 100))", "");
    // 200 m² in each, its inner point (the centroid) in the east.
    add("POLYGON ((990 120,1000 120,1000 130,1020 130,1020 140,990 140,990 120))", "");
    // Mostly east, by a little: 11 of 20 m.
    add("POLYGON ((991 200,1011 200,1011 210,991 210,991 200))", "");
    // Mostly outside both villages, the rest in the east one.
    add("POLYGON ((1990 300,2050 300,2050 310,1990 310,1990 300))", "");
    double x = 0, y = 0;
    REQUIRE(geo::interiorPoint(in.parcelShapes, 0, x, y));
    REQUIRE(x < 1000); // the fixture does what it says: the inner point is in the west

    const geo::VillageAssignment a = geo::assignVillages(in, true);
    CHECK(a.village[0] == 1);
    CHECK(a.rule(0) == "location; ZLDWDM " + west + "0000000 disagrees");
    REQUIRE(a.mismatches.size() == 1);
    CHECK(a.mismatches[0].locationCode == east + "0000000");
    CHECK(a.village[1] == 1);
    REQUIRE(geo::interiorPoint(in.parcelShapes, 2, x, y));
    REQUIRE(x > 1000);
    CHECK(a.village[2] == 1);
    CHECK(a.village[3] == 1);
    CHECK(a.village[4] == 1);
    CHECK(a.rule(4) == "location (no ZLDWDM)");
}
