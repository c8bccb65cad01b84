#include "terrain.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <queue>

#include "noise.h"

namespace sample {
namespace {

constexpr int dCol[8] = {1, 1, 0, -1, -1, -1, 0, 1};
constexpr int dRow[8] = {0, -1, -1, -1, 0, 1, 1, 1};

Grid<float> shapeElevation(int columns, int rows, double pixel, double x0, double y0,
                           std::uint64_t seed) {
    Grid<float> dem(columns, rows, x0, y0, pixel);
    const double width = columns * pixel;
    const double height = rows * pixel;
    const double hillScale = std::min(3000.0, std::min(width, height) / 2.0);
    const NoiseField meander(seed + 11, width * 0.45, 2);
    const NoiseField hills(seed + 12, hillScale, 5);
    const NoiseField ridges(seed + 13, hillScale * 0.6, 4);
    const double valleyWidth = std::max(500.0, 0.2 * height);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const double x = dem.centreX(c);
            const double y = dem.centreY(r);
            const double u = (x - x0) / width;             // 0 at the west edge
            const double v = (y - (y0 - height)) / height; // 0 at the south edge
            const double centre = 0.5 + 0.5 * (meander.at(x, 0.0) - 0.5);
            const double d = std::fabs(v - centre) * height;
            const double valley = 1.0 - std::exp(-(d / valleyWidth) * (d / valleyWidth));
            const double h = hills.at(x, y);
            const double ridge = 1.0 - std::fabs(2.0 * ridges.at(x, y) - 1.0);
            const double z = 60.0 + 35.0 * (1.0 - u) +
                             valley * (110.0 + 280.0 * h + 110.0 * ridge * h) + 20.0 * (h - 0.5);
            dem.at(c, r) = static_cast<float>(z);
        }
    return dem;
}

Grid<float> slopeOf(const Grid<float>& dem) {
    Grid<float> slope = Grid<float>::like(dem);
    for (int r = 0; r < dem.height; ++r)
        for (int c = 0; c < dem.width; ++c) {
            const int c0 = std::max(c - 1, 0), c1 = std::min(c + 1, dem.width - 1);
            const int r0 = std::max(r - 1, 0), r1 = std::min(r + 1, dem.height - 1);
            const double dzdx = (dem.at(c1, r) - dem.at(c0, r)) / ((c1 - c0) * dem.pixel);
            const double dzdy = (dem.at(c, r1) - dem.at(c, r0)) / ((r1 - r0) * dem.pixel);
            slope.at(c, r) =
                static_cast<float>(std::atan(std::hypot(dzdx, dzdy)) * 180.0 / std::numbers::pi);
        }
    return slope;
}

} // namespace

Grid<float> distanceTo(const Grid<std::uint8_t>& source, std::vector<std::size_t>* nearest) {
    constexpr float far = std::numeric_limits<float>::max();
    Grid<float> dist = Grid<float>::like(source, far);
    std::vector<std::size_t> from(source.values.size(), SIZE_MAX);
    for (std::size_t i = 0; i < source.values.size(); ++i)
        if (source.values[i]) {
            dist.values[i] = 0.0F;
            from[i] = i;
        }
    const auto ortho = static_cast<float>(source.pixel);
    const auto diag = static_cast<float>(source.pixel * std::numbers::sqrt2);
    auto relax = [&](int c, int r, int nc, int nr, float w) {
        if (!dist.inside(nc, nr))
            return;
        const std::size_t n = dist.index(nc, nr);
        const std::size_t i = dist.index(c, r);
        if (dist.values[n] + w < dist.values[i]) {
            dist.values[i] = dist.values[n] + w;
            from[i] = from[n];
        }
    };
    for (int r = 0; r < dist.height; ++r)
        for (int c = 0; c < dist.width; ++c) {
            relax(c, r, c - 1, r, ortho);
            relax(c, r, c - 1, r - 1, diag);
            relax(c, r, c, r - 1, ortho);
            relax(c, r, c + 1, r - 1, diag);
        }
    for (int r = dist.height - 1; r >= 0; --r)
        for (int c = dist.width - 1; c >= 0; --c) {
            relax(c, r, c + 1, r, ortho);
            relax(c, r, c + 1, r + 1, diag);
            relax(c, r, c, r + 1, ortho);
            relax(c, r, c - 1, r + 1, diag);
        }
    if (nearest)
        *nearest = std::move(from);
    return dist;
}

Terrain makeTerrain(int columns, int rows, double pixel, double x0, double y0, std::uint64_t seed) {
    Terrain t;
    t.elevation = shapeElevation(columns, rows, pixel, x0, y0, seed);
    t.slope = slopeOf(t.elevation);
    const Grid<float>& dem = t.elevation;
    const std::size_t n = dem.values.size();

    // Priority-flood from the border: fills pits (with a tiny gradient so flats drain) and
    // gives an order in which every pixel comes after the pixel it drains into.
    std::vector<double> filled(n);
    std::vector<std::size_t> order;
    order.reserve(n);
    {
        using Item = std::pair<double, std::size_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
        std::vector<std::uint8_t> seen(n, 0);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c)
                if (r == 0 || c == 0 || r == rows - 1 || c == columns - 1) {
                    const std::size_t i = dem.index(c, r);
                    filled[i] = dem.values[i];
                    seen[i] = 1;
                    open.emplace(filled[i], i);
                }
        while (!open.empty()) {
            const std::size_t i = open.top().second;
            open.pop();
            order.push_back(i);
            const int c = static_cast<int>(i % static_cast<std::size_t>(columns));
            const int r = static_cast<int>(i / static_cast<std::size_t>(columns));
            for (int k = 0; k < 8; ++k) {
                const int nc = c + dCol[k], nr = r + dRow[k];
                if (!dem.inside(nc, nr))
                    continue;
                const std::size_t j = dem.index(nc, nr);
                if (seen[j])
                    continue;
                seen[j] = 1;
                filled[j] = std::max(static_cast<double>(dem.values[j]), filled[i] + 1e-3);
                open.emplace(filled[j], j);
            }
        }
    }

    // D8: steepest descent on the filled surface; border pixels drain out of the grid.
    std::vector<std::size_t> down(n, SIZE_MAX);
    for (int r = 1; r < rows - 1; ++r)
        for (int c = 1; c < columns - 1; ++c) {
            const std::size_t i = dem.index(c, r);
            double best = 0.0;
            for (int k = 0; k < 8; ++k) {
                const std::size_t j = dem.index(c + dCol[k], r + dRow[k]);
                const double drop = (filled[i] - filled[j]) / ((k % 2) ? std::numbers::sqrt2 : 1.0);
                if (drop > best) {
                    best = drop;
                    down[i] = j;
                }
            }
        }

    const double pixelArea = pixel * pixel / 1e6;
    t.upstreamArea = Grid<float>::like(dem, static_cast<float>(pixelArea));
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if (down[*it] != SIZE_MAX)
            t.upstreamArea.values[down[*it]] += t.upstreamArea.values[*it];

    // Streams: pixels draining more than a threshold that scales with the county.
    const double total = columns * pixel * rows * pixel / 1e6;
    const double threshold = std::clamp(total / 70.0, 0.1, 6.0);
    Grid<std::uint8_t> stream = Grid<std::uint8_t>::like(dem);
    for (std::size_t i = 0; i < n; ++i)
        stream.values[i] = t.upstreamArea.values[i] >= threshold ? 1 : 0;
    std::vector<std::uint8_t> inflow(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (stream.values[i] && down[i] != SIZE_MAX && stream.values[down[i]])
            inflow[down[i]] = static_cast<std::uint8_t>(std::min(inflow[down[i]] + 1, 8));

    for (std::size_t start : order) {
        if (!stream.values[start] || inflow[start] == 1)
            continue;
        River river;
        std::size_t i = start;
        std::size_t last = start;
        while (true) {
            const int c = static_cast<int>(i % static_cast<std::size_t>(columns));
            const int r = static_cast<int>(i / static_cast<std::size_t>(columns));
            river.line.push_back({dem.centreX(c), dem.centreY(r)});
            last = i;
            if (i != start && inflow[i] != 1)
                break; // reached a confluence: the next segment starts here
            i = down[i];
            if (i == SIZE_MAX || !stream.values[i])
                break;
        }
        if (river.line.size() < 2)
            continue;
        river.upstreamArea = t.upstreamArea.values[last];
        t.mainRiverArea = std::max(t.mainRiverArea, river.upstreamArea);
        river.order =
            1 + static_cast<int>(std::log(river.upstreamArea / threshold) / std::log(4.0));
        t.rivers.push_back(std::move(river));
    }

    std::vector<std::size_t> nearest;
    t.riverDistance = distanceTo(stream, &nearest);
    t.heightAboveRiver = Grid<float>::like(dem);
    for (std::size_t i = 0; i < n; ++i)
        t.heightAboveRiver.values[i] =
            nearest[i] == SIZE_MAX ? 0.0F : std::max(0.0F, dem.values[i] - dem.values[nearest[i]]);
    return t;
}

} // namespace sample
