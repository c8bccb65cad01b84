#include <catch2/catch.hpp>

#include <cstdio>

#include "app/render/category_style.h"
#include "geo/error.h"
#include "support/sample_fixture.h"

TEST_CASE("the land-use style matches codes exactly, then by prefix, then the default", "[style]") {
    const auto style = app::CategoryStyle::load(testing::sourcePath("styles/landuse-sandiao.json"));
    CHECK(style.field() == "DLBM");
    CHECK(style.categoryFor("0101").labelZh == QString::fromUtf8("水田"));
    CHECK(style.categoryFor("0204").labelZh == QString::fromUtf8("其他园地"));  // via "02*"
    CHECK(style.categoryFor("1104A").labelZh == QString::fromUtf8("坑塘水面")); // via "1104*"
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
    write("{ not json");
    CHECK_THROWS_WITH(app::CategoryStyle::load(path),
                      Catch::Contains(path) && Catch::Contains("not valid JSON"));
    write(R"({"field":"DLBM","default":{"fill":"#ccc","label":{}},"categories":[{"match":"01"}]})");
    CHECK_THROWS_WITH(app::CategoryStyle::load(path), Catch::Contains("category 0"));
    write(R"({"field":"DLBM","default":{"fill":"greenish-ish","label":{}},"categories":[]})");
    CHECK_THROWS_AS(app::CategoryStyle::load(path), geo::InputError);
    CHECK_THROWS_WITH(app::CategoryStyle::load("/nonexistent/style.json"),
                      Catch::Contains("/nonexistent/style.json"));
}
