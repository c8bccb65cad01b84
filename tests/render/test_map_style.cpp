// The style files of styles/: every one loads, agrees with the rule set and the ledger values,
// looks values up by exact value and prefix, and a broken file names the file and the entry.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "app/render/field_catalogue.h"
#include "app/render/map_style.h"
#include "app/render/style_reader.h"
#include "geo/error.h"
#include "support/sample_fixture.h"

namespace {

using nlohmann::json;

const app::FieldCatalogue& catalogue() {
    static const app::FieldCatalogue known =
        app::FieldCatalogue::canonical(testing::sourcePath("data/profiles"));
    return known;
}

const app::MapStyle& shipped() {
    static const app::MapStyle style =
        app::loadMapStyle(testing::sourcePath("styles"), catalogue());
    return style;
}

json readJson(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}

// A copy of a shipped theme, changed by `edit`, written to a temporary file.
std::string editedTheme(const char* file, const std::function<void(json&)>& edit) {
    json doc = readJson(testing::sourcePath(std::string("styles/") + file));
    edit(doc);
    const std::string path = testing::temporaryDirectory() + "/" + file;
    std::ofstream(path) << doc.dump(2);
    return path;
}

std::string writeText(const std::string& name, const std::string& text) {
    const std::string path = testing::temporaryDirectory() + "/" + name;
    std::ofstream(path) << text;
    return path;
}

std::string errorOf(const std::function<void()>& load) {
    try {
        load();
    } catch (const geo::InputError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("every shipped style loads, with its themes in order", "[style]") {
    const app::MapStyle& style = shipped();
    CHECK(style.themeNames() ==
          std::vector<std::string>{"zones", "landuse", "transfer", "idle", "village-type"});
    CHECK(style.defaultTheme == "zones");
    REQUIRE(style.theme("zones") != nullptr);
    CHECK(style.theme("nonexistent") == nullptr);
    for (const app::CategoryStyle& theme : style.themes) {
        INFO(theme.path());
        CHECK(app::CategoryStyle::load(theme.path(), catalogue()) == theme);
        CHECK_FALSE(theme.titleZh().isEmpty());
        CHECK_FALSE(theme.titleEn().isEmpty());
    }
    CHECK(style.villageLabels.fontFamily == "Noto Sans CJK SC");
    CHECK(style.villageLabels.field == "ZLDWMC");
    CHECK(style.villages.line.dashPx == std::vector<double>{6, 3});
    CHECK(style.parcelOutlines.fadeBelowPx == Approx(6.0).margin(1e-9)); // pixels
    CHECK(style.parcelLabels.visibleAt(1000));
    CHECK_FALSE(style.parcelLabels.visibleAt(50000));
    CHECK(style.rivers.widthFor(1) == Approx(1.3).margin(1e-9)); // pixels
    CHECK(style.rivers.widthFor(3) == Approx(2.7).margin(1e-9)); // pixels
}

TEST_CASE("the zone, transfer and village-type themes cover the values the data holds", "[style]") {
    const json rules = readJson(testing::sourcePath("data/rules/lingling-five-zones.json"));
    const app::CategoryStyle& zones = *shipped().theme("zones");
    CHECK(zones.table() == "parcel_classes");
    CHECK(zones.field() == "ZONE");
    CHECK(zones.view() == "parcel_zones");
    std::set<QRgb> colours;
    for (const json& zone : rules.at("zones")) {
        const int index = zones.indexFor(zone.at("id").get<std::string>());
        INFO(zone.at("id"));
        CHECK(index >= 0);
        colours.insert(zones.category(index).fill.rgba());
    }
    CHECK(colours.size() == rules.at("zones").size()); // one colour per zone
    CHECK(zones.indexFor("") == -1);
    CHECK(zones.category(-1) == zones.fallback());

    const app::CategoryStyle& transfer = *shipped().theme("transfer");
    for (const char* mode : {"出租", "转包", "入股", "互换", "转让", "其他"})
        CHECK(transfer.indexFor(mode) >= 0);

    const app::CategoryStyle& villages = *shipped().theme("village-type");
    CHECK(villages.layer() == "villages");
    for (const json& type : rules.at("villages").at("types"))
        CHECK(villages.indexFor(type.at("name").at("zh").get<std::string>()) >= 0);

    const app::CategoryStyle& idle = *shipped().theme("idle");
    CHECK(idle.category(idle.indexFor("1")).labelEn == "Idle");
    CHECK(idle.category(idle.indexFor("0")).labelEn == "In use");
}

TEST_CASE("a value takes the first category that matches it, exactly or by prefix", "[style]") {
    const std::string path = editedTheme("landuse-sandiao.json", [](json& doc) {
        doc["categories"] = json::parse(R"([
            {"match": "0101", "fill": "#000001", "label": {"zh": "a"}},
            {"match": "01*", "fill": "#000002", "label": {"zh": "b"}},
            {"match": "0103", "fill": "#000003", "label": {"zh": "c"}},
            {"match": "1104*", "fill": "#000004", "label": {"zh": "d"}},
            {"match": "11*", "fill": "#000005", "label": {"zh": "e"}},
            {"match": "*", "fill": "#00000680", "label": {"zh": "f"}}])");
    });
    const auto theme = app::CategoryStyle::load(path, catalogue());
    CHECK(theme.indexFor("0101") == 0);
    CHECK(theme.indexFor("0102") == 1);
    CHECK(theme.indexFor("0103") == 1); // "01*" comes first
    CHECK(theme.indexFor("1104A") == 3);
    CHECK(theme.indexFor("1101") == 4);
    CHECK(theme.indexFor("9") == 5);
    CHECK(theme.indexFor("") == 5);
    CHECK(theme.category(5).fill == QColor(0, 0, 6, 128)); // #rrggbbaa: alpha last
    CHECK(theme.categoryFor("0102").labelZh == "b");
}

TEST_CASE("style colours: hex only, alpha last, transparent", "[style]") {
    CHECK(app::parseStyleColour("#3d9a5a") == QColor(61, 154, 90));
    CHECK(app::parseStyleColour("#ccc") == QColor(204, 204, 204));
    CHECK(app::parseStyleColour("#ffffff80") == QColor(255, 255, 255, 128));
    CHECK(app::parseStyleColour("transparent")->alpha() == 0);
    CHECK_FALSE(app::parseStyleColour("#12345g"));
    CHECK_FALSE(app::parseStyleColour("bluish"));
    CHECK_FALSE(app::parseStyleColour("red"));
    CHECK_FALSE(app::parseStyleColour("#12345"));
    CHECK(app::styleColourName(QColor(255, 255, 255, 128)) == "#ffffff80");
}

TEST_CASE("a broken theme names the file and the entry at fault", "[style]") {
    auto theme = [](const std::function<void(json&)>& edit) {
        const std::string path = editedTheme("zones.json", edit);
        return errorOf([&] { app::CategoryStyle::load(path, catalogue()); });
    };
    SECTION("an unknown field, with the fields it could be") {
        const std::string e = theme([](json& d) { d["field"] = "ZONEX"; });
        CHECK_THAT(e, Catch::Contains("zones.json") && Catch::Contains("field") &&
                          Catch::Contains("'ZONEX' is not a field of parcel_classes") &&
                          Catch::Contains("ZONE_NAME"));
    }
    SECTION("an unknown layer") {
        const std::string e = theme([](json& d) { d["layer"] = "parcel"; });
        CHECK_THAT(e, Catch::Contains("'parcel' is not a layer") && Catch::Contains("parcels"));
    }
    SECTION("an unknown key, with the keys allowed") {
        const std::string e = theme([](json& d) { d["categories"][2]["colour"] = "#000000"; });
        CHECK_THAT(e, Catch::Contains("categories[2] (match \"forest\").colour") &&
                          Catch::Contains("unknown key 'colour'") && Catch::Contains("fill"));
    }
    SECTION("a colour with a bad digit, and a colour by name") {
        const std::string e = theme([](json& d) { d["categories"][0]["fill"] = "#12345g"; });
        CHECK_THAT(e, Catch::Contains("zones.json line ") &&
                          Catch::Contains("categories[0] (match \"water\").fill") &&
                          Catch::Contains("'#12345g' is not a colour") &&
                          Catch::Contains("#rrggbb"));
        const std::string named = theme([](json& d) { d["default"]["fill"] = "bluish"; });
        CHECK_THAT(named, Catch::Contains("default.fill") && Catch::Contains("'bluish'"));
    }
    SECTION("a missing required key") {
        const std::string e = theme([](json& d) { d.erase("categories"); });
        CHECK_THAT(e, Catch::Contains("categories: is missing"));
        const std::string label = theme([](json& d) { d["categories"][1].erase("label"); });
        CHECK_THAT(label, Catch::Contains("categories[1] (match \"riverbank\").label: is missing"));
        const std::string join = theme([](json& d) { d.erase("join"); });
        CHECK_THAT(join, Catch::Contains("join: is missing") &&
                             Catch::Contains("\"table_key\": \"fid\""));
    }
    SECTION("a join key that is not a field") {
        const std::string e = theme([](json& d) { d["join"]["table_key"] = "PARCEL_ID"; });
        CHECK_THAT(e, Catch::Contains("join.table_key") && Catch::Contains("'PARCEL_ID'"));
    }
    SECTION("a repeated match and a '*' inside a match") {
        CHECK_THAT(theme([](json& d) { d["categories"][3]["match"] = "water"; }),
                   Catch::Contains("repeats match \"water\""));
        CHECK_THAT(theme([](json& d) { d["categories"][3]["match"] = "h*ll"; }),
                   Catch::Contains("only a trailing *"));
    }
    SECTION("bad JSON, with its line and column") {
        const std::string path = writeText("bad.json", "{\n  \"name\": \"zones\",\n"
                                                       "  \"layer\": \"parcels\"\n"
                                                       "  \"field\": \"ZONE\"\n}\n");
        const std::string e = errorOf([&] { app::CategoryStyle::load(path, catalogue()); });
        CHECK_THAT(e, Catch::Contains("bad.json line 4") &&
                          Catch::Contains("not valid JSON at line 4, column "));
    }
}

TEST_CASE("a broken map style names the file and the entry at fault", "[style]") {
    auto map = [](const std::function<void(json&)>& edit) {
        json doc = readJson(testing::sourcePath("styles/map.json"));
        edit(doc);
        // Beside copies of the themes, which it names relative to itself.
        const std::string directory = testing::temporaryDirectory();
        for (const json& theme : doc.at("themes"))
            if (theme.is_string() && theme.get<std::string>() != "missing.json")
                std::ofstream(directory + "/" + theme.get<std::string>())
                    << readJson(testing::sourcePath("styles/" + theme.get<std::string>())).dump();
        std::ofstream(directory + "/map.json") << doc.dump(2);
        return errorOf([&] { app::loadMapStyle(directory, catalogue()); });
    };
    CHECK(map([](json&) {}) == "(no error)");
    CHECK_THAT(map([](json& d) { d["labels"]["villages"]["field"] = "NAME"; }),
               Catch::Contains("map.json") && Catch::Contains("labels.villages.field") &&
                   Catch::Contains("'NAME' is not a field of villages") &&
                   Catch::Contains("ZLDWMC"));
    CHECK_THAT(map([](json& d) { d["villages"]["boundary"]["colour"] = "#12345g"; }),
               Catch::Contains("villages.boundary.colour") && Catch::Contains("'#12345g'"));
    CHECK_THAT(map([](json& d) {
                   d["villages"]["boundary"]["dash_px"] = {6, 3, 2};
               }),
               Catch::Contains("villages.boundary.dash_px") && Catch::Contains("pairs"));
    CHECK_THAT(map([](json& d) { d["roads"]["width"] = 2; }),
               Catch::Contains("roads.width") && Catch::Contains("unknown key"));
    CHECK_THAT(map([](json& d) { d["default_theme"] = "zone"; }),
               Catch::Contains("default_theme") && Catch::Contains("zones, landuse"));
    CHECK_THAT(map([](json& d) { d["themes"].push_back("missing.json"); }),
               Catch::Contains("themes[5]") && Catch::Contains("does not exist"));
    CHECK_THAT(map([](json& d) { d["labels"]["villages"]["min_scale"] = 500000; }),
               Catch::Contains("labels.villages") && Catch::Contains("never show"));
    CHECK_THAT(map([](json& d) { d.erase("kind"); }), Catch::Contains("kind: is missing"));
    CHECK_THAT(map([](json& d) { d["roads"].erase("main_casing"); }),
               Catch::Contains("roads.main_casing") && Catch::Contains("missing"));
    CHECK_THAT(map([](json& d) {
                   d["roads"]["main_grades"] = {"县道", ""};
               }),
               Catch::Contains("roads.main_grades[1]") && Catch::Contains("县道"));
    CHECK_THAT(map([](json& d) { d["seats"]["size_px"] = 0; }),
               Catch::Contains("map.json") && Catch::Contains("seats.size_px"));
    CHECK_THAT(map([](json& d) { d["seats"]["fill"] = "white"; }),
               Catch::Contains("seats.fill") && Catch::Contains("'white'"));
    CHECK_THAT(map([](json& d) { d["labels"]["seats"]["field"] = "NAME"; }),
               Catch::Contains("labels.seats.field") &&
                   Catch::Contains("'NAME' is not a field of seats") && Catch::Contains("XZMC"));
    // Seats and their names are optional: without them, the built-in symbol and no names.
    CHECK(map([](json& d) {
              d.erase("seats");
              d["labels"].erase("seats");
          }) == "(no error)");
}

TEST_CASE("a map style without seats draws them in the built-in symbol, unnamed", "[style]") {
    json doc = readJson(testing::sourcePath("styles/map.json"));
    doc.erase("seats");
    doc["labels"].erase("seats");
    const std::string directory = testing::temporaryDirectory();
    for (const json& theme : doc.at("themes"))
        std::ofstream(directory + "/" + theme.get<std::string>())
            << readJson(testing::sourcePath("styles/" + theme.get<std::string>())).dump();
    std::ofstream(directory + "/map.json") << doc.dump(2);
    const app::MapStyle bare = app::loadMapStyle(directory, catalogue());
    CHECK(bare.seats == app::SeatStyle{});
    CHECK(bare.seatLabels.field.empty());
    const app::MapStyle shippedStyle =
        app::loadMapStyle(testing::sourcePath("styles"), catalogue());
    CHECK(shippedStyle.seats.layer == "seats");
    CHECK(shippedStyle.seats.colour == QColor("#b3001b"));
    CHECK(shippedStyle.seatLabels.field == "XZMC");
}
