#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <utility>
#include <vector>

#include "geo/flat_layer.h"
#include "geo/row_crossings.h"
#include "support/flat_layers.h"

namespace {

using testing::Feature;
using testing::Ring;

// 30 m rows, as the benchmark county's DEM, at Gauss-Kruger northings.
const geo::RowCentres rowsOf{2918060, -30};

// Every crossed row: its index and its crossings, west to east.
using Rows = std::vector<std::pair<int, std::vector<double>>>;

Rows collect(auto&& way) {
    Rows rows;
    way([&](int r, const double* xs, std::size_t n) {
        rows.emplace_back(r, std::vector(xs, xs + n));
    });
    return rows;
}

// The rule of geo/row_crossings.h written out plainly: every edge against every row.
Rows bruteForce(const Feature& feature, int rowFirst, int rowLast) {
    Rows rows;
    for (int r = rowFirst; r <= rowLast; ++r) {
        const double yc = rowsOf.originY + (r + 0.5) * rowsOf.pixelY;
        std::vector<double> xs;
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
                if (y0 <= yc && yc < y1)
                    xs.push_back(x0 + (yc - y0) * ((x1 - x0) / (y1 - y0)));
            }
        std::sort(xs.begin(), xs.end());
        if (xs.size() >= 2)
            rows.emplace_back(r, xs);
    }
    return rows;
}

// Bit for bit, so that a rounding difference is not forgiven.
bool sameBits(const Rows& a, const Rows& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].first != b[i].first || a[i].second.size() != b[i].second.size() ||
            std::memcmp(a[i].second.data(), b[i].second.data(),
                        a[i].second.size() * sizeof(double)) != 0)
            return false;
    return true;
}

// Deterministic pseudo-random numbers in [0, 1).
struct Random {
    std::uint64_t state = 20261130;
    double operator()() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
    }
};

// A ring of n vertices (n - 1 edges and the closing one) around (cx, cy) within `radius`;
// with `onCentres`, vertices snapped to pixel centres (30 m grid, centres at 15 m), so that
// rows pass exactly through vertices and along horizontal edges.
Ring ringAround(Random& random, double cx, double cy, double radius, int n, bool onCentres) {
    Ring ring;
    const double turn = random() * 2 * std::numbers::pi;
    for (int i = 0; i < n; ++i) {
        const double a = turn + 2 * std::numbers::pi * i / n;
        const double r = radius * (0.3 + 0.7 * random());
        double x = cx + r * std::cos(a), y = cy + r * std::sin(a);
        if (onCentres) {
            x = std::round((x - 15) / 30) * 30 + 15;
            y = rowsOf.centre(
                static_cast<int>(std::round((y - rowsOf.originY) / rowsOf.pixelY - 0.5)));
        }
        ring.emplace_back(x, y);
    }
    if (random() < 0.5)
        ring.push_back(ring.front()); // closed as stored, or open: both are rings
    return ring;
}

} // namespace

TEST_CASE("the few-rows way and the edge list give the same crossings, bit for bit",
          "[row_crossings]") {
    Random random;
    geo::RowCrossings crossings;
    int compared = 0, crossedRows = 0, atRowLimit = 0, atEdgeLimit = 0;
    for (int i = 0; i < 3000; ++i) {
        const double cx = 37516000 + 30 * 1000 * random();
        const double cy = rowsOf.centre(1000) + 30 * 10 * random();
        const double radius = 30 * (0.2 + 4 * random());
        const bool onCentres = random() < 0.3;
        const double kind = random();
        Feature f;
        // Up to 64 edges in all, the few-rows way's limit.
        if (kind < 0.6) {
            f.push_back(
                ringAround(random, cx, cy, radius, 3 + static_cast<int>(random() * 62), onCentres));
            if (f[0].size() > geo::RowCrossings::maxFewEdges)
                f[0].resize(geo::RowCrossings::maxFewEdges);
        } else if (kind < 0.8) { // a hole
            f.push_back(ringAround(random, cx, cy, radius, 20, onCentres));
            f.push_back(ringAround(random, cx, cy, radius * 0.3, 8, onCentres));
        } else if (kind < 0.9) { // two parts
            f.push_back(ringAround(random, cx, cy, radius, 12, onCentres));
            f.push_back(ringAround(random, cx + 2 * radius, cy - radius, radius, 9, onCentres));
        } else { // self-intersecting: vertices in a scrambled order
            f.push_back(ringAround(random, cx, cy, radius, 30, onCentres));
            for (std::size_t k = 1; k + 2 < f[0].size(); k += 3)
                std::swap(f[0][k], f[0][k + 1]);
        }
        const geo::FlatLayer layer = testing::flatLayerOf({f});
        REQUIRE(layer.vertexCount() <= geo::RowCrossings::maxFewEdges);
        atEdgeLimit += layer.vertexCount() == geo::RowCrossings::maxFewEdges;
        // Any window of up to maxFewRows rows, often cutting through the polygon.
        const auto [top, bottom] = rowsOf.between(layer.extent.maxY, layer.extent.minY, 0, 1 << 20);
        const int rowFirst = top - 2 + static_cast<int>(random() * 4);
        const int rowLast =
            std::min(rowFirst + geo::RowCrossings::maxFewRows - 1,
                     rowFirst + static_cast<int>(random() * (bottom - rowFirst + 3)));
        atRowLimit += rowLast - rowFirst + 1 == geo::RowCrossings::maxFewRows;
        INFO("polygon " << i << ", rows " << rowFirst << " to " << rowLast);
        const Rows few = collect([&](auto visit) {
            geo::RowCrossings::fewRows(layer, 0, rowsOf, rowFirst, rowLast, visit);
        });
        const Rows list = collect(
            [&](auto visit) { crossings.edgeList(layer, 0, rowsOf, rowFirst, rowLast, visit); });
        const Rows chosen =
            collect([&](auto visit) { crossings(layer, 0, rowsOf, rowFirst, rowLast, visit); });
        REQUIRE(sameBits(few, list));
        REQUIRE(sameBits(few, chosen));
        REQUIRE(sameBits(few, bruteForce(f, rowFirst, rowLast)));
        ++compared;
        crossedRows += static_cast<int>(few.size());
    }
    CHECK(compared == 3000);
    CHECK(crossedRows > 3000); // most polygons cross some of their rows
    CHECK(atRowLimit > 100);   // windows of exactly maxFewRows rows were tried
    CHECK(atEdgeLimit > 10);   // and rings of exactly maxFewEdges edges
}

TEST_CASE("polygons past the few-rows limits take the edge list, with the same rule",
          "[row_crossings]") {
    Random random;
    geo::RowCrossings crossings;
    int tall = 0, long65 = 0;
    for (int i = 0; i < 400; ++i) {
        const double cx = 37516000 + 30 * 1000 * random();
        const double cy = rowsOf.centre(1000) + 30 * random();
        // 9 rows and more, or 65 edges and more (exactly 65 every fourth time).
        const bool makeTall = i % 2 == 0;
        const double radius = makeTall ? 30 * (15 + 20 * random()) : 30 * (0.5 + 3 * random());
        const int vertices = makeTall ? 8 + static_cast<int>(random() * 40) : 65 + (i / 2) % 40;
        Feature f{ringAround(random, cx, cy, radius, vertices, random() < 0.3)};
        if (!makeTall && i % 4 == 1)
            f[0].resize(65);
        const geo::FlatLayer layer = testing::flatLayerOf({f});
        const auto [rowFirst, rowLast] =
            rowsOf.between(layer.extent.maxY, layer.extent.minY, 0, 1 << 20);
        const bool manyRows = rowLast - rowFirst + 1 > geo::RowCrossings::maxFewRows;
        const bool manyEdges = layer.vertexCount() > geo::RowCrossings::maxFewEdges;
        if (!manyRows && !manyEdges)
            continue;
        tall += manyRows;
        long65 += layer.vertexCount() == geo::RowCrossings::maxFewEdges + 1;
        INFO("polygon " << i << ", rows " << rowFirst << " to " << rowLast << ", "
                        << layer.vertexCount() << " edges");
        const Rows chosen =
            collect([&](auto visit) { crossings(layer, 0, rowsOf, rowFirst, rowLast, visit); });
        REQUIRE(sameBits(chosen, bruteForce(f, rowFirst, rowLast)));
    }
    CHECK(tall > 150);
    CHECK(long65 > 50);
}
