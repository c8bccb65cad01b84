// Zone rules on parcels whose answers are known by construction, including each edge of each
// threshold of the default rule set, and broken rule files.
#include <catch2/catch.hpp>

#include <fstream>

#include "geo/classifier.h"
#include "geo/error.h"
#include "geo/rule_set.h"
#include "support/sample_fixture.h"

namespace {

const std::set<std::string>& codes() {
    static const auto all =
        geo::loadLandUseCodes(testing::sourcePath("data/landuse/gbt21010-2017.json"));
    return all;
}

const geo::RuleSet& defaults() {
    static const geo::RuleSet rules =
        geo::RuleSet::load(testing::sourcePath("data/rules/lingling-five-zones.json"), codes());
    return rules;
}

// A cropland parcel far from rivers, flat and low unless a test changes it.
geo::ParcelFacts parcel(const std::string& landUse) {
    geo::ParcelFacts f;
    f.landUse = landUse;
    f.area = 2000.0;
    f.riverDistance = 500.0;
    f.meanSlope = 2.0;
    f.meanElevation = 120.0;
    f.relativeElevation = 5.0;
    f.riverHeight = 5.0;
    return f;
}

std::string zoneOf(const geo::ParcelFacts& f) {
    const int rule = defaults().classify(f);
    return rule < 0 ? "none" : defaults().rules()[static_cast<std::size_t>(rule)].zone;
}

std::string writeRules(const std::string& json) {
    const std::string path = testing::temporaryDirectory() + "/rules.json";
    std::ofstream(path) << json;
    return path;
}

std::string minimalRules(const std::string& rules) {
    return R"({"name": "t", "zones": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "rules": [)" +
           rules + "]}";
}

} // namespace

TEST_CASE("the default rules reproduce the article's five zones", "[rule_set]") {
    CHECK(defaults().zones().size() == 7);
    CHECK(zoneOf(parcel("1104")) == "water");
    CHECK(zoneOf(parcel("1101")) == "water");
    CHECK(zoneOf(parcel("0301")) == "forest");
    CHECK(zoneOf(parcel("0307")) == "forest");
    CHECK(zoneOf(parcel("0201")) == "hill"); // orchards
    CHECK(zoneOf(parcel("0202")) == "hill"); // tea
    CHECK(zoneOf(parcel("0101")) == "lowland");
    CHECK(zoneOf(parcel("0702")) == "built");
    CHECK(zoneOf(parcel("1006")) == "other"); // rural roads are not built-up
    CHECK(zoneOf(parcel("1201")) == "other");
    const geo::Zone* hill = defaults().zone("hill");
    REQUIRE(hill);
    CHECK(hill->useZh == "油茶柑橘");
    CHECK(defaults().zone("water")->useZh == "优质水产");
    CHECK(defaults().zone("riverbank")->useZh == "观光采摘");
}

TEST_CASE("riverbank: 50 m from a river is riverbank, 500 m is not, the edge is inclusive",
          "[rule_set]") {
    auto f = parcel("0101");
    f.riverDistance = 50.0;
    CHECK(zoneOf(f) == "riverbank");
    f.riverDistance = 120.0;
    CHECK(zoneOf(f) == "riverbank");
    f.riverDistance = 120.01;
    CHECK(zoneOf(f) == "lowland");
    f.riverDistance = 500.0;
    CHECK(zoneOf(f) == "lowland");
    auto pond = parcel("1104"); // water comes first, even on the bank
    pond.riverDistance = 10.0;
    CHECK(zoneOf(pond) == "water");
    auto homestead = parcel("0702");
    homestead.riverDistance = 10.0;
    CHECK(zoneOf(homestead) == "built");
}

TEST_CASE("hill: cropland on a 25° slope, or high above the river; the edges", "[rule_set]") {
    auto f = parcel("0103");
    f.meanSlope = 25.0;
    CHECK(zoneOf(f) == "hill");
    f.meanSlope = 10.0;
    CHECK(zoneOf(f) == "hill");
    f.meanSlope = 9.99;
    CHECK(zoneOf(f) == "lowland");
    f.riverHeight = 25.0;
    CHECK(zoneOf(f) == "hill");
    f.riverHeight = 24.99;
    CHECK(zoneOf(f) == "lowland");
}

TEST_CASE("without a DEM the terrain rules are skipped, not failed", "[rule_set]") {
    auto f = parcel("0103");
    f.meanSlope.reset();
    f.meanElevation.reset();
    f.relativeElevation.reset();
    f.riverHeight.reset();
    CHECK(zoneOf(f) == "lowland");
    const auto trace = defaults().explain(f);
    const auto skipped = std::find_if(trace.begin(), trace.end(), [](const geo::RuleTrace& t) {
        return t.ruleId == "hill-steep-cropland";
    });
    REQUIRE(skipped != trace.end());
    CHECK(skipped->result == geo::RuleTrace::Result::Skipped);
    CHECK(trace.back().ruleId == "lowland-cropland");
    CHECK(trace.back().result == geo::RuleTrace::Result::Matched);
}

TEST_CASE("explain lists every rule tried and why", "[rule_set]") {
    auto f = parcel("0103");
    f.meanSlope = 4.0;
    f.riverDistance = 300.0;
    const auto trace = defaults().explain(f);
    REQUIRE(trace.size() == 6);
    CHECK(trace[0].why.find("land use 0103 is not in the rule's list") != std::string::npos);
    CHECK(trace[1].why.find("distance to the nearest river 300 m is not at most 120") !=
          std::string::npos);
    CHECK(trace[4].why.find("none of the alternatives holds") != std::string::npos);
    CHECK(trace[5].result == geo::RuleTrace::Result::Matched);
}

TEST_CASE("attribute tests compare text and numbers", "[rule_set]") {
    const auto path = writeRules(minimalRules(R"(
    {"id": "idle-flag", "zone": "a", "when": {"attributes": [{"field": "SFXZ", "op": "=", "value": 1}]}},
    {"id": "big", "zone": "b", "when": {"area_m2": {"min": 10000}}},
    {"id": "rest", "zone": "a", "when": {}})"));
    const auto rules = geo::RuleSet::load(path, codes(), {"SFXZ"});
    geo::ParcelFacts f;
    f.landUse = "0101";
    f.attributes = {{"SFXZ", "1"}};
    CHECK(rules.classify(f) == 0);
    f.attributes = {{"SFXZ", "0"}};
    f.area = 10000.0;
    CHECK(rules.classify(f) == 1);
    f.area = 9999.0;
    CHECK(rules.classify(f) == 2);
}

TEST_CASE("broken rule files name the file, the line and the rule", "[rule_set]") {
    auto fails = [](const std::string& json, const std::string& expected,
                    const std::set<std::string>& fields = {}) {
        const auto path = writeRules(json);
        try {
            geo::RuleSet::load(path, codes(), fields);
            FAIL("accepted: " << json);
        } catch (const geo::InputError& e) {
            INFO(e.what());
            CHECK(e.context().file == path);
            CHECK(std::string(e.what()).find(expected) != std::string::npos);
            return e.context().line.value_or(0);
        }
        return 0LL;
    };
    CHECK(fails("{\"zones\": [\n  {\"id\": \"a\"}\n  \"rules\": []}", "not valid JSON") == 3);
    CHECK(fails(minimalRules(
                    "\n    {\"id\": \"r1\", \"zone\": \"a\", \"when\": {\"slope\": {\"min\": 5}}}"),
                "rule 'r1': unknown test 'slope'") == 3);
    fails(minimalRules(R"({"id": "r1", "zone": "a", "when": {"land_use": ["0199"]}})"),
          "unknown land-use code '0199'");
    fails(minimalRules(R"({"id": "r1", "zone": "a", "when": {"land_use": ["77*"]}})"),
          "no land-use code starts with '77'");
    fails(minimalRules(R"({"id": "r1", "zone": "a", "when": {"mean_slope_deg": {"min": "15"}}})"),
          "mean_slope_deg.min must be a number");
    fails(minimalRules(R"({"id": "r1", "zone": "c", "when": {}})"), "zone 'c' is not declared");
    fails(
        minimalRules(
            R"({"id": "r1", "zone": "a", "when": {}}, {"id": "r1b", "zone": "b", "when": {"land_use": ["01*"]}})"),
        "rule 'r1b': can never match: rule 'r1'");
    fails(minimalRules(R"({"id": "crop", "zone": "a", "when": {"land_use": ["01*"]}},
                          {"id": "paddy", "zone": "b", "when": {"land_use": ["0101"]}})"),
          "rule 'paddy': can never match: rule 'crop'");
    fails(minimalRules(
              R"({"id": "x", "zone": "a", "when": {}}, {"id": "x", "zone": "b", "when": {}})"),
          "used twice");
    fails(
        minimalRules(
            R"({"id": "r1", "zone": "a", "when": {"attributes": [{"field": "NOPE", "value": 1}]}})"),
        "unknown field 'NOPE'", {"DLBM", "SFXZ"});
    fails(minimalRules(
              R"({"id": "r1", "zone": "a", "when": {"river_distance_m": {"min": 50, "max": 10}}})"),
          "min above max");
    // One catch-all rule and another top-level section.
    const auto withSection = [](const std::string& section) {
        std::string json = minimalRules(R"({"id": "r1", "zone": "a", "when": {}})");
        return json.insert(json.size() - 1, ", " + section);
    };
    fails(withSection(R"("roads": {"grades": "县道"})"), "roads.grades must be a list of texts");
    fails(withSection(
              R"("villages": {"types": [{"id": "t", "any": [{"centre_seat_m": {"max": 1}}]}]})"),
          "unknown village measure 'centre_seat_m'");
    CHECK_THROWS_WITH(geo::RuleSet::load("/nonexistent/rules.json", codes()),
                      Catch::Contains("/nonexistent/rules.json"));
}

TEST_CASE("Each rule's zone is the one it names, found without a look-up by name", "[rule_set]") {
    const geo::RuleSet& rules = defaults();
    REQUIRE(rules.rules().size() > 3);
    for (std::size_t r = 0; r < rules.rules().size(); ++r) {
        const geo::Zone& zone = rules.zoneOfRule(r);
        CHECK(zone.id == rules.rules()[r].zone);
        CHECK(&zone == rules.zone(rules.rules()[r].zone));
    }
    // A copy of the rules answers from its own zones, not the original's.
    const geo::RuleSet copy = rules;
    for (std::size_t r = 0; r < copy.rules().size(); ++r)
        CHECK(&copy.zoneOfRule(r) == copy.zone(copy.rules()[r].zone));
}
