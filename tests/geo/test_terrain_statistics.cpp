#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numbers>
#include <utility>
#include <vector>

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "geo/dem_sampling.h"
#include "geo/error.h"
#include "geo/extent.h"
#include "geo/gdal_session.h"
#include "geo/terrain_statistics.h"
#include "support/flat_layers.h"

namespace {

using testing::Feature;
using testing::Ring;

constexpr double originX = 37480000; // CGCS2000 3-degree Gauss-Kruger zone 37 (EPSG:4525)
constexpr double originY = 3400000;
const double tan25 = std::tan(25 * std::numbers::pi / 180);

// A north-up DEM in /vsimem/, tiled 64 x 64, in EPSG:4525; values[row * width + col].
struct DemSpec {
    int width = 100, height = 80;
    double pixelX = 10, pixelY = 10;
    GDALDataType type = GDT_Float64;
    bool hasNodata = false;
    double nodata = -9999;

    double centreX(int c) const { return originX + (c + 0.5) * pixelX; }
    double centreY(int r) const { return originY - (r + 0.5) * pixelY; }
    // The rectangle of whole pixels cols [c0, c1] x rows [r0, r1].
    Ring pixelBox(int c0, int r0, int c1, int r1) const {
        const double x0 = originX + c0 * pixelX, x1 = originX + (c1 + 1) * pixelX;
        const double y0 = originY - (r1 + 1) * pixelY, y1 = originY - r0 * pixelY;
        return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    }
};

GDALDatasetUniquePtr makeDem(const std::string& path, const DemSpec& spec,
                             const std::vector<double>& values) {
    geo::initialiseGdal();
    {
        const char* options[] = {"TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=64", nullptr};
        GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
            path.c_str(), spec.width, spec.height, 1, spec.type, const_cast<char**>(options)));
        REQUIRE(ds);
        double gt[6] = {originX, spec.pixelX, 0, originY, 0, -spec.pixelY};
        ds->SetGeoTransform(gt);
        OGRSpatialReference srs;
        srs.importFromEPSG(4525);
        ds->SetSpatialRef(&srs);
        GDALRasterBand* band = ds->GetRasterBand(1);
        if (spec.hasNodata)
            band->SetNoDataValue(spec.nodata);
        std::vector<double> copy = values;
        REQUIRE(band->RasterIO(GF_Write, 0, 0, spec.width, spec.height, copy.data(), spec.width,
                               spec.height, GDT_Float64, 0, 0, nullptr) == CE_None);
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    return ds;
}

std::vector<double> fill(const DemSpec& spec, const std::function<double(int, int)>& value) {
    std::vector<double> values;
    for (int r = 0; r < spec.height; ++r)
        for (int c = 0; c < spec.width; ++c)
            values.push_back(value(c, r));
    return values;
}

// Deterministic pseudo-random numbers in [0, 1).
struct Random {
    std::uint64_t state = 20240611;
    double operator()() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
    }
};

// A star-shaped ring of n vertices around (cx, cy), radii in [0.3, 1] x radius.
Ring star(Random& random, double cx, double cy, double radius, int n) {
    Ring ring;
    const double turn = random() * 2 * std::numbers::pi;
    for (int i = 0; i < n; ++i) {
        const double a = turn + 2 * std::numbers::pi * i / n;
        const double r = radius * (0.3 + 0.7 * random());
        ring.emplace_back(cx + r * std::cos(a), cy + r * std::sin(a));
    }
    ring.push_back(ring.front());
    return ring;
}

// The straightforward answer: every pixel centre tested against every edge, and the slope
// from the 3 x 3 neighbourhood written out plainly.
std::vector<geo::TerrainStatistics> bruteForce(const DemSpec& spec,
                                               const std::vector<double>& stored,
                                               const std::vector<Feature>& features) {
    const auto z = [&](int c, int r) {
        if (c < 0 || r < 0 || c >= spec.width || r >= spec.height)
            return std::numeric_limits<double>::quiet_NaN();
        const double v = stored[static_cast<std::size_t>(r * spec.width + c)];
        return spec.hasNodata && v == spec.nodata ? std::numeric_limits<double>::quiet_NaN() : v;
    };
    const auto slope = [&](int c, int r) {
        // Per row (column) of the neighbourhood: central difference, else one-sided.
        const auto diff = [](double lo, double mid, double hi, double step, double& d) {
            if (!std::isnan(lo) && !std::isnan(hi))
                d = (hi - lo) / (2 * step);
            else if (!std::isnan(mid) && !std::isnan(hi))
                d = (hi - mid) / step;
            else if (!std::isnan(mid) && !std::isnan(lo))
                d = (mid - lo) / step;
            else
                return false;
            return true;
        };
        double gx = 0, wx = 0, gy = 0, wy = 0, d = 0;
        for (int k = -1; k <= 1; ++k) {
            const double w = k == 0 ? 2 : 1;
            if (diff(z(c - 1, r + k), z(c, r + k), z(c + 1, r + k), spec.pixelX, d)) {
                gx += w * d;
                wx += w;
            }
            if (diff(z(c + k, r - 1), z(c + k, r), z(c + k, r + 1), spec.pixelY, d)) {
                gy += w * d;
                wy += w;
            }
        }
        gx = wx > 0 ? gx / wx : 0;
        gy = wy > 0 ? gy / wy : 0;
        return std::atan(std::hypot(gx, gy)) * 180 / std::numbers::pi;
    };
    std::vector<geo::TerrainStatistics> out;
    for (const Feature& feature : features) {
        geo::TerrainStatistics t;
        double sum = 0, slopeSum = 0;
        geo::Extent box;
        for (const Ring& ring : feature)
            for (const auto& [x, y] : ring)
                box.include(x, y);
        // Only the feature's box, with a pixel to spare, is worth testing.
        const int cFirst = std::max(0, static_cast<int>((box.minX - originX) / spec.pixelX) - 2);
        const int cLast =
            std::min(spec.width, static_cast<int>((box.maxX - originX) / spec.pixelX) + 2);
        const int rFirst = std::max(0, static_cast<int>((originY - box.maxY) / spec.pixelY) - 2);
        const int rLast =
            std::min(spec.height, static_cast<int>((originY - box.minY) / spec.pixelY) + 2);
        for (int r = rFirst; r < rLast; ++r) {
            const double yc = spec.centreY(r);
            for (int c = cFirst; c < cLast; ++c) {
                const double xc = spec.centreX(c);
                int crossings = 0;
                for (const Ring& ring : feature)
                    for (std::size_t i = 0; i < ring.size(); ++i) {
                        auto [x0, y0] = ring[i];
                        auto [x1, y1] = ring[(i + 1) % ring.size()];
                        if (y0 == y1)
                            continue;
                        if (y1 < y0) {
                            std::swap(x0, x1);
                            std::swap(y0, y1);
                        }
                        if (y0 <= yc && yc < y1 && x0 + (yc - y0) * ((x1 - x0) / (y1 - y0)) <= xc)
                            ++crossings;
                    }
                const double v = z(c, r);
                if (crossings % 2 == 0 || std::isnan(v))
                    continue;
                ++t.pixels;
                sum += v;
                slopeSum += slope(c, r);
                t.minElevation = t.pixels == 1 ? v : std::min(t.minElevation, v);
                t.maxElevation = t.pixels == 1 ? v : std::max(t.maxElevation, v);
            }
        }
        if (t.pixels > 0) {
            t.meanElevation = sum / t.pixels;
            t.meanSlope = slopeSum / t.pixels;
        } else if (!feature.empty()) {
            // The pixel under the centroid of the largest ring.
            double best = -1, cx = 0, cy = 0;
            for (const Ring& ring : feature) {
                // Relative to the first vertex: products of raw coordinates lose the area.
                const auto [x0, y0] = ring.front();
                double a = 0, mx = 0, my = 0;
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                    const double xa = ring[i].first - x0, ya = ring[i].second - y0;
                    const double xb = ring[i + 1].first - x0, yb = ring[i + 1].second - y0;
                    const double k = xa * yb - xb * ya;
                    a += k;
                    mx += (xa + xb) * k;
                    my += (ya + yb) * k;
                }
                if (std::abs(a) > best) {
                    best = std::abs(a);
                    cx = x0 + mx / (3 * a);
                    cy = y0 + my / (3 * a);
                }
            }
            const int c = static_cast<int>(std::floor((cx - originX) / spec.pixelX));
            const int r = static_cast<int>(std::floor((originY - cy) / spec.pixelY));
            if (!std::isnan(z(c, r))) {
                t.meanElevation = t.minElevation = t.maxElevation = z(c, r);
                t.meanSlope = slope(c, r);
            }
        }
        out.push_back(t);
    }
    return out;
}

void checkSame(const geo::TerrainStatistics& actual, const geo::TerrainStatistics& expected) {
    REQUIRE(actual.pixels == expected.pixels);
    REQUIRE(std::isnan(actual.meanElevation) == std::isnan(expected.meanElevation));
    if (std::isnan(expected.meanElevation))
        return;
    CHECK(actual.minElevation == expected.minElevation); // metres, exact: the same pixel
    CHECK(actual.maxElevation == expected.maxElevation);
    CHECK(actual.meanElevation == Approx(expected.meanElevation).margin(1e-9)); // metres
    CHECK(actual.meanSlope == Approx(expected.meanSlope).margin(1e-9));         // degrees
}

} // namespace

TEST_CASE("a plane tilted at 25 degrees has a mean slope of 25 degrees everywhere",
          "[terrain_statistics]") {
    DemSpec spec;
    spec.pixelY = 8; // unequal pixel sides catch a mix-up of dx and dy
    // Tilted along a diagonal: the steepest direction is neither a row nor a column.
    const double ux = std::cos(0.6), uy = std::sin(0.6);
    const auto values = fill(spec, [&](int c, int r) {
        return 500 + ((spec.centreX(c) - originX) * ux + (spec.centreY(r) - originY) * uy) * tan25;
    });
    auto dem = makeDem("/vsimem/terrain_plane.tif", spec, values);
    const std::vector<Feature> features{
        {spec.pixelBox(10, 10, 30, 25)},
        {{{originX + 333.3, originY - 111.1},
          {originX + 701.7, originY - 250.2},
          {originX + 420.5, originY - 590.9},
          {originX + 333.3, originY - 111.1}}},
        {spec.pixelBox(0, 0, spec.width - 1, spec.height - 1)}, // edges: one-sided differences
        {spec.pixelBox(-20, 70, 5, 100)},                       // partly off the raster
    };
    for (int threads : {1, 2}) {
        const auto stats =
            geo::computeTerrainStatistics(*dem, testing::flatLayerOf(features), {threads, 7, {}});
        REQUIRE(stats.size() == features.size());
        for (const auto& t : stats) {
            CHECK(t.pixels > 0);
            CHECK(t.meanSlope == Approx(25).margin(1e-9)); // degrees
        }
        CHECK(stats[2].pixels == 100 * 80);
        CHECK(stats[3].pixels == 6 * 10);
    }
    dem.reset();
    VSIUnlink("/vsimem/terrain_plane.tif");

    auto flat = makeDem("/vsimem/terrain_flat.tif", spec, fill(spec, [](int, int) { return 42; }));
    const auto stats =
        geo::computeTerrainStatistics(*flat, testing::flatLayerOf({features[0], features[2]}));
    for (const auto& t : stats) {
        CHECK(t.meanSlope == Approx(0).margin(1e-12)); // degrees
        CHECK(t.meanElevation == 42);                  // metres
        CHECK(t.minElevation == 42);
        CHECK(t.maxElevation == 42);
    }
    flat.reset();
    VSIUnlink("/vsimem/terrain_flat.tif");
}

TEST_CASE("a rectangle of whole pixels has the closed-form mean, minimum and maximum",
          "[terrain_statistics]") {
    DemSpec spec;
    spec.type = GDT_Float32;
    auto dem = makeDem("/vsimem/terrain_ramp.tif", spec,
                       fill(spec, [](int c, int r) { return c + 1000.0 * r; }));
    const int c0 = 7, c1 = 58, r0 = 3, r1 = 70; // over two block rows and columns
    const auto stats = geo::computeTerrainStatistics(
        *dem, testing::flatLayerOf({{spec.pixelBox(c0, r0, c1, r1)}}));
    REQUIRE(stats.size() == 1);
    CHECK(stats[0].pixels == (c1 - c0 + 1) * (r1 - r0 + 1));
    CHECK(stats[0].minElevation == c0 + 1000.0 * r0); // metres
    CHECK(stats[0].maxElevation == c1 + 1000.0 * r1);
    CHECK(stats[0].meanElevation ==
          Approx((c0 + c1) / 2.0 + 1000.0 * (r0 + r1) / 2.0).margin(1e-6));

    SECTION("a centre on a boundary belongs to the parcel east and north of it") {
        // Edges through pixel centres: the west and south edges take their centres.
        const double xw = spec.centreX(10), xm = spec.centreX(20), xe = spec.centreX(30);
        const double yn = spec.centreY(5), ys = spec.centreY(15);
        const Ring west{{xw, ys}, {xm, ys}, {xm, yn}, {xw, yn}, {xw, ys}};
        const Ring east{{xm, ys}, {xe, ys}, {xe, yn}, {xm, yn}, {xm, ys}};
        const Ring both{{xw, ys}, {xe, ys}, {xe, yn}, {xw, yn}, {xw, ys}};
        const auto s =
            geo::computeTerrainStatistics(*dem, testing::flatLayerOf({{west}, {east}, {both}}));
        CHECK(s[0].pixels == 10 * 10); // columns 10..19, rows 6..15
        CHECK(s[0].minElevation == 10 + 1000.0 * 6);
        CHECK(s[0].maxElevation == 19 + 1000.0 * 15);
        CHECK(s[1].minElevation == 20 + 1000.0 * 6);
        CHECK(s[0].pixels + s[1].pixels == s[2].pixels);
    }
    dem.reset();
    VSIUnlink("/vsimem/terrain_ramp.tif");
}

TEST_CASE("holes and overlapping parts follow the even-odd rule", "[terrain_statistics]") {
    DemSpec spec;
    auto dem = makeDem("/vsimem/terrain_holes.tif", spec,
                       fill(spec, [](int c, int r) { return c + 1000.0 * r; }));
    const Ring outer = spec.pixelBox(10, 10, 29, 29); // 20 x 20
    Ring hole = spec.pixelBox(12, 14, 15, 19);        // 4 x 6, same orientation as the shell
    const Ring other = spec.pixelBox(50, 50, 52, 51); // a second part, 3 x 2
    const auto stats = geo::computeTerrainStatistics(
        *dem, testing::flatLayerOf(
                  {{outer, hole}, {outer, other}, {outer, spec.pixelBox(20, 20, 39, 39)}}));
    CHECK(stats[0].pixels == 400 - 24);
    // The hole's pixels are out of the mean: subtract their sum from the full square's.
    const double square = 400 * (19.5 + 1000 * 19.5);
    const double holeSum = 24 * (13.5 + 1000 * 16.5);
    CHECK(stats[0].meanElevation == Approx((square - holeSum) / 376).margin(1e-9)); // metres
    CHECK(stats[1].pixels == 400 + 6);
    CHECK(stats[1].maxElevation == 52 + 1000.0 * 51);
    CHECK(stats[2].pixels == 400 + 400 - 2 * 100); // the overlap cancels
    dem.reset();
    VSIUnlink("/vsimem/terrain_holes.tif");
}

TEST_CASE("a polygon holding no pixel centre gets the pixel under its centroid",
          "[terrain_statistics]") {
    DemSpec spec;
    spec.hasNodata = true;
    auto values = fill(spec, [&](int c, int) { return 100 + (spec.centreX(c) - originX) * tan25; });
    values[static_cast<std::size_t>(40 * spec.width + 60)] = spec.nodata;
    auto dem = makeDem("/vsimem/terrain_small.tif", spec, values);
    // A triangle in the north-west quarter of pixel (col 33, row 21), missing its centre.
    const double x = originX + 33 * spec.pixelX, y = originY - 21 * spec.pixelY;
    const Ring tiny{{x + 1, y - 1}, {x + 4, y - 1.5}, {x + 2, y - 4}, {x + 1, y - 1}};
    const double nx = originX + 60 * spec.pixelX, ny = originY - 40 * spec.pixelY;
    const Ring onNodata{{nx + 1, ny - 1}, {nx + 3, ny - 1}, {nx + 2, ny - 3}, {nx + 1, ny - 1}};
    const Ring offRaster{{originX - 50, originY + 50},
                         {originX - 45, originY + 50},
                         {originX - 45, originY + 55},
                         {originX - 50, originY + 50}};
    const auto stats = geo::computeTerrainStatistics(
        *dem, testing::flatLayerOf({{tiny}, {onNodata}, {offRaster}, {}}));
    REQUIRE(stats.size() == 4);
    CHECK(stats[0].pixels == 0);
    CHECK(stats[0].meanElevation == values[static_cast<std::size_t>(21 * spec.width + 33)]);
    CHECK(stats[0].minElevation == stats[0].meanElevation);
    CHECK(stats[0].maxElevation == stats[0].meanElevation);
    CHECK(stats[0].meanSlope == Approx(25).margin(1e-9)); // degrees
    for (std::size_t i = 1; i < 4; ++i) {                 // nodata, off the raster, empty
        CHECK(stats[i].pixels == 0);
        CHECK(stats[i] == geo::TerrainStatistics{});
    }
    dem.reset();
    VSIUnlink("/vsimem/terrain_small.tif");
}

TEST_CASE("the centroid's pixel counts only for a polygon that ends with no pixel, strips aside",
          "[terrain_statistics]") {
    DemSpec spec;
    auto values = fill(spec, [](int c, int r) { return c + 1000.0 * r + 0.25 * c * r; });
    auto dem = makeDem("/vsimem/terrain_centroid_strips.tif", spec, values);
    // Column 20's west part: between the centres of columns 19 and 20.
    const double x = originX + 19.55 * spec.pixelX, x2 = originX + 19.95 * spec.pixelX;
    const double top = originY - 2 * spec.pixelY;
    // A stem over rows 2 to 8 between two column centres: no pixel, centroid in row 5.
    const Ring stem{{x, top - 7 * spec.pixelY},
                    {x2, top - 7 * spec.pixelY},
                    {x2, top},
                    {x, top},
                    {x, top - 7 * spec.pixelY}};
    // The same stem with a flat foot across the centres of row 9, columns 18 to 21: its
    // centroid stays in the stem (row 5 or 6), its only pixels come rows later.
    const double footTop = spec.centreY(9) + 0.1 * spec.pixelY;
    const double footBottom = spec.centreY(9) - 0.1 * spec.pixelY;
    const double west = spec.centreX(18) - 0.2 * spec.pixelX;
    const double east = spec.centreX(21) + 0.2 * spec.pixelX;
    const Ring withFoot{{x, footTop},       {x, top},        {x2, top},
                        {x2, footTop},      {east, footTop}, {east, footBottom},
                        {west, footBottom}, {west, footTop}, {x, footTop}};
    // Upside down: the foot on row 1, above the stem; its pixels come before the centroid's row.
    const double headBottom = spec.centreY(1) - 0.1 * spec.pixelY;
    const double headTop = spec.centreY(1) + 0.1 * spec.pixelY;
    const Ring withHead{{x, headBottom},  {x, top - 7 * spec.pixelY}, {x2, top - 7 * spec.pixelY},
                        {x2, headBottom}, {east, headBottom},         {east, headTop},
                        {west, headTop},  {west, headBottom},         {x, headBottom}};
    const std::vector<Feature> features{{stem}, {withFoot}, {withHead}};
    const auto expected = bruteForce(spec, values, features);
    REQUIRE(expected[0].pixels == 0);
    REQUIRE(expected[1].pixels == 4);
    REQUIRE(expected[2].pixels == 4);
    CHECK(expected[0].meanElevation == values[static_cast<std::size_t>(5 * spec.width + 19)]);
    const geo::FlatLayer layer = testing::flatLayerOf(features);
    for (int stripRows : {1, 2, 3, 500})
        for (int threads : {1, 2}) {
            INFO("strip rows " << stripRows << ", threads " << threads);
            const auto stats = geo::computeTerrainStatistics(*dem, layer, {threads, stripRows, {}});
            for (std::size_t i = 0; i < features.size(); ++i) {
                INFO("polygon " << i);
                checkSame(stats[i], expected[i]);
            }
        }
    dem.reset();
    VSIUnlink("/vsimem/terrain_centroid_strips.tif");
}

TEST_CASE("nodata pixels are left out, and the slope beside them still holds",
          "[terrain_statistics]") {
    DemSpec spec;
    spec.type = GDT_Int16;
    spec.hasNodata = true;
    // Whole metres on a 45-degree plane, so Int16 holds it exactly.
    auto values = fill(spec, [](int c, int) { return 10.0 * c; });
    std::uint32_t holes = 0;
    for (int r = 20; r < 40; ++r)
        for (int c = 20; c < 50; ++c)
            if ((c * 7 + r * 3) % 11 == 0) {
                values[static_cast<std::size_t>(r * spec.width + c)] = spec.nodata;
                ++holes;
            }
    auto dem = makeDem("/vsimem/terrain_nodata.tif", spec, values);
    const auto stats = geo::computeTerrainStatistics(
        *dem, testing::flatLayerOf({{spec.pixelBox(20, 20, 49, 39)}}));
    CHECK(holes > 20);
    CHECK(stats[0].pixels == 30U * 20U - holes);
    CHECK(stats[0].minElevation == 200); // metres
    CHECK(stats[0].maxElevation == 490);
    CHECK(stats[0].meanSlope == Approx(45).margin(1e-9)); // degrees
    dem.reset();
    VSIUnlink("/vsimem/terrain_nodata.tif");
}

TEST_CASE("200 random polygons over several strips match a per-pixel brute force",
          "[terrain_statistics]") {
    DemSpec spec;
    spec.width = 600;
    spec.height = 500;
    spec.pixelX = 5;
    spec.pixelY = 5;
    spec.type = GDT_Float32;
    spec.hasNodata = true;
    // Hills, a valley and a little roughness; a sprinkle of nodata.
    auto values = fill(spec, [&](int c, int r) {
        if ((c * 31 + r * 17) % 97 == 0)
            return spec.nodata;
        const double x = c * 5.0, y = r * 5.0;
        const double v = 400 + 120 * std::sin(x / 310) * std::cos(y / 270) -
                         60 * std::exp(-std::pow((x - y * 0.8 - 300) / 150, 2)) +
                         3 * std::sin(x * 0.37 + y * 0.11);
        return static_cast<double>(static_cast<float>(v));
    });
    auto dem = makeDem("/vsimem/terrain_random.tif", spec, values);

    Random random;
    std::vector<Feature> features;
    for (int i = 0; i < 200; ++i) {
        // Sizes from under a pixel to a few hundred pixels; some centres near or off the edges.
        const double radius = spec.pixelX * (0.2 + 150 * std::pow(random(), 3));
        const double cx = originX + (random() * 1.1 - 0.05) * spec.width * spec.pixelX;
        const double cy = originY - (random() * 1.1 - 0.05) * spec.height * spec.pixelY;
        Feature f{star(random, cx, cy, radius, 3 + static_cast<int>(random() * 40))};
        const double kind = random();
        if (kind < 0.2) // a hole
            f.push_back(star(random, cx, cy, radius * 0.25, 5 + static_cast<int>(random() * 8)));
        else if (kind < 0.3) // a second part
            f.push_back(star(random, cx + 3 * radius, cy - radius, radius * 0.5, 7));
        else if (kind < 0.4) { // self-intersecting: vertices in a scrambled order
            Ring& ring = f.front();
            for (std::size_t k = 1; k + 2 < ring.size(); k += 3)
                std::swap(ring[k], ring[k + 1]);
        }
        features.push_back(f);
    }
    const auto expected = bruteForce(spec, values, features);
    const geo::FlatLayer layer = testing::flatLayerOf(features);
    int smallOnes = 0;
    for (const auto& t : expected)
        smallOnes += t.pixels == 0 && !std::isnan(t.meanElevation);
    CHECK(smallOnes >= 3);

    const auto reference = geo::computeTerrainStatistics(*dem, layer, {1, 0, {}});
    REQUIRE(reference.size() == features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
        INFO("polygon " << i);
        checkSame(reference[i], expected[i]);
    }
    // Strips of any height, and any number of threads, give the very same numbers.
    for (int stripRows : {0, 1, 7, 64, 500})
        for (int threads : {1, 2, 3}) {
            INFO("strip rows " << stripRows << ", threads " << threads);
            CHECK(geo::computeTerrainStatistics(*dem, layer, {threads, stripRows, {}}) ==
                  reference);
        }
    dem.reset();
    VSIUnlink("/vsimem/terrain_random.tif");
}

TEST_CASE("the sweep keeps the DEM it read, pixel for pixel as a fresh read gives it",
          "[terrain_statistics]") {
    DemSpec spec;
    spec.width = 130;
    spec.height = 210;
    spec.type = GDT_Float32;
    spec.hasNodata = true;
    auto values = fill(spec, [&](int c, int r) {
        return (c * 13 + r * 7) % 61 == 0 ? spec.nodata : 100 + c * 0.25 - r * 0.5;
    });
    auto dem = makeDem("/vsimem/terrain_keep.tif", spec, values);
    const geo::FlatLayer layer = testing::flatLayerOf({{spec.pixelBox(3, 5, 40, 90)}});
    const std::optional<geo::DemInMemory> read = geo::DemInMemory::load(*dem, "dem", 1 << 20);
    REQUIRE(read);
    REQUIRE(read->complete());
    for (int stripRows : {1, 7, 64, 500})
        for (int threads : {1, 2}) {
            INFO("strip rows " << stripRows << ", threads " << threads);
            std::optional<geo::DemInMemory> kept = geo::DemInMemory::prepare(*dem, 1 << 20);
            REQUIRE(kept);
            CHECK_FALSE(kept->complete());
            geo::TerrainOptions options{threads, stripRows, {}};
            options.keepElevations = &*kept;
            CHECK(geo::computeTerrainStatistics(*dem, layer, options).size() == 1);
            CHECK(kept->complete());
            int differ = 0, noData = 0;
            for (int r = 0; r < spec.height; ++r)
                for (int c = 0; c < spec.width; ++c) {
                    const double x = spec.centreX(c), y = spec.centreY(r);
                    const double a = kept->at(x, y), b = read->at(x, y);
                    differ += !(a == b || (std::isnan(a) && std::isnan(b)));
                    noData += std::isnan(a);
                    if (r == 17 && c == 9)
                        CHECK(a == 100 + 9 * 0.25 - 17 * 0.5);
                }
            CHECK(differ == 0);
            CHECK(noData > 100);
        }
    // Too large to keep: nothing to fill, and the caller samples with GDAL.
    CHECK_FALSE(geo::DemInMemory::prepare(*dem, 130 * 210 - 1));
    dem.reset();
    VSIUnlink("/vsimem/terrain_keep.tif");
}

TEST_CASE("the sweep lets go of the DEM blocks it has read past", "[terrain_statistics]") {
    // 640 x 640 pixels of Float32 in 64 x 64 blocks: 1.6 MB decoded, 16 kB a block.
    DemSpec spec;
    spec.width = 640;
    spec.height = 640;
    spec.type = GDT_Float32;
    auto dem = makeDem("/vsimem/terrain_cache.tif", spec,
                       fill(spec, [](int c, int r) { return 100 + (c % 7) - (r % 5); }));
    const geo::FlatLayer layer = testing::flatLayerOf({{spec.pixelBox(0, 0, 639, 639)}});
    // Strips of whole blocks, and strips that end inside blocks.
    for (const auto& [threads, stripRows] : {std::pair{1, 64}, {2, 64}, {1, 7}, {2, 100}}) {
        INFO("threads " << threads << ", strip rows " << stripRows);
        const GIntBig before = GDALGetCacheUsed64();
        const std::vector<geo::TerrainStatistics> stats =
            geo::computeTerrainStatistics(*dem, layer, geo::TerrainOptions{threads, stripRows, {}});
        // At most the block rows of the last strip and its margin are left in the cache, not the
        // whole DEM that was read.
        CHECK(GDALGetCacheUsed64() - before <= 2 * 10 * 64 * 64 * 4);
        REQUIRE(stats.size() == 1);
        CHECK(stats[0].pixels == 640U * 640U);
        // Rows cycle through 100 - r % 5 + c % 7: the means of c % 7 over 640 columns and of
        // r % 5 over 640 rows, worked out here.
        double columns = 0, rows = 0;
        for (int i = 0; i < 640; ++i) {
            columns += i % 7;
            rows += i % 5;
        }
        CHECK(stats[0].meanElevation == Approx(100 + columns / 640 - rows / 640).epsilon(1e-12));
    }
    dem.reset();
    VSIUnlink("/vsimem/terrain_cache.tif");
}

TEST_CASE("progress is reported per strip, and cancelling returns nothing",
          "[terrain_statistics]") {
    DemSpec spec;
    auto dem =
        makeDem("/vsimem/terrain_progress.tif", spec, fill(spec, [](int, int) { return 1; }));
    const geo::FlatLayer layer = testing::flatLayerOf({{spec.pixelBox(0, 0, 10, 10)}});
    std::vector<double> seen;
    geo::TerrainOptions options{2, 10, [&](double f) {
                                    seen.push_back(f);
                                    return true;
                                }};
    CHECK(geo::computeTerrainStatistics(*dem, layer, options).size() == 1);
    CHECK(seen.size() == 8);
    CHECK(seen.back() == 1);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    options.progress = [](double f) {
        return f < 0.3;
    };
    CHECK(geo::computeTerrainStatistics(*dem, layer, options).empty());
    dem.reset();
    VSIUnlink("/vsimem/terrain_progress.tif");
}

TEST_CASE("unusable DEMs and inputs are refused with the file named", "[terrain_statistics]") {
    geo::initialiseGdal();
    const geo::FlatLayer layer = testing::flatLayerOf({{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}});
    CHECK_THROWS_AS(geo::computeTerrainStatistics("/nonexistent/dem.tif", layer), geo::InputError);
    CHECK_THROWS_WITH(geo::computeTerrainStatistics("/nonexistent/dem.tif", layer),
                      Catch::Contains("/nonexistent/dem.tif"));
    const char* text = "/vsimem/terrain_not_a_raster.tif";
    VSILFILE* f = VSIFOpenL(text, "wb");
    VSIFWriteL("not a tiff", 1, 10, f);
    VSIFCloseL(f);
    CHECK_THROWS_AS(geo::computeTerrainStatistics(text, layer), geo::InputError);
    CHECK_THROWS_WITH(geo::computeTerrainStatistics(text, layer), Catch::Contains(text));
    VSIUnlink(text);

    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr rotated(mem->Create("rotated", 10, 10, 1, GDT_Float32, nullptr));
    double gt[6] = {originX, 10, 2, originY, 2, -10};
    rotated->SetGeoTransform(gt);
    CHECK_THROWS_AS(geo::computeTerrainStatistics(*rotated, layer), geo::InputError);
    CHECK_THROWS_WITH(geo::computeTerrainStatistics(*rotated, layer),
                      Catch::Contains("rotated") && Catch::Contains("gdalwarp"));

    GDALDatasetUniquePtr degrees(mem->Create("degrees", 10, 10, 1, GDT_Float32, nullptr));
    double lonLat[6] = {110, 0.001, 0, 30, 0, -0.001};
    degrees->SetGeoTransform(lonLat);
    OGRSpatialReference cgcs2000;
    cgcs2000.importFromEPSG(4490);
    degrees->SetSpatialRef(&cgcs2000);
    CHECK_THROWS_WITH(geo::computeTerrainStatistics(*degrees, layer),
                      Catch::Contains("geographic"));

    geo::FlatLayer points = layer;
    points.kind = geo::GeometryKind::Points;
    GDALDatasetUniquePtr plain(mem->Create("plain", 10, 10, 1, GDT_Float32, nullptr));
    plain->SetGeoTransform(gt);
    CHECK_THROWS_AS(geo::computeTerrainStatistics(*plain, points), geo::InputError);
}

TEST_CASE("timing: 100k small parcels over a 2000 x 2000 DEM", "[terrain_statistics]") {
    DemSpec spec;
    spec.width = 2000;
    spec.height = 2000;
    spec.type = GDT_Float32;
    auto dem = makeDem("/vsimem/terrain_timing.tif", spec, fill(spec, [](int c, int r) {
                           return 300 + 50 * std::sin(c / 90.0) * std::cos(r / 70.0);
                       }));
    Random random;
    std::vector<Feature> features;
    for (int i = 0; i < 100000; ++i) {
        const double cx = originX + random() * spec.width * spec.pixelX;
        const double cy = originY - random() * spec.height * spec.pixelY;
        features.push_back({star(random, cx, cy, spec.pixelX * (1 + 4 * random()), 8)});
    }
    const geo::FlatLayer layer = testing::flatLayerOf(features);
    std::vector<geo::TerrainStatistics> first;
    for (int threads : {1, 2}) {
        const auto start = std::chrono::steady_clock::now();
        const auto stats = geo::computeTerrainStatistics(*dem, layer, {threads, 0, {}});
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::size_t pixels = 0;
        for (const auto& t : stats)
            pixels += t.pixels;
        std::printf("terrain statistics: %zu parcels, %zu pixels, 2000 x 2000 DEM, %d thread(s): "
                    "%.3f s\n",
                    stats.size(), pixels, threads, took.count());
        if (first.empty())
            first = stats;
        else
            CHECK(stats == first);
    }
    dem.reset();
    VSIUnlink("/vsimem/terrain_timing.tif");
}
