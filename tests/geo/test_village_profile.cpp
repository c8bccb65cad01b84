// The idle-item ledger: each idle asset is placed on the parcel that contains its point, as
// GDAL's point-in-polygon says, and where overlapping parcels both contain it, on the one a
// spatial index over every parcel finds first (what classification has always done).
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include "geo/classifier.h"
#include "geo/error.h"
#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"
#include "geo/spatial_index.h"
#include "geo/village_profile.h"
#include "support/sample_fixture.h"

namespace {

struct Parcels {
    geo::ClassificationInputs in;
    std::vector<std::unique_ptr<OGRGeometry>> polygons;

    void add(const std::string& wkt) {
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
        geo::appendFeature(in.parcelShapes, g);
        polygons.emplace_back(g);
        geo::ParcelRecord p;
        p.fid = static_cast<long long>(polygons.size());
        p.id = "P" + std::to_string(polygons.size() - 1);
        p.landUse = "0101";
        p.areaM2 = 100.0;
        in.parcels.push_back(p);
    }
};

std::string square(double x, double y, double size) {
    const auto c = [](double v) {
        return std::to_string(v);
    };
    return "POLYGON ((" + c(x) + " " + c(y) + ", " + c(x + size) + " " + c(y) + ", " + c(x + size) +
           " " + c(y + size) + ", " + c(x) + " " + c(y + size) + ", " + c(x) + " " + c(y) + "))";
}

} // namespace

TEST_CASE("idle assets are placed on the parcel that contains them", "[village_profile]") {
    geo::initialiseGdal();
    Parcels parcels;
    for (int row = 0; row < 20; ++row) // a tiling of 10 m squares
        for (int col = 0; col < 20; ++col)
            parcels.add(square(col * 10.0, row * 10.0, 10.0));
    parcels.add(square(52.0, 52.0, 20.0));   // overlaps nine squares of the tiling
    parcels.add(square(500.0, 500.0, 10.0)); // far from the others
    geo::ClassificationInputs& in = parcels.in;
    const std::size_t n = in.parcels.size();

    struct Point {
        double x, y;
        bool located;
        std::string status;
    };
    const std::vector<Point> points = {
        {15.5, 25.5, true, "闲置"},   // one square
        {61.0, 63.0, true, "闲置"},   // a square and the overlapping parcel
        {70.5, 54.5, true, "闲置"},   // another square and the overlapping parcel
        {505.0, 501.0, true, "闲置"}, // the lone parcel
        {300.0, 300.0, true, "闲置"}, // no parcel
        {-5.0, 15.0, true, "闲置"},   // no parcel, beside the tiling
        {0.0, 0.0, false, "闲置"},    // not located
        {35.5, 35.5, true, "在用"},   // not idle: not listed
    };
    for (std::size_t k = 0; k < points.size(); ++k) {
        geo::AssetRow a;
        a.fid = static_cast<long long>(k);
        a.id = "A" + std::to_string(k);
        a.name = "asset";
        a.type = "house";
        a.status = points[k].status;
        a.x = points[k].x;
        a.y = points[k].y;
        a.located = points[k].located;
        in.assets.push_back(a);
    }
    geo::RuleSet rules;
    rules.assetStatusField = "ZT";
    rules.assetIdleValues = {"闲置"};
    geo::VillageAssignment villages;
    villages.village.assign(n, -1);

    const std::string path = testing::temporaryDirectory() + "/idle-items.gpkg";
    std::filesystem::remove(path);
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        const std::vector<int> assetParcels = geo::idleAssetParcels(in, rules);
        // Places found for other assets are refused.
        CHECK_THROWS_AS(geo::idleItemRows(path, in, rules, villages, std::vector<int>(n, -1),
                                          std::vector<bool>(n, false), geo::IdleReasons(n),
                                          std::vector<int>(assetParcels.size() + 1, -1)),
                        geo::Error);
        geo::writeIdleItems(*store,
                            geo::idleItemRows(path, in, rules, villages, std::vector<int>(n, -1),
                                              std::vector<bool>(n, false), geo::IdleReasons(n),
                                              assetParcels));
        transaction.commit();
        store->finish();
    }
    std::vector<std::string> placed;
    GDALDatasetUniquePtr ds = geo::openVector(path);
    for (const auto& f : *ds->GetLayerByName("idle_items")) {
        const std::string rule = f->GetFieldAsString("RULE");
        const auto at = rule.find("; on parcel ");
        placed.push_back(at == std::string::npos ? "" : rule.substr(at + 12));
    }

    // Where more than one parcel contains a point: the first that a spatial index over every
    // parcel's box offers, as before.
    std::vector<geo::Extent> boxes;
    for (const auto& g : parcels.polygons) {
        OGREnvelope e;
        g->getEnvelope(&e);
        boxes.push_back({e.MinX, e.MinY, e.MaxX, e.MaxY});
    }
    const geo::SpatialIndex index(boxes);
    std::size_t row = 0;
    for (const Point& p : points) {
        if (p.status != "闲置")
            continue;
        REQUIRE(row < placed.size());
        INFO("point " << p.x << " " << p.y);
        std::vector<std::string> containing;
        const OGRPoint point(p.x, p.y);
        for (std::size_t i = 0; i < n; ++i)
            if (parcels.polygons[i]->Contains(&point))
                containing.push_back(in.parcels[i].id.str());
        if (!p.located || containing.empty()) {
            CHECK(placed[row].empty());
        } else if (containing.size() == 1) {
            CHECK(placed[row] == containing.front());
        } else {
            std::string first;
            index.query({p.x, p.y, p.x, p.y}, [&](std::uint32_t i) {
                if (!geo::featureContains(in.parcelShapes, i, p.x, p.y))
                    return true;
                first = in.parcels[i].id.str();
                return false;
            });
            CHECK(placed[row] == first);
        }
        ++row;
    }
    CHECK(row == placed.size());
}

TEST_CASE("Idle items are made apart from writing them, one row per idle parcel, asset and fund",
          "[village_profile]") {
    geo::initialiseGdal();
    Parcels parcels;
    for (int col = 0; col < 4; ++col)
        parcels.add(square(col * 10.0, 0.0, 10.0));
    geo::ClassificationInputs& in = parcels.in;
    const std::size_t n = in.parcels.size();
    in.villages.push_back({"430999100001", "长洞村", 12});
    geo::AssetRow asset;
    asset.id = "A0";
    asset.name = "仓库";
    asset.type = "house";
    asset.status = "闲置";
    asset.x = 25.0, asset.y = 5.0, asset.located = true; // on parcel 2
    in.assets.push_back(asset);
    asset.id = "A1";
    asset.status = "在用"; // not idle: no row
    in.assets.push_back(asset);
    in.funds.push_back({"430999100001", "长洞村", 1500.0});
    in.funds.push_back({"430999100002", "沙江村", 0.0}); // nothing idle: no row

    const geo::RuleSet rules = geo::RuleSet::load(
        testing::sourcePath("data/rules/lingling-five-zones.json"),
        geo::loadLandUseCodes(testing::sourcePath("data/landuse/gbt21010-2017.json")));
    REQUIRE(rules.rules().size() >= 2);
    const geo::Zone& firstZone = *rules.zone(rules.rules()[0].zone);
    geo::VillageAssignment villages;
    villages.village = {0, 0, -1, 0};
    const std::vector<int> decided = {0, -1, 1, -1};
    const std::vector<bool> idle = {true, false, false, true};
    geo::IdleReasons idleRule(n);
    idleRule.set(0, "land use 1201");
    idleRule.set(3, "flag SFXZ=1");
    const std::vector<int> assetParcels = geo::idleAssetParcels(in, rules);
    REQUIRE(assetParcels == std::vector<int>{2});

    const geo::RowBatch rows = geo::idleItemRows("county.gpkg", in, rules, villages, decided, idle,
                                                 idleRule, assetParcels);
    REQUIRE(rows.rows() == 4); // two idle parcels, one idle asset, one village's funds
    const auto text = [&](std::size_t row, std::size_t column) {
        return std::string(rows.text(rows.value(row, column)));
    };
    CHECK(text(0, 0) == "resource");
    CHECK(text(0, 1) == "P0");
    CHECK(text(0, 4) == "长洞村");
    CHECK(text(0, 5) == firstZone.nameZh);
    CHECK(text(0, 6) == firstZone.useZh);
    CHECK(rows.value(0, 7).real == Approx(100.0 / (10000.0 / 15.0)));
    CHECK(text(0, 10) == "land use 1201");
    CHECK(text(1, 1) == "P3");
    CHECK(rows.value(1, 5).kind == geo::RowBatch::Value::Kind::Null); // no zone decided
    CHECK(text(1, 10) == "flag SFXZ=1");
    CHECK(text(2, 0) == "asset");
    CHECK(text(2, 1) == "A0");
    CHECK(rows.value(2, 3).kind == geo::RowBatch::Value::Kind::Null); // parcel 2 has no village
    CHECK(text(2, 5) == rules.zone(rules.rules()[1].zone)->nameZh);
    CHECK(text(2, 10) == "ZT = 闲置; on parcel P2");
    CHECK(text(3, 0) == "fund");
    CHECK(text(3, 1) == "430999100001");
    CHECK(text(3, 3) == "430999100001");

    // Parcels found for other assets are refused, naming the project.
    try {
        (void)geo::idleItemRows("county.gpkg", in, rules, villages, decided, idle, idleRule, {});
        FAIL("no error");
    } catch (const geo::Error& e) {
        CHECK(std::string(e.what()).find("county.gpkg") != std::string::npos);
        CHECK(std::string(e.what()).find("idle assets' parcels") != std::string::npos);
    }

    // Written, they read back as made, in order.
    const std::string path = testing::temporaryDirectory() + "/idle-item-rows.gpkg";
    std::filesystem::remove(path);
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        geo::writeIdleItems(*store, rows);
        transaction.commit();
        store->finish();
    }
    GDALDatasetUniquePtr ds = geo::openVector(path);
    std::vector<std::string> ids;
    for (const auto& f : *ds->GetLayerByName("idle_items"))
        ids.push_back(std::string(f->GetFieldAsString("CATEGORY")) + ":" +
                      f->GetFieldAsString("ITEM_ID"));
    CHECK(ids ==
          std::vector<std::string>{"resource:P0", "resource:P3", "asset:A0", "fund:430999100001"});
}
