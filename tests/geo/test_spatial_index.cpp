#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "geo/spatial_index.h"

TEST_CASE("the packed R-tree finds exactly the boxes a brute-force scan finds", "[spatial_index]") {
    // Deterministic pseudo-random boxes of mixed sizes.
    std::vector<geo::Extent> boxes;
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
    };
    for (int i = 0; i < 5000; ++i) {
        const double x = next() * 1000, y = next() * 1000, w = next() * next() * 50,
                     h = next() * next() * 50;
        boxes.push_back({x, y, x + w, y + h});
    }
    boxes.push_back({}); // a null box is never returned
    const geo::SpatialIndex index(boxes);
    CHECK(index.size() == 5000);
    for (int q = 0; q < 200; ++q) {
        const double x = next() * 1000, y = next() * 1000, s = next() * 80;
        const geo::Extent query{x, y, x + s, y + s};
        std::set<std::uint32_t> expected, found;
        for (std::uint32_t i = 0; i < boxes.size(); ++i)
            if (boxes[i].intersects(query))
                expected.insert(i);
        index.query(query, [&](std::uint32_t i) {
            found.insert(i);
            return true;
        });
        REQUIRE(found == expected);
    }
}

TEST_CASE("a query can stop early, and an empty index finds nothing", "[spatial_index]") {
    const geo::SpatialIndex index(std::vector<geo::Extent>(100, geo::Extent{0, 0, 1, 1}));
    int visits = 0;
    index.query({0, 0, 1, 1}, [&](std::uint32_t) { return ++visits < 3; });
    CHECK(visits == 3);
    const geo::SpatialIndex empty;
    empty.query({0, 0, 1, 1}, [](std::uint32_t) {
        FAIL("an empty index returned an item");
        return true;
    });
    CHECK(empty.size() == 0);
}

TEST_CASE("nearest finds what a brute-force scan finds, within the limit", "[spatial_index]") {
    std::vector<geo::Extent> boxes;
    std::uint64_t state = 99;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
    };
    std::vector<std::pair<double, double>> points;
    for (int i = 0; i < 3000; ++i) {
        const double x = next() * 1000, y = next() * 1000;
        points.emplace_back(x, y);
        boxes.push_back({x, y, x, y});
    }
    const geo::SpatialIndex index(boxes);
    for (int q = 0; q < 200; ++q) {
        const double x = next() * 1200 - 100, y = next() * 1200 - 100;
        auto distance = [&](std::uint32_t i) {
            return std::hypot(points[i].first - x, points[i].second - y);
        };
        double expected = 1e300;
        for (std::uint32_t i = 0; i < points.size(); ++i)
            expected = std::min(expected, distance(i));
        const auto [item, found] = index.nearest({x, y, x, y}, 1e9, distance);
        REQUIRE(item >= 0);
        REQUIRE(found == expected);
        const auto [none, limit] = index.nearest({x, y, x, y}, expected * 0.5, distance);
        CHECK(none == -1);
        CHECK(limit == expected * 0.5);
    }
}
