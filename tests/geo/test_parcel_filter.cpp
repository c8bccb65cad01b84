// The parcel filter's SQL and the field alias table.
#include <catch2/catch.hpp>

#include "geo/error.h"
#include "geo/field_aliases.h"
#include "geo/parcel_filter.h"
#include "support/sample_fixture.h"

TEST_CASE("a parcel filter becomes one SQL condition with quoted values", "[parcel_filter]") {
    geo::ParcelFilter f;
    CHECK(f.isEmpty());
    CHECK(f.sqlCondition("c").empty());
    f.zone = "hill";
    f.idleOnly = true;
    CHECK_FALSE(f.isEmpty());
    CHECK(f.sqlCondition("c") == "c.ZONE = 'hill' AND c.IDLE = 1");
    f = {};
    f.mode = "出租";
    f.villageCode = "43'09";
    f.transferredOnly = true;
    CHECK(f.sqlCondition("") == "VILLAGE_CODE = '43''09' AND LZFS = '出租' AND TRANSFERRED = 1");
    f = {};
    f.villageName = "唐家村";
    CHECK(f.sqlCondition("c") == "c.VILLAGE_NAME = '唐家村'");
}

TEST_CASE("field aliases come from the data file, in Chinese and English", "[field_aliases]") {
    const geo::FieldAliases aliases =
        geo::FieldAliases::load(testing::sourcePath("data/fields/field_aliases.json"));
    CHECK(aliases.alias("BSM", "zh") == "标识码");
    CHECK(aliases.alias("ZLDWMC", "zh") == "坐落单位名称");
    CHECK(aliases.alias("TBMJ", "en") == "Surveyed area");
    CHECK(aliases.alias("NOT_A_FIELD", "zh") == "NOT_A_FIELD");
    CHECK(aliases.alias("BSM", "fr") == "BSM");
    CHECK_THROWS_AS(geo::FieldAliases::load("/nonexistent/aliases.json"), geo::InputError);
}
