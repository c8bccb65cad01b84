// The location grid answers only where its answer is the exact one: random points, vertices
// and edge midpoints against overlapping polygons with holes and several parts, compared
// with the first polygon that contains each point by featureContains.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "geo/flat_geometry.h"
#include "geo/location_grid.h"

namespace {

void addRing(geo::FlatLayer& layer, std::mt19937& random, double cx, double cy, double radius,
             int n) {
    std::uniform_real_distribution<double> scale(0.5, 1.0);
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));
    layer.partIsRing.push_back(1);
    const double pi = std::acos(-1.0);
    for (int k = 0; k < n; ++k) {
        const double a = 2 * pi * k / n, r = radius * scale(random);
        layer.xy.push_back(cx + r * std::cos(a));
        layer.xy.push_back(cy + r * std::sin(a));
    }
}

int firstContaining(const geo::FlatLayer& layer, double x, double y) {
    for (std::size_t f = 0; f < layer.featureCount(); ++f)
        if (geo::featureContains(layer, f, x, y))
            return static_cast<int>(f);
    return -1;
}

} // namespace

TEST_CASE("the location grid answers as the exact test, or leaves the point to it",
          "[location_grid]") {
    std::mt19937 random(29);
    geo::FlatLayer layer;
    const double x0 = 37500000.0, y0 = 2880000.0; // Gauss-Krüger sized coordinates
    for (int f = 0; f < 30; ++f) {
        layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
        // Neighbours 600 m apart with radii up to 450 m: some overlap.
        const double cx = x0 + 600.0 * (f % 6), cy = y0 + 600.0 * (f / 6);
        addRing(layer, random, cx, cy, 450.0, 40 + 10 * f);
        if (f % 3 == 0) // a hole
            addRing(layer, random, cx, cy, 100.0, 20);
        if (f % 4 == 0) // a second part
            addRing(layer, random, cx + 250.0, cy + 250.0, 60.0, 9);
    }
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));

    const auto locate = [&](double x, double y) {
        return firstContaining(layer, x, y);
    };
    for (const std::size_t cells : {std::size_t{100}, std::size_t{20'000}, std::size_t{400'000}}) {
        INFO(cells << " cells");
        const geo::LocationGrid grid(layer, locate, cells);
        std::size_t known = 0, tested = 0;
        auto check = [&](double x, double y) {
            ++tested;
            if (const std::optional<int> answer = grid.known(x, y)) {
                ++known;
                REQUIRE(*answer == locate(x, y));
            }
        };
        std::uniform_real_distribution<double> dx(x0 - 800.0, x0 + 3800.0);
        std::uniform_real_distribution<double> dy(y0 - 800.0, y0 + 3200.0);
        for (int k = 0; k < 20000; ++k)
            check(dx(random), dy(random));
        const std::size_t knownRandom = known, testedRandom = tested;
        for (std::size_t v = 0; v + 1 < layer.xy.size() / 2; ++v) { // the boundary cases
            check(layer.xy[2 * v], layer.xy[2 * v + 1]);
            check((layer.xy[2 * v] + layer.xy[2 * v + 2]) / 2,
                  (layer.xy[2 * v + 1] + layer.xy[2 * v + 3]) / 2);
        }
        if (cells >= 400'000) // fine cells: many random points are answered by the grid
            CHECK(knownRandom > testedRandom / 4);
    }
    // No polygons: nothing is known.
    const geo::LocationGrid none(geo::FlatLayer{}, locate);
    CHECK_FALSE(none.known(x0, y0));
}

TEST_CASE("a box the location grid knows lies wholly in the polygons it names", "[location_grid]") {
    std::mt19937 random(31);
    geo::FlatLayer layer;
    const double x0 = 37500000.0, y0 = 2880000.0;
    for (int f = 0; f < 12; ++f) {
        layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
        addRing(layer, random, x0 + 600.0 * (f % 4), y0 + 600.0 * (f / 4), 450.0, 60);
    }
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.xy.size() / 2));
    const auto locate = [&](double x, double y) {
        return firstContaining(layer, x, y);
    };
    for (const std::size_t cells : {std::size_t{2'000}, std::size_t{200'000}}) {
        INFO(cells << " cells");
        const geo::LocationGrid grid(layer, locate, cells);
        // Boxes from a tenth of a cell to two cells across (as parcels are), each known one
        // checked at its corners and at random points against the exact answer.
        const double cell = std::sqrt(3300.0 * 2100.0 / double(cells));
        std::uniform_real_distribution<double> dx(x0 - 600.0, x0 + 2400.0);
        std::uniform_real_distribution<double> dy(y0 - 600.0, y0 + 1800.0);
        std::uniform_real_distribution<double> size(0.1 * cell, 1.9 * cell), unit(0.0, 1.0);
        // Every other box is a strip up to 80 cells wide: its cells' clear marks span several
        // words of the grid's bit rows.
        std::uniform_real_distribution<double> strip(1.9 * cell, 80.0 * cell);
        std::size_t known = 0, knownStrips = 0;
        for (int k = 0; k < 40000; ++k) {
            const bool isStrip = k % 2 == 1;
            const double x = dx(random), y = dy(random);
            const double w = isStrip ? strip(random) : size(random), h = size(random);
            const geo::Extent box{x, y, x + w, y + h};
            const std::optional<int> answer = grid.knownBox(box);
            if (!answer)
                continue;
            ++known;
            knownStrips += isStrip && w > 64.0 * cell ? 1 : 0;
            for (const auto& [px, py] : {std::pair{x, y}, std::pair{x + w, y}, std::pair{x, y + h},
                                         std::pair{x + w, y + h}})
                REQUIRE(*answer == locate(px, py));
            for (int p = 0; p < 8; ++p)
                REQUIRE(*answer == locate(x + w * unit(random), y + h * unit(random)));
        }
        CHECK(known > 3000); // the grid does answer for boxes away from the lines
        if (cells == 200'000)
            CHECK(knownStrips > 20);
    }
}
