#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

#include "geo/error.h"
#include "geo/mapping_profile.h"
#include "support/sample_fixture.h"

namespace {

const std::vector<geo::MappingProfile>& profiles() {
    static const auto all =
        geo::MappingProfile::loadDirectory(testing::sourcePath("data/profiles"));
    return all;
}

} // namespace

TEST_CASE("every shipped profile loads and names its layer", "[mapping_profile]") {
    std::set<std::string> layers;
    for (const auto& p : profiles()) {
        CHECK_FALSE(p.fields.empty());
        layers.insert(p.layer);
    }
    CHECK(layers == std::set<std::string>{"parcels", "villages", "rivers", "assets", "transfers",
                                          "funds", "roads", "seats"});
}

TEST_CASE("a 三调 DLTB layer picks the DLTB profile; a 确权 layer the contract profile",
          "[mapping_profile]") {
    const std::vector<std::string> dltb = {"BSM",    "TBBH",   "DLBM",   "DLMC",   "QSXZ",
                                           "QSDWDM", "QSDWMC", "ZLDWDM", "ZLDWMC", "TBMJ",
                                           "KCXS",   "KCMJ",   "TBDLMJ", "SFXZ"};
    const geo::MappingProfile* chosen = geo::chooseProfile(profiles(), "parcels", dltb);
    REQUIRE(chosen);
    CHECK(chosen->name == "sandiao-dltb");
    const geo::FieldMapping m = geo::matchProfile(*chosen, dltb);
    CHECK(m.columns.size() == dltb.size());
    CHECK(m.unmapped.empty());
    CHECK(m.missingRequired.empty());

    // Chinese field names and lower case map too; an extra field is kept unmapped.
    const std::vector<std::string> chinese = {"标识码", "地类编码", "地类名称", "tbmj", "备注"};
    const geo::FieldMapping c = geo::matchProfile(*chosen, chinese);
    CHECK(c.columns.size() == 4);
    CHECK(c.unmapped == std::vector<int>{4});

    // 确权 contract parcels: the area in 亩 is converted to m².
    const std::vector<std::string> cbdk = {"DKBM", "DKMC", "SCMJM", "CBFBM", "CBFMC", "FBFBM"};
    const geo::MappingProfile* contract = geo::chooseProfile(profiles(), "parcels", cbdk);
    REQUIRE(contract);
    CHECK(contract->name == "quequan-cbdk");
    const geo::FieldMapping k = geo::matchProfile(*contract, cbdk);
    const auto area = std::find_if(k.columns.begin(), k.columns.end(),
                                   [](const auto& col) { return col.target == "TBMJ"; });
    REQUIRE(area != k.columns.end());
    CHECK(area->sourceName == "SCMJM");
    CHECK(area->factor == Approx(10000.0 / 15.0).epsilon(1e-12));
}

TEST_CASE("a source missing a required field is reported", "[mapping_profile]") {
    const auto* dltb = &*std::find_if(profiles().begin(), profiles().end(),
                                      [](const auto& p) { return p.name == "sandiao-dltb"; });
    const geo::FieldMapping m = geo::matchProfile(*dltb, {"BSM", "TBMJ"});
    CHECK(m.missingRequired == std::vector<std::string>{"DLBM"});
}

TEST_CASE("dates are read the ways ledgers write them", "[mapping_profile]") {
    CHECK(geo::parseDate("2023-05-01") == "2023-05-01");
    CHECK(geo::parseDate("2023/5/1") == "2023-05-01");
    CHECK(geo::parseDate("2023.05.01") == "2023-05-01");
    CHECK(geo::parseDate("20230501") == "2023-05-01");
    CHECK(geo::parseDate("2023年5月1日") == "2023-05-01");
    CHECK(geo::parseDate("45047") == "2023-05-01"); // Excel serial day
    CHECK(geo::parseDate("2024/02/29 00:00:00") == "2024-02-29");
    CHECK_FALSE(geo::parseDate("2023-02-29"));
    CHECK_FALSE(geo::parseDate("next spring"));
    CHECK_FALSE(geo::parseDate(""));
}

TEST_CASE("numbers tolerate separators and full-width digits, and nothing else",
          "[mapping_profile]") {
    CHECK(geo::parseNumber("1,234.5") == Approx(1234.5));
    CHECK(geo::parseNumber(" 12 ") == Approx(12.0));
    CHECK(geo::parseNumber("１２３．５") == Approx(123.5));
    CHECK_FALSE(geo::parseNumber("12亩"));
    CHECK_FALSE(geo::parseNumber(""));
    CHECK_FALSE(geo::parseNumber("nan"));
}

TEST_CASE("a broken profile file names itself and the fix", "[mapping_profile]") {
    const std::string path = testing::temporaryDirectory() + "/bad.json";
    FILE* f = std::fopen(path.c_str(), "wb");
    std::fputs(
        R"({"name":"x","layer":"parcels","fields":[{"target":"TBMJ","type":"real","unit":"acre","sources":["MJ"]}]})",
        f);
    std::fclose(f);
    CHECK_THROWS_AS(geo::MappingProfile::load(path), geo::InputError);
    CHECK_THROWS_WITH(geo::MappingProfile::load(path),
                      Catch::Contains(path) && Catch::Contains("acre"));
}
