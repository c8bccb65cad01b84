// The Z order the river searches visit parcels in (geo/spatial_order.h): the corners of the
// extent in Morton order, and random features in the order of their first vertex's Morton key,
// worked out here bit by bit, equal keys in index order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "geo/spatial_order.h"
#include "support/flat_layers.h"

namespace {

using testing::Feature;
using testing::Ring;

// A small square with its first vertex at (x, y).
Feature squareAt(double x, double y) {
    return {Ring{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}};
}

// The key of a point on the 65536 x 65536 grid over `extent`: x in the even bits, y in the odd.
std::uint32_t mortonKey(const geo::Extent& extent, double x, double y) {
    const auto gx =
        static_cast<std::uint32_t>((x - extent.minX) * 65535.0 / (extent.maxX - extent.minX));
    const auto gy =
        static_cast<std::uint32_t>((y - extent.minY) * 65535.0 / (extent.maxY - extent.minY));
    std::uint32_t key = 0;
    for (int bit = 0; bit < 16; ++bit)
        key |= ((gx >> bit) & 1U) << (2 * bit) | ((gy >> bit) & 1U) << (2 * bit + 1);
    return key;
}

} // namespace

TEST_CASE("spatial order: the extent's corners in Z order", "[spatial_order]") {
    // Indices 0..3: top right, bottom left, top left, bottom right (the squares stick out of
    // the first vertices by 1 m: the extent is 0..101).
    const geo::FlatLayer layer = testing::flatLayerOf(
        {squareAt(100, 100), squareAt(0, 0), squareAt(0, 100), squareAt(100, 0)});
    CHECK(geo::spatialOrder(layer) == std::vector<std::uint32_t>{1, 3, 2, 0});
}

TEST_CASE("spatial order: random features by their first vertex's key, ties in index order",
          "[spatial_order]") {
    std::mt19937_64 random(20231129);
    std::uniform_real_distribution<double> coordinate(0, 50000);
    std::vector<Feature> features;
    for (int i = 0; i < 20000; ++i) {
        if (i % 997 == 0) {
            features.push_back({}); // no shape: key 0
            continue;
        }
        // Every tenth a copy of an earlier one's place: equal keys.
        if (i % 10 == 0 && !features[std::size_t(i / 2)].empty())
            features.push_back(features[std::size_t(i / 2)]);
        else
            features.push_back(squareAt(coordinate(random), coordinate(random)));
    }
    const geo::FlatLayer layer = testing::flatLayerOf(features);
    std::vector<std::uint32_t> keys(features.size(), 0);
    for (std::size_t i = 0; i < features.size(); ++i)
        if (!features[i].empty())
            keys[i] = mortonKey(layer.extent, features[i][0][0].first, features[i][0][0].second);
    std::vector<std::uint32_t> expected(features.size());
    std::iota(expected.begin(), expected.end(), 0U);
    std::stable_sort(expected.begin(), expected.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });

    const std::vector<std::uint32_t> order = geo::spatialOrder(layer);
    REQUIRE(order.size() == expected.size());
    std::size_t differ = 0;
    for (std::size_t k = 0; k < order.size(); ++k)
        differ += order[k] != expected[k];
    CHECK(differ == 0);
}
