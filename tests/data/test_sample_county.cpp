// The generated county looks like a real one: parcels tile villages exactly, land use follows
// the terrain, areas are ellipsoidal, ledgers link to parcels, and a seed fixes everything.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "county_generator.h"
#include "geo/gdal_session.h"
#include "support/dataset_digest.h"
#include "support/sample_fixture.h"

namespace {

using testing::smallCounty;

GDALDatasetUniquePtr openProject() {
    return geo::openVector(smallCounty().directory + "/county.gpkg");
}

std::unique_ptr<OGRGeometry> unionOf(std::vector<std::unique_ptr<OGRGeometry>>& parts) {
    OGRMultiPolygon all;
    for (auto& p : parts)
        all.addGeometry(p.get());
    return std::unique_ptr<OGRGeometry>(all.UnionCascaded());
}

double meanOf(const std::vector<double>& v) {
    double s = 0;
    for (double x : v)
        s += x;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

} // namespace

TEST_CASE("parcels tile each village without gaps or overlaps", "[sample]") {
    auto ds = openProject();
    std::map<std::string, std::vector<std::unique_ptr<OGRGeometry>>> byVillage;
    std::map<std::string, double> summed;
    for (const auto& f : *ds->GetLayerByName("parcels")) {
        const OGRGeometry* g = f->GetGeometryRef();
        REQUIRE(g != nullptr);
        REQUIRE(g->IsValid());
        const std::string code = f->GetFieldAsString("ZLDWDM");
        summed[code] += g->toPolygon()->get_Area();
        byVillage[code].emplace_back(g->clone());
    }
    REQUIRE(byVillage.size() == smallCounty().county.villages.size());
    for (const auto& v : *ds->GetLayerByName("villages")) {
        const std::string code = v->GetFieldAsString("ZLDWDM");
        INFO("village " << code);
        const OGRGeometry* village = v->GetGeometryRef();
        REQUIRE(village->IsValid());
        const double villageArea = village->toMultiPolygon()->get_Area();
        // Sum of parts equals the whole: no overlap and no gap, to floating-point noise.
        CHECK(summed[code] == Approx(villageArea).epsilon(1e-9));
        // The union covers exactly the village: nothing outside it, nothing of it uncovered.
        auto merged = unionOf(byVillage[code]);
        std::unique_ptr<OGRGeometry> outside(merged->Difference(village));
        std::unique_ptr<OGRGeometry> uncovered(village->Difference(merged.get()));
        const auto areaOf = [](OGRGeometry* g) {
            return g ? OGR_G_Area(OGRGeometry::ToHandle(g)) : 0.0;
        };
        CHECK(areaOf(outside.get()) < 1.0); // m², of a village of several km²
        CHECK(areaOf(uncovered.get()) < 1.0);
    }
}

TEST_CASE("neighbouring parcels share their edges vertex for vertex", "[sample]") {
    // Exact tiling means a vertex of one parcel never lies in the middle of a neighbour's
    // edge: every vertex shared by two parcels appears in both.
    const auto& county = smallCounty().county;
    std::map<std::pair<double, double>, int> uses;
    for (const auto& p : county.parcels)
        for (const auto& ring : p.geometry.rings)
            for (const auto& pt : ring)
                ++uses[{pt.x, pt.y}];
    std::size_t shared = 0;
    for (const auto& [pt, n] : uses)
        if (n >= 2)
            ++shared;
    // Interior mesh vertices are shared by 2 or 3 parcels; most kinks are shared by 2.
    CHECK(static_cast<double>(shared) > 0.7 * static_cast<double>(uses.size()));
}

TEST_CASE("parcels are irregular polygons of 8 to 40 vertices", "[sample]") {
    const auto& county = smallCounty().county;
    std::size_t inRange = 0;
    for (const auto& p : county.parcels) {
        std::size_t vertices = 0;
        for (const auto& ring : p.geometry.rings)
            vertices += ring.size();
        CHECK(vertices >= 4);
        CHECK(vertices <= 40);
        if (vertices >= 8)
            ++inRange;
    }
    CHECK(static_cast<double>(inRange) >= 0.95 * static_cast<double>(county.parcels.size()));
}

TEST_CASE("land use follows the terrain", "[sample]") {
    const auto& county = smallCounty().county;
    std::map<std::string, std::vector<double>> slope, elevation;
    for (const auto& p : county.parcels) {
        const std::string group = p.dlbm.substr(0, 2) == "03" ? "forest" : p.dlbm;
        slope[group].push_back(p.meanSlope);
        elevation[group].push_back(p.meanElevation);
    }
    REQUIRE(slope["0101"].size() > 20);
    REQUIRE(slope["forest"].size() > 20);
    REQUIRE(slope["0201"].size() > 5);
    INFO("mean slope paddy " << meanOf(slope["0101"]) << "°, orchard " << meanOf(slope["0201"])
                             << "°, forest " << meanOf(slope["forest"]) << "°");
    CHECK(meanOf(slope["0101"]) < 7.0);                     // paddies on valley floors
    CHECK(meanOf(slope["0101"]) < meanOf(slope["0201"]));   // orchards on slopes
    CHECK(meanOf(slope["0201"]) < meanOf(slope["forest"])); // forest on the steepest ground
    CHECK(meanOf(elevation["0101"]) + 30.0 < meanOf(elevation["forest"]));

    // River surface lies on the rivers; ponds are near streams.
    auto ds = openProject();
    OGRMultiLineString rivers;
    for (const auto& f : *ds->GetLayerByName("rivers"))
        rivers.addGeometry(f->GetGeometryRef());
    std::size_t water = 0;
    for (const auto& f : *ds->GetLayerByName("parcels")) {
        const std::string dlbm = f->GetFieldAsString("DLBM");
        if (dlbm == "1101") {
            ++water;
            CHECK(f->GetGeometryRef()->Distance(&rivers) < 1.0);
        } else if (dlbm == "1104") {
            CHECK(f->GetGeometryRef()->Distance(&rivers) < 400.0);
        }
    }
    CHECK(water > 0);
}

TEST_CASE("rivers run downhill on the DEM, which has hills and valleys", "[sample]") {
    const auto& county = smallCounty().county;
    const auto& dem = county.dem;
    const auto [lo, hi] = std::minmax_element(dem.values.begin(), dem.values.end());
    CHECK(*hi - *lo > 150.0F);
    std::size_t checked = 0;
    for (const auto& river : county.rivers) {
        const auto& a = river.line.front();
        const auto& b = river.line.back();
        CHECK(dem.sample(a.x, a.y) + 2.0 >= dem.sample(b.x, b.y));
        ++checked;
    }
    CHECK(checked >= 3);
    // The main river is named and widest.
    const auto widest =
        std::max_element(county.rivers.begin(), county.rivers.end(),
                         [](const auto& x, const auto& y) { return x.width < y.width; });
    CHECK_FALSE(widest->name.empty());
}

TEST_CASE("TBMJ is the ellipsoidal area and TBDLMJ deducts the field ridges", "[sample]") {
    // Independent check: Gauss-Kruger areas are too large by the square of the scale factor
    // k = 1 + E²/(2R²), E the distance from the central meridian (false easting 37 500 000 m).
    constexpr double radius = 6'375'000.0;
    auto ds = openProject();
    for (const auto& f : *ds->GetLayerByName("parcels")) {
        const OGRPolygon* g = f->GetGeometryRef()->toPolygon();
        OGREnvelope env;
        g->getEnvelope(&env);
        const double e = (env.MinX + env.MaxX) / 2 - 37'500'000.0;
        const double k = 1.0 + e * e / (2 * radius * radius);
        const double expected = g->get_Area() / (k * k);
        const double tbmj = f->GetFieldAsDouble("TBMJ");
        REQUIRE(tbmj == Approx(expected).epsilon(2e-5).margin(0.02));
        REQUIRE(f->GetFieldAsDouble("TBDLMJ") ==
                Approx(tbmj - f->GetFieldAsDouble("KCMJ")).margin(0.006));
        if (std::string(f->GetFieldAsString("DLBM")).rfind("01", 0) != 0)
            REQUIRE(f->GetFieldAsDouble("KCXS") == 0.0);
    }
}

TEST_CASE("villages have 12-digit codes and Chinese names, grouped into townships", "[sample]") {
    const auto& county = smallCounty().county;
    std::set<std::string> codes, names;
    for (const auto& v : county.villages) {
        CHECK(v.code.size() == 12);
        CHECK(
            std::all_of(v.code.begin(), v.code.end(), [](char c) { return c >= '0' && c <= '9'; }));
        CHECK(v.code.rfind(county.townships[static_cast<std::size_t>(v.township)].code, 0) == 0);
        CHECK(v.name.size() > 3);
        CHECK(v.name.substr(v.name.size() - 3) == "村");
        CHECK(v.households > 0);
        codes.insert(v.code);
        names.insert(v.name);
    }
    CHECK(codes.size() == county.villages.size());
    CHECK(names.size() == county.villages.size());
}

TEST_CASE("the transfer ledger covers 10-30 % of cropland, clustered, every row on a parcel",
          "[sample]") {
    const auto& county = smallCounty().county;
    std::map<std::string, const sample::Parcel*> byBsm;
    double cropland = 0.0;
    for (const auto& p : county.parcels) {
        byBsm[p.bsm] = &p;
        if (p.dlbm.rfind("01", 0) == 0 || p.dlbm.rfind("02", 0) == 0)
            cropland += p.tbmj;
    }
    std::set<std::string> transferred;
    std::map<std::string, int> rowsPerContract;
    for (const auto& t : county.transfers) {
        REQUIRE(byBsm.count(t.parcel) == 1);
        transferred.insert(t.parcel);
        ++rowsPerContract[t.contract];
        CHECK(t.start < t.end);
        CHECK(std::set<std::string>{"出租", "转包", "入股", "互换", "转让", "其他"}.count(t.mode) ==
              1);
    }
    double area = 0.0;
    for (const auto& bsm : transferred)
        area += byBsm[bsm]->tbmj;
    INFO("transferred share of cropland " << area / cropland);
    CHECK(area / cropland > 0.10);
    CHECK(area / cropland < 0.30);
    int largest = 0;
    for (const auto& [contract, rows] : rowsPerContract)
        largest = std::max(largest, rows);
    CHECK(largest >= 10); // a cooperative's block, not only scattered plots
}

TEST_CASE("the same seed gives the same county, another seed another", "[sample]") {
    const std::string a = testing::temporaryDirectory();
    const std::string b = testing::temporaryDirectory();
    const std::string c = testing::temporaryDirectory();
    testing::generateInto(a, 99, 600, 2);
    testing::generateInto(b, 99, 600, 2);
    testing::generateInto(c, 100, 600, 2);
    CHECK(testing::datasetDigest(a + "/county.gpkg") == testing::datasetDigest(b + "/county.gpkg"));
    CHECK(testing::fileDigest(a + "/surveyor/transfers.csv") ==
          testing::fileDigest(b + "/surveyor/transfers.csv"));
    CHECK(testing::fileDigest(a + "/manifest.json") == testing::fileDigest(b + "/manifest.json"));
    CHECK(testing::datasetDigest(a + "/surveyor/cgcs2000/DLTB.shp") ==
          testing::datasetDigest(b + "/surveyor/cgcs2000/DLTB.shp"));
    CHECK(testing::datasetDigest(a + "/county.gpkg") != testing::datasetDigest(c + "/county.gpkg"));
}

TEST_CASE("a county with more villages than name stems still names every village in words",
          "[sample]") {
    sample::GeneratorOptions options;
    options.seed = 7;
    options.parcels = 3000;
    options.villages = 150; // more than the 70 stems of names.zh.json
    const sample::County county = sample::generateCounty(options, testing::nameBook());
    REQUIRE(county.villages.size() == 150);
    std::set<std::string> names;
    for (const auto& v : county.villages) {
        INFO(v.name);
        CHECK(std::none_of(v.name.begin(), v.name.end(),
                           [](char c) { return c >= '0' && c <= '9'; }));
        CHECK(v.name.substr(v.name.size() - 3) == "村");
        names.insert(v.name);
    }
    CHECK(names.size() == county.villages.size());
}

TEST_CASE("the committed sample is what the generator makes from its seed", "[sample]") {
    // If this fails after a generator change, run: cmake --build build --target regenerate-sample
    const std::string fresh = testing::temporaryDirectory();
    testing::generateInto(fresh, 20230615, 4000, 4);
    const std::string committed = testing::sourcePath("data/sample");
    CHECK(testing::datasetDigest(fresh + "/county.gpkg") ==
          testing::datasetDigest(committed + "/county.gpkg"));
    CHECK(testing::fileDigest(fresh + "/manifest.json") ==
          testing::fileDigest(committed + "/manifest.json"));
    CHECK(testing::fileDigest(fresh + "/surveyor/transfers.csv") ==
          testing::fileDigest(committed + "/surveyor/transfers.csv"));
    CHECK(testing::datasetDigest(fresh + "/dem.tif") ==
          testing::datasetDigest(committed + "/dem.tif"));
}
