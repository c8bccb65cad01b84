#include "roads.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <queue>

namespace sample {

std::vector<Point> smoothLine(const std::vector<Point>& line, int iterations) {
    std::vector<Point> current = line;
    for (int it = 0; it < iterations && current.size() > 2; ++it) {
        std::vector<Point> next{current.front()};
        for (std::size_t i = 0; i + 1 < current.size(); ++i) {
            const Point& a = current[i];
            const Point& b = current[i + 1];
            if (i > 0)
                next.push_back({0.75 * a.x + 0.25 * b.x, 0.75 * a.y + 0.25 * b.y});
            if (i + 2 < current.size())
                next.push_back({0.25 * a.x + 0.75 * b.x, 0.25 * a.y + 0.75 * b.y});
        }
        next.push_back(current.back());
        current.swap(next);
    }
    return current;
}

namespace {

// Least-cost path on a coarse copy of the DEM grid (A*, eight neighbours).
std::vector<Point> route(const Terrain& terrain, int step, const Point& from, const Point& to) {
    const Grid<float>& dem = terrain.elevation;
    const int w = (dem.width + step - 1) / step;
    const int h = (dem.height + step - 1) / step;
    const double pixel = dem.pixel * step;
    auto colOf = [&](double x) {
        return std::clamp(static_cast<int>((x - dem.originX) / pixel), 0, w - 1);
    };
    auto rowOf = [&](double y) {
        return std::clamp(static_cast<int>((dem.originY - y) / pixel), 0, h - 1);
    };
    auto centre = [&](int c, int r) {
        return Point{dem.originX + (c + 0.5) * pixel, dem.originY - (r + 0.5) * pixel};
    };
    const int sc = colOf(from.x), sr = rowOf(from.y), tc = colOf(to.x), tr = rowOf(to.y);
    const auto n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    std::vector<double> cost(n, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> parent(n, SIZE_MAX);
    auto idx = [w](int c, int r) {
        return static_cast<std::size_t>(r) * static_cast<std::size_t>(w) +
               static_cast<std::size_t>(c);
    };
    using Item = std::pair<double, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    cost[idx(sc, sr)] = 0.0;
    open.emplace(0.0, idx(sc, sr));
    const Point goal = centre(tc, tr);
    while (!open.empty()) {
        const std::size_t i = open.top().second;
        open.pop();
        const int c = static_cast<int>(i % static_cast<std::size_t>(w));
        const int r = static_cast<int>(i / static_cast<std::size_t>(w));
        if (c == tc && r == tr)
            break;
        for (int dr = -1; dr <= 1; ++dr)
            for (int dc = -1; dc <= 1; ++dc) {
                const int nc = c + dc, nr = r + dr;
                if ((dc == 0 && dr == 0) || nc < 0 || nr < 0 || nc >= w || nr >= h)
                    continue;
                const Point p = centre(nc, nr);
                const double slope = terrain.slope.sample(p.x, p.y) * std::numbers::pi / 180.0;
                const bool river = terrain.riverDistance.sample(p.x, p.y) < dem.pixel;
                const double len = pixel * ((dc != 0 && dr != 0) ? std::numbers::sqrt2 : 1.0);
                const double stepCost =
                    len * (1.0 + 12.0 * std::tan(slope)) + (river ? 150.0 : 0.0);
                const std::size_t j = idx(nc, nr);
                if (cost[i] + stepCost < cost[j]) {
                    cost[j] = cost[i] + stepCost;
                    parent[j] = i;
                    open.emplace(cost[j] + std::hypot(p.x - goal.x, p.y - goal.y), j);
                }
            }
    }
    std::vector<Point> path{to};
    for (std::size_t i = parent[idx(tc, tr)]; i != SIZE_MAX && i != idx(sc, sr); i = parent[i])
        path.push_back(centre(static_cast<int>(i % static_cast<std::size_t>(w)),
                              static_cast<int>(i / static_cast<std::size_t>(w))));
    path.push_back(from);
    std::reverse(path.begin(), path.end());
    return smoothLine(path, 2);
}

} // namespace

std::vector<Road> planRoads(const std::vector<Village>& villages, const Terrain& terrain) {
    std::vector<Road> roads;
    const std::size_t n = villages.size();
    if (n < 2)
        return roads;
    // Prim's minimum spanning tree over the village centres.
    std::vector<bool> linked(n, false);
    std::vector<double> best(n, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> via(n, 0);
    best[0] = 0.0;
    const int step = std::max(1, terrain.elevation.width / 300);
    int countyRoads = 0;
    int townshipRoads = 0;
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t u = n;
        for (std::size_t i = 0; i < n; ++i)
            if (!linked[i] && (u == n || best[i] < best[u]))
                u = i;
        linked[u] = true;
        if (k > 0) {
            const Village& a = villages[via[u]];
            const Village& b = villages[u];
            Road road;
            char name[16];
            if (a.township != b.township) {
                road.grade = "县道";
                std::snprintf(name, sizeof name, "X%03d", ++countyRoads);
            } else {
                road.grade = "乡道";
                std::snprintf(name, sizeof name, "Y%03d", ++townshipRoads);
            }
            road.name = name;
            road.line = route(terrain, step, a.centre, b.centre);
            roads.push_back(std::move(road));
        }
        for (std::size_t i = 0; i < n; ++i) {
            const double d = std::hypot(villages[i].centre.x - villages[u].centre.x,
                                        villages[i].centre.y - villages[u].centre.y);
            if (!linked[i] && d < best[i]) {
                best[i] = d;
                via[i] = u;
            }
        }
    }
    // A county road reaches every township: in a county of one township (no road between
    // townships), its first link is one. Only the grade and the name change.
    if (countyRoads == 0 && !roads.empty()) {
        roads.front().grade = "县道";
        roads.front().name = "X001";
    }
    return roads;
}

} // namespace sample
