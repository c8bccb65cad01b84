#include <catch2/catch.hpp>

#include <cstdio>

#include "app/render/category_style.h"
#include "app/render/field_catalogue.h"
#include "geo/error.h"
#include "support/sample_fixture.h"

namespace {

const app::FieldCatalogue& catalogue() {
    static const app::FieldCatalogue known =
        app::FieldCatalogue::canonical(testing::sourcePath("data/profiles"));
    return known;
}

} // namespace

TEST_CASE("the land-use style matches codes exactly, then by prefix, then the default", "[style]") {
    const auto style =
        app::CategoryStyle::load(testing::sourcePath("styles/landuse-sandiao.json"), catalogue());
    CHECK(style.field() == "DLBM");
    CHECK(style.layer() == "parcels");
    CHECK_FALSE(style.isJoined());
    CHECK(style.categoryFor("0101").labelZh == QString::fromUtf8("水田"));
    CHECK(style.categoryFor("0101").fill == QColor(248, 208, 114)); // 三调 水田
    CHECK(style.categoryFor("0204").labelZh == QString::fromUtf8("其他园地"));
    CHECK(style.categoryFor("0201K").labelZh == QString::fromUtf8("其他园地")); // via "02*"
    CHECK(style.categoryFor("1104A").labelZh == QString::fromUtf8("养殖坑塘"));
    CHECK(style.categoryFor("1104X").labelZh == QString::fromUtf8("其他水域及水利设施用地"));
    CHECK(style.categoryFor("9999").fill == style.fallback().fill);
    CHECK(style.categoryFor("0101").fill != style.categoryFor("0301").fill);
}

TEST_CASE("a broken style file is reported with its name and the fix", "[style]") {
    const std::string path = testing::temporaryDirectory() + "/broken.json";
    auto write = [&](const char* text) {
        FILE* f = std::fopen(path.c_str(), "wb");
        std::fputs(text, f);
        std::fclose(f);
    };
    auto load = [&] {
        return app::CategoryStyle::load(path, catalogue());
    };
    write("{ not json");
    CHECK_THROWS_WITH(load(), Catch::Contains(path) && Catch::Contains("not valid JSON"));
    write(R"({"name":"t","title":{"zh":"t"},"layer":"parcels","field":"DLBM",
              "default":{"fill":"#ccc","label":{"zh":"x"}},"categories":[{"match":"01"}]})");
    CHECK_THROWS_WITH(load(), Catch::Contains("categories[0]") && Catch::Contains("fill"));
    write(R"({"name":"t","title":{"zh":"t"},"layer":"parcels","field":"DLBM",
              "default":{"fill":"greenish-ish","label":{"zh":"x"}},"categories":[]})");
    CHECK_THROWS_AS(load(), geo::InputError);
    CHECK_THROWS_WITH(app::CategoryStyle::load("/nonexistent/style.json", catalogue()),
                      Catch::Contains("/nonexistent/style.json"));
}
