// FeatureBands answers exactly as featureContains: random points (and points on vertices and
// edges) against polygons with holes, several parts and horizontal edges.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "geo/feature_bands.h"
#include "geo/flat_geometry.h"

namespace {

// Appends one ring of `n` vertices around (cx, cy) with random radii; closed or not.
void addRing(geo::FlatLayer& layer, std::mt19937& random, double cx, double cy, double radius,
             int n, bool closed) {
    std::uniform_real_distribution<double> scale(0.4, 1.0);
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));
    layer.partIsRing.push_back(1);
    const double pi = std::acos(-1.0);
    for (int k = 0; k < n; ++k) {
        const double a = 2 * pi * k / n, r = radius * scale(random);
        // Some vertices share a y, for horizontal edges.
        const double y = k % 7 == 0 && k > 0 ? layer.xy.back() : cy + r * std::sin(a);
        layer.xy.push_back(cx + r * std::cos(a));
        layer.xy.push_back(y);
    }
    if (closed) {
        const std::size_t first = 2 * layer.partStart.back();
        layer.xy.push_back(layer.xy[first]);
        layer.xy.push_back(layer.xy[first + 1]);
    }
}

} // namespace

TEST_CASE("Banded point in polygon equals featureContains", "[feature_bands]") {
    std::mt19937 random(4);
    geo::FlatLayer layer;
    for (int f = 0; f < 40; ++f) {
        layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
        const double cx = 37500000.0 + 1000.0 * f, cy = 2880000.0;
        addRing(layer, random, cx, cy, 400.0, 50 + 40 * f, f % 2 == 0);
        if (f % 3 == 0) // a hole
            addRing(layer, random, cx, cy, 120.0, 30, true);
        if (f % 5 == 0) // a second part
            addRing(layer, random, cx + 300.0, cy + 600.0, 100.0, 12, false);
    }
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));

    std::size_t inside = 0, tested = 0;
    for (std::size_t f = 0; f < layer.featureCount(); ++f) {
        for (const std::size_t perBand : {std::size_t{1}, std::size_t{8}, std::size_t{1000}}) {
            const geo::FeatureBands bands(layer, f, perBand);
            const double cx = 37500000.0 + 1000.0 * static_cast<double>(f), cy = 2880000.0;
            std::uniform_real_distribution<double> dx(cx - 500.0, cx + 500.0);
            std::uniform_real_distribution<double> dy(cy - 500.0, cy + 800.0);
            for (int k = 0; k < 3000; ++k) {
                const double x = dx(random), y = dy(random);
                REQUIRE(bands.contains(x, y) == geo::featureContains(layer, f, x, y));
                if (bands.contains(x, y))
                    ++inside;
                ++tested;
            }
            // Every vertex and every edge midpoint: the boundary cases.
            for (std::uint32_t part = layer.featurePart[f]; part < layer.featurePart[f + 1]; ++part)
                for (std::uint32_t v = layer.partStart[part]; v + 1 < layer.partStart[part + 1];
                     ++v) {
                    const double x0 = layer.xy[2 * v], y0 = layer.xy[2 * v + 1];
                    const double x1 = layer.xy[2 * v + 2], y1 = layer.xy[2 * v + 3];
                    REQUIRE(bands.contains(x0, y0) == geo::featureContains(layer, f, x0, y0));
                    const double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
                    REQUIRE(bands.contains(mx, my) == geo::featureContains(layer, f, mx, my));
                }
        }
    }
    CHECK(inside > tested / 10); // the points do fall inside as well as outside
    CHECK(inside < tested / 2 + tested / 4);
    CHECK_FALSE(geo::FeatureBands().contains(0.0, 0.0));
}
