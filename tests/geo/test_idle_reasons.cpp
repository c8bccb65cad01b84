// Each parcel's idle reason, kept as an index into the distinct texts: what goes in comes out,
// parcel by parcel, however the reasons repeat or change.
#include <catch2/catch.hpp>

#include <string>

#include "geo/idle_reasons.h"

TEST_CASE("Idle reasons read back parcel by parcel", "[idle]") {
    geo::IdleReasons reasons(6);
    REQUIRE(reasons.size() == 6);
    for (std::size_t i = 0; i < reasons.size(); ++i)
        CHECK(reasons[i].empty());
    reasons.set(1, "land use 1201");
    reasons.set(4, "land use 1201");
    reasons.set(2, "flag SFXZ=是");
    reasons.set(5, std::string("land use ") + "1206");
    reasons.set(2, "land use 1206"); // a later reason replaces the earlier one
    CHECK(reasons[0].empty());
    CHECK(reasons[1] == "land use 1201");
    CHECK(reasons[2] == "land use 1206");
    CHECK(reasons[3].empty());
    CHECK(reasons[4] == "land use 1201");
    CHECK(reasons[5] == "land use 1206");
    // One copy of each text, shared by the parcels that give it.
    CHECK(&reasons[1] == &reasons[4]);
    CHECK(&reasons[2] == &reasons[5]);
    CHECK_THROWS_AS(reasons.set(6, "land use 1201"), std::out_of_range);
}
